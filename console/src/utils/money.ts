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
