/**
 * Checks of a patient's identity data that need no database: the 18-character resident ID number
 * (GB 11643: 17 digits and a check character), the birth date and age.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
const ID_PATTERN = /^[1-9]\d{16}[\dX]$/;

export type IdCardProblem = 'format' | 'birthDate' | 'checksum';

export interface IdCardFacts {
  /** Normalised number (upper-case X). */
  number: string;
  birthDate: string;
  gender: 'male' | 'female';
}

/** The check character the first 17 digits call for. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/** A real calendar date in YYYY-MM-DD, not in the future, not before 1900. */
export function isValidBirthDate(date: string, today: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  const real = probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
  return real && y >= 1900 && date <= today;
}

/** Parses and checks an ID number; `today` (YYYY-MM-DD) bounds the birth date. */
export function parseIdCard(raw: string, today: string): { ok: true; facts: IdCardFacts } | { ok: false; problem: IdCardProblem } {
  const number = raw.trim().toUpperCase();
  if (!ID_PATTERN.test(number)) return { ok: false, problem: 'format' };
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (!isValidBirthDate(birthDate, today)) return { ok: false, problem: 'birthDate' };
  if (idCardCheckChar(number) !== number[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, facts: { number, birthDate, gender: Number(number[16]) % 2 === 1 ? 'male' : 'female' } };
}

export const ID_CARD_MESSAGES: Record<IdCardProblem, string> = {
  format: '身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X',
  birthDate: '身份证号中的出生日期不正确',
  checksum: '身份证号校验位不正确，请核对后重新输入',
};

/** Whole years from birthDate to today (both YYYY-MM-DD); null without a birth date. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age--;
  return Math.max(0, age);
}

/** Today's calendar date in Asia/Shanghai (UTC+8, no daylight saving), YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
