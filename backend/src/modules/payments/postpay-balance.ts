/**
 * The postpay balance of an order, derived from rows and never stored: what the customer owes for
 * extra charges they confirmed (money the escort laid out), less the postpay payments that
 * succeeded and were applied to the order. Pure, so the rules are tested without a database.
 */
import type { OrderStatus } from '../orders/order-transitions';

export type PostpayState = 'none' | 'awaiting_confirmation' | 'unpaid' | 'paying' | 'paid';

export const POSTPAY_STATE_LABELS: Record<PostpayState, string> = {
  none: '无补差款',
  awaiting_confirmation: '待客户确认费用',
  unpaid: '待支付补差款',
  paying: '补差款支付中',
  paid: '补差款已结清',
};

/** The balance is paid after the service starts: charges exist only once the escort is at work. */
export const POSTPAY_PAYABLE_STATUSES: OrderStatus[] = ['in_service', 'completed'];

export interface ChargeRow {
  amountFen: number;
  status: 'pending' | 'confirmed' | 'rejected';
}

export interface PostpayPaymentRow {
  purpose: 'prepay' | 'postpay';
  status: 'pending' | 'succeeded' | 'closed' | 'failed';
  amountFen: number;
  appliedToOrder: boolean;
}

export interface PostpayBalance {
  state: PostpayState;
  /** Sum of confirmed charges. */
  chargedFen: number;
  /** Sum of postpay payments applied to the order. */
  paidFen: number;
  /** chargedFen − paidFen: what the customer pays now. */
  dueFen: number;
  /** Charges the customer has not answered yet (not payable until confirmed). */
  awaitingConfirmationFen: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function postpayBalance(charges: readonly ChargeRow[], payments: readonly PostpayPaymentRow[]): PostpayBalance {
  const chargedFen = sum(charges.filter(c => c.status === 'confirmed').map(c => c.amountFen));
  const awaitingConfirmationFen = sum(charges.filter(c => c.status === 'pending').map(c => c.amountFen));
  const postpay = payments.filter(p => p.purpose === 'postpay');
  const paidFen = sum(postpay.filter(p => p.status === 'succeeded' && p.appliedToOrder).map(p => p.amountFen));
  // Payments are applied only up to the balance, so this never goes below zero; the guard keeps a
  // hand-edited row from showing a negative balance.
  const dueFen = Math.max(0, chargedFen - paidFen);
  let state: PostpayState;
  if (dueFen > 0) state = postpay.some(p => p.status === 'pending') ? 'paying' : 'unpaid';
  else if (awaitingConfirmationFen > 0) state = 'awaiting_confirmation';
  else state = chargedFen > 0 ? 'paid' : 'none';
  return { state, chargedFen, paidFen, dueFen, awaitingConfirmationFen };
}
