import { bearer, countChanges, escortLogin, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { EscortApplication } from '../../src/modules/escorts/escort-application.entity';
import { EscortCredential } from '../../src/modules/escorts/escort-credential.entity';
import { EscortReviewDecision } from '../../src/modules/escorts/escort-review-decision.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { MAX_UPLOAD_BYTES } from '../../src/modules/escorts/file-checks';
import { toShanghaiDateString } from '../../src/common/time';
import { EXE, ESCORT, JPEG, PDF, PNG, WorkforceWorld, assign, idCardNumber, inbox, paidOrder, storedFiles, upload, workforce, workforceWorld } from './workforce-fixtures';

jest.setTimeout(180_000);

const at = (days: number, hhmm: string) => new Date(`${toShanghaiDateString(Date.now() + days * 86_400_000)}T${hhmm}:00+08:00`);
const dayPlus = (days: number) => toShanghaiDateString(Date.now() + days * 86_400_000);

describe('escort applications, credentials and their files', () => {
  let t: TestApp;
  let w: WorkforceWorld;
  /** 刘洋, an applicant in Beijing (city 2): reviewed by ops_bj. */
  let applicantToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await workforceWorld(t);
    applicantToken = (await escortLogin(t, '13900000005')).accessToken;
  });
  afterAll(() => t.close());

  it('stores a JPEG, PNG or PDF under a generated name outside any public folder', async () => {
    const before = storedFiles();
    const photo = expectOk(await upload(t, applicantToken, 'id_front', '身份证正面.jpg', JPEG));
    expect(photo).toMatchObject({ purpose: 'id_front', mime: 'image/jpeg', sizeBytes: JPEG.length });
    expectOk(await upload(t, applicantToken, 'id_back', 'back.png', PNG));
    expectOk(await upload(t, applicantToken, 'credential', 'cert.pdf', PDF));
    const added = storedFiles().filter(f => !before.includes(f));
    expect(added).toHaveLength(3);
    for (const f of added) expect(f).toMatch(/^escorts\/[0-9a-f]{32}\.(jpg|png|pdf)$/);
    expect(added.join(' ')).not.toContain('身份证');
  });

  it.each([
    ['an .exe renamed .jpg', 'photo.jpg', EXE, 'FILE_TYPE_NOT_ALLOWED'],
    ['a PNG named .jpg', 'photo.jpg', PNG, 'FILE_TYPE_MISMATCH'],
    ['a file one byte over 5 MB', 'big.jpg', Buffer.concat([JPEG, Buffer.alloc(MAX_UPLOAD_BYTES - JPEG.length + 1)]), 'FILE_TOO_LARGE'],
    ['a path in the file name', '../../etc/passwd.jpg', JPEG, 'FILE_NAME_INVALID'],
    ['a Windows path in the file name', '..\\..\\boot.jpg', JPEG, 'FILE_NAME_INVALID'],
    ['an empty file', 'empty.jpg', Buffer.alloc(0), 'FILE_EMPTY'],
  ])('refuses %s with 400 and stores nothing', async (_label, filename, content, code) => {
    const rows = await rowCounts(t);
    const files = storedFiles();
    expectError(await upload(t, applicantToken, 'id_front', filename, content as Buffer), 400, code as string);
    expect(countChanges(rows, await rowCounts(t))).toEqual({});
    expect(storedFiles()).toEqual(files);
  });

  it('refuses an upload sent as JSON or with an unknown purpose, storing nothing', async () => {
    const rows = await rowCounts(t);
    const files = storedFiles();
    expectError(await t.http().post('/api/escort/files').query({ purpose: 'id_front', filename: 'a.jpg' }).set(bearer(applicantToken)).send({ content: 'x' }), 400, 'UPLOAD_CONTENT_TYPE');
    expectError(await upload(t, applicantToken, 'avatar', 'a.jpg', JPEG), 400, 'VALIDATION_FAILED');
    expect(countChanges(rows, await rowCounts(t))).toEqual({});
    expect(storedFiles()).toEqual(files);
  });

  async function filesFor(token: string) {
    return {
      front: expectOk(await upload(t, token, 'id_front', 'front.jpg', JPEG)).id,
      back: expectOk(await upload(t, token, 'id_back', 'back.jpg', JPEG)).id,
      photo: expectOk(await upload(t, token, 'photo', 'me.jpg', JPEG)).id,
    };
  }

  const idNo = idCardNumber('110101', '19930415', '031');

  it('takes an application with the ID number encrypted, checks it, and allows one open application at a time', async () => {
    const f = await filesFor(applicantToken);
    const body = { realName: '刘洋', idCardNo: idNo, idFrontFileId: f.front, idBackFileId: f.back, photoFileId: f.photo, education: 'college', experienceYears: 1, serviceDistricts: ['朝阳区'], skills: ['outpatient'], bio: '认真负责' };
    expectError(await t.http().post('/api/escort/application').set(bearer(applicantToken)).send({ ...body, idCardNo: idNo.slice(0, 17) + (idNo[17] === '0' ? '1' : '0') }), 400, 'ID_CARD_INVALID');
    expectError(await t.http().post('/api/escort/application').set(bearer(applicantToken)).send({ ...body, idFrontFileId: f.back }), 422, 'FILE_PURPOSE_MISMATCH');
    const otherEscortFile = expectOk(await upload(t, w.escortToken, 'id_front', 'x.jpg', JPEG)).id;
    expectError(await t.http().post('/api/escort/application').set(bearer(applicantToken)).send({ ...body, idFrontFileId: otherEscortFile }), 422, 'FILE_NOT_FOUND');
    expectError(await t.http().post('/api/escort/application').set(bearer(w.escortToken)).send(body), 409, 'ESCORT_ALREADY_ACTIVE');

    const app = expectOk(await t.http().post('/api/escort/application').set(bearer(applicantToken)).send(body));
    expect(app).toMatchObject({ status: 'pending', gender: 'male', birthYear: 1993, idCardMasked: `110101********${idNo.slice(14)}` });
    const row = await t.dataSource.getRepository(EscortApplication).findOneByOrFail({ id: app.id });
    expect(row.idCardEnc).not.toContain(idNo);
    expect(row.idCardHash).not.toContain(idNo);
    expectError(await t.http().post('/api/escort/application').set(bearer(applicantToken)).send(body), 409, 'APPLICATION_PENDING');
    expect(expectOk(await t.http().get('/api/escort/application').set(bearer(applicantToken))).application).toMatchObject({ id: app.id, status: 'pending' });
  });

  it('shows the queue to reviewers of the escort’s city only, with file links served privately and ID views audited', async () => {
    expectError(await t.http().get('/api/admin/escort-applications').set(bearer(w.financeToken)), 403, 'FORBIDDEN');
    expect(expectOk(await t.http().get('/api/admin/escort-applications').set(bearer(w.opsToken))).list).toEqual([]);
    const queue = expectOk(await t.http().get('/api/admin/escort-applications').set(bearer(w.opsBjToken)));
    expect(queue.list).toHaveLength(1);
    const detail = expectOk(await t.http().get(`/api/admin/escort-applications/${queue.list[0].id}`).set(bearer(w.opsBjToken)));
    expect(detail.files.idFront).toBe(`/api/admin/escort-files/${detail.idFrontFileId}`);
    expect(JSON.stringify(detail)).not.toContain(idNo);

    const file = await t.http().get(detail.files.idFront).set(bearer(w.opsBjToken)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body as Buffer, JPEG)).toBe(0);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['cache-control']).toContain('no-store');
    expect(file.headers['cache-control']).not.toContain('public');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(await t.dataSource.getRepository(AuditLog).count({ where: { action: 'escort.file.view', targetId: String(detail.idFrontFileId) } })).toBe(1);

    expectError(await t.http().get(detail.files.idFront).set(bearer(w.opsToken)), 403, 'CITY_SCOPE_FORBIDDEN');
    expectError(await t.http().get(detail.files.idFront).set(bearer(w.financeToken)), 403, 'FORBIDDEN');
    expectError(await t.http().get(detail.files.idFront), 401, 'AUTH_REQUIRED');
    expectError(await t.http().get(detail.files.idFront).set(bearer(w.customerToken)), 403, 'FORBIDDEN');
    expect((await t.http().get(`/api/escort/files/${detail.idFrontFileId}`).set(bearer(applicantToken))).status).toBe(200);
    expectError(await t.http().get(`/api/escort/files/${detail.idFrontFileId}`).set(bearer(w.escortToken)), 404, 'NOT_FOUND');
  });

  it('rejects with a reason the escort is told, takes a second application, approves it and keeps the history', async () => {
    const first = expectOk(await t.http().get('/api/admin/escort-applications').set(bearer(w.opsBjToken))).list[0];
    expectError(await t.http().post(`/api/admin/escort-applications/${first.id}/reject`).set(bearer(w.opsBjToken)).send({}), 400, 'VALIDATION_FAILED');
    expectOk(await t.http().post(`/api/admin/escort-applications/${first.id}/reject`).set(bearer(w.opsBjToken)).send({ reason: '身份证照片不清晰' }));
    expectError(await t.http().post(`/api/admin/escort-applications/${first.id}/approve`).set(bearer(w.opsBjToken)).send({}), 409, 'REVIEW_ALREADY_DECIDED');
    const [rejected] = await inbox(t, 'escort', ESCORT.liuYang, 'application_rejected');
    expect(rejected.body).toContain('身份证照片不清晰');

    const f = await filesFor(applicantToken);
    const second = expectOk(
      await t.http().post('/api/escort/application').set(bearer(applicantToken)).send({ realName: '刘洋', idCardNo: idNo, idFrontFileId: f.front, idBackFileId: f.back, photoFileId: f.photo, skills: ['outpatient'] })
    );
    const approved = expectOk(await t.http().post(`/api/admin/escort-applications/${second.id}/approve`).set(bearer(w.opsBjToken)).send({ reason: '资料齐全' }));
    expect(approved).toMatchObject({ status: 'approved', escort: { status: 'active', gender: 'male', birthYear: 1993, photoFileId: f.photo } });
    expect((await inbox(t, 'escort', ESCORT.liuYang, 'application_approved')).length).toBe(1);
    const escort = await t.dataSource.getRepository(Escort).findOneByOrFail({ id: ESCORT.liuYang });
    expect(escort.idCardHash).toBeTruthy();
    const history = expectOk(await t.http().get(`/api/admin/escorts/${ESCORT.liuYang}/review-history`).set(bearer(w.opsBjToken)));
    expect(history.map((h: any) => [h.subjectType, h.decision, h.reason])).toEqual([
      ['application', 'approved', '资料齐全'],
      ['application', 'rejected', '身份证照片不清晰'],
    ]);
    expect(await t.dataSource.getRepository(AuditLog).count({ where: { action: 'escort.application.approve' } })).toBe(1);
  });

  it('reviews credentials: approve makes them count, reject sends the reason, bad dates and foreign files are refused', async () => {
    const file = expectOk(await upload(t, applicantToken, 'credential', 'health.jpg', JPEG)).id;
    const base = { typeCode: 'health_cert', certificateNo: 'JKZ-2026-001', issuedOn: dayPlus(-30), expiresOn: dayPlus(335), fileId: file };
    expectError(await t.http().post('/api/escort/credentials').set(bearer(applicantToken)).send({ ...base, expiresOn: dayPlus(-31) }), 400, 'VALIDATION_FAILED');
    expectError(await t.http().post('/api/escort/credentials').set(bearer(applicantToken)).send({ ...base, typeCode: 'pilot_licence' }), 400, 'VALIDATION_FAILED');
    expectError(await t.http().post('/api/escort/credentials').set(bearer(applicantToken)).send({ ...base, fileId: expectOk(await upload(t, applicantToken, 'photo', 'p.jpg', JPEG)).id }), 422, 'FILE_PURPOSE_MISMATCH');
    const health = expectOk(await t.http().post('/api/escort/credentials').set(bearer(applicantToken)).send(base));
    const basic = expectOk(await t.http().post('/api/escort/credentials').set(bearer(applicantToken)).send({ ...base, typeCode: 'basic_escort', certificateNo: 'PX-1', expiresOn: null }));
    const queue = expectOk(await t.http().get('/api/admin/escort-credentials').set(bearer(w.opsBjToken)));
    expect(queue.list.map((c: any) => c.id)).toEqual([health.id, basic.id]);
    expect(expectOk(await t.http().post(`/api/admin/escort-credentials/${health.id}/approve`).set(bearer(w.opsBjToken)).send({}))).toMatchObject({ status: 'approved', validToday: true });
    expect(expectOk(await t.http().post(`/api/admin/escort-credentials/${basic.id}/reject`).set(bearer(w.opsBjToken)).send({ reason: '证书编号无法核验' }))).toMatchObject({ status: 'rejected', rejectReason: '证书编号无法核验' });
    expect((await inbox(t, 'escort', ESCORT.liuYang, 'credential_rejected'))[0].body).toContain('证书编号无法核验');
    expect((await inbox(t, 'escort', ESCORT.liuYang, 'credential_approved')).length).toBe(1);
    const mine = expectOk(await t.http().get('/api/escort/credentials').set(bearer(applicantToken)));
    expect(mine.map((c: any) => [c.typeCode, c.status])).toEqual([
      ['basic_escort', 'rejected'],
      ['health_cert', 'approved'],
    ]);
  });

  it('warns 30 days before a credential expires, once, and stops dispatch for services needing it from the day after', async () => {
    const repo = t.dataSource.getRepository(EscortCredential);
    const basic = await repo.findOneByOrFail({ escortId: ESCORT.liJing, typeCode: 'basic_escort' });
    await repo.update({ id: basic.id }, { expiresOn: dayPlus(2), expiryWarnedAt: null });
    const credentials = await workforce(t).credentials();
    const now = new Date();

    const first = await credentials.runExpiryJob(now);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect((await inbox(t, 'escort', ESCORT.liJing, 'credential_expiring')).map(n => n.body)).toEqual([expect.stringContaining(dayPlus(2))]);
    expect((await inbox(t, 'staff', 2, 'credential_expiring')).some(n => n.body.includes('李静'))).toBe(true);
    expect(await credentials.runExpiryJob(now)).toEqual({ warned: 0, expired: 0 });

    // Before the expiry, an order the day after it is already refused; one before it is fine.
    const before = await paidOrder(t, w, at(1, '10:00'));
    const after = await paidOrder(t, w, at(4, '10:00'));
    expect(expectOk(await t.http().get(`/api/admin/orders/${after.id}/availability`).query({ escortId: ESCORT.liJing }).set(bearer(w.opsToken))).reasons).toEqual([
      { code: 'credential_expired', label: '资质证书已过期或尚未生效' },
    ]);
    expect(expectOk(await t.http().get(`/api/admin/orders/${before.id}/availability`).query({ escortId: ESCORT.liJing }).set(bearer(w.opsToken))).available).toBe(true);

    const later = new Date(now.getTime() + 3 * 86_400_000);
    expect(await credentials.runExpiryJob(later)).toMatchObject({ expired: 1 });
    expect(await repo.findOneByOrFail({ id: basic.id })).toMatchObject({ status: 'expired' });
    expect(await t.dataSource.getRepository(EscortReviewDecision).count({ where: { subjectType: 'credential', subjectId: basic.id, decision: 'expired', actorType: 'system' } })).toBe(1);
    expect((await inbox(t, 'escort', ESCORT.liJing, 'credential_expired')).length).toBe(1);
    expect(await credentials.runExpiryJob(later)).toEqual({ warned: 0, expired: 0 });
    // Expired means no dispatch for services needing it, on any day.
    const refused = await assign(t, w.opsToken, before.id, ESCORT.liJing);
    expectError(refused, 422, 'ESCORT_UNAVAILABLE');
    expect(refused.body.details.missingQualifications).toEqual(['basic_escort']);
    const expiredList = expectOk(await t.http().get('/api/admin/escort-credentials?status=expired').set(bearer(w.opsToken)));
    expect(expiredList.list.map((c: any) => c.id)).toContain(basic.id);
  });
});
