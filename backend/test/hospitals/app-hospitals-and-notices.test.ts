import { MoreThan } from 'typeorm';
import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { Hospital } from '../../src/modules/hospitals/hospital.entity';
import { HospitalNotice } from '../../src/modules/hospitals/hospital-notice.entity';

const HOUR = 3600_000;
const at = (offsetMs: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + offsetMs).toISOString();

describe('hospital notices and the customer’s hospital pages', () => {
  let t: TestApp;
  let ops: string;
  let opsBj: string;
  let zhongshan: Hospital;

  beforeAll(async () => {
    t = await startTestApp();
    [ops, opsBj] = await Promise.all([staffToken(t, 'ops'), staffToken(t, 'ops_bj')]);
    zhongshan = await t.dataSource.getRepository(Hospital).findOneByOrFail({ name: '复旦大学附属中山医院' });
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({
    get: (path: string, query: Record<string, unknown> = {}) => t.http().get(path).query(query).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
    put: (path: string, body: object) => t.http().put(path).set(bearer(token)).send(body),
    del: (path: string) => t.http().delete(path).set(bearer(token)),
  });
  const notice = (title: string, startsIn: number, endsIn: number, extra: object = {}) => ({
    title,
    content: `${title}的内容`,
    level: 'warning',
    startsAt: at(startsIn),
    endsAt: at(endsIn),
    ...extra,
  });
  const titles = (list: { title: string }[]) => list.map(n => n.title);

  describe('the customer’s hospital detail', () => {
    it('shows departments, meeting points, step templates and the seeded active notice without a login', async () => {
      const detail = expectOk(await t.http().get(`/api/app/hospitals/${zhongshan.id}`));
      expect(detail).toMatchObject({
        id: zhongshan.id,
        name: '复旦大学附属中山医院',
        grade: '三甲',
        cityName: '上海',
        latitude: '31.196300',
        longitude: '121.453900',
        enabled: true,
      });
      expect(detail.departments.map((d: { name: string }) => d.name)).toEqual(['心内科', '消化内科', '放射科', '体检中心']);
      expect(detail.meetingPoints[0]).toMatchObject({ name: '门诊楼 2 号门' });
      expect(detail.stepTemplates.map((s: { categoryCode: string }) => s.categoryCode)).toEqual(['outpatient', 'examination']);
      expect(detail.stepTemplates[0].steps[0]).toBe('在门诊楼 2 号门集合');
      expect(detail.notices).toEqual([
        expect.objectContaining({ title: 'CT 机维修', level: 'warning', status: 'active', departmentName: '放射科' }),
      ]);
    });

    it('answers 404 HOSPITAL_NOT_FOUND for a missing hospital and 400 for a malformed id', async () => {
      expectError(await t.http().get('/api/app/hospitals/999999'), 404, 'HOSPITAL_NOT_FOUND');
      expectError(await t.http().get('/api/app/hospitals/abc'), 400, 'VALIDATION_FAILED');
    });

    it('lists enabled hospitals by city for customers', async () => {
      const page = expectOk(await t.http().get('/api/app/hospitals').query({ cityId: 2 }));
      expect(page.list.map((h: { name: string }) => h.name)).toEqual(['北京协和医院', '北京大学第一医院']);
    });
  });

  describe('notices', () => {
    it('shows customers only notices whose window [startsAt, endsAt) holds now', async () => {
      const base = `/api/admin/hospitals/${zhongshan.id}/notices`;
      expectOk(await as(ops).post(base, notice('正在进行的停诊', -HOUR, HOUR)));
      expectOk(await as(ops).post(base, notice('明天的停电', 24 * HOUR, 25 * HOUR)));
      expectOk(await as(ops).post(base, notice('昨天的停电', -25 * HOUR, -24 * HOUR)));
      const detail = expectOk(await t.http().get(`/api/app/hospitals/${zhongshan.id}`));
      expect(titles(detail.notices).sort()).toEqual(['CT 机维修', '正在进行的停诊'].sort());
      const staffView = expectOk(await as(ops).get(`/api/admin/hospitals/${zhongshan.id}`));
      const statusOf = Object.fromEntries(staffView.notices.map((n: { title: string; status: string }) => [n.title, n.status]));
      expect(statusOf).toMatchObject({ 正在进行的停诊: 'active', 明天的停电: 'upcoming', 昨天的停电: 'expired' });
    });

    it('lists the notice board by status across the hospitals in the staff member’s cities', async () => {
      const bj = await t.dataSource.getRepository(Hospital).findOneByOrFail({ name: '北京协和医院' });
      expectOk(await as(opsBj).post(`/api/admin/hospitals/${bj.id}/notices`, notice('北京的通知', -HOUR, HOUR)));

      const active = expectOk(await as(ops).get('/api/admin/hospital-notices', { status: 'active' }));
      expect(active.list.every((n: { status: string }) => n.status === 'active')).toBe(true);
      expect(titles(active.list)).toEqual(expect.arrayContaining(['CT 机维修', '正在进行的停诊']));
      expect(titles(active.list)).not.toContain('北京的通知');
      expect(active.list[0]).toHaveProperty('hospitalName');

      expect(titles(expectOk(await as(ops).get('/api/admin/hospital-notices', { status: 'upcoming' })).list)).toEqual(['明天的停电']);
      expect(titles(expectOk(await as(ops).get('/api/admin/hospital-notices', { status: 'expired' })).list)).toEqual(['昨天的停电']);
      expect(titles(expectOk(await as(opsBj).get('/api/admin/hospital-notices', { status: 'active' })).list)).toEqual(['北京的通知']);
      expectError(await as(ops).get('/api/admin/hospital-notices', { cityId: 2 }), 403, 'CITY_SCOPE_FORBIDDEN');
      expectError(await as(ops).get('/api/admin/hospital-notices', { status: 'soon' }), 400, 'VALIDATION_FAILED');
    });

    it('edits, ends and deletes a notice with one audit row each', async () => {
      const created = expectOk(await as(ops).post(`/api/admin/hospitals/${zhongshan.id}/notices`, notice('临时通知', -HOUR, 48 * HOUR)));
      const from = (await t.dataSource.getRepository(AuditLog).find({ order: { id: 'DESC' }, take: 1 }))[0].id;
      const edited = expectOk(await as(ops).put(`/api/admin/hospital-notices/${created.id}`, notice('临时通知（已更新）', -HOUR, 24 * HOUR, { level: 'info' })));
      expect(edited).toMatchObject({ title: '临时通知（已更新）', level: 'info', status: 'active' });
      const ended = expectOk(await as(ops).post(`/api/admin/hospital-notices/${created.id}/end`));
      expect(ended.status).toBe('expired');
      expectError(await as(ops).post(`/api/admin/hospital-notices/${created.id}/end`), 422, 'NOTICE_ALREADY_ENDED');
      const detail = expectOk(await t.http().get(`/api/app/hospitals/${zhongshan.id}`));
      expect(titles(detail.notices)).not.toContain('临时通知（已更新）');
      expectOk(await as(ops).del(`/api/admin/hospital-notices/${created.id}`));
      expectError(await as(ops).del(`/api/admin/hospital-notices/${created.id}`), 404, 'NOTICE_NOT_FOUND');
      const actions = (await t.dataSource.getRepository(AuditLog).find({ where: { id: MoreThan(from) }, order: { id: 'ASC' } })).map(a => a.action);
      expect(actions).toEqual(['hospital_notice.update', 'hospital_notice.end', 'hospital_notice.delete']);
    });

    it('addresses a notice to a department of the same hospital only', async () => {
      const detail = expectOk(await as(ops).get(`/api/admin/hospitals/${zhongshan.id}`));
      const radiology = detail.departments.find((d: { name: string }) => d.name === '放射科');
      const ok = expectOk(await as(ops).post(`/api/admin/hospitals/${zhongshan.id}/notices`, notice('放射科通知', 0, HOUR, { departmentId: radiology.id })));
      expect(ok).toMatchObject({ departmentId: radiology.id, departmentName: '放射科' });
      const ruijin = await t.dataSource.getRepository(Hospital).findOneByOrFail({ name: '上海交通大学医学院附属瑞金医院' });
      const before = await rowCounts(t);
      expectError(
        await as(ops).post(`/api/admin/hospitals/${ruijin.id}/notices`, notice('错科室', 0, HOUR, { departmentId: radiology.id })),
        422,
        'DEPARTMENT_NOT_IN_HOSPITAL'
      );
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it.each([
      ['an end before its start', notice('反了', HOUR, 0)],
      ['an empty window', notice('空', HOUR, HOUR)],
      ['an unknown level', notice('级别', 0, HOUR, { level: 'critical' })],
      ['no title', notice('', 0, HOUR)],
      ['a date that is not ISO 8601', notice('日期', 0, HOUR, { startsAt: '明天' })],
      ['an unknown field', notice('字段', 0, HOUR, { hospitalId: 1 })],
    ])('refuses a notice with %s with 400 and writes nothing', async (_why, body) => {
      const before = await rowCounts(t);
      expectError(await as(ops).post(`/api/admin/hospitals/${zhongshan.id}/notices`, body), 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('stores the window to the second so both databases agree on it', async () => {
      const created = expectOk(
        await as(ops).post(`/api/admin/hospitals/${zhongshan.id}/notices`, notice('毫秒', 0, HOUR, { startsAt: '2030-01-01T08:00:00.900Z', endsAt: '2030-01-01T09:00:00.400Z' }))
      );
      const row = await t.dataSource.getRepository(HospitalNotice).findOneByOrFail({ id: created.id });
      expect([row.startsAt.toISOString(), row.endsAt.toISOString()]).toEqual(['2030-01-01T08:00:00.000Z', '2030-01-01T09:00:00.000Z']);
    });
  });
});
