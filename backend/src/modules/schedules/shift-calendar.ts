/**
 * Pure shift arithmetic: an escort's weekly template (several wall-clock ranges per weekday,
 * Asia/Shanghai) plus dated exceptions (an extra shift, or time off) become UTC intervals. No
 * database here; the schedules service and dispatch feed in rows, tests feed in literals.
 *
 * Minutes count from the Shanghai midnight of the day: 0 = 00:00, 1440 = 24:00 (the end of the
 * day). A range ending at 1440 and the next day's range starting at 0 join into one shift, so a
 * night shift 20:00–24:00 + 00:00–08:00 covers an order from 23:00 to 01:00.
 */
import { addMinutes, SHANGHAI_UTC_OFFSET_MINUTES, toEpochMs, toShanghaiDateString, type Instant } from '../../common/time';

export const MINUTES_PER_DAY = 24 * 60;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;
const SHANGHAI_OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

/** 1 = Monday … 7 = Sunday (ISO), as the console shows the week. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

export interface WeeklyRange extends MinuteRange {
  weekday: number;
}

export type ShiftExceptionKind = 'extra' | 'off';

/**
 * A dated change to the template. `off` without a range is the whole day off; `extra` always has
 * a range. `date` is the Shanghai calendar day `YYYY-MM-DD`.
 */
export interface ShiftExceptionFact {
  date: string;
  kind: ShiftExceptionKind;
  startMinute: number | null;
  endMinute: number | null;
}

/** UTC epoch-millisecond interval, half-open. */
export interface MsInterval {
  start: number;
  end: number;
}

/** Why a weekly template or a range is malformed, or null when it is fine. */
export function rangeProblem(r: MinuteRange): string | null {
  if (!Number.isInteger(r.startMinute) || !Number.isInteger(r.endMinute)) return '时间必须是整数分钟';
  if (r.startMinute < 0 || r.endMinute > MINUTES_PER_DAY) return '时间必须在 00:00 到 24:00 之间';
  if (r.startMinute >= r.endMinute) return '结束时间必须晚于开始时间';
  return null;
}

/** Ranges of one day must not overlap each other (touching is fine: 08:00–12:00 and 12:00–18:00). */
export function weeklyTemplateProblem(ranges: readonly WeeklyRange[]): string | null {
  for (const r of ranges) {
    if (!Number.isInteger(r.weekday) || r.weekday < 1 || r.weekday > 7) return '星期必须是 1（周一）到 7（周日）';
    const p = rangeProblem(r);
    if (p) return p;
  }
  for (let d = 1; d <= 7; d++) {
    const day = ranges.filter(r => r.weekday === d).sort((a, b) => a.startMinute - b.startMinute);
    for (let i = 1; i < day.length; i++) {
      if (day[i].startMinute < day[i - 1].endMinute) return `${WEEKDAY_LABELS[d as Weekday]}的时间段有重叠`;
    }
  }
  return null;
}

export const WEEKDAY_LABELS: Record<Weekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

/** ISO weekday of a Shanghai calendar date `YYYY-MM-DD`. */
export function weekdayOf(date: string): Weekday {
  const days = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
  return weekdayOfDayNumber(days);
}

/** ISO weekday of the n-th day since 1970-01-01 (a Thursday), for negative n too. */
function weekdayOfDayNumber(n: number): Weekday {
  return ((((n + 3) % 7) + 7) % 7) + 1 as Weekday;
}

/** `HH:mm` ↔ minutes of the day; `24:00` is the end of the day. */
export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Sorted, merged minute ranges; touching ranges become one. */
export function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].filter(r => r.endMinute > r.startMinute).sort((a, b) => a.startMinute - b.startMinute);
  const out: MinuteRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, r.endMinute);
    else out.push({ startMinute: r.startMinute, endMinute: r.endMinute });
  }
  return out;
}

/** `ranges` minus `cut`: what remains of the day's shifts after time off. */
export function subtractRanges(ranges: readonly MinuteRange[], cut: readonly MinuteRange[]): MinuteRange[] {
  let rest = mergeRanges(ranges);
  for (const c of mergeRanges(cut)) {
    const next: MinuteRange[] = [];
    for (const r of rest) {
      if (c.endMinute <= r.startMinute || c.startMinute >= r.endMinute) {
        next.push(r);
        continue;
      }
      if (c.startMinute > r.startMinute) next.push({ startMinute: r.startMinute, endMinute: c.startMinute });
      if (c.endMinute < r.endMinute) next.push({ startMinute: c.endMinute, endMinute: r.endMinute });
    }
    rest = next;
  }
  return rest;
}

/** The working ranges of one Shanghai day: the template's ranges for its weekday, plus extras, minus time off. */
export function dayRanges(date: string, weekly: readonly WeeklyRange[], exceptions: readonly ShiftExceptionFact[]): MinuteRange[] {
  const weekday = weekdayOf(date);
  const todays = exceptions.filter(e => e.date === date);
  const base = weekly.filter(r => r.weekday === weekday).map(r => ({ startMinute: r.startMinute, endMinute: r.endMinute }));
  const extras = todays
    .filter(e => e.kind === 'extra' && e.startMinute !== null && e.endMinute !== null)
    .map(e => ({ startMinute: e.startMinute as number, endMinute: e.endMinute as number }));
  const offs = todays
    .filter(e => e.kind === 'off')
    .map(e => (e.startMinute === null || e.endMinute === null ? { startMinute: 0, endMinute: MINUTES_PER_DAY } : { startMinute: e.startMinute, endMinute: e.endMinute }));
  return subtractRanges([...base, ...extras], offs);
}

/**
 * The escort's shifts that touch `[from, to)`, as merged UTC intervals (not clipped, so a shift
 * that began before `from` shows its real start). Looks one day back so a night shift running
 * past midnight is seen whole.
 *
 * Dispatch calls this once per escort per ranking (thousands of times), so days are counted as
 * numbers rather than date strings, and a day without exceptions takes the template as it is.
 */
export function shiftIntervals(weekly: readonly WeeklyRange[], exceptions: readonly ShiftExceptionFact[], from: Instant, to: Instant): MsInterval[] {
  const fromMs = toEpochMs(from);
  const toMs = toEpochMs(to);
  const firstDay = Math.floor((fromMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY) - 1;
  const lastDay = Math.floor((toMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY) + 1;
  const raw: MsInterval[] = [];
  for (let n = firstDay; n <= lastDay; n++) {
    const dayStart = n * MS_PER_DAY - SHANGHAI_OFFSET_MS;
    if (exceptions.length === 0) {
      const weekday = weekdayOfDayNumber(n);
      for (const r of weekly) {
        if (r.weekday === weekday) raw.push({ start: dayStart + r.startMinute * MS_PER_MINUTE, end: dayStart + r.endMinute * MS_PER_MINUTE });
      }
      continue;
    }
    for (const r of dayRanges(toShanghaiDateString(dayStart), weekly, exceptions)) {
      raw.push({ start: dayStart + r.startMinute * MS_PER_MINUTE, end: dayStart + r.endMinute * MS_PER_MINUTE });
    }
  }
  if (raw.length > 1) raw.sort((a, b) => a.start - b.start);
  const merged: MsInterval[] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push(r);
  }
  return merged.filter(i => i.end > fromMs && i.start < toMs);
}

/**
 * The one merged shift that contains all of `[from, to)`, or null: the question availability asks,
 * answered without building every interval. Equivalent to finding it in `shiftIntervals(...)`;
 * it walks days from the one before `from` (a night shift may begin there) to the day of `to`,
 * merging as it goes, and stops as soon as the answer is known. Dispatch asks it for thousands of
 * escorts per ranking, so the common day without exceptions allocates nothing but the answer.
 */
export function coveringShift(weekly: readonly WeeklyRange[], exceptions: readonly ShiftExceptionFact[], from: Instant, to: Instant): MsInterval | null {
  const fromMs = toEpochMs(from);
  const toMs = toEpochMs(to);
  const firstDay = Math.floor((fromMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY) - 1;
  const lastDay = Math.floor((Math.max(fromMs, toMs - 1) + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
  let curStart = NaN;
  let curEnd = NaN;
  for (let n = firstDay; n <= lastDay; n++) {
    const dayStart = n * MS_PER_DAY - SHANGHAI_OFFSET_MS;
    let ranges: readonly MinuteRange[];
    if (exceptions.length === 0) {
      const weekday = weekdayOfDayNumber(n);
      scratch.length = 0;
      for (const r of weekly) if (r.weekday === weekday) scratch.push(r);
      if (scratch.length > 1) scratch.sort((a, b) => a.startMinute - b.startMinute);
      ranges = scratch;
    } else {
      ranges = dayRanges(toShanghaiDateString(dayStart), weekly, exceptions);
    }
    for (const r of ranges) {
      const start = dayStart + r.startMinute * MS_PER_MINUTE;
      const end = dayStart + r.endMinute * MS_PER_MINUTE;
      if (start <= curEnd) {
        if (end > curEnd) curEnd = end;
        continue;
      }
      if (curStart <= fromMs && curEnd >= toMs) return { start: curStart, end: curEnd };
      // Shifts only start later from here on: none can begin at or before `from` any more.
      if (start > fromMs) return null;
      curStart = start;
      curEnd = end;
    }
  }
  return curStart <= fromMs && curEnd >= toMs ? { start: curStart, end: curEnd } : null;
}
const scratch: MinuteRange[] = [];

/** Shanghai dates `YYYY-MM-DD` from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = new Date(`${from}T00:00:00+08:00`).getTime(); t <= new Date(`${to}T00:00:00+08:00`).getTime(); t += MS_PER_DAY) {
    out.push(toShanghaiDateString(t));
  }
  return out;
}

/** The UTC interval of a Shanghai date's `[startMinute, endMinute)`. */
export function dateRangeInterval(date: string, r: MinuteRange): MsInterval {
  const day = new Date(`${date}T00:00:00+08:00`).getTime();
  return { start: addMinutes(day, r.startMinute).getTime(), end: addMinutes(day, r.endMinute).getTime() };
}
