import { formatFen } from './money'
import {
  groupByMonth,
  groupStatementItems,
  incomeSourceLabel,
  itemDetail,
  itemTitle,
  kindTotalFen,
  payoutState,
  periodLabel,
  settlementStatusText,
  signedFen,
  statementAddsUp,
  statementRows,
  type StatementFigures,
} from './statement'

const figures: StatementFigures = {
  orderCount: 2,
  grossFen: 60000,
  shareFen: 45000,
  refundFen: -3750,
  deductionFen: -2000,
  adjustmentFen: -500,
  carriedInFen: 0,
  netFen: 38750,
  payableFen: 38750,
  carriedForwardFen: 0,
  paidFen: 0,
}

const item = (id: number, kind: string, amountFen: number, extra: Record<string, unknown> = {}) => ({
  id,
  kind,
  sourceType: kind === 'deduction' ? 'escort_deduction' : kind === 'order' ? 'order_recognition' : 'refund',
  orderNo: `E${id}`,
  serviceName: '门诊陪诊（半天）',
  amountFen,
  grossFen: kind === 'order' ? 30000 : 0,
  shareBp: kind === 'order' ? 7500 : null,
  bookedAt: '2026-11-10T02:00:00Z',
  ...extra,
})

describe('statement periods', () => {
  it('names a month and a Monday-to-Sunday week, and leaves anything else as it is', () => {
    expect(periodLabel('2026-11')).toBe('2026年11月')
    expect(periodLabel('2026-01')).toBe('2026年1月')
    expect(periodLabel('2026-11-16W')).toBe('2026-11-16 至 2026-11-22')
    expect(periodLabel('2026-12-28W')).toBe('2026-12-28 至 2027-01-03')
    expect(periodLabel('Q4')).toBe('Q4')
  })
})

describe('the statement’s rows', () => {
  it('lists share, refunds, deductions, adjustments, then net and payable, leaving out zero rows', () => {
    expect(statementRows(figures).map((r) => [r.label, r.fen])).toEqual([
      ['订单分成（2 单）', 45000],
      ['退款扣回', -3750],
      ['扣款（罚款、赔偿）', -2000],
      ['调整（以前期间）', -500],
      ['本期净额', 38750],
      ['应付给你', 38750],
    ])
    expect(statementAddsUp(figures)).toBe(true)
  })

  it('shows what was carried in and what is carried forward when the net is negative', () => {
    const owing = { ...figures, shareFen: 1000, refundFen: 0, deductionFen: -3000, adjustmentFen: 0, carriedInFen: -500, netFen: -2500, payableFen: 0, carriedForwardFen: -2500 }
    expect(statementRows(owing).map((r) => r.key)).toEqual(['share', 'deduction', 'carriedIn', 'net', 'payable', 'carriedForward'])
    expect(statementAddsUp(owing)).toBe(true)
    expect(payoutState({ ...owing, payout: null })).toEqual({ label: '无需打款', tone: 'muted', detail: '本期净额为负，差额结转下期' })
  })

  it('notices figures that do not add up', () => {
    expect(statementAddsUp({ ...figures, netFen: 38751 })).toBe(false)
    expect(statementAddsUp({ ...figures, payableFen: 0, carriedForwardFen: 38750 })).toBe(false)
  })

  it('says whether the statement is paid, with the transfer reference', () => {
    expect(payoutState({ ...figures, payout: { referenceNo: 'B20261201', amountFen: 38750, paidAt: '2026-12-01T02:00:00Z' } })).toEqual({
      label: '已打款',
      tone: 'active',
      detail: '打款流水号 B20261201',
    })
    expect(payoutState({ ...figures, payout: null }).label).toBe('待打款')
  })
})

describe('grouping a statement’s items', () => {
  const items = [item(1, 'order', 22500), item(2, 'deduction', -2000), item(3, 'order', 22500), item(4, 'refund', -3750), item(5, 'adjustment', -500), item(6, 'bonus', 100)]

  it('groups by kind in the statement’s order, keeps each group’s items in order and sums them', () => {
    const groups = groupStatementItems(items)
    expect(groups.map((g) => [g.kind, g.label, g.items.map((i) => i.id), g.subtotalFen])).toEqual([
      ['order', '订单分成', [1, 3], 45000],
      ['refund', '退款扣回', [4], -3750],
      ['deduction', '扣款', [2], -2000],
      ['adjustment', '调整', [5], -500],
      ['other', '其他', [6], 100],
    ])
  })

  it('leaves out empty kinds, and the subtotals of a whole statement equal its figures', () => {
    const whole = items.filter((i) => i.kind !== 'bonus')
    const groups = groupStatementItems(whole)
    for (const g of groups) expect(g.subtotalFen).toBe(kindTotalFen(figures, g.kind))
    expect(groupStatementItems([item(1, 'order', 100)]).map((g) => g.kind)).toEqual(['order'])
    expect(groupStatementItems([])).toEqual([])
    expect(kindTotalFen(figures, 'other')).toBeNull()
  })

  it('titles and describes each item', () => {
    expect(itemTitle(item(1, 'order', 1))).toBe('门诊陪诊（半天）')
    expect(itemTitle(item(2, 'deduction', -1))).toBe('扣款')
    expect(itemTitle(item(4, 'refund', -1))).toBe('门诊陪诊（半天） · 退款扣回')
    expect(itemDetail(item(1, 'order', 1))).toBe('订单 E1 · 分成 75%')
    expect(itemDetail(item(2, 'deduction', -1, { orderNo: '' }))).toBe('')
  })
})

describe('income movements', () => {
  const m = (id: number, bookedAt: string, amountFen: number, sourceType = 'order_recognition') => ({
    id,
    sourceType,
    orderNo: '',
    serviceName: '',
    amountFen,
    bookedAt,
    settledIn: null,
    settlementStatus: 'unsettled',
  })

  it('groups by Shanghai month, newest first as given, with each month’s sum', () => {
    const groups = groupByMonth([m(4, '2026-12-01T01:00:00Z', 100), m(3, '2026-11-30T17:00:00Z', 200), m(2, '2026-11-30T15:00:00Z', -50), m(1, '2026-10-05T00:00:00Z', 300)])
    expect(groups.map((g) => [g.month, g.items.map((i) => i.id), g.totalFen])).toEqual([
      ['2026年12月', [4, 3], 300],
      ['2026年11月', [2], -50],
      ['2026年10月', [1], 300],
    ])
  })

  it('labels sources and settlement states', () => {
    expect(['order_recognition', 'refund', 'escort_deduction', 'escort_payout', 'x'].map(incomeSourceLabel)).toEqual(['订单分成', '退款扣回', '扣款', '打款', '其他'])
    expect(settlementStatusText({ settlementStatus: 'unsettled', settledIn: null })).toEqual({ label: '未结算', tone: 'warning' })
    expect(settlementStatusText({ settlementStatus: 'confirmed', settledIn: '2026-11' })).toEqual({ label: '已结算 2026年11月', tone: 'active' })
    expect(settlementStatusText({ settlementStatus: 'paid', settledIn: '2026-11-16W' }).label).toBe('已打款 2026-11-16 至 2026-11-22')
    expect(settlementStatusText({ settlementStatus: 'draft', settledIn: '2026-11' }).label).toBe('结算中 2026年11月')
    expect(settlementStatusText({ settlementStatus: 'paid_out', settledIn: null }).label).toBe('已转账')
    expect(settlementStatusText({ settlementStatus: 'weird', settledIn: null }).label).toBe('处理中')
  })

  it('signs money in and leaves the minus of money out', () => {
    expect(signedFen(1234, formatFen)).toBe('+¥12.34')
    expect(signedFen(-500, formatFen)).toBe('-¥5.00')
    expect(signedFen(0, formatFen)).toBe('¥0.00')
  })
})
