import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { ESCORT, JPEG, WorkforceWorld, upload, workforceWorld } from './workforce-fixtures';

jest.setTimeout(120_000);

describe('escort profiles', () => {
  let t: TestApp;
  let w: WorkforceWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await workforceWorld(t);
  });
  afterAll(() => t.close());

  const newEscort = { cityId: 1, name: '周敏', phone: '13900000099', gender: 'female', level: 'trainee', serviceDistricts: ['浦东新区'], skills: ['outpatient'], baseLatitude: '31.221500', baseLongitude: '121.544000' };

  it('lets ops register an escort in their city as an applicant, once per phone number, with an audit row', async () => {
    const created = expectOk(await t.http().post('/api/admin/escorts').set(bearer(w.opsToken)).send(newEscort));
    expect(created).toMatchObject({ status: 'applicant', statusLabel: '待审核', level: 'trainee', commissionBp: 6000, phoneMasked: '139****0099', baseLatitude: '31.221500', serviceDistricts: ['浦东新区'] });
    expectError(await t.http().post('/api/admin/escorts').set(bearer(w.opsToken)).send(newEscort), 409, 'ESCORT_PHONE_TAKEN');
    expectError(await t.http().post('/api/admin/escorts').set(bearer(w.opsBjToken)).send({ ...newEscort, phone: '13900000098' }), 403, 'CITY_SCOPE_FORBIDDEN');
    expectError(await t.http().post('/api/admin/escorts').set(bearer(w.financeToken)).send({ ...newEscort, phone: '13900000098' }), 403, 'FORBIDDEN');
    const audit = expectOk(await t.http().get('/api/admin/audit-logs?action=escort.create').set(bearer(w.adminToken)));
    expect(audit.list[0].after).not.toContain('13900000099');
  });

  it.each([
    ['a latitude with too many decimals', { baseLatitude: '31.1234567' }],
    ['an unknown education code', { education: 'phd' }],
    ['an unknown field', { rating: 5 }],
    ['a status (changes only through verbs)', { status: 'active' }],
    ['21 skills', { skills: Array.from({ length: 21 }, (_, i) => `技能${i}`) }],
  ])('refuses an update with %s and changes nothing', async (_label, body) => {
    const before = await rowCounts(t);
    expectError(await t.http().put(`/api/admin/escorts/${ESCORT.wangQiang}`).set(bearer(w.opsToken)).send(body), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('updates a profile: level sets the commission share, photo must be the escort’s own photo upload', async () => {
    const photo = expectOk(await upload(t, w.opsToken, 'photo', 'wq.jpg', JPEG, `/api/admin/escorts/${ESCORT.wangQiang}/files`)).id;
    const credentialFile = expectOk(await upload(t, w.opsToken, 'credential', 'c.jpg', JPEG, `/api/admin/escorts/${ESCORT.wangQiang}/files`)).id;
    expectError(await t.http().put(`/api/admin/escorts/${ESCORT.wangQiang}`).set(bearer(w.opsToken)).send({ photoFileId: credentialFile }), 422, 'FILE_PURPOSE_MISMATCH');
    const updated = expectOk(
      await t.http().put(`/api/admin/escorts/${ESCORT.wangQiang}`).set(bearer(w.opsToken)).send({ level: 'senior', photoFileId: photo, bio: '耐心细致', experienceYears: 3, education: 'college' })
    );
    expect(updated).toMatchObject({ level: 'senior', levelLabel: '中级', commissionBp: 7500, photoFileId: photo, educationLabel: '大专', experienceYears: 3 });
    const list = expectOk(await t.http().get('/api/admin/escorts?status=active&level=senior').set(bearer(w.opsToken)));
    expect(list.list.map((e: any) => e.id).sort()).toEqual([ESCORT.liJing, ESCORT.wangQiang]);
    const detail = expectOk(await t.http().get(`/api/admin/escorts/${ESCORT.wangQiang}`).set(bearer(w.opsToken)));
    expectError(await t.http().get(`/api/admin/escorts/${ESCORT.wangQiang}`).set(bearer(w.financeToken)), 403, 'FORBIDDEN');
    expect(detail.credentials.map((c: any) => c.typeCode).sort()).toEqual(['basic_escort', 'health_cert']);
    expectError(await t.http().get(`/api/admin/escorts/${ESCORT.wangQiang}`).set(bearer(w.opsBjToken)), 403, 'CITY_SCOPE_FORBIDDEN');
  });

  it('shows customers the active escorts of a city with public fields only, and their photos', async () => {
    const res = await t.http().get('/api/app/escorts').query({ cityId: 1 });
    const page = expectOk(res);
    expect(page.list.map((e: any) => e.name).sort()).toEqual(['李静', '王强', '陈晓燕']);
    const text = JSON.stringify(page);
    for (const secret of ['phone', 'idCard', 'baseLatitude', 'baseAddress', '1390000', 'status', 'commission']) expect(text).not.toContain(secret);
    const wang = page.list.find((e: any) => e.id === ESCORT.wangQiang);
    expect(wang).toMatchObject({ levelLabel: '中级', experienceYears: 3, photoUrl: `/api/app/escorts/${ESCORT.wangQiang}/photo`, ordersServed: 0, rating: null, ageBand: expect.any(String) });
    expect(wang).not.toHaveProperty('age');
    const photo = await t.http().get(wang.photoUrl);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expectError(await t.http().get(`/api/app/escorts/${ESCORT.liJing}/photo`), 404, 'NOT_FOUND');
    expect(expectOk(await t.http().get('/api/app/escorts').query({ cityId: 1, district: '静安区' })).list.map((e: any) => e.name)).toEqual(['王强']);
    expect(expectOk(await t.http().get('/api/app/escorts').query({ cityId: 2 })).list.map((e: any) => e.name)).toEqual(['赵敏']);
    expectError(await t.http().get(`/api/app/escorts/${ESCORT.liuYang}`), 404, 'NOT_FOUND');
    expectError(await t.http().get('/api/app/escorts'), 400, 'VALIDATION_FAILED');
  });

  it('shows the escort their own profile with level and share', async () => {
    const me = expectOk(await t.http().get('/api/escort/profile').set(bearer(w.escortToken)));
    expect(me).toMatchObject({ id: ESCORT.liJing, level: 'senior', commissionBp: 7500, skills: expect.arrayContaining(['outpatient']) });
  });
});
