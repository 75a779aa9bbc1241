/**
 * What customers filter escorts by, as plain functions. Age bands: what customers see of an
 * escort's age and what they filter by. The exact birth date (and the birth year) never leaves the
 * staff views; the age is the calendar year minus the birth year, as on the staff profile, so a
 * band is a range of birth years and the filter runs in SQL.
 */
export const AGE_BANDS = {
  under_30: { label: '30岁以下', min: 0, max: 29 },
  '30_39': { label: '30-39岁', min: 30, max: 39 },
  '40_49': { label: '40-49岁', min: 40, max: 49 },
  '50_plus': { label: '50岁及以上', min: 50, max: 200 },
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_CODES = Object.keys(AGE_BANDS) as AgeBand[];

/** The age on the staff profile: calendar year minus birth year. */
export function ageIn(birthYear: number | null, now = new Date()): number | null {
  return birthYear ? now.getUTCFullYear() - birthYear : null;
}

export function ageBandOf(birthYear: number | null, now = new Date()): AgeBand | null {
  const age = ageIn(birthYear, now);
  if (age === null) return null;
  return AGE_BAND_CODES.find(code => age >= AGE_BANDS[code].min && age <= AGE_BANDS[code].max) ?? null;
}

/** The birth years of a band, both ends included: age in [min, max] ⇔ birth year in [year − max, year − min]. */
export function birthYearRange(band: AgeBand, now = new Date()): { from: number; to: number } {
  const year = now.getUTCFullYear();
  return { from: year - AGE_BANDS[band].max, to: year - AGE_BANDS[band].min };
}

/**
 * A LIKE pattern (escape character `!`) that finds one exact entry in a JSON list stored as text
 * (`["徐汇区","黄浦区"]`): the entry's JSON form, quotes included, so `区` never matches `徐汇区`.
 */
export function jsonListEntryPattern(entry: string): string {
  return `%${JSON.stringify(entry).replace(/[!%_]/g, c => `!${c}`)}%`;
}
