import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { PaymentEvent, PaymentEventKind } from './payment-event.entity';
import { NotificationRejectedError, VerifiedNotification } from './payment-gateway';
import { PaymentGatewayProvider } from './payment-gateway.provider';
import { PaymentService } from './payment.service';
import { RefundService } from './refund.service';
import { headerValue, HeaderSource } from './wechatpay-crypto';
import { AuditService } from '../audit/audit.service';

/** The longest body kept (TEXT holds 65,535 bytes; 4 bytes per character at worst). Real callbacks are about 1 KB. */
export const MAX_CALLBACK_BODY_CHARS = 16_000;

const KEPT_HEADERS = ['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial', 'wechatpay-signature-type', 'content-type', 'user-agent', 'request-id'];

export interface IncomingCallback {
  /** The body exactly as received (koa-bodyparser's rawBody); undefined when it was not JSON at all. */
  body: string | undefined;
  headers: HeaderSource;
  requestId: string;
  ip: string;
}

/** The protocol's answer: 204 for success (WeChat stops retrying), otherwise 4xx/5xx with {code: 'FAIL', message}. */
export interface CallbackAnswer {
  status: number;
  body?: { code: 'FAIL'; message: string };
}

const REJECT_STATUS: Record<string, number> = {
  missing_headers: 401,
  unknown_serial: 401,
  timestamp_out_of_window: 401,
  bad_signature: 401,
  unknown_out_trade_no: 404,
  unknown_out_refund_no: 404,
};

/**
 * The callback endpoint's work, in the order the invariants ask: store the request raw; verify it
 * (known serial, five-minute window, RSA signature, AES-GCM decryption); check it against our
 * record (merchant, app, number, amount); apply it once; answer per protocol. Every rejection
 * leaves the event row marked with its reason, a security log line and an audit row.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentNotificationService {
  @InjectEntityModel(PaymentEvent)
  events: Repository<PaymentEvent>;

  @Inject()
  gateways: PaymentGatewayProvider;

  @Inject()
  payments: PaymentService;

  @Inject()
  refunds: RefundService;

  @Inject()
  audit: AuditService;

  @Logger()
  logger: ILogger;

  async receive(kind: PaymentEventKind, req: IncomingCallback, nowMs = Date.now()): Promise<CallbackAnswer> {
    const body = req.body ?? '';
    const rawHeaders: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = headerValue(req.headers, name);
      if (value !== undefined) rawHeaders[name] = value.slice(0, 1024);
    }
    const inserted = await this.events.insert({
      kind,
      rawBody: body.slice(0, MAX_CALLBACK_BODY_CHARS),
      rawHeaders: JSON.stringify(rawHeaders),
      requestId: req.requestId.slice(0, 64),
      ip: req.ip ? req.ip.slice(0, 64) : null,
      verified: false,
      result: 'received',
      applied: false,
      reason: '',
      notificationId: null,
      eventType: null,
      outTradeNo: null,
      outRefundNo: null,
      paymentId: null,
      refundId: null,
    });
    const eventId = inserted.identifiers[0].id as number;
    const serial = rawHeaders['wechatpay-serial'] ?? null;

    try {
      if (req.body === undefined || body.length === 0) return await this.reject(eventId, kind, req, 'malformed_body', serial);
      if (body.length > MAX_CALLBACK_BODY_CHARS) return await this.reject(eventId, kind, req, 'body_too_large', serial);
      let n: VerifiedNotification;
      try {
        n = await this.verify({ headers: req.headers, body }, nowMs);
      } catch (err) {
        if (err instanceof NotificationRejectedError) return await this.reject(eventId, kind, req, err.reason, serial);
        throw err;
      }
      if (n.kind !== kind) return await this.reject(eventId, kind, req, 'unsupported_event', serial, { verified: true });
      const keys = n.kind === 'transaction' ? { outTradeNo: n.transaction.outTradeNo.slice(0, 32) } : { outTradeNo: n.refund.outTradeNo.slice(0, 32), outRefundNo: n.refund.outRefundNo.slice(0, 64) };
      await this.events.update({ id: eventId }, { verified: true, notificationId: n.id.slice(0, 64), eventType: n.eventType.slice(0, 32), ...keys });

      const outcome = n.kind === 'transaction' ? await this.payments.applyTransaction(n.transaction, { via: 'callback', eventId }) : await this.refunds.applyChannelRefund(n.refund, { via: 'callback', eventId });
      if (outcome.outcome === 'rejected') return await this.reject(eventId, kind, req, outcome.reason, serial, { verified: true, ...keys });
      if (outcome.outcome === 'duplicate') {
        await this.events.update({ id: eventId }, { result: 'duplicate', reason: 'already applied' });
      }
      return { status: 204 };
    } catch (err) {
      // Our fault (database, a bug): WeChat will send it again, and the stored event shows what came.
      this.logger.error('[payments] %s callback %d (request %s) failed: %s', kind, eventId, req.requestId, err);
      await this.events.update({ id: eventId }, { reason: `error: ${(err as Error).message}`.slice(0, 255) }).catch(() => undefined);
      return { status: 500, body: { code: 'FAIL', message: '系统繁忙，请稍后重试' } };
    }
  }

  /**
   * Verifies a callback; a serial we do not know may be a new platform certificate (WeChat rotates
   * them), so the certificates are downloaded again, at most once a minute whatever the callbacks
   * say, and the callback verified once more. A download that fails leaves the rejection as it was.
   */
  private async verify(input: { headers: HeaderSource; body: string }, nowMs: number): Promise<VerifiedNotification> {
    const gateway = this.gateways.gateway;
    try {
      return gateway.verifyNotification(input, nowMs);
    } catch (err) {
      if (!(err instanceof NotificationRejectedError) || err.reason !== 'unknown_serial' || !gateway.refreshPlatformCertificates) throw err;
      const refreshed = await gateway.refreshPlatformCertificates().catch(e => {
        this.logger.warn('[payments] certificate download for an unknown serial failed: %s', e);
        return null;
      });
      if (!refreshed?.added.length) throw err;
      this.logger.info('[payments] new platform certificates %s downloaded for a callback', refreshed.added.join(', '));
      return gateway.verifyNotification(input, nowMs);
    }
  }

  private async reject(eventId: number, kind: PaymentEventKind, req: IncomingCallback, reason: string, serial: string | null, extra: Partial<PaymentEvent> = {}): Promise<CallbackAnswer> {
    await this.events.update({ id: eventId }, { ...extra, result: 'rejected', applied: false, reason: reason.slice(0, 255) });
    this.logger.warn('[payments][security] rejected %s callback: reason=%s event=%d request_id=%s ip=%s serial=%s', kind, reason, eventId, req.requestId, req.ip, serial ?? '-');
    await this.audit.record(
      { requestId: req.requestId, ip: req.ip },
      { action: 'payment.callback_rejected', targetType: 'payment_event', targetId: eventId, after: { kind, reason, serial, outTradeNo: extra.outTradeNo ?? null, outRefundNo: extra.outRefundNo ?? null } }
    );
    return { status: REJECT_STATUS[reason] ?? 400, body: { code: 'FAIL', message: `rejected: ${reason}` } };
  }
}
