import { formatFen } from '@/utils/money';
import { byTimeThenId, entryBalances, entryLinesSumFen } from './ledger';

const line = (account: string, amountFen: number) => ({ account, amountFen });

describe('entryLinesSumFen', () => {
  it('sums an entry whose debits and credits cancel out to zero', () => {
    const entry = { lines: [line('channel_clearing', 23800), line('customer_prepaid', -23800)] };
    expect(entryLinesSumFen(entry)).toBe(BigInt(0));
    expect(entryBalances(entry)).toBe(true);
  });

  it('shows how far an unbalanced entry is off, in fen', () => {
    const entry = { lines: [line('a', 10), line('b', 20), line('c', -29)] };
    expect(entryLinesSumFen(entry)).toBe(BigInt(1));
    expect(formatFen(entryLinesSumFen(entry))).toBe('¥0.01');
    expect(entryBalances(entry)).toBe(false);
  });

  it('treats an entry without lines as balanced', () => {
    expect(entryLinesSumFen({ lines: [] })).toBe(BigInt(0));
  });

  it('does not lose a fen when the sum passes the safe integer range', () => {
    const entry = { lines: [line('a', Number.MAX_SAFE_INTEGER), line('b', 2)] };
    expect(entryLinesSumFen(entry).toString()).toBe('9007199254740993');
  });

  it('refuses line amounts that are not whole fen', () => {
    expect(() => entryLinesSumFen({ lines: [line('a', 1.5)] })).toThrow(RangeError);
  });
});

describe('byTimeThenId', () => {
  it('orders rows oldest first and by id when the times are equal', () => {
    const rows = [
      { id: 3, createdAt: '2026-11-24T02:00:00.000Z' },
      { id: 2, createdAt: '2026-11-24T01:00:00.000Z' },
      { id: 1, createdAt: '2026-11-24T02:00:00.000Z' },
    ];
    expect(byTimeThenId(rows).map((r) => r.id)).toEqual([2, 1, 3]);
  });
});
