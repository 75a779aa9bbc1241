import {
  LedgerAccount,
  LedgerLineInput,
  UnbalancedEntryError,
  assertBalanced,
  captureLines,
  channelFeeLines,
  closeLines,
  payoutLines,
  recognitionLines,
  refundLines,
  reversalLines,
  splitNet,
} from './ledger-postings';

/** mulberry32: a tiny seeded PRNG, so every run replays the same sequences (no fast-check here). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const sumOf = (lines: LedgerLineInput[]) => lines.reduce((s, l) => s + l.amountFen, 0);

describe('ledger postings', () => {
  it('a capture debits clearing and credits the customer prepayment', () => {
    expect(captureLines(7, 12345)).toEqual([
      { account: 'customer_payments_clearing', amountFen: 12345, orderId: 7 },
      { account: 'customer_prepayments', amountFen: -12345, orderId: 7 },
    ]);
  });

  it('recognition splits the net by the escort share so the parts sum exactly', () => {
    const { lines, split } = recognitionLines(1, { prepaidFen: 10001, refundedFen: 1 }, 9, 7000);
    expect(split).toEqual({ platformFen: 3000, escortFen: 7000 });
    expect(sumOf(lines)).toBe(0);
    expect(splitNet(1, 5000)).toEqual({ escortFen: 1, platformFen: 0 });
    expect(splitNet(3, 3333)).toEqual({ escortFen: 1, platformFen: 2 });
  });

  it('recognition without an escort gives the whole net to the platform', () => {
    const { lines, split } = recognitionLines(1, { prepaidFen: 500, refundedFen: 0 }, null, 7000);
    expect(split).toEqual({ platformFen: 500, escortFen: 0 });
    expect(lines.map(l => l.account)).toEqual(['customer_prepayments', 'platform_revenue']);
  });

  it('a fully refunded order closes with no revenue line', () => {
    expect(closeLines(1, { prepaidFen: 800, refundedFen: 800 })).toEqual([
      { account: 'customer_prepayments', amountFen: 800, orderId: 1 },
      { account: 'refunds', amountFen: -800, orderId: 1 },
    ]);
  });

  it('refuses unbalanced, fractional, zero or unknown-account lines', () => {
    expect(() => assertBalanced([{ account: 'platform_revenue', amountFen: 1 }, { account: 'refunds', amountFen: -2 }])).toThrow(UnbalancedEntryError);
    expect(() => assertBalanced([{ account: 'platform_revenue', amountFen: 0.5 }, { account: 'refunds', amountFen: -0.5 }])).toThrow();
    expect(() => assertBalanced([{ account: 'nope' as LedgerAccount, amountFen: 1 }, { account: 'refunds', amountFen: -1 }])).toThrow(UnbalancedEntryError);
    expect(() => captureLines(1, 0)).toThrow();
    expect(() => recognitionLines(1, { prepaidFen: 1, refundedFen: 2 }, null, 0)).toThrow(UnbalancedEntryError);
    expect(() => reversalLines(1, 11, { platformFen: 5, escortFen: 5 }, 3)).toThrow(UnbalancedEntryError);
    expect(() => splitNet(100, 10_001)).toThrow(UnbalancedEntryError);
  });

  it('fees and payouts take money out of clearing', () => {
    expect(sumOf(payoutLines(3, 100))).toBe(0);
    expect(channelFeeLines(6, 1)[0]).toEqual({ account: 'channel_fees', amountFen: 6, orderId: 1 });
  });

  /**
   * Thousands of random lives of orders (pay, partial refunds, reassign, complete, cancel, settle)
   * through the same rules the service applies, checking the books after every step.
   */
  describe('random sequences (seeded, reproducible)', () => {
    type Order = { id: number; totalFen: number; paidFen: number; refundedFen: number; escortId: number | null; closed: boolean; recognisedEscort: number | null };
    const SEED = 20261123;
    const SEQUENCES = 3000;
    const SHARE_BP = [0, 3333, 6000, 7000, 7500, 8000, 10_000];

    it('every entry balances, balances stay on their side, refunds never pass payments, and paid = platform + escort + refunds', () => {
      const rnd = prng(SEED);
      let entries = 0;
      for (let seq = 0; seq < SEQUENCES; seq++) {
        const lines: LedgerLineInput[] = [];
        const bp = new Map<number, number>([1, 2, 3].map(e => [e, rnd.pick(SHARE_BP)]));
        const orders: Order[] = Array.from({ length: rnd.int(1, 4) }, (_, i) => ({ id: i + 1, totalFen: rnd.int(1, 200_000), paidFen: 0, refundedFen: 0, escortId: null, closed: false, recognisedEscort: null }));
        const post = (entry: LedgerLineInput[]) => {
          if (!entry.length) return;
          assertBalanced(entry);
          check(sumOf(entry) === 0, 'entry does not sum to zero');
          lines.push(...entry);
          entries++;
        };
        const bal = (account: LedgerAccount, f: (l: LedgerLineInput) => boolean = () => true) => lines.filter(l => l.account === account && f(l)).reduce((s, l) => s + l.amountFen, 0);
        const open = (o: Order) => ({ prepaidFen: -bal('customer_prepayments', l => l.orderId === o.id), refundedFen: bal('refunds', l => l.orderId === o.id) });

        let step = 0;
        // Plain checks (thousands of expect() calls are slow); the message says how to replay.
        const check = (ok: boolean, what: string) => {
          if (!ok) throw new Error(`seed ${SEED}, sequence ${seq}, step ${step}: ${what}`);
        };
        for (const steps = rnd.int(1, 30); step < steps; step++) {
          const o = rnd.pick(orders);
          const op = rnd.pick(['pay', 'refund', 'refund', 'reassign', 'complete', 'cancel', 'settle'] as const);
          if (op === 'pay' && o.paidFen === 0 && !o.closed) {
            o.paidFen = o.totalFen;
            post(captureLines(o.id, o.totalFen));
          } else if (op === 'refund' && o.paidFen > 0) {
            const amount = rnd.int(1, Math.max(1, Math.ceil(o.paidFen / rnd.int(1, 4))));
            // The refund service's cap: refused before anything is posted.
            if (o.refundedFen + amount > o.paidFen) continue;
            o.refundedFen += amount;
            if (!o.closed) post(refundLines(o.id, amount));
            else {
              const shares = { platformFen: -bal('platform_revenue', l => l.orderId === o.id), escortFen: -bal('escort_payable', l => l.orderId === o.id) };
              post(reversalLines(o.id, amount, shares, o.recognisedEscort));
            }
          } else if (op === 'reassign' && !o.closed) {
            o.escortId = rnd.pick([null, 1, 2, 3]);
          } else if (op === 'complete' && o.paidFen > 0 && !o.closed) {
            o.closed = true;
            o.recognisedEscort = o.escortId;
            post(recognitionLines(o.id, open(o), o.escortId, o.escortId ? bp.get(o.escortId)! : 0).lines);
          } else if (op === 'cancel' && o.paidFen > 0 && !o.closed) {
            o.closed = true;
            post(closeLines(o.id, open(o)));
          } else if (op === 'settle') {
            const escortId = rnd.int(1, 3);
            const owed = -bal('escort_payable', l => l.escortId === escortId);
            if (owed > 0) post(payoutLines(escortId, rnd.int(1, owed)));
          }

          // Clearing holds what was paid minus refunds and payouts. It dips below zero only when a
          // refund after a payout takes back money an escort already received; that escort then owes
          // it (a positive escort_payable, deducted from the next settlement), and the two cover it.
          const owedByEscorts = [1, 2, 3].map(e => Math.max(0, bal('escort_payable', l => l.escortId === e))).reduce((a, b) => a + b, 0);
          check(bal('customer_payments_clearing') + owedByEscorts >= 0, 'clearing short of what escorts owe back');
          check(owedByEscorts > 0 || bal('customer_payments_clearing') >= 0, 'clearing negative');
          for (const x of orders) {
            const mine = (l: LedgerLineInput) => l.orderId === x.id;
            check(x.refundedFen <= x.paidFen, 'refunds exceed payments');
            check(bal('customer_prepayments', mine) <= 0, 'prepayment debit');
            check(bal('refunds', mine) >= 0, 'refunds credit');
            check(bal('platform_revenue', mine) <= 0, 'platform revenue debit');
            check(bal('escort_payable', mine) <= 0, 'escort share of the order debit');
            const platform = -bal('platform_revenue', mine) || 0;
            const escort = -bal('escort_payable', mine) || 0;
            const stillOpen = -bal('customer_prepayments', mine) - bal('refunds', mine) || 0;
            // Every fen the customer paid is refunded, recognised, or still open, never lost or made up.
            check(platform + escort + x.refundedFen + stillOpen === x.paidFen, 'paid ≠ platform + escort + refunds + open');
            if (x.closed) {
              check(stillOpen === 0, 'closed order still open');
              check(bal('customer_prepayments', mine) === 0, 'closed order keeps a prepayment');
              check(platform + escort + x.refundedFen === x.paidFen, 'paid ≠ platform + escort + refunds');
            }
          }
        }
        check(sumOf(lines) === 0, 'books do not sum to zero');
      }
      expect(entries).toBeGreaterThan(SEQUENCES);
    });
  });
});
