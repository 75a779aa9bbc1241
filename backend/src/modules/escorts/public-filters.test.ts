import { AGE_BAND_CODES, AGE_BANDS, ageBandOf, birthYearRange, jsonListEntryPattern } from './public-filters';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('age bands', () => {
  it.each([
    [1997, 'under_30'],
    [1996, '30_39'],
    [1987, '30_39'],
    [1986, '40_49'],
    [1977, '40_49'],
    [1976, '50_plus'],
    [1940, '50_plus'],
  ])('puts someone born in %i in %s', (year, band) => {
    expect(ageBandOf(year, NOW)).toBe(band);
  });

  it('has no band without a birth year', () => {
    expect(ageBandOf(null, NOW)).toBeNull();
  });

  it('turns every band into the birth years whose band it is, and the bands cover every age without overlap', () => {
    for (const band of AGE_BAND_CODES) {
      const { from, to } = birthYearRange(band, NOW);
      expect(ageBandOf(from, NOW)).toBe(band);
      expect(ageBandOf(to, NOW)).toBe(band);
      expect(ageBandOf(from - 1, NOW)).not.toBe(band);
      expect(ageBandOf(to + 1, NOW)).not.toBe(band);
    }
    for (let age = 18; age <= 90; age++) expect(AGE_BAND_CODES.filter(b => age >= AGE_BANDS[b].min && age <= AGE_BANDS[b].max)).toHaveLength(1);
  });
});

describe('JSON list entry patterns', () => {
  it('matches the whole quoted entry and escapes LIKE wildcards', () => {
    expect(jsonListEntryPattern('徐汇区')).toBe('%"徐汇区"%');
    expect(jsonListEntryPattern('50%_off!')).toBe('%"50!%!_off!!"%');
    expect(jsonListEntryPattern('a"b')).toBe('%"a\\"b"%');
  });
});
