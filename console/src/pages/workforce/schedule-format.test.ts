import { addDays, linesToWeekly, mondayOf, rangesText, weekDates, weekdayOf, weeklyHours, weeklyToLines } from './schedule-format';

describe('schedule dates', () => {
  it('finds the Monday of any day, Sundays belonging to the week before', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it('lists a week across a month end', () => {
    expect(weekDates('2026-11-30')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('schedule text', () => {
  it('reads a day’s ranges, or 休 without any', () => {
    expect(rangesText([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }])).toBe('08:00–12:00、13:00–17:00');
    expect(rangesText([])).toBe('休');
  });

  it('turns a week into one line per weekday and back', () => {
    const week = [
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 1, start: '08:00', end: '12:00' },
      { weekday: 6, start: '09:00', end: '24:00' },
    ];
    const lines = weeklyToLines(week);
    expect(lines[1]).toBe('08:00-12:00, 13:00-17:00');
    expect(lines[2]).toBe('');
    expect(linesToWeekly(lines)).toEqual({
      ok: true,
      ranges: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '17:00' },
        { weekday: 6, start: '09:00', end: '24:00' },
      ],
    });
  });

  it('accepts Chinese separators and says what is wrong in a line', () => {
    expect(linesToWeekly({ 3: '08:00至12:00，13:00–17:00' })).toMatchObject({ ok: true, ranges: [{ weekday: 3 }, { weekday: 3 }] });
    expect(linesToWeekly({ 2: '8点-12点' })).toEqual({ ok: false, problem: '周二「8点-12点」格式应为 08:00-12:00' });
    expect(linesToWeekly({ 2: '12:00-08:00' })).toEqual({ ok: false, problem: '周二「12:00-08:00」结束时间必须晚于开始时间' });
    expect(linesToWeekly({ 5: '08:00-12:00, 11:00-14:00' })).toEqual({ ok: false, problem: '周五的时间段有重叠' });
  });

  it('adds up the hours of a week', () => {
    expect(weeklyHours([{ start: '08:00', end: '12:30' }, { start: '13:00', end: '17:00' }])).toBe(8.5);
  });
});
