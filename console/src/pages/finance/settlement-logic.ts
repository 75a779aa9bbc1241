/**
 * The settlement pages' decisions as plain functions: which run actions to offer, which periods
 * can be settled, the commission table as a grid, export progress, and the daily chart's series.
 */
import dayjs from 'dayjs';
import type { SettlementCadence, SettlementRunStatus } from '@/constants/settlement';

export type RunAction = 'recompute' | 'confirm' | 'discard' | 'pay';

export interface RunAccess {
  canWriteSettlements: boolean;
  canPaySettlements: boolean;
}

/** A draft is recomputed, confirmed or discarded; a confirmed run takes payouts; a paid run is done. */
export function runActions(status: SettlementRunStatus, access: RunAccess): RunAction[] {
  const actions: RunAction[] = [];
  if (status === 'draft' && access.canWriteSettlements) actions.push('recompute', 'confirm', 'discard');
  if (status === 'confirmed' && access.canPaySettlements) actions.push('pay');
  return actions;
}

/** A line can be paid once, when its run is confirmed and it has something payable. */
export function canPayLine(runStatus: SettlementRunStatus, line: { payableFen?: number; paidFen?: number }): boolean {
  return runStatus === 'confirmed' && (line.payableFen ?? 0) > 0 && (line.paidFen ?? 0) === 0;
}

/**
 * The periods that have ended by `now`, newest first (Shanghai calendar): the first days of the
 * last `count` months, or the Mondays of the last `count` weeks.
 */
export function endedPeriods(cadence: SettlementCadence, now: Date, count = 12): { value: string; label: string }[] {
  // Shanghai's calendar day, then plain calendar arithmetic on it.
  const today = dayjs(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
  const out: { value: string; label: string }[] = [];
  if (cadence === 'monthly') {
    let start = today.startOf('month').subtract(1, 'month');
    for (let i = 0; i < count; i++, start = start.subtract(1, 'month')) out.push({ value: start.format('YYYY-MM-DD'), label: start.format('YYYY年M月') });
    return out;
  }
  const back = (today.day() + 6) % 7;
  let monday = today.subtract(back, 'day').subtract(7, 'day');
  for (let i = 0; i < count; i++, monday = monday.subtract(7, 'day')) {
    out.push({ value: monday.format('YYYY-MM-DD'), label: `${monday.format('YYYY-MM-DD')} 至 ${monday.add(6, 'day').format('MM-DD')}` });
  }
  return out;
}

export interface CommissionCell {
  escortLevel: string;
  categoryCode: string;
  shareBp: number;
}

/** `{ [level]: { [category or '*']: bp | undefined } }`: the editor's grid. */
export type CommissionGrid = Record<string, Record<string, number | undefined>>;

export function cellsToGrid(cells: CommissionCell[], levels: string[]): CommissionGrid {
  const grid: CommissionGrid = Object.fromEntries(levels.map((l) => [l, {}]));
  for (const c of cells) {
    grid[c.escortLevel] = grid[c.escortLevel] ?? {};
    grid[c.escortLevel][c.categoryCode] = c.shareBp;
  }
  return grid;
}

/** Back to cells: empty category cells fall back to the level's `*`, so they are left out. */
export function gridToCells(grid: CommissionGrid): CommissionCell[] {
  const cells: CommissionCell[] = [];
  for (const [escortLevel, row] of Object.entries(grid)) {
    for (const [categoryCode, shareBp] of Object.entries(row)) {
      if (shareBp === undefined || shareBp === null || Number.isNaN(shareBp)) continue;
      cells.push({ escortLevel, categoryCode, shareBp });
    }
  }
  return cells;
}

/** What a grid still lacks before it can be saved (every level needs its `*` default). */
export function gridProblems(grid: CommissionGrid, levelLabels: Record<string, string>): string[] {
  return Object.keys(levelLabels)
    .filter((level) => grid[level]?.['*'] === undefined || grid[level]?.['*'] === null)
    .map((level) => `请填写「${levelLabels[level]}」的默认分成`);
}

/** 0–100 for a Progress bar; an export with no rows is done at once. */
export function exportPercent(job: { rowsWritten?: number; totalRows?: number; status?: string }): number {
  if (job.status === 'succeeded') return 100;
  const total = job.totalRows ?? 0;
  if (total <= 0) return 0;
  return Math.min(99, Math.floor(((job.rowsWritten ?? 0) * 100) / total));
}

export interface DailyRow {
  date: string;
  receivedFen: number;
  refundedFen: number;
  platformRevenueFen: number;
  escortPayableFen: number;
  paidOutFen: number;
  differenceFen: number;
}

/** The chart's series in yuan (display only: the figures stay fen everywhere else). */
export function dailySeries(rows: DailyRow[]) {
  const yuan = (fen: number) => fen / 100;
  return {
    dates: rows.map((r) => r.date.slice(5)),
    series: [
      { name: '收款', data: rows.map((r) => yuan(r.receivedFen)) },
      { name: '退款', data: rows.map((r) => yuan(r.refundedFen)) },
      { name: '平台收入', data: rows.map((r) => yuan(r.platformRevenueFen)) },
      { name: '应付陪诊师', data: rows.map((r) => yuan(r.escortPayableFen)) },
      { name: '已打款', data: rows.map((r) => yuan(r.paidOutFen)) },
    ],
    daysOff: rows.filter((r) => r.differenceFen !== 0).map((r) => r.date),
  };
}
