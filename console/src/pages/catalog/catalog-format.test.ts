import {
  bpToPercentText,
  describeCategories,
  describeRuleCondition,
  durationOptions,
  formatBp,
  formatDuration,
  formatRuleAmount,
  percentTextToBp,
} from './catalog-format';

describe('durations', () => {
  it.each([
    [30, '30 分钟'],
    [60, '1 小时'],
    [90, '1 小时 30 分钟'],
    [240, '4 小时'],
    [1440, '1 天'],
    [2160, '1 天 12 小时'],
    [43200, '30 天'],
  ])('show %i minutes as %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('offer every half hour up to a day, then whole days, within the limits', () => {
    const values = durationOptions(60, 3 * 1440).map((o) => o.value);
    expect(values[0]).toBe(60);
    expect(values).toContain(90);
    expect(values).toContain(1440);
    expect(values).not.toContain(1470);
    expect(values.slice(-2)).toEqual([2 * 1440, 3 * 1440]);
  });

  it('still offer a limit that is off the grid', () => {
    expect(durationOptions(1440, 1500).map((o) => o.value)).toEqual([1440, 1500]);
  });
});

describe('percentages', () => {
  it.each([
    [1000, '10%'],
    [1550, '15.5%'],
    [25, '0.25%'],
    [10000, '100%'],
  ])('show %i bp as %s', (bp, text) => {
    expect(formatBp(bp)).toBe(text);
  });

  it.each([
    ['10', 1000],
    ['12.5', 1250],
    ['0.25', 25],
    ['100', 10000],
  ])('read "%s"%% as %i bp', (text, bp) => {
    expect(percentTextToBp(text)).toBe(bp);
    expect(bpToPercentText(bp)).toBe(text);
  });

  it.each(['-5', '1.234', '10%', 'abc', ''])('refuse "%s" as a percentage', (text) => {
    expect(() => percentTextToBp(text)).toThrow(RangeError);
  });
});

describe('rule texts', () => {
  it('show a surcharge and a discount with their sign and unit', () => {
    expect(formatRuleAmount({ kind: 'surcharge', amountType: 'bp', amount: 1000 })).toBe('+10%');
    expect(formatRuleAmount({ kind: 'discount', amountType: 'fen', amount: 2000 })).toBe('-¥20.00');
    expect(formatRuleAmount({ kind: 'discount', amountType: 'bp', amount: 500 })).toBe('-5%');
  });

  it('describe when each type of rule applies', () => {
    expect(describeRuleCondition({ type: 'hospital_grade', params: { grades: ['三甲', '三乙'] } })).toBe('医院等级：三甲、三乙');
    expect(describeRuleCondition({ type: 'night', params: { startTime: '21:00', endTime: '06:00' } })).toBe('北京时间 21:00–06:00 的服务时段');
    expect(describeRuleCondition({ type: 'same_day', params: { sameCalendarDay: true, withinHours: 6 } })).toBe(
      '服务开始与下单在同一天，或开始前不足 6 小时下单',
    );
    expect(describeRuleCondition({ type: 'first_order', params: {} })).toBe('客户的第一单');
    expect(describeRuleCondition({ type: 'member', params: {} })).toBe('会员客户');
  });

  it('name the categories a rule is limited to, or all', () => {
    expect(describeCategories([])).toBe('全部类别');
    expect(describeCategories(['outpatient', 'errand'])).toBe('门诊陪诊、同城代办');
  });
});
