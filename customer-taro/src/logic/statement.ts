/**
 * The escort's statements (我的结算单) and income movements (收入明细) as the pages show them:
 * period names, the statement's arithmetic as rows, items grouped by kind, movements grouped by
 * Shanghai month. Amounts stay integer fen here; logic/money.ts turns them into text.
 * The arithmetic is the backend's (docs/settlement.md): net = share + refunds + deductions +
 * adjustments + carried in; payable = max(net, 0); carried forward = min(net, 0).
 */

export type ItemKind = 'order' | 'refund' | 'deduction' | 'adjustment'

export interface StatementFigures {
  orderCount: number
  grossFen: number
  shareFen: number
  refundFen: number
  deductionFen: number
  adjustmentFen: number
  carriedInFen: number
  netFen: number
  payableFen: number
  carriedForwardFen: number
  paidFen: number
}

export interface StatementPayout {
  referenceNo: string
  amountFen: number
  paidAt: string
}

export interface StatementItem {
  id: number
  kind: string
  sourceType: string
  orderNo: string
  serviceName: string
  amountFen: number
  grossFen: number
  shareBp: number | null
  bookedAt: string
}

export const ITEM_KINDS: { kind: ItemKind; label: string; hint: string }[] = [
  { kind: 'order', label: '订单分成', hint: '本期完成的订单' },
  { kind: 'refund', label: '退款扣回', hint: '本期订单退款中由你承担的部分' },
  { kind: 'deduction', label: '扣款', hint: '罚款、赔偿' },
  { kind: 'adjustment', label: '调整', hint: '以前期间的退款或迟到的入账' },
]

const pad = (n: number) => String(n).padStart(2, '0')
const SHANGHAI_MS = 8 * 3600_000

/** '2026-11' → '2026年11月'; '2026-11-16W' → '2026-11-16 至 2026-11-22'. */
export function periodLabel(periodKey: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(periodKey)
  if (month) return `${month[1]}年${Number(month[2])}月`
  const week = /^(\d{4})-(\d{2})-(\d{2})W$/.exec(periodKey)
  if (week) {
    const end = new Date(Date.UTC(Number(week[1]), Number(week[2]) - 1, Number(week[3]) + 6))
    return `${week[1]}-${week[2]}-${week[3]} 至 ${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`
  }
  return periodKey
}

export type Tone = 'active' | 'warning' | 'muted'

/** Where the statement's money is: paid (with the transfer's reference), waiting, or nothing to pay. */
export function payoutState(s: Pick<StatementFigures, 'payableFen' | 'carriedForwardFen'> & { payout?: StatementPayout | null }): { label: string; tone: Tone; detail: string } {
  if (s.payout) return { label: '已打款', tone: 'active', detail: `打款流水号 ${s.payout.referenceNo}` }
  if (s.payableFen > 0) return { label: '待打款', tone: 'warning', detail: '财务打款后显示流水号' }
  return { label: '无需打款', tone: 'muted', detail: s.carriedForwardFen < 0 ? '本期净额为负，差额结转下期' : '本期没有应付金额' }
}

export interface StatementRow {
  key: string
  label: string
  fen: number
  strong?: boolean
}

/**
 * The statement top to bottom: what was earned, what was taken off, the net and where it goes.
 * Rows that are zero and say nothing (no refunds, no deductions …) are left out.
 */
export function statementRows(s: StatementFigures): StatementRow[] {
  const rows: StatementRow[] = [{ key: 'share', label: `订单分成（${s.orderCount} 单）`, fen: s.shareFen }]
  if (s.refundFen) rows.push({ key: 'refund', label: '退款扣回', fen: s.refundFen })
  if (s.deductionFen) rows.push({ key: 'deduction', label: '扣款（罚款、赔偿）', fen: s.deductionFen })
  if (s.adjustmentFen) rows.push({ key: 'adjustment', label: '调整（以前期间）', fen: s.adjustmentFen })
  if (s.carriedInFen) rows.push({ key: 'carriedIn', label: '上期结转', fen: s.carriedInFen })
  rows.push({ key: 'net', label: '本期净额', fen: s.netFen, strong: true })
  rows.push({ key: 'payable', label: '应付给你', fen: s.payableFen, strong: true })
  if (s.carriedForwardFen) rows.push({ key: 'carriedForward', label: '结转下期', fen: s.carriedForwardFen })
  return rows
}

/** True when the figures add up the way the backend computes them (a guard for what the page shows). */
export function statementAddsUp(s: StatementFigures): boolean {
  const net = s.shareFen + s.refundFen + s.deductionFen + s.adjustmentFen + s.carriedInFen
  return net === s.netFen && s.payableFen === Math.max(net, 0) && s.carriedForwardFen === Math.min(net, 0) && s.payableFen + s.carriedForwardFen === s.netFen
}

export interface ItemGroup<T> {
  kind: string
  label: string
  hint: string
  items: T[]
  /** Sum of the items in the group (of those loaded). */
  subtotalFen: number
}

/** Items grouped by kind, in the statement's order (orders, refunds, deductions, adjustments); empty groups left out. */
export function groupStatementItems<T extends Pick<StatementItem, 'kind' | 'amountFen'>>(items: T[]): ItemGroup<T>[] {
  const known = ITEM_KINDS.map(({ kind, label, hint }) => {
    const mine = items.filter((i) => i.kind === kind)
    return { kind, label, hint, items: mine, subtotalFen: mine.reduce((sum, i) => sum + i.amountFen, 0) }
  })
  const others = items.filter((i) => !ITEM_KINDS.some((k) => k.kind === i.kind))
  const groups: ItemGroup<T>[] = known.filter((g) => g.items.length > 0)
  if (others.length) groups.push({ kind: 'other', label: '其他', hint: '', items: others, subtotalFen: others.reduce((sum, i) => sum + i.amountFen, 0) })
  return groups
}

/** The statement's own total of a kind: what the group's subtotal equals once every item is loaded. */
export function kindTotalFen(s: StatementFigures, kind: string): number | null {
  switch (kind) {
    case 'order':
      return s.shareFen
    case 'refund':
      return s.refundFen
    case 'deduction':
      return s.deductionFen
    case 'adjustment':
      return s.adjustmentFen
    default:
      return null
  }
}

/** One item's line under its title: '订单 E2026… · 分成 75%' / '罚款、赔偿'. */
export function itemDetail(i: Pick<StatementItem, 'kind' | 'orderNo' | 'shareBp' | 'grossFen'>): string {
  const parts = []
  if (i.orderNo) parts.push(`订单 ${i.orderNo}`)
  if (i.kind === 'order' && i.shareBp !== null) parts.push(`分成 ${i.shareBp / 100}%`)
  return parts.join(' · ')
}

/** What an item is, for its title. */
export function itemTitle(i: Pick<StatementItem, 'kind' | 'sourceType' | 'serviceName'>): string {
  if (i.sourceType === 'escort_deduction') return '扣款'
  if (i.sourceType === 'refund') return `${i.serviceName || '订单'} · 退款扣回`
  return i.serviceName || ITEM_KINDS.find((k) => k.kind === i.kind)?.label || '明细'
}

// ------------------------------------------------------------------ 收入明细

export interface IncomeMovement {
  id: number
  sourceType: string
  orderNo: string
  serviceName: string
  amountFen: number
  bookedAt: string
  settledIn: string | null
  settlementStatus: string
}

const SOURCE_LABELS: Record<string, string> = {
  order_recognition: '订单分成',
  refund: '退款扣回',
  escort_deduction: '扣款',
  escort_payout: '打款',
}

export function incomeSourceLabel(sourceType: string): string {
  return SOURCE_LABELS[sourceType] ?? '其他'
}

/** '未结算' / '结算中 2026年11月' / '已结算 2026年11月' / '已打款' … */
export function settlementStatusText(m: Pick<IncomeMovement, 'settlementStatus' | 'settledIn'>): { label: string; tone: Tone } {
  const period = m.settledIn ? ` ${periodLabel(m.settledIn)}` : ''
  switch (m.settlementStatus) {
    case 'unsettled':
      return { label: '未结算', tone: 'warning' }
    case 'draft':
      return { label: `结算中${period}`, tone: 'warning' }
    case 'confirmed':
      return { label: `已结算${period}`, tone: 'active' }
    case 'paid':
      return { label: `已打款${period}`, tone: 'active' }
    case 'paid_out':
      return { label: '已转账', tone: 'muted' }
    default:
      return { label: '处理中', tone: 'muted' }
  }
}

/** The Shanghai month of an instant: '2026年11月'. */
export function shanghaiMonth(iso: string): string {
  const ms = new Date(iso).getTime()
  if (Number.isNaN(ms)) return ''
  const s = new Date(ms + SHANGHAI_MS)
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月`
}

/** Movements (newest first, as the API answers) grouped by Shanghai month, keeping their order, with each month's sum. */
export function groupByMonth<T extends Pick<IncomeMovement, 'bookedAt' | 'amountFen'>>(items: T[]): { month: string; items: T[]; totalFen: number }[] {
  const groups: { month: string; items: T[]; totalFen: number }[] = []
  for (const item of items) {
    const month = shanghaiMonth(item.bookedAt)
    let group = groups.find((g) => g.month === month)
    if (!group) {
      group = { month, items: [], totalFen: 0 }
      groups.push(group)
    }
    group.items.push(item)
    group.totalFen += item.amountFen
  }
  return groups
}

/** '+¥12.00' for money in, '-¥3.00' for money taken off or paid out: the sign is what the escort reads first. */
export function signedFen(fen: number, format: (fen: number) => string): string {
  return fen > 0 ? `+${format(fen)}` : format(fen)
}
