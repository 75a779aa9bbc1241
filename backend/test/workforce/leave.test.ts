import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { EscortTimeClaim } from '../../src/modules/orders/escort-time-claim.entity';
import { OrderStatusLog } from '../../src/modules/orders/order-status-log.entity';
import { EscortWeeklyShift } from '../../src/modules/schedules/escort-weekly-shift.entity';
import { toShanghaiDateString } from '../../src/common/time';
import { ESCORT, WorkforceWorld, assign, everyDay, inbox, orderRow, paidOrder, setWeek, startIn, workforceWorld } from './workforce-fixtures';

jest.setTimeout(180_000);

/** Shanghai midnight `days` after today, as a Date. */
const shanghaiMidnight = (days: number) => new Date(`${toShanghaiDateString(Date.now() + days * 86_400_000)}T00:00:00+08:00`);
const at = (days: number, hhmm: string) => new Date(`${toShanghaiDateString(Date.now() + days * 86_400_000)}T${hhmm}:00+08:00`);

describe('leave', () => {
  let t: TestApp;
  let w: WorkforceWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await workforceWorld(t);
  });
  afterAll(() => t.close());

  const leaveBody = (days: number, lengthDays = 1, extra: Record<string, unknown> = {}) => ({
    type: 'personal',
    startAt: shanghaiMidnight(days).toISOString(),
    endAt: shanghaiMidnight(days + lengthDays).toISOString(),
    reason: '家中有事',
    ...extra,
  });

  it('takes a request from the escort, tells the city’s approvers, and refuses overlapping, past or backwards leave', async () => {
    const leave = expectOk(await t.http().post('/api/escort/leaves').set(bearer(w.escortToken)).send(leaveBody(5)));
    expect(leave).toMatchObject({ status: 'pending', source: 'escort', typeLabel: '事假', escortId: ESCORT.liJing });
    expect((await inbox(t, 'staff', 2, 'leave_requested')).map(n => n.body)).toEqual([expect.stringContaining('李静')]);
    expect(await inbox(t, 'staff', 3, 'leave_requested')).toEqual([]);
    expectError(await t.http().post('/api/escort/leaves').set(bearer(w.escortToken)).send(leaveBody(5)), 409, 'LEAVE_OVERLAPS');
    expectError(await t.http().post('/api/escort/leaves').set(bearer(w.escortToken)).send(leaveBody(-3)), 422, 'LEAVE_IN_PAST');
    expectError(
      await t.http().post('/api/escort/leaves').set(bearer(w.escortToken)).send({ ...leaveBody(8), endAt: shanghaiMidnight(7).toISOString() }),
      400,
      'VALIDATION_FAILED'
    );
    expectOk(await t.http().post(`/api/escort/leaves/${leave.id}/withdraw`).set(bearer(w.escortToken)));
    expectError(await t.http().post(`/api/escort/leaves/${leave.id}/withdraw`).set(bearer(w.escortToken)), 409, 'LEAVE_DECIDED');
  });

  it('lists the assigned orders a leave collides with and will not approve it while they are there', async () => {
    const order = await paidOrder(t, w, at(2, '09:00'));
    expectOk(await assign(t, w.opsToken, order.id, ESCORT.liJing));
    const leave = expectOk(await t.http().post('/api/admin/leaves').set(bearer(w.opsToken)).send({ ...leaveBody(2), escortId: ESCORT.liJing, type: 'sick', reason: '发烧' }));
    expect(leave).toMatchObject({ source: 'staff', createdByName: '上海运营' });
    const detail = expectOk(await t.http().get(`/api/admin/leaves/${leave.id}`).set(bearer(w.opsToken)));
    expect(detail.collisions).toEqual([expect.objectContaining({ id: order.id, status: 'dispatched', canReturnToPool: true })]);

    const before = await rowCounts(t);
    const refused = await t.http().post(`/api/admin/leaves/${leave.id}/approve`).set(bearer(w.opsToken)).send({});
    expectError(refused, 409, 'LEAVE_COLLIDES_WITH_ORDERS');
    expect(refused.body.details.orders.map((o: any) => o.id)).toEqual([order.id]);
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect((await orderRow(t, order.id)).escortId).toBe(ESCORT.liJing);
  });

  it('with returnToPool sends the orders back to the pool, tells the escort and the dispatchers, and claims the leave’s time', async () => {
    const accepted = await paidOrder(t, w, at(6, '09:00'));
    const dispatched = await paidOrder(t, w, at(6, '14:00'));
    expectOk(await assign(t, w.opsToken, accepted.id, ESCORT.liJing));
    expectOk(await t.http().post(`/api/escort/orders/${accepted.id}/accept`).set(bearer(w.escortToken)));
    expectOk(await assign(t, w.opsToken, dispatched.id, ESCORT.liJing));
    const leave = expectOk(await t.http().post('/api/escort/leaves').set(bearer(w.escortToken)).send(leaveBody(6)));
    const approved = expectOk(await t.http().post(`/api/admin/leaves/${leave.id}/approve`).set(bearer(w.opsToken)).send({ returnToPool: true, reason: '批准' }));
    expect(approved).toMatchObject({ status: 'approved', returnedOrders: 2, decidedByName: '上海运营' });

    for (const id of [accepted.id, dispatched.id]) {
      expect(await orderRow(t, id)).toMatchObject({ status: 'pending_dispatch', escortId: null });
      expect(await t.dataSource.getRepository(EscortTimeClaim).count({ where: { orderId: id } })).toBe(0);
      const log = await t.dataSource.getRepository(OrderStatusLog).findOneByOrFail({ orderId: id, action: 'redispatch' });
      expect(log).toMatchObject({ actorType: 'staff', toStatus: 'pending_dispatch' });
      expect(log.reason).toContain('请假');
    }
    expect(await t.dataSource.getRepository(EscortTimeClaim).count({ where: { leaveId: leave.id } })).toBe(48);
    expect((await inbox(t, 'escort', ESCORT.liJing, 'assignment_withdrawn')).length).toBeGreaterThanOrEqual(2);
    expect((await inbox(t, 'escort', ESCORT.liJing, 'leave_approved')).length).toBe(1);
    const alerts = (await inbox(t, 'staff', 2, 'order_returned_to_pool')).map(n => n.orderId);
    expect(alerts).toEqual(expect.arrayContaining([accepted.id, dispatched.id]));
    const pool = expectOk(await t.http().get('/api/admin/dispatch/pool').set(bearer(w.opsToken)));
    expect(pool.list.filter((o: any) => [accepted.id, dispatched.id].includes(o.id)).map((o: any) => o.flags.returned)).toEqual([true, true]);
  });

  it('makes an escort on approved leave unavailable: shown on leave among the candidates, refused even with force', async () => {
    const order = await paidOrder(t, w, at(6, '10:00'));
    const candidates = expectOk(await t.http().get(`/api/admin/orders/${order.id}/candidates`).set(bearer(w.opsToken)));
    const liJing = candidates.candidates.find((c: any) => c.escortId === ESCORT.liJing);
    expect(liJing).toMatchObject({ tier: 'unavailable', available: false, reasons: [{ code: 'on_leave', label: '请假中' }] });
    expect(candidates.candidates[0].available).toBe(true);
    expectError(await assign(t, w.opsToken, order.id, ESCORT.liJing), 422, 'ESCORT_UNAVAILABLE');
    expectError(await assign(t, w.opsToken, order.id, ESCORT.liJing, { force: true }), 422, 'ESCORT_UNAVAILABLE');
    const board = expectOk(await t.http().get('/api/admin/dispatch/board').query({ date: toShanghaiDateString(at(6, '10:00')) }).set(bearer(w.opsToken)));
    const row = board.escorts.find((e: any) => e.escortId === ESCORT.liJing);
    expect(row.leaves).toHaveLength(1);
  });

  it('frees the time again when approved leave is revoked; rejecting needs a reason that reaches the escort', async () => {
    const leave = expectOk(await t.http().post('/api/escort/leaves').set(bearer(w.otherEscortToken)).send(leaveBody(7, 1, { type: 'annual' })));
    expectOk(await t.http().post(`/api/admin/leaves/${leave.id}/approve`).set(bearer(w.opsToken)).send({}));
    expect(await t.dataSource.getRepository(EscortTimeClaim).count({ where: { leaveId: leave.id } })).toBe(48);
    expectError(await t.http().post(`/api/admin/leaves/${leave.id}/approve`).set(bearer(w.opsToken)).send({}), 409, 'LEAVE_DECIDED');
    expectOk(await t.http().post(`/api/admin/leaves/${leave.id}/revoke`).set(bearer(w.opsToken)).send({ reason: '假期取消' }));
    expect(await t.dataSource.getRepository(EscortTimeClaim).count({ where: { leaveId: leave.id } })).toBe(0);
    const order = await paidOrder(t, w, at(7, '10:00'));
    expectOk(await assign(t, w.opsToken, order.id, ESCORT.wangQiang));

    const other = expectOk(await t.http().post('/api/escort/leaves').set(bearer(w.otherEscortToken)).send(leaveBody(7, 1, { startAt: at(7, '15:00').toISOString() })));
    expectError(await t.http().post(`/api/admin/leaves/${other.id}/reject`).set(bearer(w.opsToken)).send({ reason: '' }), 400, 'VALIDATION_FAILED');
    expectOk(await t.http().post(`/api/admin/leaves/${other.id}/reject`).set(bearer(w.opsToken)).send({ reason: '当天订单多' }));
    const [msg] = await inbox(t, 'escort', ESCORT.wangQiang, 'leave_rejected');
    expect(msg.body).toContain('当天订单多');
    expect(expectOk(await t.http().get('/api/escort/leaves').set(bearer(w.otherEscortToken))).list.map((l: any) => l.status)).toEqual(expect.arrayContaining(['rejected', 'cancelled']));
    // Beijing's ops see none of Shanghai's leave.
    expect(expectOk(await t.http().get('/api/admin/leaves').set(bearer(w.opsBjToken))).total).toBe(0);
    expectError(await t.http().get(`/api/admin/leaves/${other.id}`).set(bearer(w.opsBjToken)), 403, 'CITY_SCOPE_FORBIDDEN');
  });
});

