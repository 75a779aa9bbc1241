/**
 * Pure helpers of the dispatch pages: SLA flags of a pool row, the parts of a candidate's score,
 * whether an assignment may go ahead, and where a bar sits on the day board.
 */
import { POOL_FLAG, SCORE_PART, type PoolFlag, type ScorePart } from '@/constants/workforce';
import type { Candidate, PoolRow, Span } from '@/services/workforce-models';

/** The SLA flags a pool row carries, most urgent first (only one of started / 2 h / 24 h shows). */
export function poolFlags(row: Pick<PoolRow, 'flags'>): PoolFlag[] {
  const f = row.flags;
  const out: PoolFlag[] = [];
  if (f.started) out.push('started');
  else if (f.within2h) out.push('within2h');
  else if (f.within24h) out.push('within24h');
  if (f.declined) out.push('declined');
  if (f.returned) out.push('returned');
  return out;
}

export function poolFlagLabels(row: Pick<PoolRow, 'flags'>): string[] {
  return poolFlags(row).map((f) => POOL_FLAG[f].label);
}

/** How long a paid order has waited for an escort, in words. */
export function waitingText(minutes: number | null): string {
  if (minutes === null) return '-';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时 ${minutes % 60} 分钟`;
  return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
}

export function distanceText(meters: number | null): string {
  if (meters === null) return '位置未知';
  if (meters < 1000) return `${meters} 米`;
  return `${(meters / 1000).toFixed(1)} 公里`;
}

export interface ScorePartView {
  part: ScorePart;
  label: string;
  points: number;
  max: number;
}

/** Every part of a score in a fixed order, with its maximum, so the dispatcher sees why one escort ranks above another. */
export function scoreParts(parts: Record<string, number>): ScorePartView[] {
  return (Object.keys(SCORE_PART) as ScorePart[]).map((part) => ({
    part,
    label: SCORE_PART[part].label,
    points: Math.round((parts[part] ?? 0) * 10) / 10,
    max: SCORE_PART[part].max,
  }));
}

export type AssignCheck =
  | { ok: true; force: boolean }
  | { ok: false; message: string };

/**
 * Whether the chosen candidate may be assigned: available escorts may; escorts held back only by
 * soft reasons (outside the shift, tight travel time) need the dispatcher to confirm the exception;
 * the rest may not. The backend checks again; this only keeps the button honest.
 */
export function assignCheck(c: Candidate | undefined, confirmedException: boolean): AssignCheck {
  if (!c) return { ok: false, message: '请选择陪诊师' };
  if (c.current) return { ok: false, message: '该陪诊师已是当前陪诊师' };
  if (c.available) return { ok: true, force: false };
  if (!c.overridable) return { ok: false, message: `不可派单：${c.reasons.map((r) => r.label).join('、')}` };
  if (!confirmedException) return { ok: false, message: `请确认例外：${c.reasons.map((r) => r.label).join('、')}` };
  return { ok: true, force: true };
}

/** A default reason the dispatcher can keep or edit (the API requires one). */
export function defaultAssignReason(c: Candidate | undefined, reassign: boolean): string {
  if (!c) return '';
  const what = reassign ? '改派' : '派单';
  return c.rank === 1 && c.available ? `${what}：系统推荐第一名` : `${what}：调度选择第 ${c.rank} 名`;
}

// ------------------------------------------------------------------ the day board

/** Minutes since the board's start (Shanghai midnight) for an instant, clipped to the day. */
export function minuteOfDay(iso: string, dayStartIso: string): number {
  const m = (new Date(iso).getTime() - new Date(dayStartIso).getTime()) / 60_000;
  return Math.min(24 * 60, Math.max(0, m));
}

export interface BarBox {
  /** Percent of the day from the left edge. */
  left: number;
  /** Percent of the day wide (at least a sliver, so a short bar stays clickable). */
  width: number;
}

export function barBox(span: Span, dayStartIso: string): BarBox {
  const start = minuteOfDay(span.start, dayStartIso);
  const end = minuteOfDay(span.end, dayStartIso);
  const day = 24 * 60;
  return { left: (start / day) * 100, width: Math.max(((end - start) / day) * 100, 0.5) };
}

/** Hours shown on the board: the working day by default, widened to take in every bar. */
export function visibleHours(spans: Span[], dayStartIso: string, defaults: [number, number] = [6, 22]): [number, number] {
  let [from, to] = defaults;
  for (const s of spans) {
    from = Math.min(from, Math.floor(minuteOfDay(s.start, dayStartIso) / 60));
    to = Math.max(to, Math.ceil(minuteOfDay(s.end, dayStartIso) / 60));
  }
  return [Math.max(0, from), Math.min(24, to)];
}

/** Left/width of a span as a percent of the visible hours. */
export function spanInWindow(span: Span, dayStartIso: string, [fromHour, toHour]: [number, number]): BarBox | null {
  const start = Math.max(minuteOfDay(span.start, dayStartIso), fromHour * 60);
  const end = Math.min(minuteOfDay(span.end, dayStartIso), toHour * 60);
  if (end <= start) return null;
  const total = (toHour - fromHour) * 60;
  return { left: ((start - fromHour * 60) / total) * 100, width: Math.max(((end - start) / total) * 100, 0.8) };
}
