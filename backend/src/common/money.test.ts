import { applyBasisPoints, assertFen, formatFen, InvalidMoneyError, parseYuanToFen, splitLargestRemainder } from './money';

/** Tiny seeded PRNG so the property-style loops are reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('assertFen', () => {
  it.each([0, 1, 12345, Number.MAX_SAFE_INTEGER])('accepts %p fen', (value) => {
    expect(() => assertFen(value)).not.toThrow();
  });

  it.each([
    ['a float', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ['a numeric string', '100'],
    ['a bigint', 100n],
    ['null', null],
  ])('rejects %s', (_label, value) => {
    expect(() => assertFen(value)).toThrow(InvalidMoneyError);
  });

  it('rejects negative amounts unless they are allowed', () => {
    expect(() => assertFen(-1)).toThrow('amount must not be negative, got -1');
    expect(() => assertFen(-1, { allowNegative: false })).toThrow(InvalidMoneyError);
    expect(() => assertFen(-1, { allowNegative: true })).not.toThrow();
  });

  it('names the field in its error message', () => {
    expect(() => assertFen(0.5, { name: 'refundFen' })).toThrow('refundFen must be a safe integer number of fen, got 0.5');
  });

  it('carries a stable error code', () => {
    expect(() => assertFen(0.5)).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
  });
});

describe('formatFen', () => {
  it.each([
    [12345, '123.45'],
    [0, '0.00'],
    [5, '0.05'],
    [10, '0.10'],
    [100, '1.00'],
    [-5, '-0.05'],
    [-300, '-3.00'],
    [123456789, '1234567.89'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('formats %p fen as %p', (fen, expected) => {
    expect(formatFen(fen)).toBe(expected);
  });

  it.each([
    [123450, '1,234.50'],
    [99999, '999.99'],
    [100000000, '1,000,000.00'],
    [-123456789, '-1,234,567.89'],
  ])('formats %p fen with grouping as %p', (fen, expected) => {
    expect(formatFen(fen, { grouping: true })).toBe(expected);
  });

  it('rejects a float', () => {
    expect(() => formatFen(1.5)).toThrow(InvalidMoneyError);
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['1,234.50', 123450],
    ['0.1', 10],
    ['0.10', 10],
    ['0.01', 1],
    ['-3.00', -300],
    ['12', 1200],
    ['+12.3', 1230],
    [' 88.80 ', 8880],
    ['1,000,000', 100000000],
    ['007.5', 750],
    ['0', 0],
    ['-0.00', 0],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('parses %p as %p fen', (text, expected) => {
    expect(parseYuanToFen(text)).toBe(expected);
  });

  it('returns 0 rather than -0 for a negative zero', () => {
    expect(Object.is(parseYuanToFen('-0.00'), 0)).toBe(true);
  });

  it.each([
    ['1.234'],
    ['abc'],
    ['1e3'],
    [''],
    ['   '],
    ['.5'],
    ['5.'],
    ['1,23'],
    ['1234,567'],
    [',123'],
    ['1,,234'],
    ['¥12'],
    ['12元'],
    ['--1'],
    ['1 000'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    ['１２'],
    ['90071992547409.92'],
  ])('rejects %p', (text) => {
    expect(() => parseYuanToFen(text)).toThrow(InvalidMoneyError);
  });

  it('round-trips every amount written by formatFen, with or without grouping', () => {
    for (let fen = -100_000; fen <= 100_000_000; fen += 9_973) {
      expect(parseYuanToFen(formatFen(fen))).toBe(fen);
      expect(parseYuanToFen(formatFen(fen, { grouping: true }))).toBe(fen);
    }
  });

  it('gets amounts right that float arithmetic gets wrong', () => {
    // 0.29 * 100 === 28.999999999999996 and 1.13 * 100 === 112.99999999999999 in a float.
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1.13')).toBe(113);
  });
});

describe('splitLargestRemainder', () => {
  it.each([
    ['an even three-way split', 100, [1, 1, 1], [34, 33, 33]],
    ['a split by line prices', 1000, [300, 700], [300, 700]],
    ['a split whose remainders favour the later part', 10, [1, 2], [3, 7]],
    ['a tie broken by lower index', 2, [1, 1, 1], [1, 1, 0]],
    ['a zero weight', 101, [1, 0, 1], [51, 0, 50]],
    ['a single part', 999, [5], [999]],
    ['a zero total', 0, [1, 2, 3], [0, 0, 0]],
    ['a zero total with zero weights', 0, [0, 0], [0, 0]],
    ['a negative total as the mirror of the positive', -100, [1, 1, 1], [-34, -33, -33]],
    ['one fen among many parts', 1, [1, 1, 1, 1], [1, 0, 0, 0]],
    ['basis-point weights', 9999, [7000, 3000], [6999, 3000]],
  ])('splits %s', (_label, total, weights, expected) => {
    expect(splitLargestRemainder(total, weights)).toEqual(expected);
  });

  it('never returns -0 for a zero part of a negative total', () => {
    expect(Object.is(splitLargestRemainder(-1, [1, 1])[1], 0)).toBe(true);
  });

  it('stays exact where total × weight exceeds 2^53', () => {
    const parts = splitLargestRemainder(Number.MAX_SAFE_INTEGER, [Number.MAX_SAFE_INTEGER, 1]);
    expect(parts).toEqual([Number.MAX_SAFE_INTEGER - 1, 1]);
  });

  it.each([
    ['no weights', 100, []],
    ['a negative weight', 100, [1, -1]],
    ['a fractional weight', 100, [0.5, 0.5]],
    ['a NaN weight', 100, [Number.NaN]],
    ['all-zero weights for a non-zero total', 100, [0, 0]],
    ['a fractional total', 1.5, [1]],
  ])('rejects %s', (_label, total, weights) => {
    expect(() => splitLargestRemainder(total, weights)).toThrow(InvalidMoneyError);
  });

  it('always sums exactly to the total with parts of the total’s sign, over thousands of random inputs', () => {
    const random = mulberry32(20240301);
    const failures: string[] = [];
    for (let run = 0; run < 5000; run += 1) {
      const magnitude = Math.floor(random() * (run % 3 === 0 ? 1e12 : 100_000));
      const total = random() < 0.2 ? -magnitude : magnitude;
      const count = 1 + Math.floor(random() * 12);
      const weights: number[] = Array.from({ length: count }, () => (random() < 0.15 ? 0 : Math.floor(random() * 1_000_000)));
      if (!weights.some((weight) => weight > 0)) weights[0] = 1;
      const weightSum = weights.reduce((sum, weight) => sum + weight, 0);

      const parts = splitLargestRemainder(total, weights);

      const problems = [
        parts.length !== count && 'wrong number of parts',
        parts.reduce((sum, part) => sum + part, 0) !== total && 'parts do not sum to the total',
        parts.some((part) => !Number.isSafeInteger(part)) && 'a part is not an integer',
        parts.some((part) => (total >= 0 ? part < 0 : part > 0)) && 'a part has the wrong sign',
        parts.some((part, index) => weights[index] === 0 && part !== 0) && 'a zero weight got money',
        // Largest remainder keeps each part within one fen of its exact proportional share.
        parts.some((part, index) => {
          const exactShare = (Math.abs(total) * weights[index]) / weightSum;
          return Math.abs(Math.abs(part) - exactShare) >= 1 + 1e-6 * Math.max(1, exactShare);
        }) && 'a part is a fen or more from its share',
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`split(${total}, [${weights.join(', ')}]): ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives the same answer every time for the same input', () => {
    const random = mulberry32(7);
    for (let run = 0; run < 200; run += 1) {
      const weights = Array.from({ length: 5 }, () => Math.floor(random() * 10));
      weights[0] += 1;
      const total = Math.floor(random() * 10_000);
      expect(splitLargestRemainder(total, weights)).toEqual(splitLargestRemainder(total, [...weights]));
    }
  });
});

describe('applyBasisPoints', () => {
  it.each([
    ['70% of 100.00 yuan', 10000, 7000, 7000],
    ['100%', 12345, 10000, 12345],
    ['0%', 12345, 0, 0],
    ['half a fen, rounded up', 1, 5000, 1],
    ['just under half a fen, rounded down', 1, 4999, 0],
    ['12.5% of 0.99 yuan (12.375 fen)', 99, 1250, 12],
    ['12.5% of 1.00 yuan (12.5 fen), rounded up', 100, 1250, 13],
    ['a negative amount, half rounded away from zero', -1, 5000, -1],
    ['a negative amount just under half', -1, 4999, 0],
    ['a negative rate', 100, -1250, -13],
    ['more than 100%', 100, 15000, 150],
    ['an amount whose product exceeds 2^53', Number.MAX_SAFE_INTEGER, 10000, Number.MAX_SAFE_INTEGER],
    ['a large amount at 1 bp', 9_000_000_000_000, 1, 900_000_000],
  ])('computes %s', (_label, fen, bp, expected) => {
    expect(applyBasisPoints(fen, bp)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(applyBasisPoints(-1, 1), 0)).toBe(true);
  });

  it('rejects a fractional amount, fractional basis points, or an overflowing result', () => {
    expect(() => applyBasisPoints(1.5, 100)).toThrow(InvalidMoneyError);
    expect(() => applyBasisPoints(100, 12.5)).toThrow(InvalidMoneyError);
    expect(() => applyBasisPoints(Number.MAX_SAFE_INTEGER, 20000)).toThrow(InvalidMoneyError);
  });
});
