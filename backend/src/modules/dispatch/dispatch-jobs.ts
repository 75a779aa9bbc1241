import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { OrderService } from '../orders/order.service';
import { EscortCredentialService } from '../escorts/escort-credential.service';
import { SettingsService } from '../settings/settings.service';
import { toShanghaiDateString } from '../../common/time';
import type { AppSettings } from '../../config/settings';

/**
 * Workforce jobs: the accept timeout (every tick) and the credential expiry check (once per
 * Shanghai day per process). Both decide row by row with compare-and-swap, so several processes
 * running them at once do each thing once; tests call the methods with a chosen clock.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DispatchJobs {
  @Inject()
  orders: OrderService;

  @Inject()
  credentials: EscortCredentialService;

  @Inject()
  settings: SettingsService;

  @Config('app')
  app: AppSettings;

  @Logger()
  logger: ILogger;

  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private lastExpiryDay = '';

  start(): void {
    if (!this.app.jobsEnabled || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.app.jobIntervalSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Dispatched orders not accepted within the limit go back to the pool, with an alert to dispatchers. */
  async returnUnaccepted(now = new Date()): Promise<number[]> {
    const minutes = (await this.settings.get('workforce')).acceptTimeoutMinutes;
    return this.orders.returnUnaccepted(new Date(now.getTime() - minutes * 60_000));
  }

  /** The daily credential check: warn before expiry, stop dispatch after it. */
  async checkCredentialExpiry(now = new Date()) {
    return this.credentials.runExpiryJob(now);
  }

  async tick(now = new Date()): Promise<{ returned: number; warned: number; expired: number }> {
    if (this.running) return { returned: 0, warned: 0, expired: 0 };
    this.running = true;
    try {
      const returned = (await this.returnUnaccepted(now)).length;
      let warned = 0;
      let expired = 0;
      const today = toShanghaiDateString(now);
      if (today !== this.lastExpiryDay) {
        ({ warned, expired } = await this.checkCredentialExpiry(now));
        this.lastExpiryDay = today;
      }
      if (returned || warned || expired) this.logger.info(`[dispatch-jobs] returned ${returned} unaccepted orders, warned ${warned}, expired ${expired} credentials`);
      return { returned, warned, expired };
    } catch (err) {
      this.logger.error('[dispatch-jobs] tick failed: %s', err);
      return { returned: 0, warned: 0, expired: 0 };
    } finally {
      this.running = false;
    }
  }
}
