import { KeyObject } from 'crypto';
import {
  ChannelRefund,
  ChannelRefundStatus,
  ChannelTransaction,
  GatewayError,
  IncomingNotification,
  JsapiPayParams,
  NotificationRejectedError,
  PaymentChannel,
  PaymentGateway,
  PrepayInput,
  PrepayResult,
  RefundInput,
  TradeState,
  VerifiedNotification,
} from './payment-gateway';
import {
  decryptResource,
  EncryptedResource,
  jsapiPaySign,
  nonceString,
  PlatformKeyring,
  signRequest,
  unixSeconds,
  verifySignedMessage,
  WechatPayDecryptError,
  WechatPaySignatureError,
} from './wechatpay-crypto';
import { SHANGHAI_UTC_OFFSET_MINUTES } from '../../common/time';

export interface FetchLikeResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The subset of `fetch` the adapter uses; tests and the sandbox pass their own. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<FetchLikeResponse>;

export interface WechatPayV3Options {
  channel?: PaymentChannel;
  mchId: string;
  appId: string;
  /** Serial number of the merchant API certificate whose private key signs our requests. */
  mchSerial: string;
  merchantPrivateKey: KeyObject;
  /** The 32-byte APIv3 key that encrypts callback resources. */
  apiV3Key: string;
  platformKeys: PlatformKeyring;
  notifyUrl: string;
  refundNotifyUrl: string;
  baseUrl?: string;
  /** Sent as Wechatpay-Serial on requests (the WeChat Pay public key id, when one is used). */
  requestSerial?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** WeChat needs payer.openid for JSAPI; the sandbox lets H5 demo customers without one pay. */
  requirePayerOpenid?: boolean;
  now?: () => number;
}

export const WECHATPAY_BASE_URL = 'https://api.mch.weixin.qq.com';

/** The WeChat Pay API v3 adapter: JSAPI prepay, query, close, refund, refund query, callbacks. */
export class WechatPayV3Gateway implements PaymentGateway {
  readonly channel: PaymentChannel;
  readonly mchId: string;
  readonly appId: string;
  private readonly baseUrl: string;
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;

  constructor(private readonly options: WechatPayV3Options) {
    this.channel = options.channel ?? 'wechat';
    this.mchId = options.mchId;
    this.appId = options.appId;
    this.baseUrl = (options.baseUrl ?? WECHATPAY_BASE_URL).replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
    this.now = options.now ?? Date.now;
    if (Buffer.byteLength(options.apiV3Key, 'utf8') !== 32) throw new Error('WECHATPAY_APIV3_KEY must be 32 bytes');
    if (options.platformKeys.size === 0) throw new Error('at least one WeChat Pay platform certificate or public key is needed to verify callbacks');
  }

  async prepayJsapi(input: PrepayInput): Promise<PrepayResult> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 1) throw new GatewayError('PARAM_ERROR', 'amount must be at least 1 fen', false);
    if (!input.payerOpenid && this.options.requirePayerOpenid !== false) {
      throw new GatewayError('PAYER_OPENID_REQUIRED', 'JSAPI payment needs the payer openid (WeChat login)', false);
    }
    const body: Record<string, unknown> = {
      appid: this.appId,
      mchid: this.mchId,
      description: input.description.slice(0, 127),
      out_trade_no: input.outTradeNo,
      time_expire: rfc3339Shanghai(input.expiresAt),
      notify_url: this.options.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
    };
    if (input.payerOpenid) body.payer = { openid: input.payerOpenid };
    const answer = await this.request<{ prepay_id?: string }>('POST', '/v3/pay/transactions/jsapi', body);
    if (!answer?.prepay_id) throw new GatewayError('BAD_ANSWER', 'prepay answer without prepay_id', true);
    return { prepayId: answer.prepay_id, params: this.payParams(answer.prepay_id) };
  }

  payParams(prepayId: string): JsapiPayParams {
    const timeStamp = unixSeconds(this.now());
    const nonceStr = nonceString();
    const pkg = `prepay_id=${prepayId}`;
    return { appId: this.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: jsapiPaySign(this.appId, timeStamp, nonceStr, pkg, this.options.merchantPrivateKey) };
  }

  async queryByOutTradeNo(outTradeNo: string): Promise<ChannelTransaction | null> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.mchId)}`;
    const answer = await this.request<Record<string, unknown>>('GET', path, undefined, ['ORDER_NOT_EXIST', 'RESOURCE_NOT_EXISTS']);
    return answer ? parseTransaction(answer) : null;
  }

  async close(outTradeNo: string): Promise<void> {
    await this.request('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.mchId });
  }

  async refund(input: RefundInput): Promise<ChannelRefund> {
    const body: Record<string, unknown> = {
      out_refund_no: input.outRefundNo,
      reason: input.reason.slice(0, 80),
      notify_url: this.options.refundNotifyUrl,
      amount: { refund: input.amountFen, total: input.totalFen, currency: 'CNY' },
    };
    if (input.transactionId) body.transaction_id = input.transactionId;
    else body.out_trade_no = input.outTradeNo;
    const answer = await this.request<Record<string, unknown>>('POST', '/v3/refund/domestic/refunds', body);
    if (!answer) throw new GatewayError('BAD_ANSWER', 'refund answer without a body', true);
    return parseRefund(answer);
  }

  async queryRefund(outRefundNo: string): Promise<ChannelRefund | null> {
    const answer = await this.request<Record<string, unknown>>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`, undefined, ['RESOURCE_NOT_EXISTS', 'ORDER_NOT_EXIST']);
    return answer ? parseRefund(answer) : null;
  }

  verifyNotification(input: IncomingNotification, nowMs = this.now()): VerifiedNotification {
    let serial: string;
    try {
      serial = verifySignedMessage(this.options.platformKeys, input.headers, input.body, nowMs).serial;
    } catch (err) {
      if (err instanceof WechatPaySignatureError) throw new NotificationRejectedError(err.reason, err.message);
      throw err;
    }
    let envelope: { id?: unknown; event_type?: unknown; summary?: unknown; resource_type?: unknown; resource?: EncryptedResource };
    try {
      envelope = JSON.parse(input.body);
    } catch {
      throw new NotificationRejectedError('malformed_body', 'body is not JSON');
    }
    if (!envelope || typeof envelope !== 'object' || !envelope.resource || typeof envelope.resource !== 'object') {
      throw new NotificationRejectedError('malformed_body', 'body has no resource');
    }
    let plaintext: string;
    try {
      plaintext = decryptResource(this.options.apiV3Key, envelope.resource);
    } catch (err) {
      if (err instanceof WechatPayDecryptError) throw new NotificationRejectedError('decrypt_failed', err.message);
      throw err;
    }
    let resource: Record<string, unknown>;
    try {
      resource = JSON.parse(plaintext);
    } catch {
      throw new NotificationRejectedError('malformed_body', 'decrypted resource is not JSON');
    }
    const meta = { id: String(envelope.id ?? ''), eventType: String(envelope.event_type ?? ''), summary: String(envelope.summary ?? ''), serial };
    const originalType = envelope.resource.original_type;
    if (originalType === 'transaction' || meta.eventType.startsWith('TRANSACTION.')) return { ...meta, kind: 'transaction', transaction: parseTransaction(resource) };
    if (originalType === 'refund' || meta.eventType.startsWith('REFUND.')) return { ...meta, kind: 'refund', refund: parseRefund(resource) };
    throw new NotificationRejectedError('unsupported_event', `event ${meta.eventType.slice(0, 40)} is not handled`);
  }

  /**
   * One signed API call. 2xx answers are believed only after their signature verifies;
   * `notFoundCodes` turn those error codes into `null` (a query for something unknown).
   */
  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, notFoundCodes: string[] = []): Promise<T | null> {
    const url = `${this.baseUrl}${path}`;
    const text = body === undefined ? '' : JSON.stringify(body);
    const signedUrl = (() => {
      const u = new URL(url);
      return `${u.pathname}${u.search}`;
    })();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'escort-platform/0.1 (+wechatpay-v3)',
      Authorization: signRequest({ mchId: this.mchId, serialNo: this.options.mchSerial, privateKey: this.options.merchantPrivateKey }, method, signedUrl, text, this.now()),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.options.requestSerial) headers['Wechatpay-Serial'] = this.options.requestSerial;
    let status: number;
    let answerText: string;
    let answerHeaders: FetchLikeResponse['headers'];
    try {
      const res = await this.fetchFn(url, { method, headers, body: body === undefined ? undefined : text, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
      status = res.status;
      answerHeaders = res.headers;
      answerText = await res.text();
    } catch (err) {
      throw new GatewayError('NETWORK_ERROR', `${method} ${path.split('?')[0]}: ${(err as Error).message}`, true);
    }
    if (status >= 200 && status < 300) {
      try {
        verifySignedMessage(this.options.platformKeys, answerHeaders, answerText, this.now());
      } catch (err) {
        if (err instanceof WechatPaySignatureError) throw new GatewayError('ANSWER_SIGNATURE_INVALID', `answer not believed: ${err.reason}`, true, status);
        throw err;
      }
      if (!answerText) return null;
      try {
        return JSON.parse(answerText) as T;
      } catch {
        throw new GatewayError('BAD_ANSWER', 'answer is not JSON', true, status);
      }
    }
    let code = `HTTP_${status}`;
    let message = answerText.slice(0, 200);
    try {
      const parsed = JSON.parse(answerText) as { code?: string; message?: string };
      if (parsed.code) code = parsed.code;
      if (parsed.message) message = parsed.message;
    } catch {
      // A non-JSON error page (a proxy, an outage): the HTTP status is all there is.
    }
    if (notFoundCodes.includes(code)) return null;
    const retryable = status >= 500 || status === 429 || ['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'NOT_ENOUGH', 'SYSTEMERROR'].includes(code);
    throw new GatewayError(code, message, retryable, status);
  }
}

/** `2026-11-24T09:31:00+08:00`: WeChat wants RFC 3339 with an offset; Shanghai reads best in its console. */
export function rfc3339Shanghai(date: Date): string {
  const local = new Date(date.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * 60_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const date = (v: unknown): Date | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
};

export function parseTransaction(r: Record<string, any>): ChannelTransaction {
  return {
    appId: String(r.appid ?? ''),
    mchId: String(r.mchid ?? ''),
    outTradeNo: String(r.out_trade_no ?? ''),
    transactionId: str(r.transaction_id),
    tradeState: String(r.trade_state ?? '') as TradeState,
    tradeStateDesc: String(r.trade_state_desc ?? ''),
    totalFen: int(r.amount?.total),
    currency: String(r.amount?.currency ?? ''),
    payerOpenid: str(r.payer?.openid),
    successTime: date(r.success_time),
  };
}

export function parseRefund(r: Record<string, any>): ChannelRefund {
  return {
    mchId: str(r.mchid),
    outRefundNo: String(r.out_refund_no ?? ''),
    refundId: str(r.refund_id),
    outTradeNo: String(r.out_trade_no ?? ''),
    transactionId: str(r.transaction_id),
    // The refund query calls it `status`, the refund callback `refund_status`.
    status: String(r.status ?? r.refund_status ?? '') as ChannelRefundStatus,
    amountFen: int(r.amount?.refund),
    totalFen: int(r.amount?.total),
    successTime: date(r.success_time),
    userReceivedAccount: str(r.user_received_account),
  };
}
