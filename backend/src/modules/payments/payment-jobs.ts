import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { PaymentService } from './payment.service';
import { RefundService } from './refund.service';
import { PaymentGatewayProvider } from './payment-gateway.provider';
import type { AppSettings } from '../../config/settings';

export interface PaymentTickResult {
  paymentsChecked: number;
  paymentsApplied: number;
  paymentsClosed: number;
  refundsRequested: number;
  refundsRetried: number;
  refundsSettled: number;
}

const CERTIFICATE_REFRESH_HOURS = 12;

const NOTHING: PaymentTickResult = { paymentsChecked: 0, paymentsApplied: 0, paymentsClosed: 0, refundsRequested: 0, refundsRetried: 0, refundsSettled: 0 };

/**
 * Scheduled payment work, every JOB_INTERVAL_SECONDS: look up payments whose callback never came
 * (pending for 5 minutes), request the refund of every `refunding` order that has none yet and of
 * every completed order's credit deposit, ask
 * again for refunds the channel did not accept (same out_refund_no), look up refunds whose result
 * callback never came. Every step decides per row by compare-and-swap or a unique key, so several
 * processes may run it at once.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentJobs {
  @Inject()
  payments: PaymentService;

  @Inject()
  refunds: RefundService;

  @Inject()
  gateways: PaymentGatewayProvider;

  @Config('app')
  settings: AppSettings;

  @Logger()
  logger: ILogger;

  private timer: NodeJS.Timeout | null = null;
  private running = false;

  start(): void {
    if (!this.settings.jobsEnabled || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.settings.jobIntervalSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** WeChat publishes a new platform certificate well before the old one expires: download every 12 hours. */
  async refreshCertificates(): Promise<void> {
    const refreshed = await this.gateways.gateway.refreshPlatformCertificates?.(CERTIFICATE_REFRESH_HOURS * 3600_000).catch(err => {
      this.logger.warn('[jobs] platform certificate download failed: %s', err);
      return null;
    });
    if (refreshed?.added.length) this.logger.info('[jobs] new platform certificates: %s', refreshed.added.join(', '));
  }

  /** One pass; tests call it with a chosen clock. */
  async tick(now = new Date(), options: { paymentAgeMinutes?: number; refundRetryMinutes?: number; refundQueryMinutes?: number } = {}): Promise<PaymentTickResult> {
    if (this.running) return { ...NOTHING };
    this.running = true;
    try {
      const reconciled = await this.payments.reconcilePendingPayments(now, options.paymentAgeMinutes ?? 5);
      const refundsRequested = (await this.refunds.requestDueRefunds()) + (await this.refunds.requestDueDepositRefunds());
      const refundsRetried = await this.refunds.retryPendingRefunds(now, options.refundRetryMinutes ?? 1);
      const refundsSettled = await this.refunds.queryProcessingRefunds(now, options.refundQueryMinutes ?? 10);
      await this.refreshCertificates();
      const result = { paymentsChecked: reconciled.checked, paymentsApplied: reconciled.applied, paymentsClosed: reconciled.closed, refundsRequested, refundsRetried, refundsSettled };
      if (reconciled.applied || reconciled.closed || refundsRequested || refundsRetried || refundsSettled) this.logger.info('[jobs] payments: %j', result);
      return result;
    } catch (err) {
      this.logger.error('[jobs] payments tick failed: %s', err);
      return { ...NOTHING };
    } finally {
      this.running = false;
    }
  }
}
