/**
 * Coordinates travel as decimal strings ("31.197845") and are stored as integer micro-degrees
 * (31197845), so no float ever rounds a position: parsing and formatting are digit operations.
 */
const DECIMAL = /^(-?)(\d{1,3})(?:\.(\d{1,6}))?$/;

/** Parses a decimal-degree string with at most 6 decimals; null when malformed or outside ±limit. */
export function parseMicroDegrees(text: string, limit: 90 | 180): number | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const micro = Number(whole) * 1_000_000 + Number(frac.padEnd(6, '0'));
  if (micro > limit * 1_000_000) return null;
  return sign === '-' && micro !== 0 ? -micro : micro;
}

/** 31197845 → "31.197845", -500 → "-0.000500"; always 6 decimals so the value reads back exactly. */
export function formatMicroDegrees(micro: number | null): string | null {
  if (micro === null || micro === undefined) return null;
  const abs = Math.abs(micro);
  const whole = Math.floor(abs / 1_000_000);
  const frac = String(abs % 1_000_000).padStart(6, '0');
  return `${micro < 0 ? '-' : ''}${whole}.${frac}`;
}
