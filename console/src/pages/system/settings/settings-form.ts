/**
 * Conversions between the settings groups the API stores and the values the forms edit.
 */
import { NOTIFICATION_EVENT } from '@/constants/settings';
import type { NotificationTemplate, PenaltyTier } from '@/services/models';
import { bpToPercent, formatBp, percentToBp } from '@/utils/basis-points';

/** A cancellation tier as the form edits it: the penalty in percent. */
export interface TierRow {
  hoursBefore: number;
  penaltyPercent: number;
}

const byHoursDesc = <T extends { hoursBefore: number }>(a: T, b: T) => b.hoursBefore - a.hoursBefore;

export function tiersToRows(tiers: readonly PenaltyTier[]): TierRow[] {
  return [...tiers].sort(byHoursDesc).map((t) => ({ hoursBefore: t.hoursBefore, penaltyPercent: bpToPercent(t.penaltyBp) }));
}

/** Rows back to tiers, largest `hoursBefore` first (the order the backend checks them in). */
export function rowsToTiers(rows: readonly TierRow[]): PenaltyTier[] {
  return rows
    .map((r) => ({ hoursBefore: Number(r.hoursBefore), penaltyBp: percentToBp(Number(r.penaltyPercent)) }))
    .sort(byHoursDesc);
}

/** Hours that appear in more than one row (the backend refuses duplicates). */
export function duplicateHours(rows: readonly Partial<TierRow>[]): number[] {
  const seen = new Set<number>();
  const dupes = new Set<number>();
  for (const r of rows) {
    if (r?.hoursBefore === undefined || r.hoursBefore === null) continue;
    const h = Number(r.hoursBefore);
    if (seen.has(h)) dupes.add(h);
    seen.add(h);
  }
  return [...dupes].sort((a, b) => a - b);
}

/** One sentence per tier: what cancelling in that window costs. */
export function describeTiers(tiers: readonly PenaltyTier[]): string[] {
  const sorted = [...tiers].sort(byHoursDesc);
  return sorted.map((t, i) => {
    const window =
      i === 0
        ? `开始前 ${t.hoursBefore} 小时及以上`
        : `开始前 ${t.hoursBefore}–${sorted[i - 1].hoursBefore} 小时`;
    const whenLast = i === sorted.length - 1 && t.hoursBefore === 0 ? '（含开始后）' : '';
    return `${window}${whenLast}取消：违约金 ${formatBp(t.penaltyBp)}`;
  });
}

/** Start times of day offered by the booking form: every `stepMinutes` from 00:00. */
export function timeOfDayOptions(stepMinutes = 15, extra: readonly string[] = []): { label: string; value: string }[] {
  const values = new Set<string>(extra.filter(Boolean));
  for (let m = 0; m < 24 * 60; m += stepMinutes) {
    values.add(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return [...values].sort().map((v) => ({ label: v, value: v }));
}

/** Template events in the console's order, then any the console has no label for yet. */
export function templateEvents(templates: Record<string, NotificationTemplate>): string[] {
  const known = Object.keys(NOTIFICATION_EVENT).filter((e) => e in templates);
  const unknown = Object.keys(templates).filter((e) => !(e in NOTIFICATION_EVENT)).sort();
  return [...known, ...unknown];
}

/**
 * The notifications group to save: the stored templates with the form's edits laid over them, so
 * the body always carries every event the backend requires.
 */
export function mergeTemplates(
  stored: Record<string, NotificationTemplate>,
  edited: Record<string, Partial<NotificationTemplate>> | undefined,
): Record<string, NotificationTemplate> {
  const result: Record<string, NotificationTemplate> = {};
  for (const [event, template] of Object.entries(stored)) {
    const e = edited?.[event] ?? {};
    result[event] = {
      title: (e.title ?? template.title).trim(),
      body: (e.body ?? template.body).trim(),
      channels: e.channels ?? template.channels,
    };
  }
  return result;
}
