import { formatFen } from './money';

describe('formatFen', () => {
  it('shows integer fen as yuan with two decimals', () => {
    expect(formatFen(12345)).toBe('¥123.45');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
  });

  it('groups thousands in the yuan part', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
  });

  it('puts the minus sign before the currency symbol', () => {
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(-12345)).toBe('-¥123.45');
  });

  it('accepts BIGINT sums sent as decimal strings beyond the safe integer range', () => {
    expect(formatFen('900719925474099312')).toBe('¥9,007,199,254,740,993.12');
  });

  it('never shows float noise for amounts that are inexact in binary', () => {
    // 0.1 + 0.2 yuan would be 0.30000000000000004 as a float; in fen it is exactly 30.
    expect(formatFen(10 + 20)).toBe('¥0.30');
  });

  it('shows a dash for missing amounts', () => {
    expect(formatFen(null)).toBe('-');
    expect(formatFen(undefined)).toBe('-');
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen('12.30')).toThrow(RangeError);
    expect(() => formatFen(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
  });
});
