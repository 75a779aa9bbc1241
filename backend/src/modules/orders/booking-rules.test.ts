import { cancellationCharge, cancellationWithDeposit, checkStart, formatShanghai, suggestStarts, timeCells } from './booking-rules';
import { DEFAULT_SETTINGS } from '../settings/settings-defaults';

const rules = DEFAULT_SETTINGS.booking; // 3 days ahead, 60 min lead, starts 07:00-18:00 Shanghai, 30 min slots
const limits = { minDurationMinutes: 60, maxDurationMinutes: 480 };
/** Shanghai wall-clock to a UTC Date. */
const sh = (s: string) => new Date(`${s}+08:00`);
const now = sh('2026-11-23T10:10:00');

describe('checkStart', () => {
  it('accepts a start on the half hour inside service hours within the window', () => {
    expect(checkStart(rules, sh('2026-11-24T09:30:00'), 120, limits, now)).toBeNull();
  });
  it('refuses a start in the past', () => {
    expect(checkStart(rules, sh('2026-11-23T09:00:00'), 120, limits, now)).toBe('START_IN_PAST');
  });
  it('refuses a start sooner than the minimum lead time', () => {
    expect(checkStart(rules, sh('2026-11-23T11:00:00'), 120, limits, now)).toBe('START_TOO_SOON');
    expect(checkStart(rules, sh('2026-11-23T11:30:00'), 120, limits, now)).toBeNull();
  });
  it('allows the last day of the window and refuses the day after it', () => {
    expect(checkStart(rules, sh('2026-11-26T17:30:00'), 60, limits, now)).toBeNull();
    expect(checkStart(rules, sh('2026-11-27T07:00:00'), 60, limits, now)).toBe('START_BEYOND_WINDOW');
  });
  it('refuses starts before opening and after the last start time, in Shanghai time', () => {
    expect(checkStart(rules, sh('2026-11-24T06:30:00'), 60, limits, now)).toBe('START_OUTSIDE_SERVICE_HOURS');
    expect(checkStart(rules, sh('2026-11-24T18:00:00'), 60, limits, now)).toBeNull();
    expect(checkStart(rules, sh('2026-11-24T18:30:00'), 60, limits, now)).toBe('START_OUTSIDE_SERVICE_HOURS');
  });
  it('refuses a start that is not on a slot boundary', () => {
    expect(checkStart(rules, sh('2026-11-24T09:15:00'), 60, limits, now)).toBe('START_NOT_ON_SLOT');
  });
  it('refuses durations outside the item limits or not in whole slots', () => {
    expect(checkStart(rules, sh('2026-11-24T09:00:00'), 30, limits, now)).toBe('DURATION_INVALID');
    expect(checkStart(rules, sh('2026-11-24T09:00:00'), 510, limits, now)).toBe('DURATION_INVALID');
    expect(checkStart(rules, sh('2026-11-24T09:00:00'), 75, limits, now)).toBe('DURATION_INVALID');
    expect(checkStart(rules, sh('2026-11-24T09:00:00'), 90.5, limits, now)).toBe('DURATION_INVALID');
  });
});

describe('timeCells', () => {
  it('lists every half-hour cell of a half-open interval', () => {
    const cells = timeCells({ start: sh('2026-11-24T09:00:00'), end: sh('2026-11-24T10:30:00') }, 30);
    expect(cells.map(formatShanghai)).toEqual(['2026-11-24 09:00', '2026-11-24 09:30', '2026-11-24 10:00']);
  });
  it('gives back-to-back intervals no common cell', () => {
    const a = timeCells({ start: sh('2026-11-24T09:00:00'), end: sh('2026-11-24T10:00:00') }, 30).map(Number);
    const b = timeCells({ start: sh('2026-11-24T10:00:00'), end: sh('2026-11-24T11:00:00') }, 30).map(Number);
    expect(a.filter(x => b.includes(x))).toEqual([]);
  });
  it('gives overlapping intervals at least one common cell', () => {
    const a = timeCells({ start: sh('2026-11-24T09:00:00'), end: sh('2026-11-24T11:00:00') }, 30).map(Number);
    const b = timeCells({ start: sh('2026-11-24T10:30:00'), end: sh('2026-11-24T12:00:00') }, 30).map(Number);
    expect(a.filter(x => b.includes(x))).toHaveLength(1);
  });
});

describe('suggestStarts', () => {
  it('offers the nearest free starts around a busy wanted time', () => {
    const busy = [{ start: sh('2026-11-24T09:00:00'), end: sh('2026-11-24T11:00:00') }];
    const got = suggestStarts(rules, sh('2026-11-24T09:00:00'), 60, limits, busy, now, 3).map(formatShanghai);
    expect(got).toEqual(['2026-11-24 07:30', '2026-11-24 08:00', '2026-11-24 11:00']);
  });
  it('offers only starts inside the rules when the wanted time is outside service hours', () => {
    const got = suggestStarts(rules, sh('2026-11-24T20:00:00'), 60, limits, [], now, 2).map(formatShanghai);
    expect(got).toEqual(['2026-11-24 17:30', '2026-11-24 18:00']);
  });
  it('offers nothing when every slot is busy', () => {
    const busy = [{ start: now, end: sh('2026-11-30T00:00:00') }];
    expect(suggestStarts(rules, sh('2026-11-24T09:00:00'), 60, limits, busy, now)).toEqual([]);
  });
});

describe('cancellationCharge', () => {
  const tiers = DEFAULT_SETTINGS.cancellation.tiers; // free until 24 h, 20% until 2 h, then 50%
  const start = sh('2026-11-25T09:00:00');
  it('is free 24 hours or more before the start', () => {
    expect(cancellationCharge(tiers, 19900, start, sh('2026-11-24T09:00:00'))).toMatchObject({ penaltyFen: 0, refundFen: 19900 });
  });
  it('costs 20% between 24 and 2 hours before the start', () => {
    expect(cancellationCharge(tiers, 19900, start, sh('2026-11-24T09:00:01'))).toMatchObject({ penaltyFen: 3980, refundFen: 15920, hoursBefore: 2 });
  });
  it('costs 50% within 2 hours and after the start', () => {
    expect(cancellationCharge(tiers, 19901, start, sh('2026-11-25T08:00:00'))).toMatchObject({ penaltyFen: 9951, refundFen: 9950 });
    expect(cancellationCharge(tiers, 100, start, sh('2026-11-25T10:00:00'))).toMatchObject({ penaltyFen: 50, refundFen: 50 });
  });
  it('always splits exactly what was paid, whatever the tier order', () => {
    const shuffled = [tiers[2], tiers[0], tiers[1]];
    for (const paid of [0, 1, 3, 999, 123457]) {
      const c = cancellationCharge(shuffled, paid, start, sh('2026-11-24T20:00:00'));
      expect(c.penaltyFen + c.refundFen).toBe(paid);
    }
  });
});

describe('cancellationWithDeposit', () => {
  const tiers = DEFAULT_SETTINGS.cancellation.tiers;
  const start = sh('2026-11-25T09:00:00');
  it('gives the deposit back with a free cancellation', () => {
    expect(cancellationWithDeposit(tiers, 24900, 5000, start, sh('2026-11-24T08:00:00'))).toMatchObject({ penaltyFen: 0, refundFen: 24900, depositForfeitFen: 0 });
  });
  it('keeps the deposit whole on a late cancellation; the tier applies to the service price only', () => {
    // 20 % of 19,900, plus the 5,000 deposit.
    expect(cancellationWithDeposit(tiers, 24900, 5000, start, sh('2026-11-24T20:00:00'))).toMatchObject({ penaltyFen: 3980 + 5000, refundFen: 15920, depositForfeitFen: 5000, penaltyBp: 2000 });
  });
  it('keeps the deposit on a no-show even inside the free tier, and gives everything back when staff waive', () => {
    expect(cancellationWithDeposit(tiers, 24900, 5000, start, sh('2026-11-23T09:00:00'), { noShow: true })).toMatchObject({ penaltyFen: 5000, refundFen: 19900, depositForfeitFen: 5000 });
    expect(cancellationWithDeposit(tiers, 24900, 5000, start, sh('2026-11-25T10:00:00'), { waivePenalty: true })).toMatchObject({ penaltyFen: 0, refundFen: 24900, depositForfeitFen: 0 });
  });
  it('is the plain charge without a deposit, and always splits what was paid', () => {
    expect(cancellationWithDeposit(tiers, 19900, 0, start, sh('2026-11-24T20:00:00'))).toMatchObject({ ...cancellationCharge(tiers, 19900, start, sh('2026-11-24T20:00:00')), depositForfeitFen: 0 });
    for (const [paid, deposit] of [[0, 0], [1, 1], [999, 300], [123457, 5000]]) {
      for (const noShow of [false, true]) {
        const c = cancellationWithDeposit(tiers, paid, deposit, start, sh('2026-11-25T08:30:00'), { noShow });
        expect(c.penaltyFen + c.refundFen).toBe(paid);
      }
    }
  });
});
