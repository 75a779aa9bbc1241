/**
 * The rollups kept incrementally equal the raw GROUP BY: a generated data set, a rebuild, then a
 * seeded random sequence of real changes through the services (bookings, quotes, payments with
 * ledger captures, assignments, declines, escort steps, completions with revenue recognition,
 * cancellations, refunds, expiries, reschedules, reviews with their follow-up complaints, customer
 * complaints), then the outbox folded in and every cell of analytics_daily, analytics_daily_city,
 * analytics_daily_total, the two monthly tables, the per-escort tables, the complaint reasons and
 * analytics_customers compared with the raw tables.
 * Runs on SQLite and (TEST_DB=mysql) on MariaDB/MySQL.
 */
import { startTestApp, TestApp } from '../helpers/test-app';
import { orderWorld, OrderWorld, services, startIn } from '../orders/order-fixtures';
import { generate, rng } from '../../scripts/lib/datagen';
import { AnalyticsService } from '../../src/modules/analytics/analytics.service';
import { OrderService, OrderActor } from '../../src/modules/orders/order.service';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { TransactionService } from '../../src/common/db/transaction.service';
import { AppError } from '../../src/common/errors';
import { Order } from '../../src/modules/orders/order.entity';
import { complaintReasons, complaintReasonsMonthly, customerFactsDiff, differences, rawEscort, rawHospitalStarts, rawRollup, rawTotals, tableEscort, tableHospitalStarts, tableRollup } from './rollup-fixtures';
import { ReviewService } from '../../src/modules/reviews/review.service';
import { TicketService } from '../../src/modules/tickets/ticket.service';

const SEED = Number(process.env.ANALYTICS_TEST_SEED ?? 20261124);
const STEPS = 200;

describe('the analytics rollups', () => {
  let t: TestApp;
  let w: OrderWorld;
  let analytics: AnalyticsService;
  let orders: OrderService;
  let ledger: LedgerService;
  let tx: TransactionService;
  let reviews: ReviewService;
  let tickets: TicketService;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
    const ctx = t.app.getApplicationContext();
    analytics = await ctx.getAsync(AnalyticsService);
    orders = await services(t).orders();
    ledger = await ctx.getAsync(LedgerService);
    tx = await ctx.getAsync(TransactionService);
    reviews = await ctx.getAsync(ReviewService);
    tickets = await ctx.getAsync(TicketService);
    await generate(t.dataSource, { orders: 1200, seed: SEED, days: 45 });
    // Generated people carry placeholder phones that cannot be decrypted; reviews and tickets open
    // the customer's details, so give them the demo customer's (real) ciphertext.
    const [{ phone_enc }] = await t.dataSource.query('SELECT phone_enc FROM customers WHERE id = ?', [w.customerId]);
    await t.dataSource.query(`UPDATE customers SET phone_enc = ? WHERE phone_enc LIKE 'gen:%'`, [phone_enc]);
    await t.dataSource.query(`UPDATE patients SET phone_enc = ? WHERE phone_enc LIKE 'gen:%'`, [phone_enc]);
  }, 180_000);

  afterAll(async () => {
    await t.close();
  });

  async function expectRollupsMatchRaw() {
    await analytics.applyPending();
    expect(await analytics.hasPending()).toBe(false);
    expect(differences(await rawRollup(t.dataSource, true), await tableRollup(t.dataSource, 'analytics_daily'))).toEqual([]);
    expect(differences(await rawRollup(t.dataSource, false), await tableRollup(t.dataSource, 'analytics_daily_city'))).toEqual([]);
    expect(differences(await rawRollup(t.dataSource, true, true), await tableRollup(t.dataSource, 'analytics_monthly'))).toEqual([]);
    expect(differences(await rawRollup(t.dataSource, false, true), await tableRollup(t.dataSource, 'analytics_monthly_city'))).toEqual([]);
    expect(differences(await rawTotals(t.dataSource), await tableRollup(t.dataSource, 'analytics_daily_total'))).toEqual([]);
    expect(differences(await rawEscort(t.dataSource), await tableEscort(t.dataSource, 'analytics_escort_daily'))).toEqual([]);
    expect(differences(await rawEscort(t.dataSource, true), await tableEscort(t.dataSource, 'analytics_escort_monthly'))).toEqual([]);
    expect(differences(await complaintReasons(t.dataSource, true), await complaintReasons(t.dataSource, false))).toEqual([]);
    expect(differences(await complaintReasonsMonthly(t.dataSource, true), await complaintReasonsMonthly(t.dataSource, false))).toEqual([]);
    expect(differences(await rawHospitalStarts(t.dataSource), await tableHospitalStarts(t.dataSource, 'analytics_hospital_daily'))).toEqual([]);
    expect(differences(await rawHospitalStarts(t.dataSource, true), await tableHospitalStarts(t.dataSource, 'analytics_hospital_monthly'))).toEqual([]);
    expect(await customerFactsDiff(t.dataSource)).toEqual([]);
  }

  it('equal the raw GROUP BY right after a rebuild', async () => {
    const r = await analytics.rebuild();
    expect(r.dailyRows).toBeGreaterThan(100);
    // The generated set has reviews and complaints, so their tables are compared with something.
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM analytics_escort_daily'))[0].n)).toBeGreaterThan(10);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM analytics_complaint_daily'))[0].n)).toBeGreaterThan(0);
    await expectRollupsMatchRaw();
  }, 120_000);

  it(`still equal it after ${STEPS} random changes made through the services (seed ${SEED})`, async () => {
    const r = rng(SEED);
    const staff: OrderActor = { type: 'staff', id: 1, name: '管理员', permissions: new Set(['order:write', 'order:dispatch']), cityIds: null };
    const escortIds = [w.escortId, w.otherEscortId];
    const quotesBefore = Number((await t.dataSource.query('SELECT COALESCE(SUM(quote_count), 0) AS n FROM analytics_quote_daily'))[0].n);
    let quotes = 0;
    let refundSeq = 0;
    const done: Record<string, number> = {};
    const refused: Record<string, number> = {};
    // Changes touch the demo city's orders: recent generated ones and the test's own bookings.
    const pick = async (statuses: string[]) => {
      const rows = await t.dataSource.getRepository(Order).createQueryBuilder('o').where('o.status IN (:...s)', { s: statuses }).andWhere('o.city_id = 1').orderBy('o.id', 'DESC').limit(30).getMany();
      return rows.length ? r.pick(rows) : null;
    };
    const steps: Record<string, () => Promise<unknown>> = {
      book: async () => {
        const customerId = r.chance(0.5) ? w.customerId : w.otherCustomerId;
        const req = {
          serviceItemId: w.outpatientItemId,
          cityId: 1,
          hospitalId: w.hospitalId,
          patientId: customerId === w.customerId ? w.patientId : w.otherPatientId,
          startAt: startIn(r.int(2, 140) * 60),
          durationMinutes: 120,
          ...(r.chance(0.3) ? { preferredEscortId: r.pick(escortIds) } : {}),
        };
        if (r.chance(0.5)) {
          await orders.quote(customerId, req);
          quotes++;
        }
        return orders.create(customerId, req);
      },
      pay: async () => {
        const o = await pick(['pending_payment']);
        if (!o) return null;
        return tx.run(async m => {
          const after = await orders.markPaidIn(m, o.id, o.totalFen, new Date());
          await ledger.postCapture(m, { id: 500_000 + o.id, orderId: o.id, amountFen: o.totalFen, outTradeNo: `TEST${o.id}` });
          return after;
        });
      },
      assign: async () => {
        const o = await pick(['pending_dispatch', 'dispatched', 'accepted']);
        return o && orders.assign(o.id, r.pick(escortIds), staff);
      },
      decline: async () => {
        const o = await pick(['dispatched']);
        return o && o.escortId && orders.escortStep(o.id, 'decline', { type: 'escort', id: o.escortId, name: '陪诊师' }, '临时有事');
      },
      redispatch: async () => {
        const o = await pick(['dispatched', 'accepted']);
        return o && orders.returnToPool(o.id, staff, '调整');
      },
      escortStep: async () => {
        const o = await pick(['dispatched', 'accepted', 'departed']);
        if (!o || !o.escortId) return null;
        const action = o.status === 'dispatched' ? 'accept' : o.status === 'accepted' ? r.pick(['depart', 'start'] as const) : 'start';
        return orders.escortStep(o.id, action, { type: 'escort', id: o.escortId, name: '陪诊师' });
      },
      complete: async () => {
        const o = await pick(['in_service']);
        return o && orders.complete(o.id, { type: 'customer', id: o.customerId, name: '客户' }, '客户确认完成');
      },
      cancel: async () => {
        const o = await pick(['pending_payment', 'pending_dispatch', 'dispatched', 'accepted', 'departed']);
        return o && orders.cancel(o.id, staff, '客户来电取消', { waivePenalty: r.chance(0.3) });
      },
      refund: async () => {
        const o = await pick(['refunding']);
        if (!o) return null;
        return tx.run(async m => {
          await ledger.postRefund(m, { id: 700_000 + ++refundSeq, orderId: o.id, amountFen: o.refundDueFen, outRefundNo: `TESTR${refundSeq}`, late: false });
          return orders.markRefundedIn(m, o.id);
        });
      },
      expire: async () => orders.expireUnpaid(new Date(Date.now() + 30 * 60_000), r.int(1, 3)),
      review: async () => {
        // A completed order of the demo city without a review, reviewed by its customer (low scores open a follow-up complaint).
        const [o] = await t.dataSource.query(
          `SELECT o.id, o.customer_id FROM orders o WHERE o.status = 'completed' AND o.city_id = 1 AND NOT EXISTS (SELECT 1 FROM reviews rv WHERE rv.order_id = o.id) ORDER BY o.id DESC LIMIT 1 OFFSET ${r.int(0, 20)}`
        );
        if (!o) return null;
        const overall = r.int(1, 5);
        const tags = r.chance(0.6) ? [r.pick(['迟到', '态度不好', '准时', '专业'])] : [];
        return reviews.create(Number(o.customer_id), Number(o.id), { overall, attitude: overall, professionalism: overall, communication: overall, punctuality: overall, tags, content: '测试评价' });
      },
      complain: async () => {
        // A customer complaint about one of their orders, or (sometimes) a ticket that is no complaint.
        const [o] = await t.dataSource.query(`SELECT id, customer_id FROM orders WHERE status IN ('completed', 'in_service') AND city_id = 1 ORDER BY id DESC LIMIT 1 OFFSET ${r.int(0, 20)}`);
        if (!o) return null;
        const type = r.chance(0.8) ? 'service_complaint' : 'suggestion';
        return tickets.open({ type: 'customer', id: Number(o.customer_id), name: '客户' }, { type, title: '服务问题', content: '陪诊师迟到', orderId: Number(o.id) });
      },
      reschedule: async () => {
        const o = await pick(['pending_payment', 'pending_dispatch']);
        return o && !o.escortId && orders.requestReschedule(o.id, startIn(r.int(3, 150) * 60), staff, { reason: '改时间' });
      },
    };
    const names = Object.keys(steps);
    const weights = [6, 5, 4, 1, 1, 4, 3, 2, 2, 1, 3, 2, 1];
    for (let i = 0; i < STEPS; i++) {
      let x = r.next() * weights.reduce((a, b) => a + b, 0);
      const name = names[weights.findIndex(wt => (x -= wt) < 0)];
      try {
        const result = await steps[name]();
        if (result) done[name] = (done[name] ?? 0) + 1;
      } catch (err) {
        // Business refusals (slot taken, a status that moved) are part of real life; anything else fails the test.
        if (!(err instanceof AppError)) throw new Error(`step ${i} (${name}) failed: ${err}`);
        refused[name] = (refused[name] ?? 0) + 1;
      }
      // Fold the outbox now and then, so applying in several batches is covered too.
      if (i % 40 === 39) await analytics.applyPending();
    }
    expect(Object.keys(done).length).toBeGreaterThanOrEqual(8);
    if (process.env.ANALYTICS_TEST_VERBOSE) console.log({ done, refused, quotes });
    await expectRollupsMatchRaw();
    const quotesAfter = Number((await t.dataSource.query('SELECT COALESCE(SUM(quote_count), 0) AS n FROM analytics_quote_daily'))[0].n);
    expect(quotesAfter - quotesBefore).toBe(quotes);
  }, 300_000);

  it('stay equal when the same changes are folded by a rebuild instead', async () => {
    await analytics.rebuild();
    await expectRollupsMatchRaw();
  }, 120_000);

  it('refuse nothing and double nothing when two appliers run at once', async () => {
    const before = await tableRollup(t.dataSource, 'analytics_daily');
    const o = await orders.create(w.customerId, {
      serviceItemId: w.outpatientItemId,
      cityId: 1,
      hospitalId: w.hospitalId,
      patientId: w.patientId,
      startAt: startIn(90 * 60),
      durationMinutes: 120,
    });
    await Promise.all([analytics.applyPending(), analytics.applyPending(), analytics.applyPending()]);
    const after = await tableRollup(t.dataSource, 'analytics_daily');
    const created = [...after.values()].reduce((s, r2) => s + (r2.created_count ?? 0), 0) - [...before.values()].reduce((s, r2) => s + (r2.created_count ?? 0), 0);
    expect(created).toBe(1);
    expect(o.status).toBe('pending_payment');
    await expectRollupsMatchRaw();
  }, 60_000);
});

