import { lineFigures, runTotals } from './settlement-math';
import { lastEndedPeriod, periodContaining, periodStartingOn } from './settlement-periods';
import { splitNet } from '../ledger/ledger-postings';
import { splitLargestRemainder } from '../../common/money';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a settlement line', () => {
  it('nets the share, this period’s refunds, deductions, adjustments and what was carried in', () => {
    const f = lineFigures(
      [
        { kind: 'order', count: 3, amountFen: 21000, grossFen: 30000 },
        { kind: 'refund', count: 1, amountFen: -700, grossFen: 0 },
        { kind: 'deduction', count: 1, amountFen: -2000, grossFen: 0 },
        { kind: 'adjustment', count: 2, amountFen: -350, grossFen: 0 },
      ],
      -150,
    );
    expect(f).toEqual({ orderCount: 3, grossFen: 30000, shareFen: 21000, refundFen: -700, deductionFen: -2000, adjustmentFen: -350, carriedInFen: -150, netFen: 17800, payableFen: 17800, carriedForwardFen: 0, itemCount: 7 });
  });

  it('pays nothing when the escort owes, and carries what they owe to the next run', () => {
    const f = lineFigures([{ kind: 'adjustment', count: 1, amountFen: -900, grossFen: 0 }], -100);
    expect(f).toMatchObject({ netFen: -1000, payableFen: 0, carriedForwardFen: -1000 });
  });

  it('keeps payable + carried forward = net on every line and in the run’s totals, over random lines', () => {
    const random = mulberry32(66);
    const lines = Array.from({ length: 500 }, () =>
      lineFigures(
        [
          { kind: 'order' as const, count: 1, amountFen: Math.floor(random() * 1e7), grossFen: Math.floor(random() * 1e7) },
          { kind: 'refund' as const, count: 1, amountFen: -Math.floor(random() * 1e6), grossFen: 0 },
          { kind: 'adjustment' as const, count: 1, amountFen: Math.floor((random() - 0.7) * 1e7), grossFen: 0 },
        ],
        -Math.floor(random() * 1e5),
      ),
    );
    for (const l of lines) expect(l.payableFen + l.carriedForwardFen).toBe(l.netFen);
    const t = runTotals(lines);
    expect(t.netFen).toBe(t.shareFen + t.deductionsFen + t.adjustmentsFen);
    expect(t.payableFen).toBe(lines.reduce((s, l) => s + l.payableFen, 0));
  });
});

describe('largest-remainder splits', () => {
  it('escort share + platform share = the net exactly, for any amount and any share (seeded property test)', () => {
    const random = mulberry32(20261101);
    for (let run = 0; run < 20_000; run++) {
      const net = run % 5 === 0 ? Math.floor(random() * 1e13) : Math.floor(random() * 100_000);
      const bp = run % 7 === 0 ? [0, 1, 5000, 9999, 10_000][run % 5] : Math.floor(random() * 10_001);
      const { escortFen, platformFen } = splitNet(net, bp);
      if (escortFen + platformFen !== net || escortFen < 0 || platformFen < 0) throw new Error(`seed 20261101 run ${run}: split(${net}, ${bp}) = ${escortFen} + ${platformFen}`);
      // Each part is within one fen of its exact share.
      const exact = (BigInt(net) * BigInt(bp)) / 10_000n;
      if (BigInt(escortFen) - exact > 1n || BigInt(escortFen) < exact) throw new Error(`run ${run}: escort ${escortFen} is not the floor or ceiling of ${exact}`);
    }
  });

  it('splits a refund across many parts that still sum exactly (seeded property test)', () => {
    const random = mulberry32(6);
    for (let run = 0; run < 5000; run++) {
      const total = Math.floor(random() * 1e9) * (random() < 0.3 ? -1 : 1);
      const weights = Array.from({ length: 1 + Math.floor(random() * 9) }, () => Math.floor(random() * 1e6) + 1);
      const parts = splitLargestRemainder(total, weights);
      if (parts.reduce((a, b) => a + b, 0) !== total) throw new Error(`run ${run}: ${parts} ≠ ${total}`);
    }
  });
});

describe('settlement periods on the Shanghai calendar', () => {
  it('runs a month from the 1st 00:00 Shanghai to the next 1st', () => {
    const p = periodStartingOn('monthly', '2026-12-01');
    expect(p).toMatchObject({ key: '2026-12', label: '2026年12月' });
    expect(p.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('runs a week Monday to Monday, and refuses a start that is not one', () => {
    const p = periodStartingOn('weekly', '2026-11-16');
    expect(p).toMatchObject({ key: '2026-11-16W', label: '2026-11-16 至 2026-11-22' });
    expect(p.end.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(() => periodStartingOn('weekly', '2026-11-17')).toThrow('周一');
    expect(() => periodStartingOn('monthly', '2026-11-02')).toThrow('1 日');
    expect(() => periodStartingOn('monthly', '2026-02-30')).toThrow('不存在');
  });

  it('finds the period containing an instant by Shanghai time (16:00 UTC is already tomorrow)', () => {
    expect(periodContaining('monthly', new Date('2026-11-30T16:30:00Z')).key).toBe('2026-12');
    expect(periodContaining('weekly', new Date('2026-11-22T16:00:00Z')).key).toBe('2026-11-23W');
    expect(periodContaining('weekly', new Date('2026-11-22T15:59:59Z')).key).toBe('2026-11-16W');
    expect(lastEndedPeriod('monthly', new Date('2026-12-03T00:00:00Z')).key).toBe('2026-11');
  });
});
