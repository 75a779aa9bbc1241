import { ESCORT_STATUS, PRICING_UNIT, STAFF_ROLE, STAFF_STATUS, enumLabel, toValueEnum } from './enums';

describe('enum maps', () => {
  it('label every staff role the backend defines', () => {
    expect(Object.keys(STAFF_ROLE).sort()).toEqual(['admin', 'finance', 'ops', 'support']);
    expect(enumLabel(STAFF_ROLE, 'finance')).toBe('财务');
  });

  it('label every pricing unit and escort status the backend defines', () => {
    expect(Object.keys(PRICING_UNIT).sort()).toEqual(['day', 'half_day', 'hour', 'month', 'visit']);
    expect(Object.keys(ESCORT_STATUS).sort()).toEqual(['active', 'applicant', 'suspended']);
  });

  it('show an unknown code as itself rather than hiding it', () => {
    expect(enumLabel(STAFF_ROLE, 'auditor')).toBe('auditor');
    expect(enumLabel(STAFF_ROLE, null)).toBe('-');
  });

  it('become ProTable value enums with badge statuses where they have one', () => {
    expect(toValueEnum(STAFF_STATUS)).toEqual({
      active: { text: '正常', status: 'Success' },
      disabled: { text: '已停用', status: 'Default' },
    });
    expect(toValueEnum(STAFF_ROLE).ops).toEqual({ text: '运营', color: 'blue' });
  });
});
