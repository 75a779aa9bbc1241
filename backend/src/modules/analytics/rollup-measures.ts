/**
 * What the daily rollups hold, and what one order (or one ledger entry, or one customer) adds to
 * them. Pure: the incremental path (`orderDelta`) and the tests use these functions, and
 * `rollup-sql.ts` says the same thing in SQL for the rebuild and the raw GROUP BY check. A rollup
 * row is keyed by (Shanghai day, city, service category, hospital) and holds sums and counts only,
 * so any range and any coarser grouping is a plain SUM.
 *
 * Each measure is dated by the moment it is about (created, paid, completed, cancelled, the
 * service's start, the ledger entry), so one order contributes to up to five different days.
 */

/** Lower bounds (minutes) of the dispatch latency buckets; the last one is open-ended. */
export const LATENCY_BOUNDS_MIN = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880] as const;
export const LATENCY_COLUMNS = LATENCY_BOUNDS_MIN.map((_, i) => `lat${String(i).padStart(2, '0')}`);
export const HOUR_COLUMNS = Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')}`);
export const AGE_GROUPS = [
  { column: 'age_u18', label: '18 岁以下', min: 0, max: 17 },
  { column: 'age_18_39', label: '18–39 岁', min: 18, max: 39 },
  { column: 'age_40_59', label: '40–59 岁', min: 40, max: 59 },
  { column: 'age_60_79', label: '60–79 岁', min: 60, max: 79 },
  { column: 'age_80p', label: '80 岁及以上', min: 80, max: 200 },
  { column: 'age_unknown', label: '未填写', min: -1, max: -1 },
] as const;

/** Every measure column of analytics_daily and analytics_daily_city, in one fixed order. */
export const MEASURES = [
  // by the day the order was created (also the funnel's cohort)
  'created_count',
  'cohort_paid',
  'cohort_completed',
  'cohort_cancelled',
  ...AGE_GROUPS.map(a => a.column),
  // by the day it was paid
  'paid_count',
  ...LATENCY_COLUMNS,
  // by the day it completed / was cancelled
  'completed_count',
  'cancelled_count',
  // by the Shanghai day of its start
  'start_count',
  'unassigned_at_start',
  'booked_minutes',
  ...HOUR_COLUMNS,
  // by the day of the ledger entry
  'gmv_fen',
  'refund_fen',
  'platform_revenue_fen',
  'escort_payable_fen',
  // by the day of the customer's first paid order
  'new_customers',
  'repeat_customers',
  // Quality, filled once reviews and tickets exist (see docs/analytics.md)
  'review_count',
  'rating1_count',
  'rating2_count',
  'rating3_count',
  'rating4_count',
  'rating5_count',
  'complaint_count',
] as const;
export type Measure = (typeof MEASURES)[number] | `lat${string}` | `h${string}` | `age_${string}`;

export const MONEY_MEASURES = new Set(['gmv_fen', 'refund_fen', 'platform_revenue_fen', 'escort_payable_fen']);

/** The rollup's dimensions; hospital 0 = no hospital (errands, home care). */
export interface RollupDims {
  cityId: number;
  categoryCode: string;
  hospitalId: number;
}

/** One change to one rollup cell. */
export interface Cell extends RollupDims {
  day: string;
  measure: string;
  value: number;
}

/** The order columns the rollups read. */
export interface OrderFacts {
  id: number;
  customerId: number;
  cityId: number;
  categoryCode: string;
  hospitalId: number | null;
  preferredEscortId: number | null;
  escortId: number | null;
  status: string;
  startAt: Date | string;
  durationMinutes: number;
  paidAt: Date | string | null;
  assignedAt: Date | string | null;
  firstAssignedAt: Date | string | null;
  completedAt: Date | string | null;
  cancelledAt: Date | string | null;
  createdAt: Date | string;
}

const SHANGHAI_MS = 8 * 3600_000;
const CANCELLED = new Set(['cancelled', 'refunding', 'refunded']);
/** Statuses in which the assigned escort's time counts as booked. */
const BOOKED = new Set(['dispatched', 'accepted', 'departed', 'in_service', 'completed']);

function ms(v: Date | string): number {
  return v instanceof Date ? v.getTime() : new Date(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : v.replace(' ', 'T') + 'Z').getTime();
}

/** The Shanghai calendar day (YYYY-MM-DD) of a UTC instant. */
export function shanghaiDay(v: Date | string): string {
  return new Date(ms(v) + SHANGHAI_MS).toISOString().slice(0, 10);
}

export function shanghaiHour(v: Date | string): number {
  return new Date(ms(v) + SHANGHAI_MS).getUTCHours();
}

export function latencyBucket(minutes: number): number {
  let b = 0;
  for (let i = 0; i < LATENCY_BOUNDS_MIN.length; i++) if (minutes >= LATENCY_BOUNDS_MIN[i]) b = i;
  return b;
}

export function dimsOf(o: Pick<OrderFacts, 'cityId' | 'categoryCode' | 'hospitalId'>): RollupDims {
  return { cityId: o.cityId, categoryCode: o.categoryCode, hospitalId: o.hospitalId ?? 0 };
}

/**
 * What an order, as it stands, contributes to the rollups. Everything that depends on the order
 * alone; a change is `contribution(after) - contribution(before)`. Cancelled = cancelled,
 * refunding or refunded (closed = expired unpaid is not a cancellation).
 */
export function orderContribution(o: OrderFacts): Cell[] {
  const d = dimsOf(o);
  const cells: Cell[] = [];
  const add = (day: string, measure: string, value = 1) => cells.push({ ...d, day, measure, value });
  const created = shanghaiDay(o.createdAt);
  const cancelled = CANCELLED.has(o.status);
  add(created, 'created_count');
  if (o.paidAt) add(created, 'cohort_paid');
  if (o.status === 'completed') add(created, 'cohort_completed');
  if (cancelled) add(created, 'cohort_cancelled');
  if (o.paidAt) {
    add(shanghaiDay(o.paidAt), 'paid_count');
    if (o.preferredEscortId === null && o.firstAssignedAt) {
      const minutes = Math.max(0, Math.floor((ms(o.firstAssignedAt) - ms(o.paidAt)) / 60_000));
      add(shanghaiDay(o.paidAt), LATENCY_COLUMNS[latencyBucket(minutes)]);
    }
    const start = shanghaiDay(o.startAt);
    add(start, 'start_count');
    add(start, HOUR_COLUMNS[shanghaiHour(o.startAt)]);
    const startMs = ms(o.startAt);
    const unassigned = o.assignedAt === null || ms(o.assignedAt) > startMs;
    const cancelledBeforeStart = o.cancelledAt !== null && ms(o.cancelledAt) <= startMs;
    if (unassigned && !cancelledBeforeStart) add(start, 'unassigned_at_start');
  }
  if (o.escortId !== null && BOOKED.has(o.status)) add(shanghaiDay(o.startAt), 'booked_minutes', o.durationMinutes);
  if (o.status === 'completed' && o.completedAt) add(shanghaiDay(o.completedAt), 'completed_count');
  if (cancelled && o.cancelledAt) add(shanghaiDay(o.cancelledAt), 'cancelled_count');
  return cells;
}

/** The age group column of a patient born on `birthDate` (YYYY-MM-DD) for an order created at `createdAt`. */
export function ageColumn(birthDate: string | null | undefined, createdAt: Date | string): string {
  const year = birthDate && /^\d{4}/.test(birthDate) ? Number(birthDate.slice(0, 4)) : null;
  if (year === null) return 'age_unknown';
  const age = Number(shanghaiDay(createdAt).slice(0, 4)) - year;
  return (AGE_GROUPS.find(g => g.min >= 0 && age >= g.min && age <= g.max) ?? AGE_GROUPS[0]).column;
}

/** The ledger's lines as the rollup reads them. */
export interface LedgerFacts {
  sourceType: string;
  createdAt: Date | string;
  lines: { account: string; amountFen: number; orderId: number | null }[];
}

/** What one journal entry adds (entries are never changed, so only ever added). */
export function ledgerContribution(e: LedgerFacts, dims: RollupDims): Cell[] {
  const day = shanghaiDay(e.createdAt);
  const sums: Record<string, number> = { gmv_fen: 0, refund_fen: 0, platform_revenue_fen: 0, escort_payable_fen: 0 };
  for (const l of e.lines) {
    if (l.account === 'customer_payments_clearing' && e.sourceType === 'payment_capture') sums.gmv_fen += l.amountFen;
    if (l.account === 'customer_payments_clearing' && e.sourceType === 'refund') sums.refund_fen -= l.amountFen;
    if (l.account === 'platform_revenue') sums.platform_revenue_fen -= l.amountFen;
    if (l.account === 'escort_payable' && l.orderId !== null) sums.escort_payable_fen -= l.amountFen;
  }
  return Object.entries(sums)
    .filter(([, v]) => v !== 0)
    .map(([measure, value]) => ({ ...dims, day, measure, value }));
}

/** A customer's first paid order and how many paid orders they have. */
export interface CustomerFacts extends RollupDims {
  firstOrderId: number;
  firstPaidAt: Date | string;
  paidOrders: number;
}

/** New customers are counted on their first paid order's day and dimensions; repeat ones there too. */
export function customerContribution(c: CustomerFacts | null): Cell[] {
  if (!c) return [];
  const base = { cityId: c.cityId, categoryCode: c.categoryCode, hospitalId: c.hospitalId, day: shanghaiDay(c.firstPaidAt) };
  const cells: Cell[] = [{ ...base, measure: 'new_customers', value: 1 }];
  if (c.paidOrders >= 2) cells.push({ ...base, measure: 'repeat_customers', value: 1 });
  return cells;
}

/** The facts after one more paid order: the first is the earliest by (paid time, order id). */
export function withPaidOrder(c: CustomerFacts | null, o: { orderId: number; paidAt: Date | string } & RollupDims): CustomerFacts {
  if (!c) return { cityId: o.cityId, categoryCode: o.categoryCode, hospitalId: o.hospitalId, firstOrderId: o.orderId, firstPaidAt: o.paidAt, paidOrders: 1 };
  const earlier = ms(o.paidAt) < ms(c.firstPaidAt) || (ms(o.paidAt) === ms(c.firstPaidAt) && o.orderId < c.firstOrderId);
  return earlier
    ? { cityId: o.cityId, categoryCode: o.categoryCode, hospitalId: o.hospitalId, firstOrderId: o.orderId, firstPaidAt: o.paidAt, paidOrders: c.paidOrders + 1 }
    : { ...c, paidOrders: c.paidOrders + 1 };
}

export function cellKey(c: Pick<Cell, 'day' | 'cityId' | 'categoryCode' | 'hospitalId'>): string {
  return `${c.day}|${c.cityId}|${c.categoryCode}|${c.hospitalId}`;
}

/** Sums cells by (key, measure) and drops those that cancel out. */
export function netCells(cells: Cell[]): Cell[] {
  const sums = new Map<string, Cell>();
  for (const c of cells) {
    const k = `${cellKey(c)}|${c.measure}`;
    const prev = sums.get(k);
    if (prev) prev.value += c.value;
    else sums.set(k, { ...c });
  }
  return [...sums.values()].filter(c => c.value !== 0);
}

/** `after - before`, netted. */
export function delta(before: Cell[], after: Cell[]): Cell[] {
  return netCells([...after, ...before.map(c => ({ ...c, value: -c.value }))]);
}

/**
 * A quantile (0..1) of a histogram of minutes, interpolating linearly inside the bucket. Exact to
 * the bucket's width; the open last bucket answers its lower bound. Null without data.
 */
export function histogramQuantile(counts: number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    if (seen + counts[i] >= rank) {
      const lo = LATENCY_BOUNDS_MIN[i];
      const hi = LATENCY_BOUNDS_MIN[i + 1];
      if (hi === undefined) return lo;
      return Math.round((lo + ((rank - seen) / counts[i]) * (hi - lo)) * 10) / 10;
    }
    seen += counts[i];
  }
  return LATENCY_BOUNDS_MIN[LATENCY_BOUNDS_MIN.length - 1];
}

// ---------------------------------------------------------------- quality (reviews and tickets)

/** A review as the rollups read it; dimensions are the order's. */
export interface ReviewFacts extends RollupDims {
  createdAt: Date | string;
  overall: number;
  escortId: number | null;
}

/** A service complaint (a ticket of type service_complaint about an order). */
export interface ComplaintFacts extends RollupDims {
  createdAt: Date | string;
  escortId: number | null;
  reason: string;
}

/** One change to a per-escort cell: [day, cityId, escortId, measure, value]. */
export type EscortCell = [string, number, number, string, number];
/** One change to a complaint-reason cell: [day, cityId, categoryCode, hospitalId, reason, value]. */
export type ReasonCell = [string, number, string, number, string, number];

export const REASON_MAX = 32;
export const OPENER_REASON: Record<string, string> = { customer: '客户投诉', escort: '陪诊师反馈', staff: '客服登记', system: '差评回访' };

/**
 * The reason a complaint is counted under: for a follow-up of a low-score review, the review's
 * first tag (what the customer picked); otherwise who opened it. Kept to 32 characters (the key).
 * rollup-sql.ts says the same in SQL.
 */
export function complaintReason(openerType: string, reviewTags: string[] | null): string {
  const tag = typeof reviewTags?.[0] === 'string' ? reviewTags[0].trim() : '';
  return (tag !== '' ? tag : OPENER_REASON[openerType] ?? '其他').slice(0, REASON_MAX);
}

/** Reviews are never rewritten: one review adds its count, its star bucket and its escort's figures, on the review's day. */
export function reviewContribution(r: ReviewFacts): { cells: Cell[]; escort: EscortCell[] } {
  const day = shanghaiDay(r.createdAt);
  const star = Math.min(5, Math.max(1, Math.round(r.overall)));
  const dims = { cityId: r.cityId, categoryCode: r.categoryCode, hospitalId: r.hospitalId };
  const cells: Cell[] = [
    { ...dims, day, measure: 'review_count', value: 1 },
    { ...dims, day, measure: `rating${star}_count`, value: 1 },
  ];
  const escort: EscortCell[] = [];
  if (r.escortId !== null) {
    escort.push([day, r.cityId, r.escortId, 'review_count', 1], [day, r.cityId, r.escortId, 'rating_sum', star]);
    if (star >= 4) escort.push([day, r.cityId, r.escortId, 'good_count', 1]);
    if (star <= 2) escort.push([day, r.cityId, r.escortId, 'bad_count', 1]);
  }
  return { cells, escort };
}

/** A complaint counts once, on the day it was opened. */
export function complaintContribution(c: ComplaintFacts): { cells: Cell[]; escort: EscortCell[]; reasons: ReasonCell[] } {
  const day = shanghaiDay(c.createdAt);
  return {
    cells: [{ cityId: c.cityId, categoryCode: c.categoryCode, hospitalId: c.hospitalId, day, measure: 'complaint_count', value: 1 }],
    escort: c.escortId !== null ? [[day, c.cityId, c.escortId, 'complaint_count', 1]] : [],
    reasons: [[day, c.cityId, c.categoryCode, c.hospitalId, c.reason, 1]],
  };
}
