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

export const EVENT_APPLIED = {
  true: { label: '已生效', color: 'green' },
  false: { label: '未生效', color: 'default' },
} as const satisfies Record<string, EnumEntry>;
