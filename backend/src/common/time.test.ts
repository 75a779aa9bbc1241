import {
  addMinutes,
  contains,
  intervalMinutes,
  InvalidIntervalError,
  overlaps,
  startOfShanghaiDay,
  toEpochMs,
  toShanghaiDateString,
  type Interval,
} from './time';

/** An interval on 2024-03-01 UTC from 'HH:MM' to 'HH:MM'. */
function at(start: string, end: string): Interval {
  return { start: new Date(`2024-03-01T${start}:00Z`), end: new Date(`2024-03-01T${end}:00Z`) };
}

describe('overlaps', () => {
  it.each([
    ['identical intervals', at('09:00', '10:00'), at('09:00', '10:00'), true],
    ['intervals sharing one minute', at('09:00', '10:00'), at('09:59', '11:00'), true],
    ['one interval inside the other', at('08:00', '12:00'), at('09:00', '10:00'), true],
    ['the outer and inner swapped', at('09:00', '10:00'), at('08:00', '12:00'), true],
    ['intervals sharing a start', at('09:00', '10:00'), at('09:00', '09:30'), true],
    ['intervals sharing an end', at('09:00', '10:00'), at('09:30', '10:00'), true],
    ['back-to-back intervals, first before second', at('09:00', '10:00'), at('10:00', '11:00'), false],
    ['back-to-back intervals, second before first', at('10:00', '11:00'), at('09:00', '10:00'), false],
    ['separate intervals', at('09:00', '10:00'), at('11:00', '12:00'), false],
    ['an empty interval inside another', at('09:30', '09:30'), at('09:00', '10:00'), false],
    ['two identical empty intervals', at('09:30', '09:30'), at('09:30', '09:30'), false],
  ])('says %s overlap: %p', (_label, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it.each([
    ['epoch milliseconds', { start: 0, end: 60_000 }, { start: 59_999, end: 120_000 }, true],
    ['epoch milliseconds touching', { start: 0, end: 60_000 }, { start: 60_000, end: 120_000 }, false],
    ['a Date and epoch milliseconds mixed', { start: new Date(0), end: 60_000 }, { start: 30_000, end: new Date(90_000) }, true],
  ])('accepts %s', (_label, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
  });
});

describe('contains', () => {
  const shift = at('09:00', '17:00');

  it.each([
    ['an instant at the start', new Date('2024-03-01T09:00:00Z'), true],
    ['an instant inside', new Date('2024-03-01T12:00:00Z'), true],
    ['an instant one millisecond before the end', Date.parse('2024-03-01T17:00:00Z') - 1, true],
    ['an instant at the end', new Date('2024-03-01T17:00:00Z'), false],
    ['an instant before the start', new Date('2024-03-01T08:59:59Z'), false],
    ['an interval inside', at('10:00', '11:00'), true],
    ['an interval ending at the end', at('16:00', '17:00'), true],
    ['the same interval', at('09:00', '17:00'), true],
    ['an interval running past the end', at('16:30', '17:30'), false],
    ['an interval starting before the start', at('08:30', '09:30'), false],
    ['an interval outside', at('18:00', '19:00'), false],
  ])('says whether a 09:00-17:00 shift contains %s: %p', (_label, inner, expected) => {
    expect(contains(shift, inner)).toBe(expected);
  });
});

describe('intervalMinutes', () => {
  it.each([
    ['an hour', at('09:00', '10:00'), 60],
    ['an empty interval', at('09:00', '09:00'), 0],
    ['a whole day', { start: new Date('2024-03-01T00:00:00Z'), end: new Date('2024-03-02T00:00:00Z') }, 1440],
    ['ninety seconds, as a fraction', { start: 0, end: 90_000 }, 1.5],
  ])('measures %s as %p minutes', (_label, interval, expected) => {
    expect(intervalMinutes(interval)).toBe(expected);
  });
});

describe('addMinutes', () => {
  it.each([
    ['30 minutes forward', new Date('2024-03-01T09:00:00Z'), 30, '2024-03-01T09:30:00.000Z'],
    ['across midnight', new Date('2024-03-01T23:45:00Z'), 30, '2024-03-02T00:15:00.000Z'],
    ['backwards', new Date('2024-03-01T09:00:00Z'), -90, '2024-03-01T07:30:00.000Z'],
    ['from epoch milliseconds', 0, 1, '1970-01-01T00:01:00.000Z'],
    ['zero minutes', new Date('2024-03-01T09:00:00Z'), 0, '2024-03-01T09:00:00.000Z'],
  ])('adds %s', (_label, instant, minutes, expected) => {
    expect(addMinutes(instant, minutes).toISOString()).toBe(expected);
  });

  it('returns a new Date and leaves the input alone', () => {
    const input = new Date('2024-03-01T09:00:00Z');
    const result = addMinutes(input, 0);
    expect(result).not.toBe(input);
    expect(input.toISOString()).toBe('2024-03-01T09:00:00.000Z');
  });
});

describe('toShanghaiDateString', () => {
  it.each([
    ['UTC midnight, 08:00 in Shanghai', '2024-03-01T00:00:00Z', '2024-03-01'],
    ['15:59:59 UTC, still the same day in Shanghai', '2024-03-01T15:59:59.999Z', '2024-03-01'],
    ['16:00 UTC, already the next day in Shanghai', '2024-03-01T16:00:00Z', '2024-03-02'],
    ['a leap day', '2024-02-28T16:00:00Z', '2024-02-29'],
    ['new year in Shanghai before new year in UTC', '2024-12-31T16:30:00Z', '2025-01-01'],
    ['a summer date, with no daylight saving shift', '2024-07-15T15:59:00Z', '2024-07-15'],
    ['the epoch', '1970-01-01T00:00:00Z', '1970-01-01'],
  ])('gives the Shanghai date of %s', (_label, iso, expected) => {
    expect(toShanghaiDateString(new Date(iso))).toBe(expected);
    expect(toShanghaiDateString(Date.parse(iso))).toBe(expected);
  });
});

describe('startOfShanghaiDay', () => {
  it.each([
    ['mid-morning in Shanghai', '2024-03-01T02:00:00Z', '2024-02-29T16:00:00.000Z'],
    ['exactly local midnight', '2024-02-29T16:00:00Z', '2024-02-29T16:00:00.000Z'],
    ['one millisecond before local midnight', '2024-02-29T15:59:59.999Z', '2024-02-28T16:00:00.000Z'],
    ['late evening in Shanghai', '2024-03-01T15:30:00Z', '2024-02-29T16:00:00.000Z'],
    ['new year in Shanghai', '2024-12-31T17:00:00Z', '2024-12-31T16:00:00.000Z'],
    ['an instant before 1970', '1969-12-31T10:00:00Z', '1969-12-30T16:00:00.000Z'],
  ])('gives the UTC instant of local midnight for %s', (_label, iso, expected) => {
    expect(startOfShanghaiDay(new Date(iso)).toISOString()).toBe(expected);
  });

  it('agrees with toShanghaiDateString on the local day', () => {
    for (let hour = 0; hour < 48; hour += 1) {
      const instant = Date.parse('2024-03-01T00:00:00Z') + hour * 3_600_000 + 123;
      const midnight = startOfShanghaiDay(instant);
      expect(toShanghaiDateString(midnight)).toBe(toShanghaiDateString(instant));
      expect(toShanghaiDateString(midnight.getTime() - 1)).not.toBe(toShanghaiDateString(instant));
    }
  });
});

describe('invalid input', () => {
  it.each([
    ['an interval that ends before it starts', () => overlaps(at('10:00', '09:00'), at('09:00', '10:00'))],
    ['an Invalid Date', () => contains(at('09:00', '10:00'), new Date('not a date'))],
    ['NaN milliseconds', () => intervalMinutes({ start: Number.NaN, end: 0 })],
    ['infinite minutes', () => addMinutes(0, Number.POSITIVE_INFINITY)],
    ['an Invalid Date to format', () => toShanghaiDateString(new Date('nope'))],
    ['a non-instant', () => toEpochMs('2024-03-01' as unknown as number)],
  ])('rejects %s', (_label, action) => {
    expect(action).toThrow(InvalidIntervalError);
  });
});
