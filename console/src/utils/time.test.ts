import dayjs from 'dayjs';
import { formatDate, formatDateTime, shanghaiDaysToUtcRange, shanghaiToday, shanghaiWallClockToIso, shanghaiWallClockToUtc, utcToShanghaiWallClock } from './time';

describe('formatDateTime', () => {
  it('shows a UTC instant in Asia/Shanghai time', () => {
    expect(formatDateTime('2026-01-01T02:03:04Z')).toBe('2026-01-01 10:03:04');
  });

  it('moves to the next calendar day when UTC evening is already Shanghai morning', () => {
    expect(formatDateTime('2026-03-31T16:30:00.000Z')).toBe('2026-04-01 00:30:00');
    expect(formatDate('2026-03-31T16:30:00.000Z')).toBe('2026-04-01');
  });

  it('uses a custom pattern when given', () => {
    expect(formatDateTime('2026-01-01T02:03:04Z', 'MM-DD HH:mm')).toBe('01-01 10:03');
  });

  it('shows a dash for empty or invalid values', () => {
    expect(formatDateTime(null)).toBe('-');
    expect(formatDateTime(undefined)).toBe('-');
    expect(formatDateTime('')).toBe('-');
    expect(formatDateTime('not a date')).toBe('-');
  });
});

describe('shanghaiDaysToUtcRange', () => {
  it('turns inclusive Shanghai days into a half-open UTC interval', () => {
    expect(shanghaiDaysToUtcRange('2026-01-01', '2026-01-31')).toEqual({
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-01-31T16:00:00.000Z',
    });
  });

  it('stays right on a day the machine zone leaves daylight saving (2026-11-01 in Los Angeles)', () => {
    expect(shanghaiDaysToUtcRange('2026-11-01', '2026-11-01')).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-01T16:00:00.000Z',
    });
    expect(shanghaiDaysToUtcRange('2026-03-08', '2026-03-08')).toEqual({
      from: '2026-03-07T16:00:00.000Z',
      to: '2026-03-08T16:00:00.000Z',
    });
  });

  it('covers exactly one day when start and end are the same day', () => {
    expect(shanghaiDaysToUtcRange('2026-05-01', '2026-05-01')).toEqual({
      from: '2026-04-30T16:00:00.000Z',
      to: '2026-05-01T16:00:00.000Z',
    });
  });

  it('ignores a time part the picker may append', () => {
    expect(shanghaiDaysToUtcRange('2026-05-01 12:00:00', '2026-05-02 08:00:00')).toEqual({
      from: '2026-04-30T16:00:00.000Z',
      to: '2026-05-02T16:00:00.000Z',
    });
  });
});

describe('shanghaiWallClockToIso', () => {
  it('reads a typed time as Shanghai time even in a browser far away', () => {
    expect(shanghaiWallClockToIso('2026-06-01 09:00')).toBe('2026-06-01T01:00:00.000Z');
    expect(shanghaiWallClockToIso('2026-06-01 07:30')).toBe('2026-05-31T23:30:00.000Z');
  });

  it('round-trips with formatDateTime', () => {
    expect(formatDateTime(shanghaiWallClockToIso('2026-12-31 23:00'), 'YYYY-MM-DD HH:mm')).toBe('2026-12-31 23:00');
  });
});

describe('Shanghai wall-clock pickers', () => {
  it('reads a picked time as Shanghai time and sends UTC, whatever the machine zone', () => {
    expect(shanghaiWallClockToUtc('2026-06-01 09:00:00')).toBe('2026-06-01T01:00:00.000Z');
    expect(shanghaiWallClockToUtc(dayjs('2026-06-01 00:30:00'))).toBe('2026-05-31T16:30:00.000Z');
  });

  it('turns a UTC instant back into the same Shanghai wall-clock time for the picker', () => {
    const picked = utcToShanghaiWallClock('2026-05-31T16:30:00.000Z');
    expect(picked.format('YYYY-MM-DD HH:mm')).toBe('2026-06-01 00:30');
    expect(shanghaiWallClockToUtc(picked)).toBe('2026-05-31T16:30:00.000Z');
  });
});

describe('shanghaiToday', () => {
  it('is already tomorrow in Shanghai when it is still evening in UTC', () => {
    expect(shanghaiToday(new Date('2026-03-31T16:30:00.000Z'))).toBe('2026-04-01');
    expect(shanghaiToday(new Date('2026-03-31T15:59:00.000Z'))).toBe('2026-03-31');
  });
});

describe('shanghaiWallClockToIso with picked digits', () => {
  it('reads the picked digits as Shanghai time, not the browser zone', () => {
    expect(shanghaiWallClockToIso('2026-11-24 09:00')).toBe('2026-11-24T01:00:00.000Z');
    expect(shanghaiWallClockToIso('2026-11-25 00:30')).toBe('2026-11-24T16:30:00.000Z');
  });

  it('round-trips with formatDateTime', () => {
    const iso = '2026-07-01T06:30:00.000Z';
    expect(shanghaiWallClockToIso(formatDateTime(iso, 'YYYY-MM-DD HH:mm'))).toBe(iso);
  });
});
