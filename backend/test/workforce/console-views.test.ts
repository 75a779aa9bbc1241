import { bearer, expectError, expectOk } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { toShanghaiDateString } from '../../src/common/time';
import { Escort } from '../../src/modules/escorts/escort.entity';
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
    // A fresh escort with nothing assigned, so the answer does not depend on the demo orders around today.
    const created = expectOk(await t.http().post('/api/admin/escorts').set(bearer(w.opsToken)).send({ cityId: 1, name: '孙丽', phone: '13900000077', gender: 'female' }));
    await t.dataSource.getRepository(Escort).update({ id: created.id }, { status: 'active' });
    await setWeek(t, w.opsToken, created.id, everyDay('00:00', '24:00'));
    const before = expectOk(await t.http().get('/api/admin/escort-live-status').query({ escortIds: `${created.id},${ESCORT.liJing}` }).set(bearer(w.opsToken)));
    expect(before.map((r: any) => r.escortId)).toEqual([ESCORT.liJing, created.id]);
    expect(before.find((r: any) => r.escortId === created.id)).toMatchObject({ liveStatus: 'idle', liveStatusLabel: '空闲' });

    const now = Date.now();
    const leave = expectOk(
      await t
        .http()
        .post('/api/admin/leaves')
        .set(bearer(w.opsToken))
        .send({ escortId: created.id, type: 'sick', reason: '临时发烧', startAt: new Date(now - 30 * 60_000).toISOString(), endAt: new Date(now + 2 * 3600_000).toISOString() }),
    );
    expectOk(await t.http().post(`/api/admin/leaves/${leave.id}/approve`).set(bearer(w.opsToken)).send({ reason: '批准' }));

    const live = expectOk(await t.http().get('/api/admin/escort-live-status').query({ escortIds: String(created.id) }).set(bearer(w.opsToken)));
    expect(live).toEqual([{ escortId: created.id, liveStatus: 'on_leave', liveStatusLabel: '请假' }]);
    // The board for the day after tomorrow still says what she is doing now.
    const board = expectOk(await t.http().get('/api/admin/dispatch/board').query({ date: day(2), pageSize: 100 }).set(bearer(w.opsToken)));
    expect(board.escorts.find((r: any) => r.escortId === created.id)).toMatchObject({ liveStatus: 'on_leave', leaves: [] });

    // Escorts outside the staff member's cities are left out, not reported.
    expect(expectOk(await t.http().get('/api/admin/escort-live-status').query({ escortIds: String(created.id) }).set(bearer(w.opsBjToken)))).toEqual([]);
    expectError(await t.http().get('/api/admin/escort-live-status').query({ escortIds: '1;2' }).set(bearer(w.opsToken)), 400, 'VALIDATION_FAILED');
  });
});
