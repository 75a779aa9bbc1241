import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { createOrder, orderWorld, OrderWorld, pay, startIn } from './order-fixtures';
import { EscortTimeClaim } from '../../src/modules/orders/escort-time-claim.entity';

jest.setTimeout(120_000);

describe('cancelling and rescheduling', () => {
  let t: TestApp;
  let w: OrderWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
  });
  afterAll(() => t.close());

  const claims = (orderId: number) => t.dataSource.getRepository(EscortTimeClaim).find({ where: { orderId }, order: { cellStart: 'ASC' } });

  async function paidAssigned(startAt: Date) {
    const { id, totalFen } = await createOrder(t, w, { startAt: startAt.toISOString() });
    await pay(t, id);
    expectOk(await t.http().post(`/api/admin/orders/${id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '距离近' }));
    return { id, totalFen };
  }

  it('cancels an unpaid order for free and releases the chosen escort', async () => {
    const { id } = await createOrder(t, w, { startAt: startIn(30 * 60).toISOString(), preferredEscortId: w.escortId });
    expect((await claims(id)).length).toBe(4);
    const preview = expectOk(await t.http().get(`/api/app/orders/${id}/cancel-preview`).set(bearer(w.customerToken)));
    expect(preview).toMatchObject({ penaltyFen: 0, refundFen: 0, needsRefund: false });
    const after = expectOk(await t.http().post(`/api/app/orders/${id}/cancel`).set(bearer(w.customerToken)).send({ reason: '行程有变' }));
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: '行程有变' });
    expect(await claims(id)).toEqual([]);
    expectError(await t.http().post(`/api/app/orders/${id}/cancel`).set(bearer(w.customerToken)).send({}), 409, 'ORDER_INVALID_TRANSITION');
  });

  it('refunds everything when a paid order is cancelled 24 hours or more ahead', async () => {
    const { id, totalFen } = await paidAssigned(startIn(48 * 60));
    const preview = expectOk(await t.http().get(`/api/app/orders/${id}/cancel-preview`).set(bearer(w.customerToken)));
    expect(preview).toMatchObject({ paidFen: totalFen, penaltyFen: 0, refundFen: totalFen, needsRefund: true });
    const after = expectOk(await t.http().post(`/api/app/orders/${id}/cancel`).set(bearer(w.customerToken)).send({}));
    expect(after).toMatchObject({ status: 'refunding', penaltyFen: 0, refundDueFen: totalFen });
    expect(await claims(id)).toEqual([]);
    const escortInbox = expectOk(await t.http().get('/api/escort/notifications').set(bearer(w.escortToken)));
    expect(escortInbox.list.some((n: any) => n.title === '订单已取消' && n.orderId === id)).toBe(true);
  });

  it('keeps 20% between 24 and 2 hours ahead and 50% within 2 hours, and shows it first', async () => {
    const mid = await paidAssigned(startIn(10 * 60));
    const p1 = expectOk(await t.http().get(`/api/app/orders/${mid.id}/cancel-preview`).set(bearer(w.customerToken)));
    expect(p1).toMatchObject({ penaltyBp: 2000, penaltyFen: Math.round(mid.totalFen * 0.2), refundFen: mid.totalFen - Math.round(mid.totalFen * 0.2) });
    expect(expectOk(await t.http().post(`/api/app/orders/${mid.id}/cancel`).set(bearer(w.customerToken)).send({}))).toMatchObject({ penaltyFen: p1.penaltyFen, refundDueFen: p1.refundFen });

    const late = await paidAssigned(startIn(90));
    const p2 = expectOk(await t.http().get(`/api/app/orders/${late.id}/cancel-preview`).set(bearer(w.customerToken)));
    expect(p2).toMatchObject({ penaltyBp: 5000 });
    expect(p2.penaltyFen + p2.refundFen).toBe(late.totalFen);
  });

  it('lets staff waive the penalty with a reason, audited', async () => {
    const { id, totalFen } = await paidAssigned(startIn(5 * 60));
    expectError(await t.http().post(`/api/admin/orders/${id}/cancel`).set(bearer(w.opsToken)).send({ waivePenalty: true }), 400, 'VALIDATION_FAILED');
    const after = expectOk(await t.http().post(`/api/admin/orders/${id}/cancel`).set(bearer(w.opsToken)).send({ reason: '陪诊师临时生病，平台原因', waivePenalty: true }));
    expect(after).toMatchObject({ status: 'refunding', penaltyFen: 0, refundDueFen: totalFen });
    const audit = expectOk(await t.http().get(`/api/admin/audit-logs?targetType=order&targetId=${id}`).set(bearer(w.adminToken)));
    expect(audit.list.map((a: any) => a.action)).toEqual(expect.arrayContaining(['order.assign', 'order.cancel']));
  });

  it('cannot cancel once the service has started', async () => {
    const { id } = await paidAssigned(startIn(36 * 60));
    expectOk(await t.http().post(`/api/escort/orders/${id}/accept`).set(bearer(w.escortToken)));
    expectOk(await t.http().post(`/api/escort/orders/${id}/start`).set(bearer(w.escortToken)));
    expectError(await t.http().get(`/api/app/orders/${id}/cancel-preview`).set(bearer(w.customerToken)), 409, 'ORDER_INVALID_TRANSITION');
    expectError(await t.http().post(`/api/app/orders/${id}/cancel`).set(bearer(w.customerToken)).send({}), 409, 'ORDER_INVALID_TRANSITION');
  });

  it('moves an unassigned order at once', async () => {
    const { id } = await createOrder(t, w, { startAt: startIn(40 * 60).toISOString() });
    const to = startIn(41 * 60);
    const res = expectOk(await t.http().post(`/api/app/orders/${id}/reschedule`).set(bearer(w.customerToken)).send({ startAt: to.toISOString() }));
    expect(res).toMatchObject({ applied: true, pendingEscort: false });
    expect(new Date(res.order.startAt).getTime()).toBe(to.getTime());
    expect(res.order.timeline.at(-1)).toMatchObject({ action: 'reschedule' });
  });

  it('holds the new time for the escort, who accepts: the claims move with the order', async () => {
    const start = startIn(42 * 60);
    const { id } = await paidAssigned(start);
    const to = new Date(start.getTime() + 60 * 60_000); // overlaps the old time by an hour
    const res = expectOk(await t.http().post(`/api/app/orders/${id}/reschedule`).set(bearer(w.customerToken)).send({ startAt: to.toISOString() }));
    expect(res).toMatchObject({ applied: false, pendingEscort: true });
    expect((await claims(id)).length).toBe(6); // 4 old cells + 2 newly held
    expectError(await t.http().post(`/api/app/orders/${id}/reschedule`).set(bearer(w.customerToken)).send({ startAt: startIn(60 * 60).toISOString() }), 409, 'RESCHEDULE_PENDING');
    const task = expectOk(await t.http().get(`/api/escort/orders/${id}`).set(bearer(w.escortToken)));
    const pending = task.reschedules.find((r: any) => r.status === 'pending');
    const accepted = expectOk(await t.http().post(`/api/escort/orders/${id}/reschedules/${pending.id}/accept`).set(bearer(w.escortToken)));
    expect(new Date(accepted.startAt).getTime()).toBe(to.getTime());
    const cells = (await claims(id)).map(c => new Date(c.cellStart).getTime());
    expect(cells).toEqual([0, 1, 2, 3].map(i => to.getTime() + i * 30 * 60_000));
    expectError(await t.http().post(`/api/escort/orders/${id}/reschedules/${pending.id}/decline`).set(bearer(w.escortToken)), 409, 'RESCHEDULE_ANSWERED');
  });

  it('releases the held time when the escort declines, keeping the original booking', async () => {
    const start = startIn(55 * 60);
    const { id } = await paidAssigned(start);
    const to = startIn(80 * 60);
    expectOk(await t.http().post(`/api/app/orders/${id}/reschedule`).set(bearer(w.customerToken)).send({ startAt: to.toISOString() }));
    const task = expectOk(await t.http().get(`/api/escort/orders/${id}`).set(bearer(w.escortToken)));
    const pending = task.reschedules.find((r: any) => r.status === 'pending');
    const declined = expectOk(await t.http().post(`/api/escort/orders/${id}/reschedules/${pending.id}/decline`).set(bearer(w.escortToken)));
    expect(new Date(declined.startAt).getTime()).toBe(start.getTime());
    expect((await claims(id)).length).toBe(4);
    const inbox = expectOk(await t.http().get('/api/app/notifications').set(bearer(w.customerToken)));
    expect(inbox.list.some((n: any) => n.title === '改约未成功' && n.orderId === id)).toBe(true);
  });

  it('refuses a reschedule onto the escort’s other booking, and staff can send it back to the pool instead', async () => {
    const first = await paidAssigned(startIn(46 * 60));
    const second = await paidAssigned(startIn(50 * 60));
    const before = await rowCounts(t);
    expectError(
      await t.http().post(`/api/app/orders/${second.id}/reschedule`).set(bearer(w.customerToken)).send({ startAt: startIn(46 * 60).toISOString() }),
      409,
      'SLOT_TAKEN'
    );
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    const res = expectOk(
      await t.http().post(`/api/admin/orders/${second.id}/reschedule`).set(bearer(w.opsToken)).send({ startAt: startIn(46 * 60).toISOString(), redispatch: true, reason: '客户坚持改到该时间' })
    );
    expect(res.order).toMatchObject({ status: 'pending_dispatch', escortId: null });
    expect(await claims(second.id)).toEqual([]);
    expect((await claims(first.id)).length).toBe(4);
  });

  it('refuses a reschedule to a time the rules do not allow', async () => {
    const { id } = await createOrder(t, w, { startAt: startIn(52 * 60).toISOString() });
    expectError(await t.http().post(`/api/app/orders/${id}/reschedule`).set(bearer(w.customerToken)).send({ startAt: new Date(Date.now() - 3600_000).toISOString() }), 422, 'START_IN_PAST');
    expectError(await t.http().post(`/api/app/orders/${id}/reschedule`).set(bearer(w.customerToken)).send({ startAt: startIn(30 * 24 * 60).toISOString() }), 422, 'START_BEYOND_WINDOW');
  });
});
