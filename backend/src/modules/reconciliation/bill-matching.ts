/**
 * Matching a day's trade bill against our payments and refunds. Pure: the service loads the rows,
 * this decides. Every bill row and every record of ours that moved money that day ends in exactly
 * one item:
 *   matched          both sides agree (number, amount, state)
 *   missing_ours     the channel has it, we have no such payment or refund
 *   missing_theirs   we recorded money that day, the channel's bill does not list it
 *   amount_mismatch  both have it, the amounts differ
 *   status_mismatch  both have it, the states differ (paid there, not here; refund finished there, pending here …)
 * Bill rows are looked up among all our records (a payment that succeeded at 23:59:59 here and
 * 00:00:01 there matches); "missing theirs" only counts our records of the day.
 */
import type { TradeBillRow } from '../payments/wechatpay-trade-bill';

export const RECON_RESULTS = ['matched', 'missing_ours', 'missing_theirs', 'amount_mismatch', 'status_mismatch'] as const;
export type ReconResult = (typeof RECON_RESULTS)[number];

export const RECON_RESULT_LABELS: Record<ReconResult, string> = {
  matched: '一致',
  missing_ours: '我方缺失',
  missing_theirs: '渠道缺失',
  amount_mismatch: '金额不符',
  status_mismatch: '状态不符',
};

export interface OurPayment {
  outTradeNo: string;
  transactionId: string | null;
  amountFen: number;
  status: string;
  paidAt: Date | null;
}

export interface OurRefund {
  outRefundNo: string;
  outTradeNo: string;
  channelRefundId: string | null;
  amountFen: number;
  status: string;
  succeededAt: Date | null;
}

export interface ReconItem {
  kind: 'payment' | 'refund';
  /** out_trade_no for payments, out_refund_no for refunds. */
  key: string;
  result: ReconResult;
  ourFen: number | null;
  theirFen: number | null;
  ourStatus: string | null;
  theirStatus: string | null;
  transactionId: string | null;
  detail: string;
}

export interface MatchOutcome {
  items: ReconItem[];
  counts: Record<ReconResult, number>;
  /** Money in and out by the bill and by our records of the day, fen. */
  totals: { theirPaidFen: number; theirRefundedFen: number; ourPaidFen: number; ourRefundedFen: number };
}

/** Our refund states as the channel names them. */
const REFUND_STATE: Record<string, string> = {
  succeeded: 'SUCCESS',
  processing: 'PROCESSING',
  pending: 'PROCESSING',
  failed: 'ABNORMAL',
};

const within = (d: Date | null, day: { from: Date; to: Date }) => d !== null && d.getTime() >= day.from.getTime() && d.getTime() < day.to.getTime();

export function isRefundRow(r: TradeBillRow): boolean {
  return r.tradeState === 'REFUND' || r.outRefundNo !== '';
}

export function matchTradeBill(rows: readonly TradeBillRow[], ours: { payments: readonly OurPayment[]; refunds: readonly OurRefund[] }, day: { from: Date; to: Date }): MatchOutcome {
  const payments = new Map(ours.payments.map(p => [p.outTradeNo, p]));
  const refunds = new Map(ours.refunds.map(r => [r.outRefundNo, r]));
  const seenPayments = new Set<string>();
  const seenRefunds = new Set<string>();
  const items: ReconItem[] = [];

  for (const row of rows) {
    if (isRefundRow(row)) {
      const key = row.outRefundNo;
      // Some exports write refunds as negative amounts: the refund's size is what is compared.
      const theirRefundFen = Math.abs(row.refundFen);
      const base = { kind: 'refund' as const, key, theirFen: theirRefundFen, theirStatus: row.refundStatus || null, transactionId: row.transactionId || null };
      const our = refunds.get(key);
      if (seenRefunds.has(key)) {
        items.push({ ...base, result: 'missing_ours', ourFen: null, ourStatus: null, detail: '账单中重复出现的退款' });
        continue;
      }
      seenRefunds.add(key);
      if (!our) {
        items.push({ ...base, result: 'missing_ours', ourFen: null, ourStatus: null, detail: '我方没有该退款单' });
        continue;
      }
      const mine = { ourFen: our.amountFen, ourStatus: our.status };
      const expected = REFUND_STATE[our.status] ?? our.status.toUpperCase();
      const theirs = row.refundStatus === 'CLOSED' ? 'ABNORMAL' : row.refundStatus;
      if (theirs !== expected) items.push({ ...base, ...mine, result: 'status_mismatch', detail: `渠道 ${row.refundStatus || '-'}，我方 ${our.status}` });
      else if (our.amountFen !== theirRefundFen) items.push({ ...base, ...mine, result: 'amount_mismatch', detail: `差额 ${theirRefundFen - our.amountFen} 分` });
      else items.push({ ...base, ...mine, result: 'matched', detail: '' });
      continue;
    }
    const key = row.outTradeNo;
    const theirFen = row.orderFen || row.settlementFen;
    const base = { kind: 'payment' as const, key, theirFen, theirStatus: row.tradeState, transactionId: row.transactionId || null };
    const our = payments.get(key);
    if (seenPayments.has(key)) {
      items.push({ ...base, result: 'missing_ours', ourFen: null, ourStatus: null, detail: '账单中重复出现的支付' });
      continue;
    }
    seenPayments.add(key);
    if (!our) {
      items.push({ ...base, result: 'missing_ours', ourFen: null, ourStatus: null, detail: '我方没有该支付单' });
      continue;
    }
    const mine = { ourFen: our.amountFen, ourStatus: our.status };
    if (our.status !== 'succeeded') items.push({ ...base, ...mine, result: 'status_mismatch', detail: `渠道已收款，我方为 ${our.status}` });
    else if (our.transactionId && row.transactionId && our.transactionId !== row.transactionId) items.push({ ...base, ...mine, result: 'status_mismatch', detail: `微信订单号不同：我方 ${our.transactionId}` });
    else if (our.amountFen !== theirFen) items.push({ ...base, ...mine, result: 'amount_mismatch', detail: `差额 ${theirFen - our.amountFen} 分` });
    else items.push({ ...base, ...mine, result: 'matched', detail: '' });
  }

  for (const p of ours.payments) {
    if (p.status !== 'succeeded' || !within(p.paidAt, day) || seenPayments.has(p.outTradeNo)) continue;
    items.push({ kind: 'payment', key: p.outTradeNo, result: 'missing_theirs', ourFen: p.amountFen, theirFen: null, ourStatus: p.status, theirStatus: null, transactionId: p.transactionId, detail: '渠道账单没有该支付' });
  }
  for (const r of ours.refunds) {
    if (r.status !== 'succeeded' || !within(r.succeededAt, day) || seenRefunds.has(r.outRefundNo)) continue;
    items.push({ kind: 'refund', key: r.outRefundNo, result: 'missing_theirs', ourFen: r.amountFen, theirFen: null, ourStatus: r.status, theirStatus: null, transactionId: null, detail: '渠道账单没有该退款' });
  }

  const counts = Object.fromEntries(RECON_RESULTS.map(r => [r, 0])) as Record<ReconResult, number>;
  for (const it of items) counts[it.result]++;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    items,
    counts,
    totals: {
      theirPaidFen: sum(rows.filter(r => !isRefundRow(r)).map(r => r.orderFen || r.settlementFen)),
      theirRefundedFen: sum(rows.filter(isRefundRow).map(r => Math.abs(r.refundFen))),
      ourPaidFen: sum(ours.payments.filter(p => p.status === 'succeeded' && within(p.paidAt, day)).map(p => p.amountFen)),
      ourRefundedFen: sum(ours.refunds.filter(r => r.status === 'succeeded' && within(r.succeededAt, day)).map(r => r.amountFen)),
    },
  };
}
