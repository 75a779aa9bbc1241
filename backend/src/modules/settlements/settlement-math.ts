/**
 * The arithmetic of a settlement line, as plain functions. Every amount is integer fen from the
 * escort's point of view: positive = we owe the escort, negative = taken back from them.
 *
 *   net = share + refunds + deductions + adjustments + carried in
 *   payable = max(net, 0)            (what is paid out for the period)
 *   carried forward = min(net, 0)    (an escort who owes us starts the next run with it)
 *
 * so payable + carried forward = net, always, and nothing is paid twice or lost.
 */

/** What an item of a run is. */
export type SettlementItemKind = 'order' | 'refund' | 'deduction' | 'adjustment';
export const SETTLEMENT_ITEM_KINDS: Record<SettlementItemKind, string> = {
  order: '本期完成订单',
  refund: '本期订单的退款（陪诊师承担部分）',
  deduction: '扣款（罚款、赔偿）',
  adjustment: '以前期间的调整（已结算订单的退款、迟到的入账）',
};

export interface KindTotal {
  kind: SettlementItemKind;
  count: number;
  amountFen: number;
  /** For orders: the net split (what the customer paid for the service, less refunds before completion). */
  grossFen: number;
}

export interface LineFigures {
  orderCount: number;
  grossFen: number;
  shareFen: number;
  refundFen: number;
  deductionFen: number;
  adjustmentFen: number;
  carriedInFen: number;
  netFen: number;
  payableFen: number;
  carriedForwardFen: number;
  itemCount: number;
}

export function lineFigures(totals: readonly KindTotal[], carriedInFen = 0): LineFigures {
  if (!Number.isSafeInteger(carriedInFen) || carriedInFen > 0) throw new Error(`carriedInFen must be ≤ 0, got ${carriedInFen}`);
  const f: LineFigures = { orderCount: 0, grossFen: 0, shareFen: 0, refundFen: 0, deductionFen: 0, adjustmentFen: 0, carriedInFen, netFen: 0, payableFen: 0, carriedForwardFen: 0, itemCount: 0 };
  for (const t of totals) {
    if (!Number.isSafeInteger(t.amountFen) || !Number.isSafeInteger(t.grossFen)) throw new Error(`amounts must be integer fen (${t.kind})`);
    f.itemCount += t.count;
    if (t.kind === 'order') {
      f.orderCount += t.count;
      f.grossFen += t.grossFen;
      f.shareFen += t.amountFen;
    } else if (t.kind === 'refund') f.refundFen += t.amountFen;
    else if (t.kind === 'deduction') f.deductionFen += t.amountFen;
    else f.adjustmentFen += t.amountFen;
  }
  f.netFen = f.shareFen + f.refundFen + f.deductionFen + f.adjustmentFen + f.carriedInFen;
  f.payableFen = Math.max(f.netFen, 0);
  f.carriedForwardFen = Math.min(f.netFen, 0);
  return f;
}

export interface RunTotals {
  escortCount: number;
  orderCount: number;
  grossFen: number;
  shareFen: number;
  deductionsFen: number;
  adjustmentsFen: number;
  netFen: number;
  payableFen: number;
}

export function runTotals(lines: readonly LineFigures[]): RunTotals {
  const t: RunTotals = { escortCount: lines.length, orderCount: 0, grossFen: 0, shareFen: 0, deductionsFen: 0, adjustmentsFen: 0, netFen: 0, payableFen: 0 };
  for (const l of lines) {
    t.orderCount += l.orderCount;
    t.grossFen += l.grossFen;
    t.shareFen += l.shareFen;
    t.deductionsFen += l.refundFen + l.deductionFen;
    t.adjustmentsFen += l.adjustmentFen + l.carriedInFen;
    t.netFen += l.netFen;
    t.payableFen += l.payableFen;
  }
  return t;
}
