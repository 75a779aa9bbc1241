import { bearer, countChanges, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { booking, orderWorld, OrderWorld, services, startIn } from './order-fixtures';
import { EscortTimeClaim } from '../../src/modules/orders/escort-time-claim.entity';
import { Order } from '../../src/modules/orders/order.entity';
import { OrderStatusLog } from '../../src/modules/orders/order-status-log.entity';

jest.setTimeout(600_000);

const RACERS = 500;

/** Real concurrent requests against one escort's time: the database, not luck, decides. */
describe(`${RACERS} requests racing for one escort`, () => {
  let t: TestApp;
  let w: OrderWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
  });
  afterAll(() => t.close());

  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  it('lets exactly one of 500 simultaneous bookings of overlapping time win; the rest get SLOT_TAKEN and write nothing', async () => {
    const base = startIn(3 * 24 * 60);
    const before = await rowCounts(t);
    const responses = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        t
          .http()
          .post('/api/app/orders')
          .set(bearer(w.customerToken))
          .set('Idempotency-Key', `race-create-${String(i).padStart(4, '0')}`)
          // Every request overlaps every other: starts within the same hour, two hours long.
          .send(booking(w, { startAt: new Date(base.getTime() + (i % 2) * 30 * 60_000).toISOString(), preferredEscortId: w.escortId }))
      )
    );
    expect(tally(responses.map(r => r.status))).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(new Set(responses.filter(r => r.status === 409).map(r => r.body.errorCode))).toEqual(new Set(['SLOT_TAKEN']));
    const winner = responses.find(r => r.status === 200)!.body.data;
    expect(countChanges(before, await rowCounts(t))).toEqual({
      orders: 1,
      order_status_logs: 1,
      escort_time_claims: 4,
      idempotency_keys: 1,
      notifications: 1,
      analytics_outbox: 1,
    });
    expect(await t.dataSource.getRepository(EscortTimeClaim).count({ where: { orderId: winner.id } })).toBe(4);
  });

  it('lets exactly one of 500 simultaneous assignments of overlapping orders to one escort win', async () => {
    const orders = await services(t).orders();
    const start = startIn(4 * 24 * 60);
    const ids: number[] = [];
    for (let i = 0; i < RACERS; i++) {
      const o = await orders.create(w.customerId, { ...booking(w), startAt: new Date(start.getTime() + (i % 3) * 30 * 60_000), durationMinutes: 120 } as any);
      await orders.markPaid(o.id, o.totalFen);
      ids.push(o.id);
    }
    const before = await rowCounts(t);
    const responses = await Promise.all(ids.map(id => t.http().post(`/api/admin/orders/${id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.otherEscortId, reason: '距离近' })));
    expect(tally(responses.map(r => r.status))).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(new Set(responses.filter(r => r.status === 409).map(r => r.body.errorCode))).toEqual(new Set(['SLOT_TAKEN']));
    const changes = countChanges(before, await rowCounts(t));
    // One assignment: its status log, 4 claimed cells, one audit row, two messages (escort, customer) and their outside deliveries.
    expect(changes).toMatchObject({ order_status_logs: 1, escort_time_claims: 4, audit_logs: 1, notifications: 2 });
    expect(await t.dataSource.getRepository(Order).count({ where: { escortId: w.otherEscortId, status: 'dispatched' } })).toBe(1);

    // The escort then taps "accept" many times at once (a flaky network): one transition happens.
    const winner = responses.find(r => r.status === 200)!.body.data.id;
    const accepts = await Promise.all(Array.from({ length: 50 }, () => t.http().post(`/api/escort/orders/${winner}/accept`).set(bearer(w.otherEscortToken))));
    expect(tally(accepts.map(r => r.status))).toEqual({ 200: 1, 409: 49 });
    expect(await t.dataSource.getRepository(OrderStatusLog).count({ where: { orderId: winner, action: 'accept' } })).toBe(1);
  });

  it('gives exactly one winner when a payment success races a cancel, order by order', async () => {
    const orders = await services(t).orders();
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) {
      const o = await orders.create(w.customerId, { ...booking(w), startAt: startIn(5 * 24 * 60) } as any);
      ids.push(o.id);
    }
    const outcomes = await Promise.all(
      ids.map(async id => {
        const o = await t.dataSource.getRepository(Order).findOneByOrFail({ id });
        const [paid, cancelled] = await Promise.allSettled([
          orders.markPaid(id, o.totalFen),
          t.http().post(`/api/app/orders/${id}/cancel`).set(bearer(w.customerToken)).send({ reason: '不需要了' }),
        ]);
        const payWon = paid.status === 'fulfilled';
        return { id, payWon, cancelStatus: cancelled.status === 'fulfilled' ? cancelled.value.status : 0, payError: paid.status === 'rejected' ? (paid.reason as any).code : null };
      })
    );
    const logs = t.dataSource.getRepository(OrderStatusLog);
    for (const r of outcomes) {
      // Exactly one move out of pending_payment: the payment or the unpaid cancel, never both.
      const leftPending = await logs.find({ where: { orderId: r.id, fromStatus: 'pending_payment' } });
      expect({ id: r.id, moves: leftPending.map(l => l.action) }).toEqual({ id: r.id, moves: [r.payWon ? 'pay' : 'cancel_unpaid'] });
      const row = await t.dataSource.getRepository(Order).findOneByOrFail({ id: r.id });
      if (!r.payWon) {
        expect({ payError: r.payError, status: row.status, paidFen: row.paidFen }).toEqual({ payError: 'ORDER_INVALID_TRANSITION', status: 'cancelled', paidFen: 0 });
      } else if (r.cancelStatus === 200) {
        // The cancel arrived after the payment: a paid cancel, which owes a refund.
        expect(row).toMatchObject({ status: 'refunding', paidFen: row.totalFen, refundDueFen: row.totalFen });
      } else {
        expect({ cancelStatus: r.cancelStatus, status: row.status, paidFen: row.paidFen }).toEqual({ cancelStatus: 409, status: 'pending_dispatch', paidFen: row.totalFen });
      }
    }
  });
});
