import type { PriceRule } from '@/services/models';
import { formValuesToNewRule, formValuesToRuleFields, paramsFor, ruleToFormValues } from './price-rule-form-values';

const rule: PriceRule = {
  id: 7,
  code: 'grade_3a',
  name: '三甲医院加价',
  type: 'hospital_grade',
  typeName: '医院等级',
  kind: 'surcharge',
  amountType: 'bp',
  amount: 1250,
  params: { grades: ['三甲'] },
  categoryCodes: ['outpatient'],
  cityId: null,
  cityName: null,
  enabled: true,
  sortOrder: 10,
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('the price rule form', () => {
  it('shows a percentage rule as percent text and all cities as 0', () => {
    expect(ruleToFormValues(rule)).toMatchObject({ amountText: '12.5', cityId: 0, grades: ['三甲'] });
  });

  it('shows a fixed rule as yuan text', () => {
    expect(ruleToFormValues({ ...rule, amountType: 'fen', amount: 2000, cityId: 2 })).toMatchObject({ amountText: '20.00', cityId: 2 });
  });

  it('sends percent as basis points and yuan as fen, never as a float', () => {
    const values = ruleToFormValues(rule);
    expect(formValuesToRuleFields('hospital_grade', { ...values, amountText: '15.5' }).amount).toBe(1550);
    expect(formValuesToRuleFields('first_order', { ...values, amountType: 'fen', amountText: '19.90' }).amount).toBe(1990);
  });

  it('sends only the parameters of the rule type', () => {
    const everything = { grades: ['三甲'], startTime: '21:00', endTime: '06:00', withinHours: 6, sameCalendarDay: true };
    expect(paramsFor('hospital_grade', everything)).toEqual({ grades: ['三甲'] });
    expect(paramsFor('night', everything)).toEqual({ startTime: '21:00', endTime: '06:00' });
    expect(paramsFor('same_day', everything)).toEqual({ sameCalendarDay: true, withinHours: 6 });
    expect(paramsFor('same_day', { sameCalendarDay: false })).toEqual({ sameCalendarDay: false });
    expect(paramsFor('member', everything)).toEqual({});
    expect(paramsFor('first_order', everything)).toEqual({});
  });

  it('creates a rule for all cities with a null city', () => {
    const body = formValuesToNewRule({ ...ruleToFormValues(rule), code: ' night_x ', type: 'night' });
    expect(body).toMatchObject({ code: 'night_x', type: 'night', cityId: null, params: { startTime: '20:00', endTime: '07:00' } });
    expect(formValuesToNewRule({ ...ruleToFormValues(rule), cityId: 1 }).cityId).toBe(1);
  });
});
