/**
 * Ledger entries of an order's money timeline. Each entry's lines should sum to zero (double
 * entry); the sum is shown so a person sees at once when one does not.
 */
/** What the sums read of an entry: its lines' amounts. */
type Lines = { lines: readonly { amountFen: number }[] };

/** The sum of an entry's lines in integer fen; BigInt so no sum of safe integers can lose a fen. */
export function entryLinesSumFen(entry: Lines): bigint {
  return entry.lines.reduce((sum, line) => {
    if (!Number.isSafeInteger(line.amountFen)) throw new RangeError(`line amount must be whole fen, got ${line.amountFen}`);
    return sum + BigInt(line.amountFen);
  }, BigInt(0));
}

export function entryBalances(entry: Lines): boolean {
  return entryLinesSumFen(entry) === BigInt(0);
}

/** Money timeline rows, oldest first, ties by id so the order never jumps between loads. */
export function byTimeThenId<T extends { createdAt: string; id: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}
