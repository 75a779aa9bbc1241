import { bearer, expectError, expectOk } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { EscortTimeClaim } from '../../src/modules/orders/escort-time-claim.entity';
import { OrderStatusLog } from '../../src/modules/orders/order-status-log.entity';
import { EscortCredential } from '../../src/modules/escorts/escort-credential.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';
import { SCORE_WEIGHTS, distanceMeters } from '../../src/modules/dispatch/ranking';
import { Hospital } from '../../src/modules/hospitals/hospital.entity';
import { toShanghaiDateString } from '../../src/common/time';
import { ESCORT, WorkforceWorld, assign, everyDay, inbox, orderRow, paidOrder, setWeek, startIn, workforce, workforceWorld } from './workforce-fixtures';

jest.setTimeout(180_000);

const at = (days: number, hhmm: string) => new Date(`${toShanghaiDateString(Date.now() + days * 86_400_000)}T${hhmm}:00+08:00`);

describe('dispatch', () => {
  let t: TestApp;
  let w: WorkforceWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await workforceWorld(t);
  });
  afterAll(() => t.close());

  const claimsOf = (orderId: number) => t.dataSource.getRepository(EscortTimeClaim).count({ where: { orderId } });

  it('lists paid unassigned orders soonest first, flagged 2 h / 24 h before the start', async () => {
    const far = await paidOrder(t, w, startIn(3 * 24 * 60));
    const soon = await paidOrder(t, w, startIn(90));
    const today = await paidOrder(t, w, startIn(6 * 60));
    const pool = expectOk(await t.http().get('/api/admin/dispatch/pool').query({ pageSize: 100 }).set(bearer(w.opsToken)));
    const mine = pool.list.filter((o: any) => [far.id, soon.id, today.id].includes(o.id));
    expect(mine.map((o: any) => o.id)).toEqual([soon.id, today.id, far.id]);
    expect(mine.map((o: any) => [o.flags.within2h, o.flags.within24h, o.urgency])).toEqual([
      [true, true, 'critical'],
      [false, true, 'warning'],
      [false, false, 'normal'],
    ]);
    const starts = pool.list.map((o: any) => new Date(o.startAt).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(pool.summary.unassigned).toBe(pool.total);
    // Beijing's dispatcher sees none of them; finance may not dispatch at all.
    expect(expectOk(await t.http().get('/api/admin/dispatch/pool').set(bearer(w.opsBjToken))).list.some((o: any) => o.id === soon.id)).toBe(false);
    expectError(await t.http().get('/api/admin/dispatch/pool').set(bearer(w.financeToken)), 403, 'FORBIDDEN');
  });

  it('ranks the city’s escorts for an order and shows every part of each score', async () => {
    const order = await paidOrder(t, w, at(2, '09:00'));
    // 王强 served this customer before; 陈晓燕 already has an order that day.
    const earlier = await paidOrder(t, w, at(1, '09:00'));
    expectOk(await assign(t, w.opsToken, earlier.id, ESCORT.wangQiang));
    expectOk(await t.http().post(`/api/escort/orders/${earlier.id}/accept`).set(bearer(w.otherEscortToken)));
    const busy = await paidOrder(t, w, at(2, '14:00'));
    expectOk(await assign(t, w.opsToken, busy.id, ESCORT.chenXiaoyan));

    const res = expectOk(await t.http().get(`/api/admin/orders/${order.id}/candidates`).set(bearer(w.opsToken)));
    expect(res.requirements).toMatchObject({ categoryCode: 'outpatient', requiredQualifications: ['basic_escort'], travelBufferMinutes: 30 });
    expect(res.counts).toMatchObject({ total: 3, available: 3 });
    const byId = Object.fromEntries(res.candidates.map((c: any) => [c.escortId, c]));
    for (const c of res.candidates) {
      expect(Object.keys(c.parts).sort()).toEqual(['availability', 'credentials', 'distance', 'familiarity', 'load', 'rating', 'skills']);
      expect(c.score).toBe(Object.values(c.parts as Record<string, number>).reduce((a, b) => a + b, 0));
    }
    const scores = res.candidates.map((c: any) => c.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const hospital = await t.dataSource.getRepository(Hospital).findOneByOrFail({ id: w.hospitalId });
    const liJing = await t.dataSource.getRepository(Escort).findOneByOrFail({ id: ESCORT.liJing });
    const meters = distanceMeters(liJing.baseLatitudeE6!, liJing.baseLongitudeE6!, hospital.latitudeE6!, hospital.longitudeE6!);
    expect(byId[ESCORT.liJing]).toMatchObject({ distanceMeters: meters, parts: { distance: Math.round(SCORE_WEIGHTS.distance * (1 - meters / 20_000)), availability: 30, credentials: 10, skills: 15 } });
    expect(byId[ESCORT.wangQiang]).toMatchObject({ servedCustomerBefore: true, parts: { familiarity: SCORE_WEIGHTS.familiarity } });
    expect(byId[ESCORT.chenXiaoyan]).toMatchObject({ todayLoad: 1, parts: { load: SCORE_WEIGHTS.load - SCORE_WEIGHTS.loadStep } });
    expect(byId[ESCORT.liJing].parts.distance).toBeGreaterThan(byId[ESCORT.chenXiaoyan].parts.distance);
  });

  it('requires a reason to assign, and refuses escorts who are not free, not qualified or not in the city', async () => {
    const order = await paidOrder(t, w, at(3, '10:00'));
    expectError(await t.http().post(`/api/admin/orders/${order.id}/assign`).set(bearer(w.opsToken)).send({ escortId: ESCORT.liJing }), 400, 'VALIDATION_FAILED');
    const otherCity = await assign(t, w.opsToken, order.id, ESCORT.zhaoMin);
    expectError(otherCity, 422, 'ESCORT_UNAVAILABLE');
    expect(otherCity.body.details.reasons.map((r: any) => r.code)).toContain('city_mismatch');
    expectError(await assign(t, w.opsToken, order.id, ESCORT.liuYang), 422, 'ESCORT_UNAVAILABLE');

    const credentials = t.dataSource.getRepository(EscortCredential);
    const basic = await credentials.findOneByOrFail({ escortId: ESCORT.wangQiang, typeCode: 'basic_escort' });
    await credentials.update({ id: basic.id }, { expiresOn: toShanghaiDateString(at(1, '00:00')) });
    const lapsed = await assign(t, w.opsToken, order.id, ESCORT.wangQiang, { force: true });
    expectError(lapsed, 422, 'ESCORT_UNAVAILABLE');
    expect(lapsed.body.details).toMatchObject({ reasons: [{ code: 'credential_expired' }], missingQualifications: ['basic_escort'], overridable: false });
    await credentials.update({ id: basic.id }, { expiresOn: basic.expiresOn });
    expect(await orderRow(t, order.id)).toMatchObject({ status: 'pending_dispatch', escortId: null });
  });

  it('lets a dispatcher override a shift, never a clash, and writes the override into the timeline', async () => {
    await setWeek(t, w.adminToken, ESCORT.chenXiaoyan, everyDay('09:00', '17:00'));
    const evening = await paidOrder(t, w, at(3, '18:00'));
    const refused = await assign(t, w.opsToken, evening.id, ESCORT.chenXiaoyan);
    expectError(refused, 422, 'ESCORT_UNAVAILABLE');
    expect(refused.body.details).toMatchObject({ reasons: [{ code: 'outside_shift', label: '不在排班时间内' }], overridable: true });
    // The week changed a moment ago: the ranking (cached per city) already knows.
    const ranked = expectOk(await t.http().get(`/api/admin/orders/${evening.id}/candidates`).set(bearer(w.opsToken)));
    expect(ranked.candidates.find((c: any) => c.escortId === ESCORT.chenXiaoyan)).toMatchObject({ tier: 'overridable', reasons: [{ code: 'outside_shift' }] });
    const check = expectOk(await t.http().get(`/api/admin/orders/${evening.id}/availability`).query({ escortId: ESCORT.chenXiaoyan }).set(bearer(w.opsToken)));
    expect(check).toMatchObject({ available: false, overridable: true });
    const forced = expectOk(await assign(t, w.opsToken, evening.id, ESCORT.chenXiaoyan, { force: true, reason: '已电话确认可加班' }));
    expect(forced).toMatchObject({ status: 'dispatched', escortId: ESCORT.chenXiaoyan });
    const log = await t.dataSource.getRepository(OrderStatusLog).findOneByOrFail({ orderId: evening.id, action: 'assign' });
    expect(log.reason).toBe('派给 陈晓燕：已电话确认可加班（调度确认例外：不在排班时间内）');

    // Right after it, inside the travel buffer: overridable; overlapping it: never.
    const tight = await paidOrder(t, w, at(3, '20:00'));
    expect(expectOk(await t.http().get(`/api/admin/orders/${tight.id}/availability`).query({ escortId: ESCORT.chenXiaoyan }).set(bearer(w.opsToken))).reasons.map((r: any) => r.code)).toEqual([
      'outside_shift',
      'travel_buffer',
    ]);
    const clash = await paidOrder(t, w, at(3, '19:00'));
    expectError(await assign(t, w.opsToken, clash.id, ESCORT.chenXiaoyan, { force: true }), 409, 'SLOT_TAKEN');
    await setWeek(t, w.adminToken, ESCORT.chenXiaoyan, everyDay('00:00', '24:00'));
  });

  it('reassigns with a reason: the new escort’s time is claimed, the old escort’s released and they are told', async () => {
    const order = await paidOrder(t, w, at(4, '09:00'));
    expectOk(await assign(t, w.opsToken, order.id, ESCORT.liJing));
    const claims = t.dataSource.getRepository(EscortTimeClaim);
    expect(await claims.count({ where: { orderId: order.id, escortId: ESCORT.liJing } })).toBe(4);
    const moved = expectOk(await assign(t, w.opsToken, order.id, ESCORT.wangQiang, { reason: '客户要求男性陪诊师' }));
    expect(moved).toMatchObject({ status: 'dispatched', escortId: ESCORT.wangQiang });
    expect(await claims.count({ where: { orderId: order.id, escortId: ESCORT.liJing } })).toBe(0);
    expect(await claims.count({ where: { orderId: order.id, escortId: ESCORT.wangQiang } })).toBe(4);
    const withdrawn = await inbox(t, 'escort', ESCORT.liJing, 'assignment_withdrawn');
    expect(withdrawn.filter(n => n.orderId === order.id).map(n => n.body)).toEqual([expect.stringContaining('客户要求男性陪诊师')]);
    expect(moved.timeline.at(-1)).toMatchObject({ action: 'reassign', reason: '派给 王强：客户要求男性陪诊师' });
    expectError(await assign(t, w.opsToken, order.id, ESCORT.wangQiang), 409, 'ORDER_ALREADY_ASSIGNED');
  });

  it('sends a declined order back to the pool flagged as declined, and tells the dispatchers', async () => {
    const order = await paidOrder(t, w, at(4, '15:00'));
    expectOk(await assign(t, w.opsToken, order.id, ESCORT.liJing));
    expectOk(await t.http().post(`/api/escort/orders/${order.id}/decline`).set(bearer(w.escortToken)).send({ reason: '身体不适' }));
    expect(await orderRow(t, order.id)).toMatchObject({ status: 'pending_dispatch', escortId: null });
    expect(await claimsOf(order.id)).toBe(0);
    const pool = expectOk(await t.http().get('/api/admin/dispatch/pool').query({ pageSize: 100 }).set(bearer(w.opsToken)));
    expect(pool.list.find((o: any) => o.id === order.id)).toMatchObject({ declines: 1, flags: { declined: true }, urgency: 'warning' });
    expect((await inbox(t, 'staff', 2, 'escort_declined')).some(n => n.orderId === order.id)).toBe(true);
  });

  it('returns dispatched orders nobody accepted in time to the pool, with an alert, and leaves accepted ones alone', async () => {
    const ignored = await paidOrder(t, w, at(5, '09:00'));
    const taken = await paidOrder(t, w, at(5, '14:00'));
    expectOk(await assign(t, w.opsToken, ignored.id, ESCORT.liJing));
    expectOk(await assign(t, w.opsToken, taken.id, ESCORT.liJing));
    expectOk(await t.http().post(`/api/escort/orders/${taken.id}/accept`).set(bearer(w.escortToken)));
    const jobs = await workforce(t).jobs();
    // 29 minutes on nothing is due; the limit is a setting.
    expect(await jobs.returnUnaccepted(new Date(Date.now() + 29 * 60_000))).not.toContain(ignored.id);
    expectOk(
      await t
        .http()
        .post('/api/admin/settings/workforce')
        .set(bearer(w.adminToken))
        .send({ acceptTimeoutMinutes: 60, travelBufferMinutes: 30, expiryWarningDays: 30, lateDepartMinutes: 30 })
    );
    expect(await jobs.returnUnaccepted(new Date(Date.now() + 45 * 60_000))).not.toContain(ignored.id);
    const returned = await jobs.returnUnaccepted(new Date(Date.now() + 61 * 60_000));
    expect(returned).toContain(ignored.id);
    expect(returned).not.toContain(taken.id);
    expect(await orderRow(t, ignored.id)).toMatchObject({ status: 'pending_dispatch', escortId: null });
    expect(await orderRow(t, taken.id)).toMatchObject({ status: 'accepted', escortId: ESCORT.liJing });
    expect(await claimsOf(ignored.id)).toBe(0);
    const log = await t.dataSource.getRepository(OrderStatusLog).findOneByOrFail({ orderId: ignored.id, action: 'redispatch' });
    expect(log).toMatchObject({ actorType: 'system', reason: '陪诊师超时未接单' });
    expect((await inbox(t, 'staff', 2, 'order_returned_to_pool')).some(n => n.orderId === ignored.id)).toBe(true);
    expect((await inbox(t, 'escort', ESCORT.liJing, 'assignment_withdrawn')).some(n => n.orderId === ignored.id)).toBe(true);
    // A second run finds nothing more to do.
    expect(await jobs.returnUnaccepted(new Date(Date.now() + 61 * 60_000))).not.toContain(ignored.id);
  });

  it('shows a day as escorts × hours with orders as bars and the day’s unassigned orders', async () => {
    const day = 6;
    const assigned = await paidOrder(t, w, at(day, '09:00'));
    const waiting = await paidOrder(t, w, at(day, '11:00'));
    expectOk(await assign(t, w.opsToken, assigned.id, ESCORT.liJing));
    const date = toShanghaiDateString(at(day, '09:00'));
    const board = expectOk(await t.http().get('/api/admin/dispatch/board').query({ date }).set(bearer(w.opsToken)));
    expect(board).toMatchObject({ date, cityId: 1 });
    const row = board.escorts.find((e: any) => e.escortId === ESCORT.liJing);
    expect(row.orders).toEqual([expect.objectContaining({ orderId: assigned.id, status: 'dispatched' })]);
    expect(row.shifts).toEqual([{ start: new Date(`${date}T00:00:00+08:00`).toISOString(), end: new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() }]);
    expect(Object.keys(board.summary.byLiveStatus).sort()).toEqual(['assigned', 'idle', 'in_service', 'offline', 'on_leave']);
    expect(board.escorts[0].escortId).toBe(ESCORT.liJing);
    expect(board.unassigned.map((o: any) => o.id)).toContain(waiting.id);
    expectError(await t.http().get('/api/admin/dispatch/board').query({ date }).set(bearer(w.adminToken)), 400, 'VALIDATION_FAILED');
    expectError(await t.http().get('/api/admin/dispatch/board').query({ date, cityId: 1 }).set(bearer(w.opsBjToken)), 403, 'CITY_SCOPE_FORBIDDEN');
  });

  it('returns an assigned order to the pool by hand, and will not suspend an escort holding orders unless they go back too', async () => {
    const order = await paidOrder(t, w, at(7, '09:00'));
    expectOk(await assign(t, w.opsToken, order.id, ESCORT.chenXiaoyan));
    const back = expectOk(await t.http().post(`/api/admin/orders/${order.id}/return-to-pool`).set(bearer(w.opsToken)).send({ reason: '陪诊师临时有事' }));
    expect(back).toMatchObject({ status: 'pending_dispatch', escortId: null });

    expectOk(await assign(t, w.opsToken, order.id, ESCORT.chenXiaoyan));
    const refused = await t.http().post(`/api/admin/escorts/${ESCORT.chenXiaoyan}/suspend`).set(bearer(w.opsToken)).send({ reason: '投诉核查' });
    expectError(refused, 409, 'ESCORT_HAS_ORDERS');
    expect(refused.body.details.orders.map((o: any) => o.id)).toContain(order.id);
    const suspended = expectOk(await t.http().post(`/api/admin/escorts/${ESCORT.chenXiaoyan}/suspend`).set(bearer(w.opsToken)).send({ reason: '投诉核查', returnToPool: true }));
    expect(suspended).toMatchObject({ status: 'suspended' });
    expect(await orderRow(t, order.id)).toMatchObject({ status: 'pending_dispatch', escortId: null });
    expectError(await assign(t, w.opsToken, order.id, ESCORT.chenXiaoyan), 422, 'ESCORT_UNAVAILABLE');
    expect(expectOk(await t.http().post(`/api/admin/escorts/${ESCORT.chenXiaoyan}/reactivate`).set(bearer(w.opsToken)).send({ reason: '核查无误' }))).toMatchObject({ status: 'active' });
  });

  it('shows the escort their income: each completed order’s paid amount at their level’s share, in fen', async () => {
    const before = expectOk(await t.http().get('/api/escort/income').set(bearer(w.escortToken)));
    const servedBefore = (await t.dataSource.getRepository(Escort).findOneByOrFail({ id: ESCORT.liJing })).ordersServed;
    const order = await paidOrder(t, w, at(1, '15:00'));
    expectOk(await assign(t, w.opsToken, order.id, ESCORT.liJing));
    for (const step of ['accept', 'depart', 'start']) expectOk(await t.http().post(`/api/escort/orders/${order.id}/${step}`).set(bearer(w.escortToken)));
    expectOk(await t.http().post(`/api/admin/orders/${order.id}/complete`).set(bearer(w.opsToken)).send({ reason: '客户电话确认完成' }));
    const income = expectOk(await t.http().get('/api/escort/income').set(bearer(w.escortToken)));
    const paid = (await orderRow(t, order.id)).paidFen;
    // 李静 is senior: 7500 bp (the built-in commission share: no rule version saved), rounded half up per order.
    const share = Math.floor((paid * 7500 + 5000) / 10000);
    expect(income).toMatchObject({ commissionBp: 7500, completedOrders: before.completedOrders + 1, totalFen: before.totalFen + share, todayFen: before.todayFen + share });
    expect(income.recent[0]).toMatchObject({ orderId: order.id, paidFen: paid });
    expect(Number.isInteger(income.totalFen)).toBe(true);
    expect(income.recent[0].shareFen).toBe(share);
    expect((await t.dataSource.getRepository(Escort).findOneByOrFail({ id: ESCORT.liJing })).ordersServed).toBe(servedBefore + 1);
  });
});
