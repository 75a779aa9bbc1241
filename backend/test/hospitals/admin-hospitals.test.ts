import { MoreThan } from 'typeorm';
import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, countChanges, createStaff, expectError, expectOk, loginAs, NEW_STAFF_PASSWORD, rowCounts } from '../helpers/http';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { Hospital } from '../../src/modules/hospitals/hospital.entity';
import { TextIndexEntry } from '../../src/modules/search/text-index.entity';

const newHospital = (extra: object = {}) => ({
  cityId: 1,
  name: '上海测试第一医院',
  alias: '测一',
  grade: '二甲',
  address: '上海市浦东新区测试路88号',
  latitude: '31.230416',
  longitude: '121.473701',
  phone: '021-12345678',
  outpatientHours: '周一至周五 8:00-17:00',
  visitingHours: '每日 15:00-19:00',
  intro: '用于测试的医院',
  ...extra,
});

describe('hospital management in the console', () => {
  let t: TestApp;
  let admin: string;
  let ops: string;
  let opsBj: string;
  let support: string;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, ops, opsBj, support] = await Promise.all([staffToken(t, 'admin'), staffToken(t, 'ops'), staffToken(t, 'ops_bj'), staffToken(t, 'support')]);
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
  const lastAuditId = async () => (await t.dataSource.getRepository(AuditLog).find({ order: { id: 'DESC' }, take: 1 }))[0]?.id ?? 0;
  const auditSince = (id: number) => t.dataSource.getRepository(AuditLog).find({ where: { id: MoreThan(id) }, order: { id: 'ASC' } });
  const beijingHospital = () => t.dataSource.getRepository(Hospital).findOneByOrFail({ name: '北京协和医院' });

  describe('hospitals', () => {
    it('lets ops create a hospital in their city, with an audit row and search terms in the same write', async () => {
      const before = await rowCounts(t);
      const from = await lastAuditId();
      const view = expectOk(await as(ops).post('/api/admin/hospitals', newHospital()));
      expect(view).toMatchObject({
        cityId: 1,
        cityName: '上海',
        name: '上海测试第一医院',
        grade: '二甲',
        latitude: '31.230416',
        longitude: '121.473701',
        enabled: true,
      });
      const changes = countChanges(before, await rowCounts(t));
      expect(changes).toMatchObject({ hospitals: 1, audit_logs: 1 });
      expect(changes.text_index).toBeGreaterThan(10);
      const [audit] = await auditSince(from);
      expect(audit).toMatchObject({ action: 'hospital.create', targetType: 'hospital', targetId: String(view.id), actorType: 'staff' });
      const row = await t.dataSource.getRepository(Hospital).findOneByOrFail({ id: view.id });
      expect([row.latitudeE6, row.longitudeE6]).toEqual([31230416, 121473701]);
    });

    it('updates a hospital, keeps coordinates exact and re-indexes the new name', async () => {
      const created = expectOk(await as(ops).post('/api/admin/hospitals', newHospital({ name: '旧名字医院', alias: '' })));
      const updated = expectOk(
        await as(ops).put(`/api/admin/hospitals/${created.id}`, newHospital({ name: '新名字医院', alias: '', latitude: '-0.000001', longitude: '180' }))
      );
      expect(updated).toMatchObject({ name: '新名字医院', latitude: '-0.000001', longitude: '180.000000' });
      expect(expectOk(await as(ops).get('/api/admin/hospitals', { keyword: '旧名字' })).total).toBe(0);
      expect(expectOk(await as(ops).get('/api/admin/hospitals', { keyword: '新名字' })).list.map((h: { id: number }) => h.id)).toEqual([created.id]);
    });

    it('disables and enables by verb routes; a disabled hospital is hidden from customers', async () => {
      const created = expectOk(await as(ops).post('/api/admin/hospitals', newHospital({ name: '停用测试医院' })));
      const from = await lastAuditId();
      expect(expectOk(await as(ops).post(`/api/admin/hospitals/${created.id}/disable`)).enabled).toBe(false);
      expectError(await t.http().get(`/api/app/hospitals/${created.id}`), 404, 'HOSPITAL_NOT_FOUND');
      expect(expectOk(await t.http().get('/api/app/hospitals').query({ keyword: '停用测试' })).total).toBe(0);
      expect(expectOk(await as(ops).get('/api/admin/hospitals', { keyword: '停用测试', enabled: false })).total).toBe(1);
      expect(expectOk(await as(ops).post(`/api/admin/hospitals/${created.id}/enable`)).enabled).toBe(true);
      expectOk(await t.http().get(`/api/app/hospitals/${created.id}`));
      expect((await auditSince(from)).map(a => a.action)).toEqual(['hospital.disable', 'hospital.enable']);
    });

    it.each([
      ['an unknown field', { enabled: false }],
      ['an unknown grade', { grade: '特级' }],
      ['an empty name', { name: '' }],
      ['a latitude with 7 decimals', { latitude: '31.1234567' }],
      ['a latitude beyond 90', { latitude: '91.5' }],
      ['a latitude without a longitude', { longitude: null }],
      ['a phone with letters', { phone: 'call me' }],
    ])('refuses a hospital with %s with 400 and writes nothing', async (_why, extra) => {
      const before = await rowCounts(t);
      const res = await as(ops).post('/api/admin/hospitals', newHospital(extra));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errorMessage).toMatch(/[\u4e00-\u9fa5]/);
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('refuses writes from staff without hospital:write', async () => {
      const before = await rowCounts(t);
      expectError(await as(support).post('/api/admin/hospitals', newHospital()), 403, 'FORBIDDEN');
      const someId = (await beijingHospital()).id;
      expectError(await as(support).post(`/api/admin/hospitals/${someId}/disable`), 403, 'FORBIDDEN');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('answers 404 HOSPITAL_NOT_FOUND for a hospital that does not exist', async () => {
      expectError(await as(admin).get('/api/admin/hospitals/999999'), 404, 'HOSPITAL_NOT_FOUND');
      expectError(await as(admin).post('/api/admin/hospitals/999999/disable'), 404, 'HOSPITAL_NOT_FOUND');
    });
  });

  describe('city scope', () => {
    it('refuses ops of 上海 every read and write on a 北京 hospital with 403 CITY_SCOPE_FORBIDDEN and changes nothing', async () => {
      const bj = await beijingHospital();
      const before = await rowCounts(t);
      const attempts = [
        as(ops).get(`/api/admin/hospitals/${bj.id}`),
        as(ops).post('/api/admin/hospitals', newHospital({ cityId: 2 })),
        as(ops).put(`/api/admin/hospitals/${bj.id}`, newHospital({ cityId: 1 })),
        as(ops).put(`/api/admin/hospitals/${bj.id}`, newHospital({ cityId: 2 })),
        as(ops).post(`/api/admin/hospitals/${bj.id}/disable`),
        as(ops).post(`/api/admin/hospitals/${bj.id}/departments`, { name: '越权科室' }),
        as(ops).post(`/api/admin/hospitals/${bj.id}/meeting-points`, { name: '越权集合点' }),
        as(ops).put(`/api/admin/hospitals/${bj.id}/step-templates/outpatient`, { steps: ['越权'] }),
        as(ops).post(`/api/admin/hospitals/${bj.id}/notices`, {
          title: '越权',
          content: '越权',
          level: 'info',
          startsAt: '2030-01-01T00:00:00Z',
          endsAt: '2030-01-02T00:00:00Z',
        }),
      ];
      for (const res of await Promise.all(attempts)) expectError(res, 403, 'CITY_SCOPE_FORBIDDEN');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expect((await beijingHospital()).enabled).toBe(true);
    });

    it('refuses moving a 上海 hospital into 北京 for ops of 上海', async () => {
      const created = expectOk(await as(ops).post('/api/admin/hospitals', newHospital({ name: '迁移测试医院' })));
      expectError(await as(ops).put(`/api/admin/hospitals/${created.id}`, newHospital({ cityId: 2 })), 403, 'CITY_SCOPE_FORBIDDEN');
    });

    it('lets ops of 北京 and the admin manage the 北京 hospital', async () => {
      const bj = await beijingHospital();
      expectOk(await as(opsBj).get(`/api/admin/hospitals/${bj.id}`));
      const point = expectOk(await as(opsBj).post(`/api/admin/hospitals/${bj.id}/meeting-points`, { name: '东院急诊入口' }));
      expectOk(await as(admin).del(`/api/admin/hospitals/${bj.id}/meeting-points/${point.id}`));
    });

    it('limits a new staff member with cities [] to nothing', async () => {
      await createStaff(t, { username: 'ops_none', roles: ['ops'], cityIds: [] }, admin);
      const token = expectOk(await loginAs(t, 'ops_none', NEW_STAFF_PASSWORD)).accessToken;
      expect(expectOk(await as(token).get('/api/admin/hospitals')).total).toBe(0);
      expect(expectOk(await as(token).get('/api/admin/hospital-notices')).total).toBe(0);
    });
  });

  describe('departments, meeting points and step templates', () => {
    let hospitalId: number;
    beforeAll(async () => {
      hospitalId = expectOk(await as(ops).post('/api/admin/hospitals', newHospital({ name: '内容测试医院', alias: '' }))).id;
    });

    it('creates, updates and deletes a department, re-indexing the hospital each time', async () => {
      const from = await lastAuditId();
      const dept = expectOk(
        await as(ops).post(`/api/admin/hospitals/${hospitalId}/departments`, { name: '疼痛科', building: '门诊楼', floor: '5F', room: '502', phone: '', notes: '周三下午停诊' })
      );
      expect(dept).toMatchObject({ hospitalId, name: '疼痛科', building: '门诊楼', floor: '5F', room: '502', notes: '周三下午停诊' });
      expect(expectOk(await as(ops).get('/api/admin/hospitals', { keyword: '疼痛' })).list.map((h: { id: number }) => h.id)).toEqual([hospitalId]);

      expectOk(await as(ops).put(`/api/admin/hospitals/${hospitalId}/departments/${dept.id}`, { name: '睡眠科' }));
      expect(expectOk(await as(ops).get('/api/admin/hospitals', { keyword: '疼痛' })).total).toBe(0);
      expect(expectOk(await as(ops).get('/api/admin/hospitals', { keyword: '睡眠' })).total).toBe(1);

      expectOk(await as(ops).del(`/api/admin/hospitals/${hospitalId}/departments/${dept.id}`));
      expect(expectOk(await as(ops).get('/api/admin/hospitals', { keyword: '睡眠' })).total).toBe(0);
      expect((await auditSince(from)).map(a => a.action)).toEqual([
        'hospital_department.create',
        'hospital_department.update',
        'hospital_department.delete',
      ]);
    });

    it('refuses a department of another hospital with 404 DEPARTMENT_NOT_FOUND', async () => {
      const other = expectOk(await as(ops).post('/api/admin/hospitals', newHospital({ name: '另一家内容医院' }))).id;
      const dept = expectOk(await as(ops).post(`/api/admin/hospitals/${other}/departments`, { name: '眼科' }));
      const before = await rowCounts(t);
      expectError(await as(ops).put(`/api/admin/hospitals/${hospitalId}/departments/${dept.id}`, { name: '改名' }), 404, 'DEPARTMENT_NOT_FOUND');
      expectError(await as(ops).del(`/api/admin/hospitals/${hospitalId}/departments/${dept.id}`), 404, 'DEPARTMENT_NOT_FOUND');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('keeps meeting points', async () => {
      const point = expectOk(await as(ops).post(`/api/admin/hospitals/${hospitalId}/meeting-points`, { name: '门诊楼 2 号门', description: '东侧入口' }));
      expectOk(await as(ops).put(`/api/admin/hospitals/${hospitalId}/meeting-points/${point.id}`, { name: '门诊楼 3 号门', description: '' }));
      const detail = expectOk(await as(ops).get(`/api/admin/hospitals/${hospitalId}`));
      expect(detail.meetingPoints).toEqual([{ id: point.id, hospitalId, name: '门诊楼 3 号门', description: '' }]);
      expectOk(await as(ops).del(`/api/admin/hospitals/${hospitalId}/meeting-points/${point.id}`));
      expectError(await as(ops).del(`/api/admin/hospitals/${hospitalId}/meeting-points/${point.id}`), 404, 'MEETING_POINT_NOT_FOUND');
    });

    it('saves one ordered step template per service category, replacing it on save', async () => {
      const path = `/api/admin/hospitals/${hospitalId}/step-templates/outpatient`;
      const first = expectOk(await as(ops).put(path, { steps: ['在 2 号门集合', '1 楼自助挂号', '候诊'] }));
      expect(first).toMatchObject({ categoryCode: 'outpatient', categoryName: '门诊陪诊', steps: ['在 2 号门集合', '1 楼自助挂号', '候诊'] });
      const second = expectOk(await as(ops).put(path, { steps: ['候诊', '在 2 号门集合'] }));
      expect(second).toMatchObject({ id: first.id, steps: ['候诊', '在 2 号门集合'] });
      const detail = expectOk(await as(ops).get(`/api/admin/hospitals/${hospitalId}`));
      expect(detail.stepTemplates.map((s: { categoryCode: string }) => s.categoryCode)).toEqual(['outpatient']);
      expectOk(await as(ops).del(path));
      expectError(await as(ops).del(path), 404, 'STEP_TEMPLATE_NOT_FOUND');
    });

    it.each([
      ['an unknown category', 'surgery', { steps: ['a'] }],
      ['no steps', 'outpatient', { steps: [] }],
      ['an empty step', 'outpatient', { steps: ['集合', ' '] }],
      ['31 steps', 'outpatient', { steps: Array.from({ length: 31 }, (_, i) => `第${i + 1}步`) }],
    ])('refuses a step template with %s with 400', async (_why, category, body) => {
      const before = await rowCounts(t);
      expectError(await as(ops).put(`/api/admin/hospitals/${hospitalId}/step-templates/${category}`, body), 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });
  });

  it('keeps the search index free of rows for hospitals that do not exist', async () => {
    const ids = new Set((await t.dataSource.getRepository(Hospital).find({ select: ['id'] })).map(h => h.id));
    const indexed = await t.dataSource.getRepository(TextIndexEntry).find({ where: { docType: 'hospital' }, select: ['docId'] });
    expect(indexed.every(e => ids.has(e.docId))).toBe(true);
    expect(new Set(indexed.map(e => e.docId))).toEqual(ids);
  });
});
