/**
 * The daily finance summary as arithmetic over one day's ledger sums and the payments module's
 * own totals. Every day's lines sum to zero, so
 *   received − refunded = platform revenue + escort payable accrued + change in unearned money
 * (money paid for services not yet completed, less refunds waiting to be closed). `differenceFen`
 * compares the left side taken from the payment and refund rows (by the channel's times) with the
 * right side taken from the ledger: it must be zero; anything else is a payment or refund the
 * ledger booked on another day, or not at all.
 */
import type { LedgerAccount, LedgerSourceType } from '../ledger/ledger-postings';

export interface LedgerSum {
  sourceType: LedgerSourceType;
  account: LedgerAccount;
  amountFen: number;
}

export interface DailySummary {
  date: string;
  receivedFen: number;
  refundedFen: number;
  platformRevenueFen: number;
  escortPayableFen: number;
  unearnedChangeFen: number;
  paidOutFen: number;
  channelFeesFen: number;
  /** Payments − refunds − payouts − fees: what the channel account moved by (ledger). */
  clearingChangeFen: number;
  differenceFen: number;
}

export function dailySummary(date: string, money: { receivedFen: number; refundedFen: number }, sums: readonly LedgerSum[]): DailySummary {
  let platform = 0;
  let escortAccrued = 0;
  let paidOut = 0;
  let unearned = 0;
  let fees = 0;
  let clearing = 0;
  for (const s of sums) {
    if (s.account === 'platform_revenue') platform -= s.amountFen;
    else if (s.account === 'escort_payable') {
      if (s.sourceType === 'escort_payout') paidOut += s.amountFen;
      else escortAccrued -= s.amountFen;
    } else if (s.account === 'customer_prepayments' || s.account === 'refunds') unearned -= s.amountFen;
    else if (s.account === 'channel_fees') fees += s.amountFen;
    else if (s.account === 'customer_payments_clearing') clearing += s.amountFen;
  }
  return {
    date,
    receivedFen: money.receivedFen,
    refundedFen: money.refundedFen,
    platformRevenueFen: platform,
    escortPayableFen: escortAccrued,
    unearnedChangeFen: unearned,
    paidOutFen: paidOut,
    channelFeesFen: fees,
    clearingChangeFen: clearing,
    differenceFen: money.receivedFen - money.refundedFen - (platform + escortAccrued + unearned),
  };
}
