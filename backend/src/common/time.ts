/**
 * Time ranges are half-open `[start, end)`: a booking 09:00-10:00 and one 10:00-11:00 share no
 * minute, so back-to-back orders for one escort are allowed. Instants are stored in UTC; only the
 * calendar helpers here know about Asia/Shanghai.
 *
 * Asia/Shanghai is a fixed UTC+8: China has not observed daylight saving time since 1991, so a
 * constant offset is exact for every date this system handles and avoids depending on the ICU
 * timezone data of whichever Node build runs it. (Dates before 1992 may differ by an hour.)
 */

/** A point in time: a Date or epoch milliseconds. */
export type Instant = Date | number;

/** Half-open `[start, end)`; `start === end` is an empty interval. */
export interface Interval {
  start: Instant;
  end: Instant;
}

export class InvalidIntervalError extends Error {
  readonly code = 'INVALID_INTERVAL';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidIntervalError';
  }
}

export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
const SHANGHAI_OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

/** Epoch milliseconds of an instant; throws for an Invalid Date or a non-finite number. */
export function toEpochMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new InvalidIntervalError(`Not a valid instant: ${String(instant)}`);
  }
  return ms;
}

function bounds(interval: Interval): [number, number] {
  const start = toEpochMs(interval.start);
  const end = toEpochMs(interval.end);
  if (end < start) {
    throw new InvalidIntervalError(
      `Interval ends before it starts: [${new Date(start).toISOString()}, ${new Date(end).toISOString()})`,
    );
  }
  return [start, end];
}

/**
 * True when the two intervals share at least one instant. Touching intervals (`a.end === b.start`)
 * do not overlap, and an empty interval overlaps nothing, so it can never block a booking.
 * This is the one overlap test for bookings, shifts, leave and claims.
 */
export function overlaps(a: Interval, b: Interval): boolean {
  const [aStart, aEnd] = bounds(a);
  const [bStart, bEnd] = bounds(b);
  if (aStart === aEnd || bStart === bEnd) return false;
  return aStart < bEnd && bStart < aEnd;
}

/**
 * Whether `outer` contains an instant (`start <= t < end`, so the end itself is outside) or a whole
 * interval (`outer.start <= inner.start` and `inner.end <= outer.end`): an order fits in a shift
 * that ends exactly when the order does.
 */
export function contains(outer: Interval, inner: Interval | Instant): boolean {
  const [outerStart, outerEnd] = bounds(outer);
  if (inner instanceof Date || typeof inner === 'number') {
    const t = toEpochMs(inner);
    return outerStart <= t && t < outerEnd;
  }
  const [innerStart, innerEnd] = bounds(inner);
  return outerStart <= innerStart && innerEnd <= outerEnd;
}

/** Length in minutes; fractional when the interval is not a whole number of minutes, so the caller chooses how to round. */
export function intervalMinutes(interval: Interval): number {
  const [start, end] = bounds(interval);
  return (end - start) / MS_PER_MINUTE;
}

/** A new Date `minutes` after the instant (negative goes back). */
export function addMinutes(instant: Instant, minutes: number): Date {
  if (!Number.isFinite(minutes)) {
    throw new InvalidIntervalError(`Minutes must be a finite number, got ${String(minutes)}`);
  }
  return new Date(toEpochMs(instant) + minutes * MS_PER_MINUTE);
}

/** The Asia/Shanghai calendar date of an instant as `YYYY-MM-DD` (16:00 UTC is already the next day there). */
export function toShanghaiDateString(instant: Instant): string {
  const local = new Date(toEpochMs(instant) + SHANGHAI_OFFSET_MS);
  const year = String(local.getUTCFullYear()).padStart(4, '0');
  const month = String(local.getUTCMonth() + 1).padStart(2, '0');
  const day = String(local.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** The UTC instant of midnight in Asia/Shanghai on the instant's local day (16:00 UTC the day before). */
export function startOfShanghaiDay(instant: Instant): Date {
  const localMs = toEpochMs(instant) + SHANGHAI_OFFSET_MS;
  // Math.floor, not truncation, so instants before 1970 land on their own day too.
  return new Date(Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}
