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

describe('schedules', () => {
  let t: TestApp;
  let w: WorkforceWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await workforceWorld(t);
  });
  afterAll(() => t.close());

  it('replaces an escort’s week and shows it day by day in Shanghai time', async () => {
    const saved = await setWeek(t, w.opsToken, ESCORT.chenXiaoyan, [
      { weekday: 1, start: '08:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '18:00' },
      { weekday: 3, start: '20:00', end: '24:00' },
    ]);
    expect(saved.ranges).toHaveLength(3);
    expect(saved.ranges[0]).toMatchObject({ weekday: 1, weekdayLabel: '周一', start: '08:00', end: '12:00' });
    // 2030-01-07 is a Monday.
    const cal = expectOk(await t.http().get(`/api/admin/escorts/${ESCORT.chenXiaoyan}/schedule`).query({ from: '2030-01-07', to: '2030-01-09' }).set(bearer(w.opsToken)));
    expect(cal.days.map((d: any) => [d.date, d.weekdayLabel, d.ranges])).toEqual([
      ['2030-01-07', '周一', [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }]],
      ['2030-01-08', '周二', []],
      ['2030-01-09', '周三', [{ start: '20:00', end: '24:00' }]],
    ]);
    const audit = expectOk(await t.http().get('/api/admin/audit-logs?action=schedule.weekly').set(bearer(w.adminToken)));
    expect(audit.list.length).toBeGreaterThan(0);
  });

  it.each([
    ['overlapping ranges on one day', [{ weekday: 2, start: '08:00', end: '12:00' }, { weekday: 2, start: '11:00', end: '15:00' }]],
    ['a range that ends before it starts', [{ weekday: 2, start: '12:00', end: '08:00' }]],
    ['a weekday outside 1-7', [{ weekday: 8, start: '08:00', end: '12:00' }]],
    ['a time that is not HH:mm', [{ weekday: 2, start: '8:00', end: '12:00' }]],
  ])('refuses a week with %s and writes nothing', async (_label, ranges) => {
    const before = await rowCounts(t);
    expectError(await t.http().put(`/api/admin/escorts/${ESCORT.chenXiaoyan}/weekly-shifts`).set(bearer(w.opsToken)).send({ ranges }), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('applies a named template to several escorts at once, only within the staff member’s cities', async () => {
    const tpl = expectOk(await t.http().post('/api/admin/shift-templates').set(bearer(w.opsToken)).send({ name: '工作日白班', ranges: [1, 2, 3, 4, 5].map(weekday => ({ weekday, start: '08:00', end: '17:00' })) }));
    expectError(await t.http().post('/api/admin/shift-templates').set(bearer(w.opsToken)).send({ name: '工作日白班', ranges: [] }), 409, 'SHIFT_TEMPLATE_NAME_TAKEN');
    expectError(await t.http().post(`/api/admin/shift-templates/${tpl.id}/apply`).set(bearer(w.opsToken)).send({ escortIds: [ESCORT.chenXiaoyan, ESCORT.zhaoMin] }), 403, 'CITY_SCOPE_FORBIDDEN');
    const applied = expectOk(await t.http().post(`/api/admin/shift-templates/${tpl.id}/apply`).set(bearer(w.opsToken)).send({ escortIds: [ESCORT.chenXiaoyan] }));
    expect(applied).toMatchObject({ applied: 1 });
    expect(await t.dataSource.getRepository(EscortWeeklyShift).count({ where: { escortId: ESCORT.chenXiaoyan } })).toBe(5);
    // Finance may look but not change schedules.
    expectError(await t.http().post(`/api/admin/shift-templates/${tpl.id}/apply`).set(bearer(w.financeToken)).send({ escortIds: [ESCORT.chenXiaoyan] }), 403, 'FORBIDDEN');
    await setWeek(t, w.adminToken, ESCORT.chenXiaoyan, everyDay('00:00', '24:00'));
  });

  it('refuses a day off over an assigned order, listing it; a day off elsewhere holds the time against assignments, even forced ones', async () => {
    const busy = await paidOrder(t, w, at(2, '10:00'));
    expectOk(await assign(t, w.opsToken, busy.id, ESCORT.chenXiaoyan));
    const date = toShanghaiDateString(at(2, '10:00'));
    const before = await rowCounts(t);
    const refused = await t.http().post(`/api/admin/escorts/${ESCORT.chenXiaoyan}/shift-exceptions`).set(bearer(w.opsToken)).send({ date, kind: 'off' });
    expectError(refused, 409, 'SCHEDULE_COLLIDES_WITH_ORDERS');
    expect(refused.body.details.orders.map((o: any) => o.id)).toEqual([busy.id]);
    expect(countChanges(before, await rowCounts(t))).toEqual({});

    const nextDay = toShanghaiDateString(at(3, '10:00'));
    const off = expectOk(await t.http().post(`/api/admin/escorts/${ESCORT.chenXiaoyan}/shift-exceptions`).set(bearer(w.opsToken)).send({ date: nextDay, kind: 'off', note: '家中有事' }));
    expect(off).toMatchObject({ kind: 'off', wholeDay: true });
    expect(await t.dataSource.getRepository(EscortTimeClaim).count({ where: { exceptionId: off.id } })).toBe(48);
    const later = await paidOrder(t, w, at(3, '10:00'));
    const unavailable = await assign(t, w.opsToken, later.id, ESCORT.chenXiaoyan);
    expectError(unavailable, 422, 'ESCORT_UNAVAILABLE');
    expect(unavailable.body.details.reasons.map((r: any) => r.code)).toEqual(['outside_shift']);
    // Overriding the shift does not get past the claimed time off.
    expectError(await assign(t, w.opsToken, later.id, ESCORT.chenXiaoyan, { force: true }), 409, 'SLOT_TAKEN');
    expectOk(await t.http().del(`/api/admin/escorts/${ESCORT.chenXiaoyan}/shift-exceptions/${off.id}`).set(bearer(w.opsToken)));
    expect(await t.dataSource.getRepository(EscortTimeClaim).count({ where: { exceptionId: off.id } })).toBe(0);
    expectOk(await assign(t, w.opsToken, later.id, ESCORT.chenXiaoyan));
  });

  it('lets an escort ask for an extra shift that ops approve, and for time off that ops reject with a reason', async () => {
    await setWeek(t, w.adminToken, ESCORT.wangQiang, [1, 2, 3, 4, 5].map(weekday => ({ weekday, start: '09:00', end: '17:00' })));
    const date = toShanghaiDateString(at(4, '00:00'));
    const extra = expectOk(await t.http().post('/api/escort/schedule-requests').set(bearer(w.otherEscortToken)).send({ date, kind: 'extra', start: '18:00', end: '21:00', reason: '晚上可以加班' }));
    expect(extra).toMatchObject({ status: 'pending', kind: 'extra', start: '18:00', end: '21:00' });
    const queue = expectOk(await t.http().get('/api/admin/schedule-requests?status=pending').set(bearer(w.opsToken)));
    expect(queue.list.map((r: any) => r.id)).toContain(extra.id);
    expect(expectOk(await t.http().get('/api/admin/schedule-requests?status=pending').set(bearer(w.opsBjToken))).list).toEqual([]);
    expectError(await t.http().post(`/api/admin/schedule-requests/${extra.id}/approve`).set(bearer(w.opsBjToken)).send({}), 403, 'CITY_SCOPE_FORBIDDEN');
    const approved = expectOk(await t.http().post(`/api/admin/schedule-requests/${extra.id}/approve`).set(bearer(w.opsToken)).send({ reason: '同意' }));
    expect(approved).toMatchObject({ status: 'approved' });
    expect(approved.exceptionId).toBeGreaterThan(0);
    expectError(await t.http().post(`/api/admin/schedule-requests/${extra.id}/reject`).set(bearer(w.opsToken)).send({ reason: '重复处理' }), 409, 'SCHEDULE_REQUEST_DECIDED');
    const mine = expectOk(await t.http().get('/api/escort/schedule').query({ from: date, to: date }).set(bearer(w.otherEscortToken)));
    expect(mine.days[0].ranges.at(-1)).toEqual({ start: '18:00', end: '21:00' });
    expect((await inbox(t, 'escort', ESCORT.wangQiang, 'schedule_change_approved')).length).toBe(1);

    const off = expectOk(await t.http().post('/api/escort/schedule-requests').set(bearer(w.otherEscortToken)).send({ date, kind: 'off', reason: '想休息' }));
    expectError(await t.http().post(`/api/admin/schedule-requests/${off.id}/reject`).set(bearer(w.opsToken)).send({}), 400, 'VALIDATION_FAILED');
    expect(expectOk(await t.http().post(`/api/admin/schedule-requests/${off.id}/reject`).set(bearer(w.opsToken)).send({ reason: '当天人手不足' }))).toMatchObject({ status: 'rejected', decisionReason: '当天人手不足' });
    const [rejected] = await inbox(t, 'escort', ESCORT.wangQiang, 'schedule_change_rejected');
    expect(rejected.body).toContain('当天人手不足');
    await setWeek(t, w.adminToken, ESCORT.wangQiang, everyDay('00:00', '24:00'));
  });
});

