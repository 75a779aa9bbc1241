/**
 * The postpay balance on the order page: labels, and when a payment of it counts as done. The
 * page never decides the balance itself; it reads GET /api/app/orders/:id/postpay (derived from the
 * confirmed charges and the payments the channel's callback applied) until nothing is due.
 */
import type { PostpayState } from '../services/order-api'

export const POSTPAY_LABELS: Record<PostpayState, string> = {
  none: '无补差款',
  awaiting_confirmation: '有待确认的代垫费用',
  unpaid: '待支付补差款',
  paying: '补差款支付中',
  paid: '补差款已结清',
}

export const CHARGE_STATUS_LABELS: Record<'pending' | 'confirmed' | 'rejected', string> = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '已拒绝',
}

export function postpayLabel(state: string): string {
  return POSTPAY_LABELS[state as PostpayState] ?? state
}

/** The card shows once the escort recorded any charge. */
export function showsPostpay(p: { state: PostpayState; charges: unknown[] } | null): boolean {
  return !!p && (p.state !== 'none' || p.charges.length > 0)
}

/** A started balance payment is done when the backend owes nothing more for it (the callback was applied). */
export function balanceSettled(p: { dueFen: number; state: PostpayState }): boolean {
  return p.dueFen === 0 && p.state !== 'paying'
}

/** Order statuses whose page asks for the balance: charges are recorded once the service started. */
const POSTPAY_STATUSES = ['in_service', 'completed', 'refunding', 'refunded']

export function loadsPostpay(orderStatus: string): boolean {
  return POSTPAY_STATUSES.includes(orderStatus)
}

/**
 * The body the Idempotency-Key is remembered for (createIdempotencyMemo): a retry of the same
 * balance (timeout, a second tap after an error, WeChat's sheet closed) sends the same key and the
 * backend answers the same payment; a balance that changed (another charge confirmed) is a new
 * request, since the backend would replay the first, superseded payment for an old key.
 */
export function postpayRequestBody(orderId: number, p: { dueFen: number }): { orderId: number; dueFen: number } {
  return { orderId, dueFen: p.dueFen }
}

type PostpayPaymentLike = { outTradeNo: string; status: string; appliedToOrder: boolean; amountFen: number }
type PostpayLike = { dueFen: number; state: PostpayState; payments: PostpayPaymentLike[] }

/**
 * What became of the balance payment this page started (its out_trade_no), read from the backend's
 * view only: `paid` (the callback applied it, or nothing is owed any more), `not_applied` (the
 * money came but the balance was already paid: it is refunded), `failed` (closed or failed at the
 * channel), `pending` (no callback yet).
 */
export type BalanceOutcome = 'pending' | 'paid' | 'not_applied' | 'failed'

export function balanceOutcome(p: PostpayLike, outTradeNo: string): BalanceOutcome {
  const payment = p.payments.find((x) => x.outTradeNo === outTradeNo)
  if (payment?.status === 'succeeded') return payment.appliedToOrder ? 'paid' : 'not_applied'
  if (balanceSettled(p)) return 'paid'
  if (payment && (payment.status === 'closed' || payment.status === 'failed')) return 'failed'
  return 'pending'
}

export interface PostpayNotice {
  kind: 'hint' | 'success' | 'warning'
  text: string
  /** Tapping it reloads the page (the result was not known yet). */
  refresh?: boolean
}

/**
 * The line under the balance after the customer paid, derived again from every fresh view so it
 * follows the real state: "confirming" only while the page waits, success only once the backend
 * applied the payment and nothing is due, otherwise what is known.
 */
export function postpayNotice(
  attempt: { outTradeNo: string; waiting: boolean } | null,
  p: PostpayLike | null,
): PostpayNotice | null {
  if (!attempt || !p) return null
  if (attempt.waiting) return { kind: 'hint', text: '正在确认支付结果…' }
  switch (balanceOutcome(p, attempt.outTradeNo)) {
    case 'paid':
      return p.dueFen === 0 ? { kind: 'success', text: '补差款支付成功' } : null
    case 'not_applied':
      return { kind: 'warning', text: '补差款已结清，本次多付的款项将原路退回' }
    case 'failed':
      return { kind: 'warning', text: '支付未完成，请重新支付' }
    default:
      return { kind: 'warning', text: '暂未收到支付结果，请稍后点此刷新', refresh: true }
  }
}

/** Whether the page keeps asking for the balance by itself: a payment is open at the channel. */
export function followsPostpay(p: { state: PostpayState } | null): boolean {
  return !!p && p.state === 'paying'
}

/** Receipts are shown as images only when the address is one the Image component can load. */
export function receiptImage(url: string | null | undefined): string | null {
  if (!url) return null
  return /^(https?:\/\/|\/|data:image\/)/.test(url) ? url : null
}
