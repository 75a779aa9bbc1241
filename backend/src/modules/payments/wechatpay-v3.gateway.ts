import { createHash, KeyObject } from 'crypto';
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
  PlatformCertificate,
  PlatformKeyring,
  readPlatformCertificate,
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
  /**
   * Download platform certificates (GET /v3/certificates) at start, periodically and when a
   * callback names a serial we do not know. Merchants on the newer WeChat Pay public key
   * (PUB_KEY_ID_…) have no certificates to download and leave this off.
   */
  certificateDownload?: boolean;
}

/** Fewest milliseconds between two certificate downloads asked for by unknown serials (anyone can send one). */
export const CERTIFICATE_REFRESH_MIN_INTERVAL_MS = 60_000;

export interface CertificateRefresh {
  /** Every certificate the channel listed and we verified. */
  certificates: { serial: string; notBefore: Date; notAfter: Date }[];
  /** Serials we did not hold before. */
  added: string[];
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
    if (options.platformKeys.size === 0 && !options.certificateDownload) throw new Error('at least one WeChat Pay platform certificate or public key is needed to verify callbacks');
  }

  private certificatesFetchedAt = 0;
  private refreshing: Promise<CertificateRefresh | null> | null = null;

  /**
   * The day's trade bill (bill_type ALL, Shanghai calendar day `YYYY-MM-DD`): GET /v3/bill/tradebill
   * (a signed, verified answer with download_url and its SHA1), then the file itself from
   * download_url (signed as the merchant too; WeChat does not sign the file, so the SHA1 from the
   * verified answer is what makes it believed). Answers the bill text.
   */
  async downloadTradeBill(billDate: string): Promise<string> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate)) throw new GatewayError('PARAM_ERROR', 'bill_date must be YYYY-MM-DD', false);
    const answer = await this.request<{ hash_type?: string; hash_value?: string; download_url?: string }>('GET', `/v3/bill/tradebill?bill_date=${billDate}&bill_type=ALL`);
    if (!answer?.download_url || !answer.hash_value) throw new GatewayError('BAD_ANSWER', 'tradebill answer without download_url or hash_value', true);
    if ((answer.hash_type ?? 'SHA1').toUpperCase() !== 'SHA1') throw new GatewayError('BAD_ANSWER', `hash_type ${answer.hash_type} is not SHA1`, false);
    const file = await this.send('GET', answer.download_url);
    if (file.status < 200 || file.status >= 300) throw this.errorOf(file, 'GET bill download_url');
    const digest = createHash('sha1').update(file.text, 'utf8').digest('hex');
    if (digest !== answer.hash_value.toLowerCase()) throw new GatewayError('BILL_HASH_MISMATCH', `bill SHA1 ${digest} is not the announced ${answer.hash_value}`, true);
    return file.text;
  }

  /** Serials of every platform key we believe now. */
  platformSerials(): string[] {
    return this.options.platformKeys.serials();
  }

  /**
   * GET /v3/certificates: a signed request; each `encrypt_certificate` decrypted with the APIv3 key
   * (AES-256-GCM, so only WeChat, which shares that key, can have made it) and read as X.509 whose
   * serial must equal `serial_no`; expired ones are dropped. The answer's own signature must then
   * verify, with a key we held or with one of the certificates just decrypted (how the very first
   * download bootstraps). Only then are the certificates added to the keyring, by serial; old
   * serials stay, so callbacks signed before a rotation still verify.
   */
  async downloadPlatformCertificates(): Promise<CertificateRefresh> {
    const answer = await this.send('GET', '/v3/certificates');
    if (answer.status < 200 || answer.status >= 300) throw this.errorOf(answer, 'GET /v3/certificates');
    let parsed: { data?: { serial_no?: unknown; encrypt_certificate?: EncryptedResource }[] };
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      throw new GatewayError('BAD_ANSWER', 'certificates answer is not JSON', true, answer.status);
    }
    if (!Array.isArray(parsed?.data) || parsed.data.length === 0) throw new GatewayError('BAD_ANSWER', 'certificates answer lists no certificate', true, answer.status);
    const certs: PlatformCertificate[] = [];
    for (const item of parsed.data) {
      let cert: PlatformCertificate;
      try {
        cert = readPlatformCertificate(decryptResource(this.options.apiV3Key, item.encrypt_certificate as EncryptedResource));
      } catch (err) {
        throw new GatewayError('CERTIFICATE_INVALID', `certificate ${String(item.serial_no).slice(0, 40)} does not decrypt or parse: ${(err as Error).message}`, false, answer.status);
      }
      if (cert.serial !== String(item.serial_no ?? '').toUpperCase()) throw new GatewayError('CERTIFICATE_INVALID', `serial_no ${String(item.serial_no).slice(0, 40)} is not the certificate's serial ${cert.serial}`, false, answer.status);
      if (cert.notAfter.getTime() > this.now()) certs.push(cert);
    }
    const candidates = new PlatformKeyring([...this.options.platformKeys.entries(), ...certs.map(c => ({ serial: c.serial, key: c.publicKey }))]);
    try {
      verifySignedMessage(candidates, answer.headers, answer.text, this.now());
    } catch (err) {
      if (err instanceof WechatPaySignatureError) throw new GatewayError('ANSWER_SIGNATURE_INVALID', `certificates answer not believed: ${err.reason}`, true, answer.status);
      throw err;
    }
    const known = new Set(this.options.platformKeys.serials());
    for (const c of certs) this.options.platformKeys.add(c.serial, c.publicKey);
    this.certificatesFetchedAt = this.now();
    return { certificates: certs.map(c => ({ serial: c.serial, notBefore: c.notBefore, notAfter: c.notAfter })), added: certs.map(c => c.serial).filter(sn => !known.has(sn)) };
  }

  /**
   * Downloads certificates again unless that happened less than `minIntervalMs` ago (the job asks
   * every 12 hours; an unknown serial in a callback asks with the 60-second floor). One download at
   * a time; null when certificate download is off or it was too soon.
   */
  async refreshPlatformCertificates(minIntervalMs = CERTIFICATE_REFRESH_MIN_INTERVAL_MS): Promise<CertificateRefresh | null> {
    if (!this.options.certificateDownload) return null;
    if (this.refreshing) return this.refreshing;
    if (this.certificatesFetchedAt && this.now() - this.certificatesFetchedAt < minIntervalMs) return null;
    this.refreshing = this.downloadPlatformCertificates().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
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
    const answer = await this.send(method, path, body);
    if (answer.status >= 200 && answer.status < 300) {
      try {
        verifySignedMessage(this.options.platformKeys, answer.headers, answer.text, this.now());
      } catch (err) {
        if (err instanceof WechatPaySignatureError) throw new GatewayError('ANSWER_SIGNATURE_INVALID', `answer not believed: ${err.reason}`, true, answer.status);
        throw err;
      }
      if (!answer.text) return null;
      try {
        return JSON.parse(answer.text) as T;
      } catch {
        throw new GatewayError('BAD_ANSWER', 'answer is not JSON', true, answer.status);
      }
    }
    const error = this.errorOf(answer, `${method} ${path.split('?')[0]}`);
    if (notFoundCodes.includes(error.code)) return null;
    throw error;
  }

  /** Sends one request signed as the merchant (a full URL is allowed: bill download URLs); answers status, headers and body text. */
  protected async send(method: 'GET' | 'POST', pathOrUrl: string, body?: unknown): Promise<{ status: number; headers: FetchLikeResponse['headers']; text: string; bytes?: Buffer }> {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const text = body === undefined ? '' : JSON.stringify(body);
    const u = new URL(url);
    const signedUrl = `${u.pathname}${u.search}`;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'escort-platform/0.1 (+wechatpay-v3)',
      Authorization: signRequest({ mchId: this.mchId, serialNo: this.options.mchSerial, privateKey: this.options.merchantPrivateKey }, method, signedUrl, text, this.now()),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.options.requestSerial) headers['Wechatpay-Serial'] = this.options.requestSerial;
    try {
      const res = await this.fetchFn(url, { method, headers, body: body === undefined ? undefined : text, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (err) {
      throw new GatewayError('NETWORK_ERROR', `${method} ${u.pathname}: ${(err as Error).message}`, true);
    }
  }

  /** The GatewayError for a non-2xx answer: WeChat's `code` when the body has one, else HTTP_<status>. */
  protected errorOf(answer: { status: number; text: string }, what: string): GatewayError {
    let code = `HTTP_${answer.status}`;
    let message = `${what}: ${answer.text.slice(0, 200)}`;
    try {
      const parsed = JSON.parse(answer.text) as { code?: string; message?: string };
      if (parsed.code) code = parsed.code;
      if (parsed.message) message = parsed.message;
    } catch {
      // A non-JSON error page (a proxy, an outage): the HTTP status is all there is.
    }
    const retryable = answer.status >= 500 || answer.status === 429 || ['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'NOT_ENOUGH', 'SYSTEMERROR'].includes(code);
    return new GatewayError(code, message, retryable, answer.status);
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
