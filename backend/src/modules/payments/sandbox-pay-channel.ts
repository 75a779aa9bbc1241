/**
 * A stand-in for WeChat Pay served by our own backend in development and tests. It holds what
 * WeChat holds (the platform key pair and serial, the APIv3 key, the merchant's public key) and
 * answers the v3 API the way WeChat does: it checks our Authorization signature, signs its answers,
 * and when a payment or refund completes it POSTs an AES-GCM encrypted, RSA-signed callback to the
 * notify_url it was given, with the same Wechatpay-* headers, retrying while we do not answer 2xx.
 * Only who holds the keys and where requests go differ from production.
 *
 * State lives in this process's memory: the sandbox serves one development process.
 */
import { createHash, createPrivateKey, createPublicKey, KeyObject, randomBytes, randomInt, randomUUID } from 'crypto';
import { SANDBOX_PLATFORM_CERTIFICATE, SANDBOX_PLATFORM_PRIVATE_KEY } from './sandbox-platform-certificate';
import type { FetchLike, FetchLikeResponse } from './wechatpay-v3.gateway';
import { rfc3339Shanghai } from './wechatpay-v3.gateway';
import type { ChannelRefundStatus, TradeState } from './payment-gateway';
import { sandboxFeeMilliFen, TradeBillInputRow, writeTradeBill } from './wechatpay-trade-bill';
import {
  encryptResource,
  generateRsaKeyPair,
  MAX_CLOCK_SKEW_SECONDS,
  parseAuthorization,
  readPlatformCertificate,
  requestMessage,
  rsaVerify,
  signAsPlatform,
  SignedHeaders,
} from './wechatpay-crypto';
import { Errors } from '../../common/errors';

export interface SandboxPlatformKey {
  serial: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The X.509 certificate served by GET /v3/certificates; null for a bare key (then nothing to download). */
  certificatePem: string | null;
}

export interface SandboxKeys {
  mchId: string;
  appId: string;
  apiV3Key: string;
  /** The key the sandbox signs with now (the newest certificate). */
  platform: SandboxPlatformKey;
  merchant: { serial: string; privateKey: KeyObject; publicKey: KeyObject };
}

/**
 * Keys for a sandbox. The platform key is the shipped sandbox certificate's (so the certificate
 * download has a real X.509 certificate to serve), or one given from the environment with its
 * certificate; a key given without a certificate gets a stable SHA-1 serial and no certificate.
 * The merchant key is fresh unless given (restarts keep it).
 */
export function sandboxKeys(input: { mchId: string; appId: string; apiV3Key?: string; platformKey?: KeyObject; platformCertificatePem?: string; merchantKey?: KeyObject }): SandboxKeys {
  const bare = (given?: KeyObject) => {
    if (!given) return generateRsaKeyPair();
    const publicKey = createPublicKey(given);
    // A stable serial for a given key, like a certificate serial.
    const serial = createHash('sha1').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').toUpperCase();
    return { privateKey: given, publicKey, serial };
  };
  return {
    mchId: input.mchId,
    appId: input.appId,
    apiV3Key: input.apiV3Key ?? randomBytes(16).toString('hex'),
    platform: platformKey(input.platformKey, input.platformCertificatePem) ?? { ...bare(input.platformKey), certificatePem: null },
    merchant: bare(input.merchantKey),
  };
}

/** A platform key with its certificate (the shipped one when neither is given); null for a key without a certificate. */
export function platformKey(privateKey?: KeyObject, certificatePem?: string): SandboxPlatformKey | null {
  if (privateKey && !certificatePem) return null;
  const pem = certificatePem ?? SANDBOX_PLATFORM_CERTIFICATE;
  const key = privateKey ?? createPrivateKey(SANDBOX_PLATFORM_PRIVATE_KEY);
  const cert = readPlatformCertificate(pem);
  if (!cert.publicKey.equals(createPublicKey(key))) throw new Error('the sandbox platform certificate does not belong to its private key');
  return { serial: cert.serial, privateKey: key, publicKey: cert.publicKey, certificatePem: pem };
}

/** Sends one callback to a notify URL; answers the HTTP status (and body) our endpoint gave. */
export type NotificationTransport = (url: string, request: { headers: Record<string, string>; body: string }) => Promise<{ status: number; body: string }>;

export const fetchTransport: NotificationTransport = async (url, request) => {
  const res = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: await res.text() };
};

export interface SandboxTransaction {
  outTradeNo: string;
  prepayId: string;
  appId: string;
  mchId: string;
  description: string;
  totalFen: number;
  payerOpenid: string | null;
  notifyUrl: string;
  expiresAt: Date;
  state: TradeState;
  transactionId: string | null;
  successTime: Date | null;
  createdAt: Date;
}

export interface SandboxRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  amountFen: number;
  totalFen: number;
  reason: string;
  notifyUrl: string;
  status: ChannelRefundStatus;
  createdAt: Date;
  successTime: Date | null;
}

export interface SandboxDelivery {
  id: string;
  kind: 'transaction' | 'refund';
  url: string;
  headers: Record<string, string>;
  body: string;
  attempts: { at: Date; status: number | null; error?: string }[];
  delivered: boolean;
}

/** A fault to inject into the next matching API call (tests: timeouts, channel errors). */
export interface SandboxFault {
  method?: string;
  path: RegExp;
  answer: 'network' | { status: number; code: string; message?: string };
  /** Fail after the channel did the work (the answer is lost on the way back). */
  afterWork?: boolean;
}

/** WeChat retries an unanswered callback at these intervals, then gives up. */
export const WECHAT_RETRY_DELAYS_MS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600].map(s => s * 1000);

export class SandboxPayChannel {
  readonly transactions = new Map<string, SandboxTransaction>();
  readonly refunds = new Map<string, SandboxRefund>();
  readonly deliveries: SandboxDelivery[] = [];
  /** Every API call the channel received (method, signed URL, body), oldest first. */
  readonly requests: { method: string; url: string; authorization: string; body: string }[] = [];
  readonly faults: SandboxFault[] = [];
  transport: NotificationTransport;
  /** `auto`: a refund completes (and its callback is sent) right after the channel accepts it; `manual`: completeRefund() does it. */
  refundMode: 'auto' | 'manual';
  retryDelaysMs: number[];
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The scheduled retry of each undelivered callback, by delivery id. */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => number;
  /** Bill files by download token. */
  private readonly bills = new Map<string, string>();
  /** Every platform certificate the sandbox has had, served by GET /v3/certificates (WeChat lists old and new during a rotation). */
  readonly certificates: SandboxPlatformKey[] = [];

  constructor(
    readonly keys: SandboxKeys,
    options: { transport?: NotificationTransport; refundMode?: 'auto' | 'manual'; retryDelaysMs?: number[]; now?: () => number } = {}
  ) {
    this.transport = options.transport ?? fetchTransport;
    this.refundMode = options.refundMode ?? 'auto';
    this.retryDelaysMs = options.retryDelaysMs ?? WECHAT_RETRY_DELAYS_MS;
    this.now = options.now ?? Date.now;
    if (keys.platform.certificatePem) this.certificates.push(keys.platform);
  }

  /**
   * WeChat's certificate rotation: a new platform certificate is listed, then answers and callbacks
   * are signed with it. A merchant who only knew the old serial must download certificates again.
   */
  rotatePlatformKey(next: SandboxPlatformKey): void {
    if (next.certificatePem && !this.certificates.some(c => c.serial === next.serial)) this.certificates.push(next);
    this.keys.platform = next;
  }

  // ------------------------------------------------------------------ the v3 API, in process

  /** A fetch-compatible entry point: the WechatPayV3Gateway talks to the sandbox through this. */
  readonly fetch: FetchLike = async (url, init) => {
    const u = new URL(url);
    const v3 = u.pathname.indexOf('/v3/');
    const path = v3 >= 0 ? u.pathname.slice(v3) : u.pathname;
    const signedUrl = `${u.pathname}${u.search}`;
    const body = init.body ?? '';
    const authorization = init.headers.Authorization ?? init.headers.authorization ?? '';
    this.requests.push({ method: init.method, url: signedUrl, authorization, body });
    const fault = this.takeFault(init.method, path);
    if (fault && !fault.afterWork) {
      if (fault.answer === 'network') throw new Error('sandbox: connection reset (injected)');
      return this.answer(fault.answer.status, { code: fault.answer.code, message: fault.answer.message ?? 'injected fault' });
    }
    const authProblem = this.checkAuthorization(init.method, signedUrl, body, authorization);
    if (authProblem) return this.answer(401, { code: 'SIGN_ERROR', message: authProblem });
    if (init.method === 'GET' && path === '/v3/billdownload/file') {
      // The file itself, like WeChat's: plain text, not signed (its SHA1 came in the signed answer).
      const text = this.bills.get(u.searchParams.get('token') ?? '');
      if (text === undefined) return this.answer(404, { code: 'RESOURCE_NOT_EXISTS', message: '账单文件不存在或已过期' });
      return { status: 200, headers: new Headers({ 'Content-Type': 'text/plain; charset=utf-8' }), text: async () => text };
    }
    if (init.method === 'GET' && path === '/v3/bill/tradebill') return this.answer(...Object.values(this.tradeBill(u)) as [number, unknown]);
    let result: { status: number; body?: unknown };
    try {
      result = this.route(init.method, path, u.searchParams, body ? JSON.parse(body) : undefined);
    } catch (err) {
      result = { status: 400, body: { code: 'PARAM_ERROR', message: (err as Error).message } };
    }
    if (fault?.afterWork) {
      if (fault.answer === 'network') throw new Error('sandbox: answer lost (injected)');
      return this.answer(fault.answer.status, { code: fault.answer.code, message: fault.answer.message ?? 'injected fault' });
    }
    return this.answer(result.status, result.body);
  };

  private takeFault(method: string, path: string): SandboxFault | undefined {
    const i = this.faults.findIndex(f => f.path.test(path) && (!f.method || f.method === method));
    return i >= 0 ? this.faults.splice(i, 1)[0] : undefined;
  }

  /** What WeChat checks on every request: the scheme, our mchid and certificate serial, the time, the RSA signature. */
  private checkAuthorization(method: string, url: string, body: string, header: string): string | null {
    const auth = parseAuthorization(header);
    if (!auth) return 'Authorization is not WECHATPAY2-SHA256-RSA2048 with mchid, nonce_str, signature, timestamp, serial_no';
    if (auth.mchid !== this.keys.mchId) return 'mchid does not match';
    if (auth.serial_no.toUpperCase() !== this.keys.merchant.serial.toUpperCase()) return 'serial_no is not the merchant certificate';
    if (Math.abs(Number(auth.timestamp) - this.now() / 1000) > MAX_CLOCK_SKEW_SECONDS) return 'timestamp expired';
    if (!rsaVerify(requestMessage(method, url, auth.timestamp, auth.nonce_str, body), auth.signature, this.keys.merchant.publicKey)) return 'signature does not verify';
    return null;
  }

  private answer(status: number, body?: unknown): FetchLikeResponse {
    const text = body === undefined ? '' : JSON.stringify(body);
    const signed = signAsPlatform(this.keys.platform, text, this.now());
    const headers = new Headers({
      'Content-Type': 'application/json',
      'Request-ID': randomUUID(),
      'Wechatpay-Timestamp': signed.timestamp,
      'Wechatpay-Nonce': signed.nonce,
      'Wechatpay-Signature': signed.signature,
      'Wechatpay-Serial': signed.serial,
    });
    return { status, headers, text: async () => text };
  }

  private route(method: string, path: string, query: URLSearchParams, body: any): { status: number; body?: unknown } {
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return this.prepay(body);
    if (method === 'GET' && (m = path.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/))) {
      if (query.get('mchid') !== this.keys.mchId) return { status: 400, body: { code: 'PARAM_ERROR', message: 'mchid' } };
      const tx = this.transactions.get(decodeURIComponent(m[1]));
      if (!tx) return { status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } };
      this.expireIfDue(tx);
      return { status: 200, body: this.transactionResource(tx) };
    }
    if (method === 'POST' && (m = path.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/))) {
      const tx = this.transactions.get(decodeURIComponent(m[1]));
      if (!tx) return { status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } };
      if (tx.state === 'SUCCESS' || tx.state === 'REFUND') return { status: 400, body: { code: 'ORDERPAID', message: '订单已支付' } };
      tx.state = 'CLOSED';
      return { status: 204 };
    }
    if (method === 'GET' && path === '/v3/certificates') return { status: 200, body: { data: this.certificates.map(c => this.certificateResource(c)) } };
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') return this.createRefund(body);
    if (method === 'GET' && (m = path.match(/^\/v3\/refund\/domestic\/refunds\/([^/]+)$/))) {
      const r = this.refunds.get(decodeURIComponent(m[1]));
      if (!r) return { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' } };
      return { status: 200, body: this.refundResource(r, 'status') };
    }
    return { status: 404, body: { code: 'NOT_FOUND', message: `no such API ${method} ${path}` } };
  }

  private prepay(body: any): { status: number; body?: unknown } {
    if (body?.appid !== this.keys.appId || body?.mchid !== this.keys.mchId) return { status: 400, body: { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' } };
    const total = body?.amount?.total;
    if (!Number.isSafeInteger(total) || total < 1) return { status: 400, body: { code: 'PARAM_ERROR', message: 'amount.total' } };
    if (typeof body.out_trade_no !== 'string' || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(body.out_trade_no)) return { status: 400, body: { code: 'PARAM_ERROR', message: 'out_trade_no' } };
    if (typeof body.notify_url !== 'string' || !body.notify_url) return { status: 400, body: { code: 'PARAM_ERROR', message: 'notify_url' } };
    const existing = this.transactions.get(body.out_trade_no);
    if (existing) {
      this.expireIfDue(existing);
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return { status: 403, body: { code: 'ORDERPAID', message: '该订单已支付' } };
      if (existing.state === 'CLOSED') return { status: 400, body: { code: 'ORDER_CLOSED', message: '订单已关闭' } };
      if (existing.totalFen !== total) return { status: 403, body: { code: 'OUT_TRADE_NO_USED', message: '商户订单号重复' } };
      return { status: 200, body: { prepay_id: existing.prepayId } };
    }
    const prepayId = `wx${Date.now().toString(36)}${randomBytes(12).toString('hex')}`;
    this.transactions.set(body.out_trade_no, {
      outTradeNo: body.out_trade_no,
      prepayId,
      appId: body.appid,
      mchId: body.mchid,
      description: String(body.description ?? ''),
      totalFen: total,
      payerOpenid: body.payer?.openid ?? null,
      notifyUrl: body.notify_url,
      expiresAt: body.time_expire ? new Date(body.time_expire) : new Date(this.now() + 2 * 3600_000),
      state: 'NOTPAY',
      transactionId: null,
      successTime: null,
      createdAt: new Date(this.now()),
    });
    return { status: 200, body: { prepay_id: prepayId } };
  }

  private createRefund(body: any): { status: number; body?: unknown } {
    const tx = body?.transaction_id
      ? [...this.transactions.values()].find(t => t.transactionId === body.transaction_id)
      : this.transactions.get(String(body?.out_trade_no ?? ''));
    if (!tx) return { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' } };
    if (tx.state !== 'SUCCESS' && tx.state !== 'REFUND') return { status: 400, body: { code: 'INVALID_REQUEST', message: '订单未支付' } };
    const refund = body?.amount?.refund;
    if (!Number.isSafeInteger(refund) || refund < 1 || body?.amount?.total !== tx.totalFen) return { status: 400, body: { code: 'PARAM_ERROR', message: 'amount' } };
    const existing = this.refunds.get(String(body.out_refund_no));
    if (existing) {
      // The same out_refund_no is the same refund: a retry never refunds twice.
      if (existing.amountFen !== refund || existing.outTradeNo !== tx.outTradeNo) return { status: 400, body: { code: 'INVALID_REQUEST', message: '退款单号已存在且参数不一致' } };
      return { status: 200, body: this.refundResource(existing, 'status') };
    }
    const refunded = [...this.refunds.values()].filter(r => r.outTradeNo === tx.outTradeNo && r.status !== 'CLOSED' && r.status !== 'ABNORMAL').reduce((s, r) => s + r.amountFen, 0);
    if (refunded + refund > tx.totalFen) return { status: 400, body: { code: 'INVALID_REQUEST', message: '申请退款金额超过订单可退金额' } };
    const r: SandboxRefund = {
      outRefundNo: String(body.out_refund_no),
      refundId: `5030${Date.now()}${String(randomInt(0, 1e9)).padStart(9, '0')}`.slice(0, 29),
      outTradeNo: tx.outTradeNo,
      transactionId: tx.transactionId as string,
      amountFen: refund,
      totalFen: tx.totalFen,
      reason: String(body.reason ?? ''),
      notifyUrl: String(body.notify_url ?? ''),
      status: 'PROCESSING',
      createdAt: new Date(this.now()),
      successTime: null,
    };
    this.refunds.set(r.outRefundNo, r);
    tx.state = 'REFUND';
    if (this.refundMode === 'auto') {
      // After the answer has gone back, like WeChat: the result comes by callback.
      this.track(new Promise(resolve => setImmediate(resolve)).then(() => this.completeRefund(r.outRefundNo, 'SUCCESS')).catch(() => undefined));
    }
    return { status: 200, body: this.refundResource(r, 'status') };
  }

  /**
   * GET /v3/bill/tradebill: the day's bill built from what this sandbox holds (payments by their
   * success time, refunds by theirs, Shanghai day), stored under a token, answered with its SHA1.
   */
  private tradeBill(u: URL): { status: number; body: unknown } {
    const date = u.searchParams.get('bill_date') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { status: 400, body: { code: 'PARAM_ERROR', message: 'bill_date' } };
    const from = new Date(`${date}T00:00:00+08:00`).getTime();
    if (from + 24 * 3600_000 > this.now()) return { status: 400, body: { code: 'NO_STATEMENT_EXIST', message: '账单尚未生成' } };
    const inDay = (d: Date | null) => d !== null && d.getTime() >= from && d.getTime() < from + 24 * 3600_000;
    const rows: TradeBillInputRow[] = [];
    for (const tx of this.transactions.values()) {
      if (!tx.transactionId || !inDay(tx.successTime)) continue;
      rows.push({ tradeTime: tx.successTime as Date, appId: tx.appId, mchId: tx.mchId, transactionId: tx.transactionId, outTradeNo: tx.outTradeNo, openid: tx.payerOpenid ?? '', tradeState: 'SUCCESS', settlementFen: tx.totalFen, description: tx.description, feeMilliFen: sandboxFeeMilliFen(tx.totalFen), rate: '0.60%', orderFen: tx.totalFen });
    }
    for (const r of this.refunds.values()) {
      if (r.status !== 'SUCCESS' || !inDay(r.successTime)) continue;
      const tx = this.transactions.get(r.outTradeNo);
      rows.push({ tradeTime: r.successTime as Date, appId: tx?.appId ?? this.keys.appId, mchId: this.keys.mchId, transactionId: r.transactionId, outTradeNo: r.outTradeNo, openid: tx?.payerOpenid ?? '', tradeState: 'REFUND', settlementFen: 0, refundId: r.refundId, outRefundNo: r.outRefundNo, refundFen: r.amountFen, refundStatus: 'SUCCESS', description: tx?.description ?? '', feeMilliFen: -sandboxFeeMilliFen(r.amountFen), rate: '0.60%', orderFen: 0, requestedRefundFen: r.amountFen });
    }
    rows.sort((a, b) => a.tradeTime.getTime() - b.tradeTime.getTime());
    const text = writeTradeBill(rows);
    const token = randomBytes(16).toString('hex');
    this.bills.set(token, text);
    return {
      status: 200,
      body: { hash_type: 'SHA1', hash_value: createHash('sha1').update(text, 'utf8').digest('hex'), download_url: `${u.origin}${u.pathname.slice(0, u.pathname.indexOf('/v3/'))}/v3/billdownload/file?token=${token}` },
    };
  }

  /** One entry of GET /v3/certificates: the PEM encrypted with the APIv3 key (associated data "certificate"). */
  private certificateResource(c: SandboxPlatformKey): Record<string, unknown> {
    const cert = readPlatformCertificate(c.certificatePem as string);
    const encrypted = encryptResource(this.keys.apiV3Key, c.certificatePem as string, 'certificate', 'certificate');
    return {
      serial_no: c.serial,
      effective_time: rfc3339Shanghai(cert.notBefore),
      expire_time: rfc3339Shanghai(cert.notAfter),
      encrypt_certificate: { algorithm: encrypted.algorithm, nonce: encrypted.nonce, associated_data: encrypted.associated_data, ciphertext: encrypted.ciphertext },
    };
  }

  private expireIfDue(tx: SandboxTransaction): void {
    if (tx.state === 'NOTPAY' && tx.expiresAt.getTime() <= this.now()) tx.state = 'CLOSED';
  }

  // ------------------------------------------------------------------ what the payer and WeChat's back office do

  transactionByPrepayId(prepayId: string): SandboxTransaction | undefined {
    return [...this.transactions.values()].find(t => t.prepayId === prepayId);
  }

  /** The payer confirms in the cashier: the money is taken and the callback goes out (first attempt awaited). */
  async pay(prepayId: string): Promise<{ transaction: SandboxTransaction; delivery: SandboxDelivery }> {
    const tx = this.transactionByPrepayId(prepayId);
    if (!tx) throw Errors.notFound('沙箱支付单');
    this.expireIfDue(tx);
    if (tx.state === 'CLOSED') throw Errors.conflict('SANDBOX_TRANSACTION_CLOSED', '该支付单已关闭或已过期');
    if (tx.state !== 'NOTPAY') throw Errors.conflict('SANDBOX_ALREADY_PAID', '该支付单已支付');
    tx.state = 'SUCCESS';
    tx.transactionId = `4200${String(Date.now()).slice(-10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e5)).padStart(5, '0')}`;
    tx.successTime = new Date(this.now());
    const n = this.notification('transaction', this.transactionResource(tx), { eventType: 'TRANSACTION.SUCCESS', summary: '支付成功' });
    const delivery = await this.deliver('transaction', tx.notifyUrl, n);
    return { transaction: tx, delivery };
  }

  /** WeChat's back office finishes a refund and tells us. */
  async completeRefund(outRefundNo: string, status: Exclude<ChannelRefundStatus, 'PROCESSING'> = 'SUCCESS'): Promise<{ refund: SandboxRefund; delivery: SandboxDelivery }> {
    const r = this.refunds.get(outRefundNo);
    if (!r) throw Errors.notFound('沙箱退款单');
    if (r.status !== 'PROCESSING') throw Errors.conflict('SANDBOX_REFUND_FINISHED', '该退款已有结果');
    r.status = status;
    if (status === 'SUCCESS') r.successTime = new Date(this.now());
    const eventType = status === 'SUCCESS' ? 'REFUND.SUCCESS' : status === 'ABNORMAL' ? 'REFUND.ABNORMAL' : 'REFUND.CLOSED';
    const n = this.notification('refund', this.refundResource(r, 'refund_status'), { eventType, summary: status === 'SUCCESS' ? '退款成功' : '退款异常' });
    const delivery = await this.deliver('refund', r.notifyUrl, n);
    return { refund: r, delivery };
  }

  transactionResource(tx: SandboxTransaction): Record<string, unknown> {
    const r: Record<string, unknown> = {
      appid: tx.appId,
      mchid: tx.mchId,
      out_trade_no: tx.outTradeNo,
      trade_type: 'JSAPI',
      trade_state: tx.state,
      trade_state_desc: { SUCCESS: '支付成功', REFUND: '转入退款', NOTPAY: '未支付', CLOSED: '已关闭', REVOKED: '已撤销', USERPAYING: '用户支付中', PAYERROR: '支付失败' }[tx.state],
      attach: '',
      amount: { total: tx.totalFen, currency: 'CNY', ...(tx.transactionId ? { payer_total: tx.totalFen, payer_currency: 'CNY' } : {}) },
    };
    if (tx.transactionId) {
      r.transaction_id = tx.transactionId;
      r.bank_type = 'OTHERS';
      r.success_time = rfc3339Shanghai(tx.successTime as Date);
    }
    if (tx.payerOpenid) r.payer = { openid: tx.payerOpenid };
    return r;
  }

  refundResource(r: SandboxRefund, statusField: 'status' | 'refund_status'): Record<string, unknown> {
    const out: Record<string, unknown> = {
      mchid: this.keys.mchId,
      refund_id: r.refundId,
      out_refund_no: r.outRefundNo,
      transaction_id: r.transactionId,
      out_trade_no: r.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: rfc3339Shanghai(r.createdAt),
      [statusField]: r.status,
      amount: { total: r.totalFen, refund: r.amountFen, payer_total: r.totalFen, payer_refund: r.amountFen, currency: 'CNY' },
    };
    if (r.successTime) out.success_time = rfc3339Shanghai(r.successTime);
    return out;
  }

  // ------------------------------------------------------------------ callbacks

  /**
   * A callback exactly as WeChat builds it: the resource encrypted with the APIv3 key, the body
   * signed with the platform key. Tests use it to craft variants (another amount, a stale time).
   */
  notification(
    kind: 'transaction' | 'refund',
    resource: Record<string, unknown>,
    options: { eventType?: string; summary?: string; nowMs?: number; apiV3Key?: string } = {}
  ): { headers: Record<string, string>; body: string } {
    const nowMs = options.nowMs ?? this.now();
    const encrypted = encryptResource(options.apiV3Key ?? this.keys.apiV3Key, JSON.stringify(resource), kind, kind);
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: rfc3339Shanghai(new Date(nowMs)),
      resource_type: 'encrypt-resource',
      event_type: options.eventType ?? (kind === 'transaction' ? 'TRANSACTION.SUCCESS' : 'REFUND.SUCCESS'),
      summary: options.summary ?? (kind === 'transaction' ? '支付成功' : '退款成功'),
      resource: encrypted,
    });
    return { headers: this.signedHeaders(body, nowMs), body };
  }

  /** Wechatpay-* headers for a body, signed by the sandbox platform key. */
  signedHeaders(body: string, nowMs = this.now()): Record<string, string> {
    const s: SignedHeaders = signAsPlatform(this.keys.platform, body, nowMs);
    return {
      'Content-Type': 'application/json',
      'User-Agent': 'Mozilla/4.0 (sandbox WeChat Pay)',
      'Wechatpay-Timestamp': s.timestamp,
      'Wechatpay-Nonce': s.nonce,
      'Wechatpay-Signature': s.signature,
      'Wechatpay-Serial': s.serial,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    };
  }

  private async deliver(kind: SandboxDelivery['kind'], url: string, n: { headers: Record<string, string>; body: string }): Promise<SandboxDelivery> {
    const d: SandboxDelivery = { id: randomUUID(), kind, url, headers: n.headers, body: n.body, attempts: [], delivered: false };
    this.deliveries.push(d);
    await this.attempt(d);
    return d;
  }

  /** One try; a 2xx answer ends it, anything else is tried again later on WeChat's schedule. */
  private async attempt(d: SandboxDelivery): Promise<void> {
    clearTimeout(this.timers.get(d.id));
    this.timers.delete(d.id);
    if (d.delivered) return;
    try {
      const res = await this.transport(d.url, { headers: d.headers, body: d.body });
      d.attempts.push({ at: new Date(this.now()), status: res.status });
      d.delivered = res.status >= 200 && res.status < 300;
    } catch (err) {
      d.attempts.push({ at: new Date(this.now()), status: null, error: (err as Error).message });
    }
    if (!d.delivered && d.attempts.length <= this.retryDelaysMs.length) {
      const timer = setTimeout(() => this.track(this.attempt(d)), this.retryDelaysMs[d.attempts.length - 1]);
      // Retries never keep the process (or a test run) alive.
      timer.unref();
      this.timers.set(d.id, timer);
    }
  }

  /** Sends again, now, every callback not yet answered with success (what the retry timers would do). */
  async redeliverPending(): Promise<number> {
    const pending = this.deliveries.filter(d => !d.delivered);
    for (const d of pending) await this.attempt(d);
    return pending.filter(d => d.delivered).length;
  }

  /** Resolves once every callback started so far (automatic refund results included) has had its current attempt. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private track(p: Promise<unknown>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
