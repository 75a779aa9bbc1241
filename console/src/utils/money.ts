/**
 * Money arrives as integer fen (number, or a decimal string for BIGINT sums). It is formatted with
 * integer arithmetic only, so 0.1 + 0.2 style float errors can never reach the screen.
 */
export type Fen = number | string | bigint;

const HUNDRED = BigInt(100);
const ZERO = BigInt(0);

function toBigIntFen(fen: Fen): bigint {
  if (typeof fen === 'bigint') return fen;
  if (typeof fen === 'number') {
    if (!Number.isSafeInteger(fen)) {
      throw new RangeError(`amount in fen must be a safe integer, got ${fen}`);
    }
    return BigInt(fen);
  }
  if (!/^-?\d+$/.test(fen)) {
    throw new RangeError(`amount in fen must be an integer string, got "${fen}"`);
  }
  return BigInt(fen);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** formatFen(12345) → '¥123.45'; formatFen(-5) → '-¥0.05'; empty values → '-'. */
export function formatFen(fen: Fen | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return '-';
  const value = toBigIntFen(fen);
  const negative = value < ZERO;
  const abs = negative ? -value : value;
  const yuan = abs / HUNDRED;
  const cents = abs % HUNDRED;
  const text = `¥${groupThousands(yuan.toString())}.${cents.toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Yuan as typed in a form: digits with at most two decimals ('199', '199.5', '0.05'). */
export const YUAN_INPUT_PATTERN = /^\d{1,9}(\.\d{1,2})?$/;

/**
 * '199.50' → 19950 without a float: the text is split at the point and each part read as an
 * integer. Anything else (negative, three decimals, symbols) is refused with a RangeError.
 */
export function yuanTextToFen(text: string): number {
  const trimmed = String(text).trim();
  if (!YUAN_INPUT_PATTERN.test(trimmed)) {
    throw new RangeError(`"${trimmed}" is not a yuan amount with at most two decimals`);
  }
  const [yuan, cents = ''] = trimmed.split('.');
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}

/** 19950 → '199.50': the inverse of yuanTextToFen, for filling a form from fen. */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`amount in fen must be a non-negative safe integer, got ${fen}`);
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
