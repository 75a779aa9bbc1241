/**
 * Pure booking rules: when a service may start, which time cells it occupies, what a cancellation
 * costs. No database here; the order service feeds in settings, the clock and the escort's claims.
 */
import type { BookingRules, PenaltyTier } from '../settings/settings-defaults';
import { addMinutes, overlaps, startOfShanghaiDay, SHANGHAI_UTC_OFFSET_MINUTES, type Interval } from '../../common/time';
import { applyBasisPoints } from '../../common/money';

export type StartRejection =
  | 'START_IN_PAST'
  | 'START_TOO_SOON'
  | 'START_BEYOND_WINDOW'
  | 'START_OUTSIDE_SERVICE_HOURS'
  | 'START_NOT_ON_SLOT'
  | 'DURATION_INVALID';

export const START_REJECTION_MESSAGES: Record<StartRejection, string> = {
  START_IN_PAST: '开始时间已过去',
  START_TOO_SOON: '开始时间距离现在太近，请预留足够的准备时间',
  START_BEYOND_WINDOW: '超出可预约的日期范围',
  START_OUTSIDE_SERVICE_HOURS: '不在服务时间内',
  START_NOT_ON_SLOT: '开始时间需为整点或半点',
  DURATION_INVALID: '服务时长不符合该项目的要求',
};

export interface DurationLimits {
  minDurationMinutes: number;
  maxDurationMinutes: number;
}

function minutesOfShanghaiDay(t: Date): number {
  return Math.floor((t.getTime() - startOfShanghaiDay(t).getTime()) / 60_000);
}

function parseTimeOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Why a start time cannot be booked under the rules, or null when it can. */
export function checkStart(rules: BookingRules, start: Date, durationMinutes: number, limits: DurationLimits, now: Date): StartRejection | null {
  if (
    !Number.isInteger(durationMinutes) ||
    durationMinutes <= 0 ||
    durationMinutes % rules.slotMinutes !== 0 ||
    durationMinutes < limits.minDurationMinutes ||
    durationMinutes > limits.maxDurationMinutes
  ) {
    return 'DURATION_INVALID';
  }
  if (start.getTime() <= now.getTime()) return 'START_IN_PAST';
  if (start.getTime() % (rules.slotMinutes * 60_000) !== 0) return 'START_NOT_ON_SLOT';
  if (start.getTime() < now.getTime() + rules.minLeadMinutes * 60_000) return 'START_TOO_SOON';
  const lastDayStart = addMinutes(startOfShanghaiDay(now), rules.maxDaysAhead * 24 * 60);
  if (start.getTime() >= addMinutes(lastDayStart, 24 * 60).getTime()) return 'START_BEYOND_WINDOW';
  const minute = minutesOfShanghaiDay(start);
  if (minute < parseTimeOfDay(rules.serviceStartFrom) || minute > parseTimeOfDay(rules.serviceStartUntil)) {
    return 'START_OUTSIDE_SERVICE_HOURS';
  }
  return null;
}

/**
 * The start instants of the `cellMinutes` cells that `[start, end)` covers. The claim table has a
 * unique key on (escort, cell start), so two claims that share any cell cannot both commit.
 * Start and end are expected on cell boundaries; a partial cell at either end is still claimed.
 */
export function timeCells(interval: Interval, cellMinutes: number): Date[] {
  const cellMs = cellMinutes * 60_000;
  const start = new Date(interval.start).getTime();
  const end = new Date(interval.end).getTime();
  const cells: Date[] = [];
  for (let t = Math.floor(start / cellMs) * cellMs; t < end; t += cellMs) cells.push(new Date(t));
  return cells;
}

/**
 * Up to `limit` bookable start times nearest to `wanted` (later ones first at equal distance),
 * scanning every slot from now to the end of the booking window, skipping any that overlap `busy`.
 */
export function suggestStarts(
  rules: BookingRules,
  wanted: Date,
  durationMinutes: number,
  limits: DurationLimits,
  busy: readonly Interval[],
  now: Date,
  limit = 3
): Date[] {
  const slotMs = rules.slotMinutes * 60_000;
  const first = Math.ceil(now.getTime() / slotMs) * slotMs;
  const windowEnd = addMinutes(startOfShanghaiDay(now), (rules.maxDaysAhead + 1) * 24 * 60).getTime();
  const candidates: Date[] = [];
  for (let t = first; t < windowEnd; t += slotMs) {
    const start = new Date(t);
    if (checkStart(rules, start, durationMinutes, limits, now)) continue;
    const slot = { start, end: addMinutes(start, durationMinutes) };
    if (busy.some(b => overlaps(b, slot))) continue;
    candidates.push(start);
  }
  const distance = (d: Date) => Math.abs(d.getTime() - wanted.getTime());
  return candidates
    .sort((a, b) => distance(a) - distance(b) || b.getTime() - a.getTime())
    .slice(0, limit)
    .sort((a, b) => a.getTime() - b.getTime());
}

export interface CancellationCharge {
  penaltyBp: number;
  penaltyFen: number;
  refundFen: number;
  /** The tier that applied, for the customer's explanation. */
  hoursBefore: number;
}

/**
 * What cancelling costs: the tier with the largest `hoursBefore` that the cancellation still
 * reaches applies (cancelling 30 h ahead with tiers 24/2/0 → the 24 h tier). Cancelling after the
 * start falls to the lowest tier. Penalty rounds half up; the refund is the rest, so the two
 * always add up to what was paid.
 */
export function cancellationCharge(tiers: readonly PenaltyTier[], paidFen: number, start: Date, now: Date): CancellationCharge {
  if (!tiers.length) throw new Error('cancellation needs at least one penalty tier');
  const hoursLeft = (start.getTime() - now.getTime()) / 3_600_000;
  const ordered = [...tiers].sort((a, b) => b.hoursBefore - a.hoursBefore);
  const tier = ordered.find(t => hoursLeft >= t.hoursBefore) ?? ordered[ordered.length - 1];
  const penaltyFen = Math.min(paidFen, applyBasisPoints(paidFen, tier.penaltyBp));
  return { penaltyBp: tier.penaltyBp, penaltyFen, refundFen: paidFen - penaltyFen, hoursBefore: tier.hoursBefore };
}

export interface CancellationWithDeposit extends CancellationCharge {
  /** The deposit held with the order (0 = none). */
  depositFen: number;
  /** Of it, what is kept (late cancellation or no-show) — included in penaltyFen. */
  depositForfeitFen: number;
}

/**
 * A paid order's cancellation when it carries a credit deposit: the penalty tiers apply to the
 * service's price (paid − deposit) exactly as without one; the deposit is kept whole when that
 * tier charges anything (a late cancellation) or staff record a no-show, and given back with the
 * refund otherwise. Waiving the penalty (staff, the platform's fault) gives everything back.
 * penaltyFen + refundFen = paidFen always.
 */
export function cancellationWithDeposit(
  tiers: readonly PenaltyTier[],
  paidFen: number,
  depositFen: number,
  start: Date,
  now: Date,
  options: { waivePenalty?: boolean; noShow?: boolean } = {}
): CancellationWithDeposit {
  const deposit = Math.max(0, Math.min(depositFen, paidFen));
  const service = paidFen - deposit;
  const base: CancellationCharge = options.waivePenalty ? { penaltyBp: 0, penaltyFen: 0, refundFen: service, hoursBefore: 0 } : cancellationCharge(tiers, service, start, now);
  const forfeit = deposit > 0 && !options.waivePenalty && (Boolean(options.noShow) || base.penaltyBp > 0) ? deposit : 0;
  return {
    ...base,
    penaltyFen: base.penaltyFen + forfeit,
    refundFen: base.refundFen + (deposit - forfeit),
    depositFen: deposit,
    depositForfeitFen: forfeit,
  };
}

/** `2026-11-24 09:00` in Asia/Shanghai, for messages. */
export function formatShanghai(t: Date): string {
  const local = new Date(t.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`;
}
