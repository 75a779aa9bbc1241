import { formatMicroDegrees, parseMicroDegrees } from './geo';

describe('coordinates as micro-degrees', () => {
  it('parses decimal strings into exact integers', () => {
    expect(parseMicroDegrees('31.197845', 90)).toBe(31197845);
    expect(parseMicroDegrees('121.4548', 180)).toBe(121454800);
    expect(parseMicroDegrees('-33.9', 90)).toBe(-33900000);
    expect(parseMicroDegrees('0', 90)).toBe(0);
    expect(parseMicroDegrees('-0.000001', 90)).toBe(-1);
  });

  it('refuses more than 6 decimals, out-of-range values and junk', () => {
    for (const bad of ['31.1234567', '90.000001', '181', 'abc', '', '1e5', '31.', '+31.1']) {
      expect(parseMicroDegrees(bad, bad === '181' ? 180 : 90)).toBeNull();
    }
    expect(parseMicroDegrees('180', 180)).toBe(180_000_000);
  });

  it('formats back to the same digits', () => {
    for (const text of ['31.197845', '121.454800', '-0.000500', '0.000000', '-180.000000']) {
      expect(formatMicroDegrees(parseMicroDegrees(text, 180))).toBe(text);
    }
    expect(formatMicroDegrees(null)).toBeNull();
  });
});
