import { fenToYuanText, formatFen, yuanTextToFen } from './money';

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

describe('yuanTextToFen', () => {
  it.each([
    ['199', 19900],
    ['199.5', 19950],
    ['199.50', 19950],
    ['0.05', 5],
    ['0', 0],
    [' 12.3 ', 1230],
    ['0.29', 29],
  ])('reads "%s" yuan as %i fen without float error', (text, fen) => {
    expect(yuanTextToFen(text)).toBe(fen);
  });

  it.each(['-1', '1.234', '¥5', '1e3', '', '.5', '5.'])('refuses "%s"', (text) => {
    expect(() => yuanTextToFen(text)).toThrow(RangeError);
  });
});

describe('fenToYuanText', () => {
  it('writes fen as yuan text a form can hold, and round-trips with yuanTextToFen', () => {
    expect(fenToYuanText(19950)).toBe('199.50');
    expect(fenToYuanText(5)).toBe('0.05');
    for (const fen of [0, 1, 29, 19900, 980000]) expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen);
  });
});
