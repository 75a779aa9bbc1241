/**
 * What the payments module needs from a payment channel. Amounts are integer fen (WeChat Pay v3
 * `amount.total` is fen too). The WeChat Pay v3 adapter implements it against WeChat; the
 * sandbox is the same adapter pointed at our own in-process channel with its own keys.
 */
import type { HeaderSource } from './wechatpay-crypto';

export type PaymentChannel = 'wechat' | 'sandbox';

/** What the mini-program passes to `wx.requestPayment`. */
export interface JsapiPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface PrepayInput {
  outTradeNo: string;
  description: string;
  amountFen: number;
  /** Required by WeChat for JSAPI; the sandbox also accepts customers who never logged in with WeChat. */
  payerOpenid: string | null;
  /** After this the channel refuses to take the money (the order's payment window). */
  expiresAt: Date;
}

export interface PrepayResult {
  prepayId: string;
  params: JsapiPayParams;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** A transaction as the channel reports it (query answer or decrypted callback). */
export interface ChannelTransaction {
  appId: string;
  mchId: string;
  outTradeNo: string;
  transactionId: string | null;
  tradeState: TradeState;
  tradeStateDesc: string;
  /** `amount.total`, fen; null when the channel did not say. */
  totalFen: number | null;
  currency: string;
  payerOpenid: string | null;
  successTime: Date | null;
}

export interface RefundInput {
  outTradeNo: string;
  transactionId: string | null;
  outRefundNo: string;
  amountFen: number;
  /** The payment's whole amount, which WeChat wants alongside the refund. */
  totalFen: number;
  reason: string;
}

export type ChannelRefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface ChannelRefund {
  mchId: string | null;
  outRefundNo: string;
  refundId: string | null;
  outTradeNo: string;
  transactionId: string | null;
  status: ChannelRefundStatus;
  /** `amount.refund`, fen. */
  amountFen: number | null;
  /** `amount.total`, fen. */
  totalFen: number | null;
  successTime: Date | null;
  userReceivedAccount: string | null;
}

/** A callback as it arrived: the raw body text (signatures cover these exact bytes) and the headers. */
export interface IncomingNotification {
  headers: HeaderSource;
  body: string;
}

interface NotificationMeta {
  /** WeChat's notification id. */
  id: string;
  eventType: string;
  summary: string;
  /** Which key signed it (platform certificate serial or PUB_KEY_ID_...). */
  serial: string;
}

export type VerifiedNotification = (NotificationMeta & { kind: 'transaction'; transaction: ChannelTransaction }) | (NotificationMeta & { kind: 'refund'; refund: ChannelRefund });

/** Why a callback was refused before anything in it was believed. */
export type NotificationRejection =
  | 'missing_headers'
  | 'unknown_serial'
  | 'timestamp_out_of_window'
  | 'bad_signature'
  | 'malformed_body'
  | 'decrypt_failed'
  | 'unsupported_event';

export class NotificationRejectedError extends Error {
  constructor(
    readonly reason: NotificationRejection,
    message: string
  ) {
    super(message);
    this.name = 'NotificationRejectedError';
  }
}

/**
 * A call to the channel that did not give an answer we can use. `retryable` failures (network,
 * timeouts, 5xx, rate limits, an answer whose signature does not verify) may be repeated with
 * the same out_trade_no / out_refund_no; the others need a person.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface PaymentGateway {
  readonly channel: PaymentChannel;
  readonly mchId: string;
  readonly appId: string;
  /** JSAPI prepay: the same out_trade_no with the same content gives the same prepay id again. */
  prepayJsapi(input: PrepayInput): Promise<PrepayResult>;
  /** Fresh wx.requestPayment parameters for an existing prepay id. */
  payParams(prepayId: string): JsapiPayParams;
  /** null when the channel does not know the out_trade_no (ORDER_NOT_EXIST). */
  queryByOutTradeNo(outTradeNo: string): Promise<ChannelTransaction | null>;
  close(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<ChannelRefund>;
  /** null when the channel does not know the out_refund_no. */
  queryRefund(outRefundNo: string): Promise<ChannelRefund | null>;
  /** Verifies the signature (serial, time window, RSA) and decrypts the resource; throws NotificationRejectedError. */
  verifyNotification(input: IncomingNotification, nowMs?: number): VerifiedNotification;
  /**
   * Downloads the platform certificates again (GET /v3/certificates) unless that happened within
   * `minIntervalMs`; null when the gateway does not download certificates or it was too soon.
   */
  /** The channel's trade bill of a Shanghai day (`YYYY-MM-DD`), as text in WeChat's format, hash-checked. */
  downloadTradeBill?(billDate: string): Promise<string>;
  refreshPlatformCertificates?(minIntervalMs?: number): Promise<{ added: string[]; certificates: { serial: string; notAfter: Date }[] } | null>;
}
