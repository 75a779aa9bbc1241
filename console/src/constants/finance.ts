/**
 * Payment and refund enums as the backend defines them (backend/src/modules/payments/*.entity.ts).
 * One map per enum: the label people read, the colour of its Tag, and for statuses the ProTable
 * badge. finance.test.ts compares the status keys with the backend's own unions.
 */
import type { EnumEntry } from './enums';

export type PaymentStatus = 'pending' | 'succeeded' | 'closed' | 'failed';

export const PAYMENT_STATUS = {
  pending: { label: '待支付', color: 'gold', status: 'Warning' },
  succeeded: { label: '支付成功', color: 'green', status: 'Success' },
  closed: { label: '已关闭', color: 'default', status: 'Default' },
  failed: { label: '支付失败', color: 'red', status: 'Error' },
} as const satisfies Record<PaymentStatus, EnumEntry>;

/**
 * awaiting_approval and rejected belong to the approval step the backend is adding: a staff
 * refund waits for someone with refund:approve before it is sent to the channel.
 */
export type RefundStatus = 'awaiting_approval' | 'pending' | 'processing' | 'succeeded' | 'failed' | 'rejected';

export const REFUND_STATUS = {
  awaiting_approval: { label: '待审批', color: 'orange', status: 'Warning' },
  pending: { label: '待提交渠道', color: 'gold', status: 'Processing' },
  processing: { label: '退款中', color: 'blue', status: 'Processing' },
  succeeded: { label: '退款成功', color: 'green', status: 'Success' },
  failed: { label: '退款失败', color: 'red', status: 'Error' },
  rejected: { label: '已驳回', color: 'default', status: 'Default' },
} as const satisfies Record<RefundStatus, EnumEntry>;

/** The order of the 退款管理 tabs: what needs a person first. */
export const REFUND_STATUSES = Object.keys(REFUND_STATUS) as RefundStatus[];

export type PaymentChannel = 'wechat' | 'sandbox';

export const PAYMENT_CHANNEL = {
  wechat: { label: '微信支付', color: 'green' },
  sandbox: { label: '沙箱', color: 'purple' },
} as const satisfies Record<PaymentChannel, EnumEntry>;

export type PaymentEventKind = 'transaction' | 'refund';

export const PAYMENT_EVENT_KIND = {
  transaction: { label: '支付回调', color: 'blue' },
  refund: { label: '退款回调', color: 'magenta' },
} as const satisfies Record<PaymentEventKind, EnumEntry>;

/** verified: the signature checked and the resource decrypted; applied: it changed a payment or refund. */
export const EVENT_VERIFIED = {
  true: { label: '验签通过', color: 'green' },
  false: { label: '未验签', color: 'red' },
} as const satisfies Record<string, EnumEntry>;

/** What the endpoint did with a callback (payment_events.result). */
export const EVENT_RESULT = {
  received: { label: '处理中', color: 'default' },
  applied: { label: '已生效', color: 'green' },
  duplicate: { label: '重复回调', color: 'blue' },
  rejected: { label: '已拒绝', color: 'red' },
} as const satisfies Record<string, EnumEntry>;

export const PAYMENT_PURPOSE = {
  prepay: { label: '下单支付', color: 'blue' },
  postpay: { label: '补差款', color: 'orange' },
} as const satisfies Record<string, EnumEntry>;

export const REFUND_SOURCE = {
  manual: { label: '人工退款', color: 'blue' },
  order_cancel: { label: '取消退款', color: 'default' },
  late_payment: { label: '迟到支付退回', color: 'orange' },
  compensation: { label: '工单赔偿', color: 'volcano' },
  deposit: { label: '押金退还', color: 'cyan' },
} as const satisfies Record<string, EnumEntry>;

/** The postpay balance's derived state (GET /api/admin/orders/:id/money → postpay.state). */
export const POSTPAY_STATE = {
  none: { label: '无补差款', color: 'default' },
  awaiting_confirmation: { label: '待客户确认费用', color: 'gold' },
  unpaid: { label: '待支付补差款', color: 'red' },
  paying: { label: '补差款支付中', color: 'processing' },
  paid: { label: '补差款已结清', color: 'green' },
} as const satisfies Record<string, EnumEntry>;

/** Reconciliation results (bill-matching.ts). */
export const RECON_RESULT = {
  matched: { label: '一致', color: 'green' },
  missing_ours: { label: '我方缺失', color: 'red' },
  missing_theirs: { label: '渠道缺失', color: 'volcano' },
  amount_mismatch: { label: '金额不符', color: 'orange' },
  status_mismatch: { label: '状态不符', color: 'gold' },
} as const satisfies Record<string, EnumEntry>;

export const RECON_KIND = {
  payment: { label: '支付', color: 'blue' },
  refund: { label: '退款', color: 'magenta' },
} as const satisfies Record<string, EnumEntry>;
