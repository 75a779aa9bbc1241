/**
 * Settlement periods on the Shanghai calendar, half-open `[start, end)`: a week runs Monday 00:00
 * to the next Monday 00:00, a month from the 1st 00:00 to the next 1st. The key names the period
 * once for every run and payout (`2026-11`, `2026-W47` style by the Monday's date: `2026-11-16W`).
 */
export type SettlementCadence = 'weekly' | 'monthly';
export const SETTLEMENT_CADENCES: Record<SettlementCadence, string> = { weekly: '按周', monthly: '按月' };

export interface SettlementPeriod {
  cadence: SettlementCadence;
  /** The Shanghai date the period starts, YYYY-MM-DD. */
  startDate: string;
  start: Date;
  end: Date;
  key: string;
  label: string;
}

export class InvalidPeriodError extends Error {
  readonly code = 'SETTLEMENT_PERIOD_INVALID';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function shanghaiMidnight(y: number, m: number, d: number): Date {
  // Date.UTC normalises overflowing months and days (month 13 → January of the next year).
  return new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);
}

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new InvalidPeriodError(`结算周期起始日期格式应为 YYYY-MM-DD，收到 ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw new InvalidPeriodError(`日期 ${date} 不存在`);
  return [y, mo, d];
}

/** The period of a cadence that starts on `startDate`; a date that does not start one (not a Monday, not the 1st) is refused. */
export function periodStartingOn(cadence: SettlementCadence, startDate: string): SettlementPeriod {
  const [y, m, d] = parts(startDate);
  if (cadence === 'monthly') {
    if (d !== 1) throw new InvalidPeriodError('按月结算的周期从每月 1 日开始');
    return { cadence, startDate, start: shanghaiMidnight(y, m, 1), end: shanghaiMidnight(y, m + 1, 1), key: startDate.slice(0, 7), label: `${y}年${m}月` };
  }
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday !== 1) throw new InvalidPeriodError('按周结算的周期从周一开始');
  const end = shanghaiMidnight(y, m, d + 7);
  const lastDay = new Date(end.getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  return { cadence, startDate, start: shanghaiMidnight(y, m, d), end, key: `${startDate}W`, label: `${startDate} 至 ${lastDay}` };
}

/** The period of a cadence that contains an instant. */
export function periodContaining(cadence: SettlementCadence, at: Date): SettlementPeriod {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  if (cadence === 'monthly') return periodStartingOn('monthly', `${y}-${String(m).padStart(2, '0')}-01`);
  const back = (local.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(y, m - 1, d - back)).toISOString().slice(0, 10);
  return periodStartingOn('weekly', monday);
}

/** The last period that has ended by `now` (what finance usually settles next). */
export function lastEndedPeriod(cadence: SettlementCadence, now: Date): SettlementPeriod {
  const current = periodContaining(cadence, now);
  return periodContaining(cadence, new Date(current.start.getTime() - 1));
}
