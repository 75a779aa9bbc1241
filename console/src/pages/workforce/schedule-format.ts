/**
 * Schedules as ops read and type them: a week of Shanghai dates, a day's ranges as
 * `08:00–12:00、13:00–17:00`, and a weekly template typed per weekday as `08:00-12:00, 13:00-17:00`.
 */
import { WEEKDAYS, WEEKDAY_LABEL } from '@/constants/workforce';
import type { WeeklyRange } from '@/services/workforce-models';

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  const d = new Date(dayNumber(date) * 86_400_000).getUTCDay();
  return d === 0 ? 7 : d;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export function weekDates(monday: string): string[] {
  return WEEKDAYS.map((_, i) => addDays(monday, i));
}

export function rangesText(ranges: { start: string; end: string }[]): string {
  return ranges.length ? ranges.map((r) => `${r.start}–${r.end}`).join('、') : '休';
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Weekly ranges → one editable line per weekday. */
export function weeklyToLines(ranges: WeeklyRange[]): Record<number, string> {
  const out: Record<number, string> = {};
  for (const day of WEEKDAYS) {
    out[day] = ranges
      .filter((r) => r.weekday === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((r) => `${r.start}-${r.end}`)
      .join(', ');
  }
  return out;
}

export type LinesResult = { ok: true; ranges: WeeklyRange[] } | { ok: false; problem: string };

/** Lines typed per weekday → weekly ranges, or the first problem in words (the backend checks again). */
export function linesToWeekly(lines: Record<number, string | undefined>): LinesResult {
  const ranges: WeeklyRange[] = [];
  for (const day of WEEKDAYS) {
    const text = (lines[day] ?? '').trim();
    if (!text) continue;
    const parts = text.split(/[,，、;；\s]+/).filter(Boolean);
    const mine: WeeklyRange[] = [];
    for (const part of parts) {
      const m = part.split(/[-–~至]/);
      if (m.length !== 2 || !CLOCK.test(m[0]) || !CLOCK.test(m[1])) {
        return { ok: false, problem: `${WEEKDAY_LABEL[day]}「${part}」格式应为 08:00-12:00` };
      }
      if (minutes(m[1]) <= minutes(m[0])) return { ok: false, problem: `${WEEKDAY_LABEL[day]}「${part}」结束时间必须晚于开始时间` };
      mine.push({ weekday: day, start: m[0], end: m[1] });
    }
    mine.sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < mine.length; i++) {
      if (minutes(mine[i].start) < minutes(mine[i - 1].end)) return { ok: false, problem: `${WEEKDAY_LABEL[day]}的时间段有重叠` };
    }
    ranges.push(...mine);
  }
  return { ok: true, ranges };
}

/** Hours a week of ranges adds up to, for the team view's row summary. */
export function weeklyHours(ranges: { start: string; end: string }[]): number {
  return ranges.reduce((sum, r) => sum + (minutes(r.end) - minutes(r.start)) / 60, 0);
}
