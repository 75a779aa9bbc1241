import {
  LATENCY_BOUNDS_MIN,
  OrderFacts,
  ageColumn,
  customerContribution,
  delta,
  histogramQuantile,
  latencyBucket,
  ledgerContribution,
  orderContribution,
  shanghaiDay,
  withPaidOrder,
} from './rollup-measures';
import { daysOf, resolveRange, splitRange, weekdayOf } from './analytics-query.service';

const base: OrderFacts = {
  id: 1,
  customerId: 7,
  cityId: 1,
  categoryCode: 'outpatient',
  hospitalId: 3,
  preferredEscortId: null,
  escortId: null,
  status: 'pending_payment',
  startAt: new Date('2026-03-02T01:00:00Z'), // 09:00 Shanghai, a Monday
  durationMinutes: 120,
  paidAt: null,
  assignedAt: null,
  firstAssignedAt: null,
  completedAt: null,
  cancelledAt: null,
  createdAt: new Date('2026-02-28T16:30:00Z'), // 00:30 on 1 March in Shanghai
};
const measures = (cells: { measure: string; day: string; value: number }[]) => cells.map(c => `${c.day} ${c.measure} ${c.value}`).sort();

describe('rollup measures', () => {
  it('dates by the Shanghai calendar day, not the UTC one', () => {
    expect(shanghaiDay(new Date('2026-02-28T16:30:00Z'))).toBe('2026-03-01');
    expect(shanghaiDay('2026-02-28 15:59:59')).toBe('2026-02-28');
  });

  it('counts a new unpaid order only as created', () => {
    expect(measures(orderContribution(base))).toEqual(['2026-03-01 created_count 1']);
  });

  it('moves a paid order into the paid, latency, start-hour and booked cells, and out again when it changes', () => {
    const paid = { ...base, status: 'dispatched', escortId: 9, paidAt: new Date('2026-03-01T02:00:00Z'), firstAssignedAt: new Date('2026-03-01T02:25:00Z'), assignedAt: new Date('2026-03-01T02:25:00Z') };
    expect(measures(delta(orderContribution(base), orderContribution(paid)))).toEqual(
      ['2026-03-01 cohort_paid 1', '2026-03-01 paid_count 1', '2026-03-01 lat04 1', '2026-03-02 start_count 1', '2026-03-02 h09 1', '2026-03-02 booked_minutes 120'].sort()
    );
    const cancelled = { ...paid, status: 'refunding', escortId: null, assignedAt: null, cancelledAt: new Date('2026-03-01T03:00:00Z') };
    expect(measures(delta(orderContribution(paid), orderContribution(cancelled)))).toEqual(
      ['2026-03-01 cohort_cancelled 1', '2026-03-01 cancelled_count 1', '2026-03-02 booked_minutes -120'].sort()
    );
  });

  it('counts an order nobody held at its start as an incident, unless it was cancelled before', () => {
    const unassigned = { ...base, status: 'pending_dispatch', paidAt: new Date('2026-03-01T02:00:00Z') };
    expect(measures(orderContribution(unassigned))).toContain('2026-03-02 unassigned_at_start 1');
    const late = { ...unassigned, status: 'dispatched', escortId: 2, assignedAt: new Date('2026-03-02T01:10:00Z'), firstAssignedAt: new Date('2026-03-02T01:10:00Z') };
    expect(measures(orderContribution(late))).toContain('2026-03-02 unassigned_at_start 1');
    const cancelledEarly = { ...unassigned, status: 'refunding', cancelledAt: new Date('2026-03-01T05:00:00Z') };
    expect(measures(orderContribution(cancelledEarly))).not.toContain('2026-03-02 unassigned_at_start 1');
  });

  it('leaves the latency of orders with a chosen escort out', () => {
    const preassigned = { ...base, status: 'dispatched', preferredEscortId: 4, escortId: 4, paidAt: new Date('2026-03-01T02:00:00Z'), firstAssignedAt: new Date('2026-03-01T02:00:00Z'), assignedAt: new Date('2026-03-01T02:00:00Z') };
    expect(orderContribution(preassigned).some(c => c.measure.startsWith('lat'))).toBe(false);
  });

  it('puts latencies in half-open buckets', () => {
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(4)).toBe(0);
    expect(latencyBucket(5)).toBe(1);
    expect(latencyBucket(100_000)).toBe(LATENCY_BOUNDS_MIN.length - 1);
  });

  it('reads quantiles from the histogram within a bucket width', () => {
    const counts = new Array(LATENCY_BOUNDS_MIN.length).fill(0);
    counts[0] = 50; // [0, 5)
    counts[3] = 40; // [15, 20)
    counts[9] = 10; // [120, 180)
    expect(histogramQuantile(counts, 0.5)).toBe(5);
    expect(histogramQuantile(counts, 0.9)).toBe(20);
    expect(histogramQuantile(counts, 0.95)).toBe(150);
    expect(histogramQuantile(new Array(LATENCY_BOUNDS_MIN.length).fill(0), 0.5)).toBeNull();
  });

  it('takes money from the ledger lines by account, credits as positive income', () => {
    const dims = { cityId: 1, categoryCode: 'outpatient', hospitalId: 3 };
    const at = new Date('2026-03-01T08:00:00Z');
    expect(measures(ledgerContribution({ sourceType: 'payment_capture', createdAt: at, lines: [{ account: 'customer_payments_clearing', amountFen: 19900, orderId: 1 }, { account: 'customer_prepayments', amountFen: -19900, orderId: 1 }] }, dims))).toEqual(['2026-03-01 gmv_fen 19900']);
    expect(
      measures(
        ledgerContribution(
          { sourceType: 'order_recognition', createdAt: at, lines: [{ account: 'customer_prepayments', amountFen: 19900, orderId: 1 }, { account: 'platform_revenue', amountFen: -5970, orderId: 1 }, { account: 'escort_payable', amountFen: -13930, orderId: 1 }] },
          dims
        )
      )
    ).toEqual(['2026-03-01 escort_payable_fen 13930', '2026-03-01 platform_revenue_fen 5970']);
    expect(measures(ledgerContribution({ sourceType: 'refund', createdAt: at, lines: [{ account: 'refunds', amountFen: 500, orderId: 1 }, { account: 'customer_payments_clearing', amountFen: -500, orderId: 1 }] }, dims))).toEqual(['2026-03-01 refund_fen 500']);
  });

  it('keeps the earliest paid order as the customer\'s first, whatever order the payments arrive in', () => {
    const dims = { cityId: 1, categoryCode: 'outpatient', hospitalId: 3 };
    const late = { orderId: 9, paidAt: '2026-03-05T00:00:00.000Z', ...dims, cityId: 2 };
    const early = { orderId: 4, paidAt: '2026-03-01T00:00:00.000Z', ...dims };
    const a = withPaidOrder(withPaidOrder(null, late), early);
    const b = withPaidOrder(withPaidOrder(null, early), late);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ firstOrderId: 4, cityId: 1, paidOrders: 2 });
    expect(measures(customerContribution(a))).toEqual(['2026-03-01 new_customers 1', '2026-03-01 repeat_customers 1']);
  });

  it('groups patients by their age at booking', () => {
    expect(ageColumn('1950-05-01', '2026-03-01T00:00:00Z')).toBe('age_60_79');
    expect(ageColumn('1940-05-01', '2026-03-01T00:00:00Z')).toBe('age_80p');
    expect(ageColumn(null, '2026-03-01T00:00:00Z')).toBe('age_unknown');
  });

  it('defaults the range to the last 30 days and refuses reversed ones', () => {
    expect(resolveRange({}, new Date('2026-03-31T04:00:00Z'))).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(() => resolveRange({ from: '2026-03-02', to: '2026-03-01' })).toThrow();
    expect(daysOf('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-01')).toBe(7);
  });

  it('reads whole months from the monthly tables and only the partial ends from the daily ones', () => {
    expect(splitRange('2026-01-15', '2026-04-10')).toEqual({ months: ['2026-02', '2026-03'], days: [['2026-01-15', '2026-01-31'], ['2026-04-01', '2026-04-10']] });
    expect(splitRange('2026-02-01', '2026-02-28')).toEqual({ months: ['2026-02', '2026-02'], days: [] });
    expect(splitRange('2026-02-03', '2026-02-20')).toEqual({ months: null, days: [['2026-02-03', '2026-02-20']] });
    expect(splitRange('2025-12-31', '2026-01-31')).toEqual({ months: ['2026-01', '2026-01'], days: [['2025-12-31', '2025-12-31']] });
  });
});
