import { ageOn, idCardCheckChar, isValidBirthDate, parseIdCard, shanghaiToday } from './patient-identity';

const TODAY = '2025-06-15';
/** Builds a valid number from 17 digits by appending the right check character. */
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);

describe('resident ID numbers', () => {
  it('accepts the GB 11643 example and reads birth date and gender from it', () => {
    expect(parseIdCard('11010519491231002X', TODAY)).toEqual({
      ok: true,
      facts: { number: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' },
    });
  });

  it('accepts a lower-case x and surrounding spaces, normalising them', () => {
    const r = parseIdCard(' 11010519491231002x ', TODAY);
    expect(r.ok && r.facts.number).toBe('11010519491231002X');
  });

  it('reads an odd 17th digit as male', () => {
    const r = parseIdCard(withCheck('31010419800101001'), TODAY);
    expect(r.ok && r.facts).toMatchObject({ gender: 'male', birthDate: '1980-01-01' });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdCard('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checksum' });
  });

  it.each(['1101051949123100', '11010519491231002Y', '01010519491231002X', '110105 19491231002X', '１１０１０５１９４９１２３１００２Ｘ'])(
    'refuses %s as malformed',
    bad => {
      expect(parseIdCard(bad, TODAY)).toEqual({ ok: false, problem: 'format' });
    }
  );

  it('refuses impossible and future birth dates', () => {
    expect(parseIdCard(withCheck('11010519490231002'), TODAY)).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseIdCard(withCheck('11010520300101002'), TODAY)).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseIdCard(withCheck('11010518990101002'), TODAY)).toEqual({ ok: false, problem: 'birthDate' });
  });
});

describe('birth dates and ages', () => {
  it('knows real calendar dates', () => {
    expect(isValidBirthDate('2000-02-29', TODAY)).toBe(true);
    expect(isValidBirthDate('1900-02-29', TODAY)).toBe(false);
    expect(isValidBirthDate('2025-06-16', TODAY)).toBe(false);
    expect(isValidBirthDate('2025-6-1', TODAY)).toBe(false);
  });

  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1980-06-15', TODAY)).toBe(45);
    expect(ageOn('1980-06-16', TODAY)).toBe(44);
    expect(ageOn('2025-01-01', TODAY)).toBe(0);
    expect(ageOn(null, TODAY)).toBeNull();
  });

  it('takes today in Asia/Shanghai, which is already tomorrow after 16:00 UTC', () => {
    expect(shanghaiToday(new Date('2025-06-15T15:59:59Z'))).toBe('2025-06-15');
    expect(shanghaiToday(new Date('2025-06-15T16:00:00Z'))).toBe('2025-06-16');
  });
});
