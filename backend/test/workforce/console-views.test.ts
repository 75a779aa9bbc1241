import { bearer, expectError, expectOk } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { In } from 'typeorm';
import { toShanghaiDateString } from '../../src/common/time';
import { Order } from '../../src/modules/orders/order.entity';
import { ESCORT, WorkforceWorld, everyDay, setWeek, workforceWorld } from './workforce-fixtures';

jest.setTimeout(180_000);

const day = (offset: number) => toShanghaiDateString(Date.now() + offset * 86_400_000);

/** The reads behind the console's team schedule and live-status columns. */
describe('console views of the workforce', () => {
  let t: TestApp;
  let w: WorkforceWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await workforceWorld(t);
  });
  afterAll(() => t.close());

  it('shows the team as escorts × days: the week expanded, with the day off taken out and listed', async () => {
    await setWeek(t, w.opsToken, ESCORT.liJing, everyDay('08:00', '17:00'));
    const off = expectOk(
      await t.http().post(`/api/admin/escorts/${ESCORT.liJing}/shift-exceptions`).set(bearer(w.opsToken)).send({ date: day(1), kind: 'off', note: '体检' }),
    );
    const team = expectOk(await t.http().get('/api/admin/schedule-team').query({ from: day(0), to: day(6) }).set(bearer(w.opsToken)));
    expect(team).toMatchObject({ from: day(0), to: day(6) });
    const row = team.list.find((r: any) => r.escortId === ESCORT.liJing);
    expect(row).toMatchObject({ name: '李静', levelLabel: '中级' });
    expect(row.days).toHaveLength(7);
    expect(row.days[0].ranges).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(row.days[1].ranges).toEqual([]);
    expect(row.days[1].exceptions).toEqual([expect.objectContaining({ id: off.id, kind: 'off', wholeDay: true, note: '体检' })]);
    // Only active escorts of the staff member's cities: Beijing's ops sees none of Shanghai's.
    expect(team.list.every((r: any) => r.escortId !== 5)).toBe(true);
    const bj = expectOk(await t.http().get('/api/admin/schedule-team').query({ from: day(0), to: day(6) }).set(bearer(w.opsBjToken)));
    expect(bj.list.map((r: any) => r.escortId)).not.toContain(ESCORT.liJing);
    expectError(await t.http().get('/api/admin/schedule-team').query({ from: day(0), to: day(40) }).set(bearer(w.opsToken)), 400, 'VALIDATION_FAILED');
    expectError(await t.http().get('/api/admin/schedule-team').query({ from: day(0), to: day(1) }).set(bearer(w.financeToken)), 403, 'FORBIDDEN');
  });

  it('derives live status from what is true now, also on a board for another day', async () => {
    await setWeek(t, w.opsToken, ESCORT.chenXiaoyan, everyDay('00:00', '24:00'));
    // The demo data gives 陈晓燕 an order dispatched for today 13:00: before that hour she would
    // rightly be 已派单待出发. Send it back to the pool so the test reads the same at any hour.
    const demoOrders = await t.dataSource.getRepository(Order).find({ where: { escortId: ESCORT.chenXiaoyan, status: In(['dispatched', 'accepted']) } });
    for (const o of demoOrders) expectOk(await t.http().post(`/api/admin/orders/${o.id}/return-to-pool`).set(bearer(w.opsToken)).send({ reason: '测试：清空演示派单' }));
    const before = expectOk(await t.http().get('/api/admin/escort-live-status').query({ escortIds: `${ESCORT.chenXiaoyan},${ESCORT.liJing}` }).set(bearer(w.opsToken)));
    expect(before.find((r: any) => r.escortId === ESCORT.chenXiaoyan)).toMatchObject({ liveStatus: 'idle', liveStatusLabel: '空闲' });

    const now = Date.now();
    const leave = expectOk(
      await t
        .http()
        .post('/api/admin/leaves')
        .set(bearer(w.opsToken))
        .send({ escortId: ESCORT.chenXiaoyan, type: 'sick', reason: '临时发烧', startAt: new Date(now - 30 * 60_000).toISOString(), endAt: new Date(now + 2 * 3600_000).toISOString() }),
    );
    expectOk(await t.http().post(`/api/admin/leaves/${leave.id}/approve`).set(bearer(w.opsToken)).send({ returnToPool: true, reason: '批准' }));

    const live = expectOk(await t.http().get('/api/admin/escort-live-status').query({ escortIds: String(ESCORT.chenXiaoyan) }).set(bearer(w.opsToken)));
    expect(live).toEqual([{ escortId: ESCORT.chenXiaoyan, liveStatus: 'on_leave', liveStatusLabel: '请假' }]);
    // The board for the day after tomorrow still says what she is doing now.
    const board = expectOk(await t.http().get('/api/admin/dispatch/board').query({ date: day(2) }).set(bearer(w.opsToken)));
    expect(board.escorts.find((r: any) => r.escortId === ESCORT.chenXiaoyan)).toMatchObject({ liveStatus: 'on_leave', leaves: [] });

    // Escorts outside the staff member's cities are left out, not reported.
    expect(expectOk(await t.http().get('/api/admin/escort-live-status').query({ escortIds: String(ESCORT.chenXiaoyan) }).set(bearer(w.opsBjToken)))).toEqual([]);
    expectError(await t.http().get('/api/admin/escort-live-status').query({ escortIds: '1;2' }).set(bearer(w.opsToken)), 400, 'VALIDATION_FAILED');
  });
});
