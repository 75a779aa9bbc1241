/**
 * The chart of accounts and the pure rules that turn a business event into journal lines.
 *
 * Sign convention: `amountFen` > 0 is a debit, < 0 a credit; the lines of every entry sum to 0.
 * Balances are sums of lines, so an asset or an expense-like account (clearing, refunds in
 * transit, channel fees) normally has a positive balance and a liability or revenue account
 * (customer prepayments, escort payable, platform revenue) a negative one.
 *
 * The life of an order's money:
 *   capture      payment succeeded     clearing +P                / customer_prepayments −P
 *   refund       refund succeeded      refunds +R                 / clearing −R      (before the order is recognised)
 *   recognition  order completed       customer_prepayments +P'   / refunds −R'  / platform_revenue −X / escort_payable −Y
 *                                      where P' and R' are the order's open balances and X + Y = P' − R' (split by the
 *                                      escort's share in basis points, largest remainder)
 *   close        cancelled order ends  customer_prepayments +P'   / refunds −R'  / platform_revenue −(P' − R') (penalty kept)
 *   deposit      a credit deposit is   held in customer_prepayments from the capture on; recognition leaves it there
 *                refunded after completion: customer_prepayments +D / clearing −D;
 *                kept (late cancel, no-show): customer_prepayments +D / platform_revenue −D (entry deposit_forfeit)
 *   refund after recognition           platform_revenue +a / escort_payable +b / clearing −R, a + b = R split like X : Y
 *   postpay      balance paid          clearing +B                / escort_payable −B (the escort's outlay, reimbursed)
 *   payout       settlement pays       escort_payable +E          / clearing −E
 *   deduction    penalty / compensation charged to an escort: escort_payable +D / platform_revenue −D
 *   channel fee  (placeholder)         channel_fees +F            / clearing −F
 * So for every recognised or closed order: paid = platform share + escort share + refunds, to the fen.
 */
import { assertFen, splitLargestRemainder } from '../../common/money';

export const LEDGER_ACCOUNTS = {
  customer_payments_clearing: '客户支付清算（支付通道中属于平台的资金）',
  customer_prepayments: '客户预收款（已支付、服务尚未完成）',
  refunds: '退款（已退给客户、尚未与订单结转）',
  platform_revenue: '平台收入',
  escort_payable: '应付陪诊师',
  channel_fees: '支付通道手续费',
} as const;
export type LedgerAccount = keyof typeof LEDGER_ACCOUNTS;
export const LEDGER_ACCOUNT_CODES = Object.keys(LEDGER_ACCOUNTS) as LedgerAccount[];

/** What caused an entry; with `sourceId` it is unique, so posting the same event twice posts once. */
export const LEDGER_SOURCE_TYPES = {
  payment_capture: '支付成功',
  postpay_capture: '补差款支付成功（代垫费用，全额应付陪诊师）',
  refund: '退款成功',
  order_recognition: '订单完成确认收入',
  order_close: '取消订单结转',
  deposit_forfeit: '押金不退（临近取消或爽约，计入平台收入）',
  escort_payout: '陪诊师结算打款',
  escort_deduction: '陪诊师扣款（罚款、赔偿）',
  channel_fee: '支付通道手续费',
} as const;
export type LedgerSourceType = keyof typeof LEDGER_SOURCE_TYPES;

export interface LedgerLineInput {
  account: LedgerAccount;
  amountFen: number;
  orderId?: number | null;
  escortId?: number | null;
}

export class UnbalancedEntryError extends Error {
  readonly code = 'LEDGER_UNBALANCED';
}

/** Throws unless the lines are whole fen on known accounts, non-zero, and sum to exactly zero. */
export function assertBalanced(lines: readonly LedgerLineInput[]): void {
  if (lines.length < 2) throw new UnbalancedEntryError('an entry needs at least two lines');
  let sum = 0n;
  for (const line of lines) {
    if (!(line.account in LEDGER_ACCOUNTS)) throw new UnbalancedEntryError(`unknown account ${String(line.account)}`);
    assertFen(line.amountFen, { allowNegative: true, name: `${line.account} amountFen` });
    if (line.amountFen === 0) throw new UnbalancedEntryError(`zero line on ${line.account}`);
    sum += BigInt(line.amountFen);
  }
  if (sum !== 0n) throw new UnbalancedEntryError(`lines sum to ${sum}, not 0`);
}

/** Drops zero lines (a 0-fen share is not a movement) and checks the rest balance. */
function entry(lines: LedgerLineInput[]): LedgerLineInput[] {
  const kept = lines.filter(l => l.amountFen !== 0);
  if (kept.length === 0) return [];
  assertBalanced(kept);
  return kept;
}

function positive(fen: number, name: string): void {
  assertFen(fen, { name });
  if (fen < 1) throw new UnbalancedEntryError(`${name} must be at least 1 fen`);
}

/** Money arrived for an order: the channel holds it, we owe the service (or the money back). */
export function captureLines(orderId: number, amountFen: number): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  return entry([
    { account: 'customer_payments_clearing', amountFen, orderId },
    { account: 'customer_prepayments', amountFen: -amountFen, orderId },
  ]);
}

/**
 * Money that never paid for the service goes back straight against the prepayment: a late
 * payment's refund, or a credit deposit's after the order completed.
 */
export function prepaymentRefundLines(orderId: number, amountFen: number): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  return entry([
    { account: 'customer_prepayments', amountFen, orderId },
    { account: 'customer_payments_clearing', amountFen: -amountFen, orderId },
  ]);
}

/** A credit deposit is kept (late cancellation, no-show): platform revenue, as its own entry. */
export function depositForfeitLines(orderId: number, amountFen: number): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  return entry([
    { account: 'customer_prepayments', amountFen, orderId },
    { account: 'platform_revenue', amountFen: -amountFen, orderId },
  ]);
}

/** Money went back before the order was recognised: it waits in `refunds` until the order is recognised or closed. */
export function refundLines(orderId: number, amountFen: number): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  return entry([
    { account: 'refunds', amountFen, orderId },
    { account: 'customer_payments_clearing', amountFen: -amountFen, orderId },
  ]);
}

/** An order's open money: what its captures put in prepayments and what its refunds took back (both ≥ 0). */
export interface OpenOrderMoney {
  prepaidFen: number;
  refundedFen: number;
}

export interface RecognitionSplit {
  platformFen: number;
  escortFen: number;
}

/** The escort gets `escortShareBp` of the net (largest remainder: platform + escort = net exactly). */
export function splitNet(netFen: number, escortShareBp: number): RecognitionSplit {
  assertFen(netFen, { name: 'netFen' });
  if (!Number.isSafeInteger(escortShareBp) || escortShareBp < 0 || escortShareBp > 10_000) {
    throw new UnbalancedEntryError(`escortShareBp must be 0..10000, got ${escortShareBp}`);
  }
  const [escortFen, platformFen] = splitLargestRemainder(netFen, [escortShareBp, 10_000 - escortShareBp]);
  return { platformFen, escortFen };
}

/**
 * The service was delivered: the open prepayment (minus refunds already made) becomes platform
 * revenue and the escort's share. No escort (or share 0) → all to the platform.
 */
export function recognitionLines(orderId: number, open: OpenOrderMoney, escortId: number | null, escortShareBp: number): { lines: LedgerLineInput[]; split: RecognitionSplit } {
  const net = netOf(open);
  const split = escortId === null ? { platformFen: net, escortFen: 0 } : splitNet(net, escortShareBp);
  return {
    split,
    lines: entry([
      { account: 'customer_prepayments', amountFen: open.prepaidFen, orderId },
      { account: 'refunds', amountFen: -open.refundedFen, orderId },
      { account: 'platform_revenue', amountFen: -split.platformFen, orderId },
      { account: 'escort_payable', amountFen: -split.escortFen, orderId, escortId },
    ]),
  };
}

/** A cancelled order ends: what was not refunded (the penalty) is platform revenue. */
export function closeLines(orderId: number, open: OpenOrderMoney): LedgerLineInput[] {
  const net = netOf(open);
  return entry([
    { account: 'customer_prepayments', amountFen: open.prepaidFen, orderId },
    { account: 'refunds', amountFen: -open.refundedFen, orderId },
    { account: 'platform_revenue', amountFen: -net, orderId },
  ]);
}

function netOf(open: OpenOrderMoney): number {
  assertFen(open.prepaidFen, { name: 'prepaidFen' });
  assertFen(open.refundedFen, { name: 'refundedFen' });
  if (open.refundedFen > open.prepaidFen) throw new UnbalancedEntryError(`refunds ${open.refundedFen} exceed payments ${open.prepaidFen}`);
  return open.prepaidFen - open.refundedFen;
}

/**
 * A refund after the order was recognised takes the money back from the recognised shares, in
 * their proportion (the escort gives back their part of it). `recognised` is what is left of the
 * shares after earlier reversals; the refund cannot exceed it.
 */
export function reversalLines(orderId: number, amountFen: number, recognised: RecognitionSplit, escortId: number | null): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  const left = recognised.platformFen + recognised.escortFen;
  if (amountFen > left) throw new UnbalancedEntryError(`refund ${amountFen} exceeds the recognised ${left}`);
  const [platformBack, escortBack] = splitLargestRemainder(amountFen, [recognised.platformFen, recognised.escortFen]);
  return entry([
    { account: 'platform_revenue', amountFen: platformBack, orderId },
    { account: 'escort_payable', amountFen: escortBack, orderId, escortId },
    { account: 'customer_payments_clearing', amountFen: -amountFen, orderId },
  ]);
}

/** Settlement pays an escort what they are owed. */
export function payoutLines(escortId: number, amountFen: number): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  return entry([
    { account: 'escort_payable', amountFen, escortId },
    { account: 'customer_payments_clearing', amountFen: -amountFen },
  ]);
}

/**
 * A penalty or a compensation charged to an escort: it comes off what we owe them (deducted in the
 * next settlement) and stays with the platform (which paid the customer, if it was compensation).
 */
export function deductionLines(escortId: number, amountFen: number, orderId: number | null = null): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  return entry([
    { account: 'escort_payable', amountFen, orderId, escortId },
    { account: 'platform_revenue', amountFen: -amountFen, orderId },
  ]);
}

/** The channel's fee for a day or a transaction (placeholder until reconciliation reads the bill). */
export function channelFeeLines(amountFen: number, orderId: number | null = null): LedgerLineInput[] {
  positive(amountFen, 'amountFen');
  return entry([
    { account: 'channel_fees', amountFen, orderId },
    { account: 'customer_payments_clearing', amountFen: -amountFen, orderId },
  ]);
}

/**
 * A postpay balance paid (the customer reimbursing extra charges the escort laid out): the money
 * is owed to that escort in full, nothing of it is platform revenue, and it never passes through
 * prepayments (the order may already be recognised).
 */
export function postpayCaptureLines(orderId: number, escortId: number, amountFen: number): LedgerLineInput[] {
  positive(amountFen, 'postpay amount');
  return entry([
    { account: 'customer_payments_clearing', amountFen, orderId },
    { account: 'escort_payable', amountFen: -amountFen, orderId, escortId },
  ]);
}
