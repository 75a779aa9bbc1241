import { canPayLine, cellsToGrid, dailySeries, endedPeriods, exportPercent, gridProblems, gridToCells, runActions } from './settlement-logic';

const all = { canWriteSettlements: true, canPaySettlements: true };

describe('settlement run actions', () => {
  it('offer recompute, confirm and discard on a draft, payouts on a confirmed run, nothing on a paid one', () => {
    expect(runActions('draft', all)).toEqual(['recompute', 'confirm', 'discard']);
    expect(runActions('confirmed', all)).toEqual(['pay']);
    expect(runActions('paid', all)).toEqual([]);
  });

  it('hide what the user may not do', () => {
    expect(runActions('draft', { canWriteSettlements: false, canPaySettlements: true })).toEqual([]);
    expect(runActions('confirmed', { canWriteSettlements: true, canPaySettlements: false })).toEqual([]);
  });

  it('let a line be paid once, only with something payable on a confirmed run', () => {
    expect(canPayLine('confirmed', { payableFen: 100, paidFen: 0 })).toBe(true);
    expect(canPayLine('confirmed', { payableFen: 100, paidFen: 100 })).toBe(false);
    expect(canPayLine('confirmed', { payableFen: 0, paidFen: 0 })).toBe(false);
    expect(canPayLine('draft', { payableFen: 100, paidFen: 0 })).toBe(false);
  });
});

describe('periods that can be settled', () => {
  it('are the months before this one by Shanghai time', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Shanghai.
    expect(endedPeriods('monthly', new Date('2026-12-31T17:00:00Z'), 2)).toEqual([
      { value: '2026-12-01', label: '2026年12月' },
      { value: '2026-11-01', label: '2026年11月' },
    ]);
  });

  it('are whole Monday-to-Sunday weeks before this one', () => {
    // Wednesday 2026-11-25 in Shanghai: the last ended week began Monday 2026-11-16.
    expect(endedPeriods('weekly', new Date('2026-11-25T02:00:00Z'), 2)).toEqual([
      { value: '2026-11-16', label: '2026-11-16 至 11-22' },
      { value: '2026-11-09', label: '2026-11-09 至 11-15' },
    ]);
  });
});

describe('the commission grid', () => {
  const levels = { trainee: '见习', junior: '初级' };

  it('round-trips cells, leaving empty category cells to the level default', () => {
    const cells = [
      { escortLevel: 'trainee', categoryCode: '*', shareBp: 6000 },
      { escortLevel: 'junior', categoryCode: '*', shareBp: 7000 },
      { escortLevel: 'junior', categoryCode: 'outpatient', shareBp: 7500 },
    ];
    const grid = cellsToGrid(cells, Object.keys(levels));
    expect(grid).toEqual({ trainee: { '*': 6000 }, junior: { '*': 7000, outpatient: 7500 } });
    grid.trainee.errand = undefined;
    expect(gridToCells(grid)).toEqual(cells);
  });

  it('names each level still missing its default share', () => {
    expect(gridProblems({ trainee: {}, junior: { '*': 7000 } }, levels)).toEqual(['请填写「见习」的默认分成']);
  });
});

describe('export progress and the daily chart', () => {
  it('counts rows written against the total and reaches 100 only when the file is ready', () => {
    expect(exportPercent({ rowsWritten: 50_000, totalRows: 200_000, status: 'running' })).toBe(25);
    expect(exportPercent({ rowsWritten: 200_000, totalRows: 200_000, status: 'running' })).toBe(99);
    expect(exportPercent({ rowsWritten: 0, totalRows: 0, status: 'succeeded' })).toBe(100);
    expect(exportPercent({ rowsWritten: 0, totalRows: 0, status: 'queued' })).toBe(0);
  });

  it('draws yuan per day and flags the days whose difference is not zero', () => {
    const row = { receivedFen: 12345, refundedFen: 100, platformRevenueFen: 3000, escortPayableFen: 7000, paidOutFen: 0, differenceFen: 0 };
    const s = dailySeries([
      { date: '2026-11-01', ...row },
      { date: '2026-11-02', ...row, differenceFen: 1 },
    ]);
    expect(s.dates).toEqual(['11-01', '11-02']);
    expect(s.series[0]).toEqual({ name: '收款', data: [123.45, 123.45] });
    expect(s.daysOff).toEqual(['2026-11-02']);
  });
});
