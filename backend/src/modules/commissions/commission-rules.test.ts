import { ANY_CATEGORY, BUILT_IN_SHARE_BP, CommissionVersionData, checkCells, resolveShare, versionInForce } from './commission-rules';

const at = (iso: string) => new Date(iso);
const full = (bp: number, extra: { escortLevel: string; categoryCode: string; shareBp: number }[] = []) => [
  ...['trainee', 'junior', 'senior', 'expert'].map(level => ({ escortLevel: level, categoryCode: ANY_CATEGORY, shareBp: bp })),
  ...extra,
];

describe('commission rule versions', () => {
  const v1: CommissionVersionData = { id: 1, effectiveFrom: at('2026-10-01T00:00:00+08:00'), cells: full(7000, [{ escortLevel: 'senior', categoryCode: 'inpatient_care', shareBp: 8200 }]) };
  const v2: CommissionVersionData = { id: 2, effectiveFrom: at('2026-11-15T00:00:00+08:00'), cells: full(6500) };

  it('uses the built-in shares by level before any version starts', () => {
    expect(resolveShare([v1, v2], 'expert', 'outpatient', at('2026-09-30T23:59:59+08:00'))).toEqual({ shareBp: BUILT_IN_SHARE_BP.expert, versionId: 0 });
  });

  it('applies a version to orders completed at or after its start, and the next one after that', () => {
    expect(resolveShare([v2, v1], 'junior', 'outpatient', at('2026-10-01T00:00:00+08:00'))).toEqual({ shareBp: 7000, versionId: 1 });
    expect(resolveShare([v2, v1], 'junior', 'outpatient', at('2026-11-14T23:59:59+08:00'))).toEqual({ shareBp: 7000, versionId: 1 });
    expect(resolveShare([v2, v1], 'junior', 'outpatient', at('2026-11-15T00:00:00+08:00'))).toEqual({ shareBp: 6500, versionId: 2 });
  });

  it('prefers the level × category cell over the level default', () => {
    expect(resolveShare([v1], 'senior', 'inpatient_care', at('2026-10-02T00:00:00Z')).shareBp).toBe(8200);
    expect(resolveShare([v1], 'senior', 'outpatient', at('2026-10-02T00:00:00Z')).shareBp).toBe(7000);
    expect(resolveShare([v1], 'junior', 'inpatient_care', at('2026-10-02T00:00:00Z')).shareBp).toBe(7000);
  });

  it('finds the latest version at or before a time whatever order the versions come in', () => {
    expect(versionInForce([v2, v1], at('2026-12-01T00:00:00Z'))?.id).toBe(2);
    expect(versionInForce([v1, v2], at('2026-12-01T00:00:00Z'))?.id).toBe(2);
    expect(versionInForce([v1, v2], at('2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('accepts a full table and names every problem of a bad one', () => {
    expect(checkCells(full(7000))).toEqual([]);
    const problems = checkCells([
      { escortLevel: 'junior', categoryCode: ANY_CATEGORY, shareBp: 7000 },
      { escortLevel: 'junior', categoryCode: ANY_CATEGORY, shareBp: 7100 },
      { escortLevel: 'boss', categoryCode: 'outpatient', shareBp: 1 },
      { escortLevel: 'senior', categoryCode: 'spa', shareBp: 10_001 },
    ]);
    expect(problems).toEqual(expect.arrayContaining([
      'junior/* 重复',
      '未知的陪诊师等级 boss',
      '未知的服务类别 spa',
      'senior/spa 的分成须为 0–10000 基点',
      '缺少等级 trainee 的默认分成（类别 *）',
      '缺少等级 senior 的默认分成（类别 *）',
      '缺少等级 expert 的默认分成（类别 *）',
    ]));
  });
});
