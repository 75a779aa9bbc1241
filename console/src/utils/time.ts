/**
 * The API speaks UTC ISO-8601; people read Asia/Shanghai whatever the browser's own zone is.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

type TimeInput = string | number | Date | null | undefined;

/** '2026-01-01T02:03:04Z' → '2026-01-01 10:03:04'; empty values → '-'. */
export function formatDateTime(value: TimeInput, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  if (value === null || value === undefined || value === '') return '-';
  const parsed = dayjs.utc(value);
  if (!parsed.isValid()) return '-';
  return parsed.tz(DISPLAY_TIME_ZONE).format(pattern);
}

export function formatDate(value: TimeInput): string {
  return formatDateTime(value, 'YYYY-MM-DD');
}

/**
 * Turns an inclusive range of Shanghai calendar days ['2026-01-01', '2026-01-31'] into the
 * half-open UTC interval [from, to) the API filters on: to is the start of the day after the last.
 */
export function shanghaiDaysToUtcRange(startDay: string, endDay: string): { from: string; to: string } {
  // Shanghai midnight read with the fixed +08:00 offset (no daylight saving since 1991): dayjs.tz
  // parses an hour off on days the machine's own zone changes its clocks (2026-11-01 in Los Angeles).
  const midnight = (day: string) => dayjs(`${day.slice(0, 10)}T00:00:00+08:00`);
  return { from: midnight(startDay).toISOString(), to: midnight(endDay).add(24, 'hour').toISOString() };
}

/** Today's calendar day in Asia/Shanghai, YYYY-MM-DD, whatever the browser's zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return dayjs(now).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');
}

/**
 * A wall-clock time typed by staff, read as Asia/Shanghai whatever the browser's zone:
 * '2026-06-01 09:00' → '2026-06-01T01:00:00.000Z'.
 */
export function shanghaiWallClockToIso(wallClock: string): string {
  const parsed = dayjs.tz(wallClock.trim(), DISPLAY_TIME_ZONE);
  if (!parsed.isValid()) throw new RangeError(`"${wallClock}" is not a date and time`);
  return parsed.toISOString();
}

/**
 * Date-time pickers show the browser's zone, but people mean Shanghai wall-clock time: the picked
 * `2026-06-01 09:00` is read as 09:00 in Shanghai and sent as UTC, whatever the machine's zone.
 */
export function shanghaiWallClockToUtc(value: dayjs.Dayjs | string): string {
  const wallClock = typeof value === 'string' ? value : value.format('YYYY-MM-DD HH:mm:ss');
  return dayjs.tz(wallClock, DISPLAY_TIME_ZONE).toISOString();
}

/** The picker value for a UTC instant: its Shanghai wall-clock time as a local dayjs. */
export function utcToShanghaiWallClock(iso: string): dayjs.Dayjs {
  return dayjs(dayjs.utc(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss'));
}
