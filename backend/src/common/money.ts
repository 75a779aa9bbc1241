/**
 * Money is integer fen (1 yuan = 100 fen) everywhere in the backend. A float never holds money:
 * 0.1 + 0.2 !== 0.3, and a cent lost in a split or a refund shows up in reconciliation.
 * Text from outside (payment bills, imports) is parsed digit by digit, products go through BigInt,
 * and splits use largest remainder so the parts always add up to the whole.
 */

export class InvalidMoneyError extends Error {
  readonly code = 'INVALID_MONEY';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidMoneyError';
  }
}

export interface AssertFenOptions {
  /** Default false: prices, payments and refunds are never negative; ledger deltas opt in. */
  allowNegative?: boolean;
  /** Field name for the error message, e.g. `refundFen`. */
  name?: string;
}

const FEN_PER_YUAN = 100;
const BASIS_POINTS_PER_WHOLE = 10_000n;
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);
/** Digits, or digits grouped in threes by commas; then an optional 1- or 2-digit fraction. */
const YUAN_TEXT_PATTERN = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Throws unless `value` is a safe integer amount of fen (and non-negative unless allowed). */
export function assertFen(value: unknown, options: AssertFenOptions = {}): asserts value is number {
  const name = options.name ?? 'amount';
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InvalidMoneyError(`${name} must be a safe integer number of fen, got ${describe(value)}`);
  }
  if (value < 0 && !options.allowNegative) {
    throw new InvalidMoneyError(`${name} must not be negative, got ${value}`);
  }
}

/**
 * `12345` → `'123.45'`, `-5` → `'-0.05'`; always two decimals. `grouping` adds thousands
 * separators (`'1,234.50'`) for exports; screens format on their own side.
 */
export function formatFen(fen: number, options: { grouping?: boolean } = {}): string {
  assertFen(fen, { allowNegative: true, name: 'formatFen input' });
  const sign = fen < 0 ? '-' : '';
  const magnitude = Math.abs(fen);
  const yuan = String(Math.trunc(magnitude / FEN_PER_YUAN));
  const cents = String(magnitude % FEN_PER_YUAN).padStart(2, '0');
  const yuanText = options.grouping ? yuan.replace(/\B(?=(\d{3})+$)/g, ',') : yuan;
  return `${sign}${yuanText}.${cents}`;
}

/**
 * Parses yuan text such as a payment channel's bill amount into fen without ever making a float:
 * `'1,234.50'` → 123450, `'0.1'` → 10, `'-3.00'` → -300, `'12'` → 1200. Surrounding spaces are
 * ignored. Rejected: more than two decimals (`'1.234'` would silently lose money), exponents,
 * currency symbols, misplaced commas, a bare `'.5'` or `'5.'`, and anything beyond a safe integer.
 */
export function parseYuanToFen(text: string): number {
  if (typeof text !== 'string') {
    throw new InvalidMoneyError(`Yuan amount must be text, got ${describe(text)}`);
  }
  const match = YUAN_TEXT_PATTERN.exec(text.trim());
  if (!match) {
    throw new InvalidMoneyError(`"${text.slice(0, 40)}" is not a yuan amount with at most two decimals`);
  }
  const [, sign, integerPart, fractionPart = ''] = match;
  const magnitude = BigInt(integerPart.replace(/,/g, '')) * 100n + BigInt(fractionPart.padEnd(2, '0'));
  if (magnitude > MAX_FEN) {
    throw new InvalidMoneyError(`"${text.slice(0, 40)}" is too large to hold as fen`);
  }
  // `-0.00` becomes 0, not -0.
  return sign === '-' && magnitude !== 0n ? -Number(magnitude) : Number(magnitude);
}

/**
 * Splits `totalFen` into parts proportional to `weights` that sum exactly to the total (largest
 * remainder / Hamilton method): each part gets the floor of its exact share, and the fen left over
 * go one each to the largest remainders, ties to the lower index, so the result is deterministic.
 * Weights are non-negative integers (line prices in fen, basis points, counts) so every share is
 * computed exactly; a zero weight always gets 0. A negative total is split as its magnitude and
 * negated, so a refund splits as the mirror of its charge.
 */
export function splitLargestRemainder(totalFen: number, weights: readonly number[]): number[] {
  assertFen(totalFen, { allowNegative: true, name: 'totalFen' });
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new InvalidMoneyError('splitLargestRemainder needs at least one weight');
  }
  weights.forEach((weight, index) => {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new InvalidMoneyError(`Weight ${index} must be a non-negative safe integer, got ${describe(weight)}`);
    }
  });
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (totalFen === 0) return weights.map(() => 0);
  if (weightSum === 0n) {
    throw new InvalidMoneyError('Cannot split a non-zero amount when every weight is zero');
  }

  const total = BigInt(Math.abs(totalFen));
  const shares = weights.map((weight, index) => {
    const exact = total * BigInt(weight);
    return { index, floor: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = total - shares.reduce((sum, share) => sum + share.floor, 0n);
  // leftover < number of non-zero remainders, so zero-remainder (incl. zero-weight) parts never get extra.
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const parts = shares.map((share) => share.floor);
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    parts[share.index] += 1n;
    leftover -= 1n;
  }
  const sign = totalFen < 0 ? -1 : 1;
  // `|| 0` turns -0 (a zero part of a negative total) into 0.
  return parts.map((part) => sign * Number(part) || 0);
}

/**
 * `fen × bp / 10000` (1 bp = 0.01%, 10000 bp = 100%), e.g. an escort's 7000 bp share of an order.
 * Rounds half up on the magnitude (half away from zero): 0.5 fen → 1, -0.5 fen → -1, so a negative
 * amount rounds as the mirror of its positive. The product runs in BigInt, so it is exact even
 * where `fen × bp` exceeds 2^53.
 */
export function applyBasisPoints(fen: number, bp: number): number {
  assertFen(fen, { allowNegative: true, name: 'fen' });
  if (!Number.isSafeInteger(bp)) {
    throw new InvalidMoneyError(`Basis points must be a safe integer, got ${describe(bp)}`);
  }
  const product = BigInt(fen) * BigInt(bp);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let result = magnitude / BASIS_POINTS_PER_WHOLE;
  if ((magnitude % BASIS_POINTS_PER_WHOLE) * 2n >= BASIS_POINTS_PER_WHOLE) result += 1n;
  if (result > MAX_FEN) {
    throw new InvalidMoneyError('applyBasisPoints result is too large to hold as fen');
  }
  return negative && result !== 0n ? -Number(result) : Number(result);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}
