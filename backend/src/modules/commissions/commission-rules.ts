/**
 * Commission rules as plain data: the escort's share of a completed order's net, in basis points,
 * by escort level × service category, in dated versions. The platform keeps the rest (the ledger
 * splits with largest remainder, so the two shares add up to the net exactly).
 */
import { ESCORT_LEVEL_CODES, type EscortLevel } from '../escorts/escort.entity';
import { SERVICE_CATEGORY_CODES } from '../catalog/catalog-codes';

/** A cell with this category applies to every category without a cell of its own. */
export const ANY_CATEGORY = '*';

export interface CommissionCell {
  escortLevel: string;
  categoryCode: string;
  shareBp: number;
}

export interface CommissionVersionData {
  id: number;
  effectiveFrom: Date;
  cells: CommissionCell[];
}

export interface ResolvedShare {
  shareBp: number;
  /** The version used; 0 = the built-in defaults (no version was in force). */
  versionId: number;
}

/** Before any version is saved (and for orders completed before the first one): the shares the platform started with. */
export const BUILT_IN_SHARE_BP: Record<EscortLevel, number> = { trainee: 6000, junior: 7000, senior: 7500, expert: 8000 };

export function builtInVersion(): CommissionVersionData {
  return {
    id: 0,
    effectiveFrom: new Date(0),
    cells: ESCORT_LEVEL_CODES.map(level => ({ escortLevel: level, categoryCode: ANY_CATEGORY, shareBp: BUILT_IN_SHARE_BP[level] })),
  };
}

/** The version in force at `at`: the latest starting at or before it (versions in any order). */
export function versionInForce<V extends { effectiveFrom: Date }>(versions: readonly V[], at: Date): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom.getTime() <= at.getTime() && (!best || v.effectiveFrom.getTime() > best.effectiveFrom.getTime())) best = v;
  }
  return best;
}

/** The share for a level and category in one version: its own cell, else the level's `*` cell, else 0 (never more than it says). */
export function shareIn(version: CommissionVersionData, escortLevel: string, categoryCode: string): number {
  const exact = version.cells.find(c => c.escortLevel === escortLevel && c.categoryCode === categoryCode);
  if (exact) return exact.shareBp;
  return version.cells.find(c => c.escortLevel === escortLevel && c.categoryCode === ANY_CATEGORY)?.shareBp ?? 0;
}

/** The share for an order completed at `at`, from the version then in force (or the built-in defaults). */
export function resolveShare(versions: readonly CommissionVersionData[], escortLevel: string, categoryCode: string, at: Date): ResolvedShare {
  const version = versionInForce(versions, at) ?? builtInVersion();
  return { shareBp: shareIn(version, escortLevel, categoryCode), versionId: version.id };
}

/**
 * What makes a version acceptable: every level has a `*` cell (so every order resolves), cells are
 * known level × category (or `*`) pairs, each once, each 0..10000 bp.
 */
export function checkCells(cells: readonly CommissionCell[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const categories = new Set<string>([ANY_CATEGORY, ...SERVICE_CATEGORY_CODES]);
  for (const c of cells) {
    const key = `${c.escortLevel}/${c.categoryCode}`;
    if (!(ESCORT_LEVEL_CODES as string[]).includes(c.escortLevel)) problems.push(`未知的陪诊师等级 ${c.escortLevel}`);
    if (!categories.has(c.categoryCode)) problems.push(`未知的服务类别 ${c.categoryCode}`);
    if (!Number.isSafeInteger(c.shareBp) || c.shareBp < 0 || c.shareBp > 10_000) problems.push(`${key} 的分成须为 0–10000 基点`);
    if (seen.has(key)) problems.push(`${key} 重复`);
    seen.add(key);
  }
  for (const level of ESCORT_LEVEL_CODES) {
    if (!seen.has(`${level}/${ANY_CATEGORY}`)) problems.push(`缺少等级 ${level} 的默认分成（类别 *）`);
  }
  return problems;
}
