import {
  coveringShift,
  dayRanges,
  datesBetween,
  mergeRanges,
  parseClock,
  shiftIntervals,
  subtractRanges,
  weekdayOf,
  weeklyTemplateProblem,
  type ShiftExceptionFact,
  type WeeklyRange,
} from './shift-calendar';

/** Shanghai wall clock to epoch ms. */
const sh = (s: string) => new Date(`${s}+08:00`).getTime();
const r = (weekday: number, from: string, to: string): WeeklyRange => ({ weekday, startMinute: parseClock(from)!, endMinute: parseClock(to)! });
const ex = (date: string, kind: 'extra' | 'off', from?: string, to?: string): ShiftExceptionFact => ({
  date,
  kind,
  startMinute: from ? parseClock(from) : null,
  endMinute: to ? parseClock(to) : null,
});
const iv = (a: string, b: string) => ({ start: sh(a), end: sh(b) });

// 2026-11-23 is a Monday.
const weekdays9to17 = [1, 2, 3, 4, 5].map(d => r(d, '09:00', '17:00'));

describe('weekdayOf', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['2024-02-29', 4],
  ])('says %s is ISO weekday %i', (date, weekday) => expect(weekdayOf(date)).toBe(weekday));
});

describe('parseClock', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['24:00', 1440],
    ['24:30', null],
    ['8:30', null],
    ['12:60', null],
  ])('reads %s as %p', (text, minutes) => expect(parseClock(text)).toBe(minutes));
});

describe('weeklyTemplateProblem', () => {
  it('accepts several touching ranges on one day', () => {
    expect(weeklyTemplateProblem([r(1, '08:00', '12:00'), r(1, '12:00', '18:00'), r(2, '00:00', '24:00')])).toBeNull();
  });
  it.each([
    ['overlapping ranges on one day', [r(1, '08:00', '12:00'), r(1, '11:00', '18:00')]],
    ['a range that ends before it starts', [r(1, '12:00', '08:00')]],
    ['an empty range', [r(1, '12:00', '12:00')]],
    ['a weekday outside 1-7', [{ weekday: 8, startMinute: 0, endMinute: 60 }]],
    ['a range past the end of the day', [{ weekday: 1, startMinute: 0, endMinute: 1500 }]],
  ])('refuses %s', (_label, ranges) => expect(weeklyTemplateProblem(ranges)).not.toBeNull());
});

describe('range arithmetic', () => {
  it('merges touching and overlapping ranges', () => {
    expect(mergeRanges([{ startMinute: 600, endMinute: 700 }, { startMinute: 0, endMinute: 60 }, { startMinute: 60, endMinute: 120 }, { startMinute: 650, endMinute: 800 }])).toEqual([
      { startMinute: 0, endMinute: 120 },
      { startMinute: 600, endMinute: 800 },
    ]);
  });
  it('cuts time off out of the middle, the edges, or the whole range', () => {
    const day = [{ startMinute: 540, endMinute: 1020 }];
    expect(subtractRanges(day, [{ startMinute: 720, endMinute: 780 }])).toEqual([
      { startMinute: 540, endMinute: 720 },
      { startMinute: 780, endMinute: 1020 },
    ]);
    expect(subtractRanges(day, [{ startMinute: 0, endMinute: 600 }])).toEqual([{ startMinute: 600, endMinute: 1020 }]);
    expect(subtractRanges(day, [{ startMinute: 0, endMinute: 1440 }])).toEqual([]);
    expect(subtractRanges(day, [{ startMinute: 1020, endMinute: 1440 }])).toEqual(day);
  });
});

describe('dayRanges', () => {
  it('uses the template of the date’s weekday', () => {
    expect(dayRanges('2026-11-23', weekdays9to17, [])).toEqual([{ startMinute: 540, endMinute: 1020 }]);
    expect(dayRanges('2026-11-28', weekdays9to17, [])).toEqual([]);
  });
  it('adds an extra shift on a day without one', () => {
    expect(dayRanges('2026-11-28', weekdays9to17, [ex('2026-11-28', 'extra', '10:00', '14:00')])).toEqual([{ startMinute: 600, endMinute: 840 }]);
  });
  it('joins an extra shift to the template where they touch', () => {
    expect(dayRanges('2026-11-23', weekdays9to17, [ex('2026-11-23', 'extra', '17:00', '20:00')])).toEqual([{ startMinute: 540, endMinute: 1200 }]);
  });
  it('takes a whole day off when the exception has no range', () => {
    expect(dayRanges('2026-11-23', weekdays9to17, [ex('2026-11-23', 'off')])).toEqual([]);
  });
  it('takes part of a day off, and time off wins over an extra shift the same day', () => {
    expect(dayRanges('2026-11-23', weekdays9to17, [ex('2026-11-23', 'off', '12:00', '13:00')])).toEqual([
      { startMinute: 540, endMinute: 720 },
      { startMinute: 780, endMinute: 1020 },
    ]);
    expect(dayRanges('2026-11-28', [], [ex('2026-11-28', 'extra', '10:00', '14:00'), ex('2026-11-28', 'off')])).toEqual([]);
  });
  it('ignores exceptions of other dates', () => {
    expect(dayRanges('2026-11-24', weekdays9to17, [ex('2026-11-23', 'off')])).toEqual([{ startMinute: 540, endMinute: 1020 }]);
  });
});

describe('shiftIntervals', () => {
  it('turns the Shanghai wall clock into UTC intervals', () => {
    expect(shiftIntervals(weekdays9to17, [], sh('2026-11-23T00:00:00'), sh('2026-11-24T00:00:00'))).toEqual([iv('2026-11-23T09:00:00', '2026-11-23T17:00:00')]);
    // 09:00 in Shanghai is 01:00 UTC.
    expect(new Date(shiftIntervals(weekdays9to17, [], sh('2026-11-23T00:00:00'), sh('2026-11-24T00:00:00'))[0].start).toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });
  it('joins a night shift across midnight into one interval', () => {
    const nights = [r(1, '20:00', '24:00'), r(2, '00:00', '08:00')];
    expect(shiftIntervals(nights, [], sh('2026-11-23T23:00:00'), sh('2026-11-24T01:00:00'))).toEqual([iv('2026-11-23T20:00:00', '2026-11-24T08:00:00')]);
  });
  it('returns shifts that only partly fall in the window, unclipped, and none outside it', () => {
    expect(shiftIntervals(weekdays9to17, [], sh('2026-11-23T16:00:00'), sh('2026-11-24T10:00:00'))).toEqual([
      iv('2026-11-23T09:00:00', '2026-11-23T17:00:00'),
      iv('2026-11-24T09:00:00', '2026-11-24T17:00:00'),
    ]);
    expect(shiftIntervals(weekdays9to17, [], sh('2026-11-28T00:00:00'), sh('2026-11-30T00:00:00'))).toEqual([]);
  });
  it('applies the dated exceptions', () => {
    const exceptions = [ex('2026-11-24', 'off'), ex('2026-11-28', 'extra', '08:00', '12:00')];
    expect(shiftIntervals(weekdays9to17, exceptions, sh('2026-11-24T00:00:00'), sh('2026-11-29T00:00:00'))).toEqual([
      iv('2026-11-25T09:00:00', '2026-11-25T17:00:00'),
      iv('2026-11-26T09:00:00', '2026-11-26T17:00:00'),
      iv('2026-11-27T09:00:00', '2026-11-27T17:00:00'),
      iv('2026-11-28T08:00:00', '2026-11-28T12:00:00'),
    ]);
  });
});

describe('coveringShift', () => {
  const nights = [r(1, '20:00', '24:00'), r(2, '00:00', '08:00')];
  const split = [r(1, '13:00', '18:00'), r(1, '08:00', '12:00')];
  it.each([
    ['a slot inside a day shift', weekdays9to17, [], '2026-11-23T10:00:00', '2026-11-23T12:00:00', ['2026-11-23T09:00:00', '2026-11-23T17:00:00']],
    ['a slot ending exactly at the end of the shift', weekdays9to17, [], '2026-11-23T15:00:00', '2026-11-23T17:00:00', ['2026-11-23T09:00:00', '2026-11-23T17:00:00']],
    ['a slot running past the end', weekdays9to17, [], '2026-11-23T16:00:00', '2026-11-23T18:00:00', null],
    ['a slot starting before the shift', weekdays9to17, [], '2026-11-23T08:00:00', '2026-11-23T10:00:00', null],
    ['a slot on a day without a shift', weekdays9to17, [], '2026-11-28T10:00:00', '2026-11-28T12:00:00', null],
    ['a slot across midnight inside a night shift', nights, [], '2026-11-23T23:00:00', '2026-11-24T01:00:00', ['2026-11-23T20:00:00', '2026-11-24T08:00:00']],
    ['a slot after midnight in a shift that began the evening before', nights, [], '2026-11-24T02:00:00', '2026-11-24T04:00:00', ['2026-11-23T20:00:00', '2026-11-24T08:00:00']],
    ['a slot in the lunch gap of a split shift (ranges unsorted)', split, [], '2026-11-23T11:00:00', '2026-11-23T14:00:00', null],
    ['a slot in the second half of a split shift', split, [], '2026-11-23T14:00:00', '2026-11-23T16:00:00', ['2026-11-23T13:00:00', '2026-11-23T18:00:00']],
    ['a slot on a day off', weekdays9to17, [ex('2026-11-23', 'off')], '2026-11-23T10:00:00', '2026-11-23T12:00:00', null],
    ['a slot in an extra shift', weekdays9to17, [ex('2026-11-28', 'extra', '08:00', '12:00')], '2026-11-28T09:00:00', '2026-11-28T11:00:00', ['2026-11-28T08:00:00', '2026-11-28T12:00:00']],
    ['a slot bridging the template and an extra shift', weekdays9to17, [ex('2026-11-23', 'extra', '17:00', '20:00')], '2026-11-23T16:00:00', '2026-11-23T19:00:00', ['2026-11-23T09:00:00', '2026-11-23T20:00:00']],
  ])('finds the shift around %s', (_label, weekly, exceptions, from, to, expected) => {
    const got = coveringShift(weekly, exceptions, sh(from), sh(to));
    expect(got).toEqual(expected === null ? null : iv(expected[0], expected[1]));
    const viaIntervals = shiftIntervals(weekly, exceptions, sh(from), sh(to)).find(i => i.start <= sh(from) && i.end >= sh(to)) ?? null;
    expect(got).toEqual(viaIntervals);
  });
});

describe('datesBetween', () => {
  it('lists every Shanghai date from the first to the last, across a month end', () => {
    expect(datesBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });
});
