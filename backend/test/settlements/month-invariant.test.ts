import { bearer, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { startIn } from '../orders/order-fixtures';
import { paidOrder, paymentWorld, PaymentWorld } from '../payments/payment-fixtures';
import { backdateSince, completeBy, inMonth, ledgerMark, monthStart, refundNow } from './settlement-fixtures';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Refund } from '../../src/modules/payments/refund.entity';
import { SettlementLine } from '../../src/modules/settlements/settlement.entity';

jest.setTimeout(600_000);

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261123;

/**
 * A generated month of real flows (pay, partial refunds before and after completion, cancellations
 * with a penalty, orders left open, penalties charged to escorts), moved into last month, then
 * summarised day by day, settled and paid: the money must add up to the fen.
 */
describe('a generated month adds up to the fen', () => {
  let t: TestApp;
  let w: PaymentWorld;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
    finance = await staffToken(t, 'finance');
  });
  afterAll(() => t.close());

  it(`payments − refunds = platform revenue + escort payable (paid out or owed) + unpaid balances, by day and over the month (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const escorts = [
      { id: w.escortId, token: w.escortToken },
      { id: w.otherEscortId, token: w.otherEscortToken },
    ];
    const story: string[] = [];
    for (let i = 0; i < 40; i++) {
      const mark = await ledgerMark(t);
      const fate = random();
      const escort = escorts[i % 2];
      if (fate < 0.55) {
        const { order } = await paidOrder(t, w);
        let refunded = 0;
        if (random() < 0.4) {
          refunded = 1 + Math.floor(random() * (order.totalFen / 3));
          await refundNow(t, w, finance, order.id, refunded);
        }
        await completeBy(t, w, order.id, escort);
        if (random() < 0.35) await refundNow(t, w, finance, order.id, 1 + Math.floor(random() * (order.totalFen - refunded - 1)), '完成后投诉补偿');
        story.push(`completed ${order.id}`);
      } else if (fate < 0.7) {
        const { order } = await paidOrder(t, w, { startAt: startIn(180).toISOString() });
        expectOk(await t.http().post(`/api/admin/orders/${order.id}/cancel`).set(bearer(w.opsToken)).send({ reason: '客户临时有事' }));
        await w.jobs.tick();
        await w.channel.idle();
        story.push(`cancelled ${order.id}`);
      } else if (fate < 0.85) {
        const { order } = await paidOrder(t, w);
        story.push(`open ${order.id}`);
      } else {
        const { order } = await paidOrder(t, w);
        await refundNow(t, w, finance, order.id, 1 + Math.floor(random() * (order.totalFen - 1)));
        story.push(`open-refunded ${order.id}`);
      }
      if (random() < 0.15) {
        expectOk(await t.http().post('/api/admin/escort-deductions').set(bearer(finance)).send({ escortId: escort.id, kind: random() < 0.5 ? 'penalty' : 'compensation', amountFen: 100 + Math.floor(random() * 900), reason: '服务投诉' }));
        story.push(`deduction ${escort.id}`);
      }
      await backdateSince(t, mark, inMonth(1, 1 + (i % 28)));
    }

    const sum = (rows: { amountFen: number }[]) => rows.reduce((s, r) => s + r.amountFen, 0);
    const received = sum(await t.dataSource.getRepository(Payment).find({ where: { status: 'succeeded' } }));
    const refunded = sum(await t.dataSource.getRepository(Refund).find({ where: { status: 'succeeded' } }));
    expect(received).toBeGreaterThan(0);

    // Day by day the summary's difference is zero, and the month's totals are the tables' totals.
    const from = monthStart(1);
    const to = new Date(new Date(`${monthStart(0)}T00:00:00+08:00`).getTime() - 1 + 8 * 3600_000).toISOString().slice(0, 10);
    const summary = expectOk(await t.http().get(`/api/admin/finance/daily-summary?from=${from}&to=${to}`).set(bearer(finance)));
    expect(summary.days.filter((d: any) => d.differenceFen !== 0)).toEqual([]);
    expect(summary.total).toMatchObject({ receivedFen: received, refundedFen: refunded, differenceFen: 0 });

    // Settle the month and pay everyone who is owed.
    const run = expectOk(await t.http().post('/api/admin/settlement-runs').set(bearer(finance)).send({ periodStart: from, cadence: 'monthly' }));
    expectOk(await t.http().post(`/api/admin/settlement-runs/${run.id}/confirm`).set(bearer(finance)));
    const lines = await t.dataSource.getRepository(SettlementLine).find({ where: { runId: run.id } });
    let paidOut = 0;
    for (const l of lines.filter(x => x.payableFen > 0)) {
      const p = expectOk(await t.http().post(`/api/admin/settlement-runs/${run.id}/payouts`).set(bearer(finance)).send({ escortId: l.escortId, referenceNo: `INV-${l.escortId}` }));
      paidOut += p.amountFen;
    }

    const ledger = await t.app.getApplicationContext().getAsync(LedgerService);
    const b = await ledger.balances();
    const platformRevenue = -b.platform_revenue;
    const escortOwed = -b.escort_payable || 0;
    const unpaidBalances = -(b.customer_prepayments + b.refunds) || 0;
    const context = `seed ${SEED}: ${story.join(', ')}`;
    expect({ context, identity: received - refunded }).toEqual({ context, identity: platformRevenue + escortOwed + paidOut + unpaidBalances });
    // The channel holds what came in less what went back and what was paid out.
    expect(b.customer_payments_clearing).toBe(received - refunded - paidOut);
    // Everything escorts earned in the month is in the run: paid, or carried forward when they owe.
    const nets = lines.reduce((s, l) => s + l.netFen, 0);
    expect(nets).toBe(escortOwed + paidOut);
    expect(escortOwed).toBe(lines.reduce((s, l) => s + l.carriedForwardFen, 0));
    expect(expectOk(await t.http().get(`/api/admin/settlement-runs/${run.id}`).set(bearer(finance))).status).toBe('paid');
    // Every completed order's paid = platform + escort + refunds.
    expect(story.some(s => s.startsWith('completed'))).toBe(true);
    expect(story.some(s => s.startsWith('cancelled') || s.startsWith('open'))).toBe(true);
  });
});
