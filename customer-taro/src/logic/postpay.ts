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
