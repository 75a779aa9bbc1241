import { MoreThan } from 'typeorm';
import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, countChanges, customerLogin, expectError, expectOk, rowCounts } from '../helpers/http';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { Patient } from '../../src/modules/patients/patient.entity';
import { Customer } from '../../src/modules/users/customer.entity';
import { idCardCheckChar } from '../../src/modules/patients/patient-identity';
import { PATIENT_LIMIT } from '../../src/modules/patients/patient.service';

const ID = (first17: string) => first17 + idCardCheckChar(first17);
const FATHER_ID = ID('11010519500101003');
const wrongCheck = (first17: string) => first17 + (idCardCheckChar(first17) === '0' ? '1' : '0');

const newPatient = (extra: object = {}) => ({
  name: '王大爷',
  relation: 'parent',
  phone: '13911112222',
  idCardNo: FATHER_ID,
  allergies: '磺胺类药物过敏',
  chronicConditions: '冠心病',
  medications: '阿司匹林 100mg',
  emergencyContactName: '王小明',
  emergencyContactPhone: '13933334444',
  ...extra,
});

describe('patients (就诊人)', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let bobId: number;

  beforeAll(async () => {
    t = await startTestApp();
    alice = (await customerLogin(t, '13600000001')).accessToken;
    const bobLogin = await customerLogin(t, '13600000002');
    bob = bobLogin.accessToken;
    bobId = bobLogin.user.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
    put: (path: string, body: object) => t.http().put(path).set(bearer(token)).send(body),
    del: (path: string) => t.http().delete(path).set(bearer(token)),
  });
  const rawRow = async (id: number) => (await t.dataSource.query('SELECT * FROM patients WHERE id = ?', [id]))[0];

  describe('for the customer', () => {
    it('creates a patient, shows it whole to its owner and derives gender and birth date from the ID number', async () => {
      const before = await rowCounts(t);
      const created = expectOk(await as(bob).post('/api/app/patients', newPatient()));
      expect(created).toMatchObject({
        name: '王大爷',
        relation: 'parent',
        relationName: '父母',
        gender: 'male',
        birthDate: '1950-01-01',
        phone: '13911112222',
        idCardNo: FATHER_ID,
        allergies: '磺胺类药物过敏',
        chronicConditions: '冠心病',
        medications: '阿司匹林 100mg',
        emergencyContactName: '王小明',
        emergencyContactPhone: '13933334444',
        customerId: bobId,
      });
      expect(countChanges(before, await rowCounts(t))).toEqual({ patients: 1 });
      expect(expectOk(await as(bob).get('/api/app/patients')).map((p: { id: number }) => p.id)).toEqual([created.id]);
      expect(expectOk(await as(bob).get(`/api/app/patients/${created.id}`))).toMatchObject({ idCardNo: FATHER_ID });
    });

    it('keeps ID number, phone, health notes and emergency contact encrypted at rest', async () => {
      const created = expectOk(await as(bob).post('/api/app/patients', newPatient({ name: '加密检查', idCardNo: ID('44030419880808002') })));
      const raw = await rawRow(created.id);
      const dump = JSON.stringify(raw);
      for (const plain of ['13911112222', '440304198808', '磺胺', '冠心病', '阿司匹林', '王小明', '13933334444']) {
        expect({ plain, found: dump.includes(plain) }).toEqual({ plain, found: false });
      }
      for (const column of ['phone_enc', 'id_card_enc', 'allergies_enc', 'chronic_conditions_enc', 'medications_enc', 'emergency_contact_name_enc', 'emergency_contact_phone_enc']) {
        expect(raw[column]).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
      }
      expect(raw.id_card_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('updates a patient with the whole record and keeps the ID unique per customer', async () => {
      const created = expectOk(await as(bob).post('/api/app/patients', newPatient({ name: '待修改', idCardNo: '', gender: 'female', birthDate: '1990-05-06' })));
      const updated = expectOk(await as(bob).put(`/api/app/patients/${created.id}`, newPatient({ name: '已修改', idCardNo: '', gender: 'female', birthDate: '1990-05-06', allergies: '' })));
      expect(updated).toMatchObject({ name: '已修改', allergies: '', idCardNo: '', gender: 'female', birthDate: '1990-05-06' });
      expect((await rawRow(created.id)).allergies_enc).toBeNull();
      const before = await rowCounts(t);
      expectError(await as(bob).put(`/api/app/patients/${created.id}`, newPatient()), 409, 'PATIENT_DUPLICATE');
      expectError(await as(bob).post('/api/app/patients', newPatient()), 409, 'PATIENT_DUPLICATE');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      // The same person may be a patient of another customer.
      expectOk(await as(alice).post('/api/app/patients', newPatient()));
    });

    it('answers 404 PATIENT_NOT_FOUND for another customer’s patient and changes nothing', async () => {
      const bobs = expectOk(await as(bob).get('/api/app/patients'))[0];
      const rawBefore = await rawRow(bobs.id);
      const before = await rowCounts(t);
      expectError(await as(alice).get(`/api/app/patients/${bobs.id}`), 404, 'PATIENT_NOT_FOUND');
      expectError(await as(alice).put(`/api/app/patients/${bobs.id}`, newPatient({ name: '篡改', idCardNo: '', gender: 'male' })), 404, 'PATIENT_NOT_FOUND');
      expectError(await as(alice).del(`/api/app/patients/${bobs.id}`), 404, 'PATIENT_NOT_FOUND');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expect(await rawRow(bobs.id)).toEqual(rawBefore);
      expect(expectOk(await as(alice).get('/api/app/patients')).map((p: { id: number }) => p.id)).not.toContain(bobs.id);
    });

    it('soft-deletes: the patient leaves the list, the row stays, and the same person can be added again', async () => {
      const created = expectOk(await as(alice).post('/api/app/patients', newPatient({ name: '将删除', idCardNo: ID('32010219700101001') })));
      expectOk(await as(alice).del(`/api/app/patients/${created.id}`));
      expect(expectOk(await as(alice).get('/api/app/patients')).map((p: { id: number }) => p.id)).not.toContain(created.id);
      expectError(await as(alice).get(`/api/app/patients/${created.id}`), 404, 'PATIENT_NOT_FOUND');
      expectError(await as(alice).del(`/api/app/patients/${created.id}`), 404, 'PATIENT_NOT_FOUND');
      const raw = await rawRow(created.id);
      expect(raw.deleted_at).not.toBeNull();
      expect(raw.slot).toBeNull();
      expectOk(await as(alice).post('/api/app/patients', newPatient({ name: '重新添加', idCardNo: ID('32010219700101001') })));
    });

    it.each([
      ['an ID number with a wrong check character', { idCardNo: wrongCheck('11010519500101003') }, 'ID_CARD_INVALID', /校验位/],
      ['an ID number of 15 digits', { idCardNo: '110105500101003' }, 'ID_CARD_INVALID', /18 位/],
      ['an ID number with an impossible birth date', { idCardNo: ID('11010519500231003') }, 'ID_CARD_INVALID', /出生日期/],
      ['a gender contradicting the ID number', { gender: 'female' }, 'ID_CARD_MISMATCH', /性别/],
      ['a phone of 10 digits', { phone: '1391111222' }, 'VALIDATION_FAILED', /手机号/],
      ['an emergency phone that is a landline', { emergencyContactPhone: '021-1234567' }, 'VALIDATION_FAILED', /紧急联系人手机号/],
      ['an unknown relation', { relation: 'neighbour' }, 'VALIDATION_FAILED', /关系/],
      ['an unknown field', { customerId: 1 }, 'VALIDATION_FAILED', /customerId/],
      ['no gender and no ID number', { idCardNo: '' }, 'VALIDATION_FAILED', /性别/],
      ['a birth date in the future', { idCardNo: '', gender: 'male', birthDate: '2999-01-01' }, 'VALIDATION_FAILED', /出生日期/],
    ])('refuses %s with 400 and a clear message, writing nothing', async (_why, extra, code, message) => {
      const before = await rowCounts(t);
      const res = await as(alice).post('/api/app/patients', newPatient({ name: '校验', ...extra }));
      expectError(res, 400, code);
      expect(res.body.errorMessage).toMatch(message);
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it(`refuses the ${PATIENT_LIMIT + 1}th patient with 422 PATIENT_LIMIT, even when created at once`, async () => {
      const carol = (await customerLogin(t, '13600000003')).accessToken;
      const attempts = await Promise.all(
        Array.from({ length: PATIENT_LIMIT + 3 }, (_, i) => as(carol).post('/api/app/patients', newPatient({ name: `并发${i}`, idCardNo: '', gender: 'male' })))
      );
      const created = attempts.filter(r => r.status === 200);
      expect(created).toHaveLength(PATIENT_LIMIT);
      for (const r of attempts.filter(r => r.status !== 200)) expectError(r, 422, 'PATIENT_LIMIT');
      expect(expectOk(await as(carol).get('/api/app/patients'))).toHaveLength(PATIENT_LIMIT);
      const slots = (await t.dataSource.getRepository(Patient).find({ where: { customerId: created[0].body.data.customerId } })).map(p => p.slot);
      expect(slots.sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: PATIENT_LIMIT }, (_, i) => i + 1));
      // Deleting one frees its place.
      expectOk(await as(carol).del(`/api/app/patients/${created[0].body.data.id}`));
      expectOk(await as(carol).post('/api/app/patients', newPatient({ name: '补位', idCardNo: '', gender: 'male' })));
      expectError(await as(carol).post('/api/app/patients', newPatient({ name: '超额', idCardNo: '', gender: 'male' })), 422, 'PATIENT_LIMIT');
    });

    it('is closed to staff tokens and to anonymous callers', async () => {
      expectError(await t.http().get('/api/app/patients'), 401, 'AUTH_REQUIRED');
      expectError(await as(await staffToken(t, 'admin')).get('/api/app/patients'), 403, 'FORBIDDEN');
    });
  });

  describe('in the console', () => {
    let demoCustomerId: number;
    beforeAll(async () => {
      demoCustomerId = (await t.dataSource.getRepository(Customer).find({ order: { id: 'ASC' }, take: 1 }))[0].id;
    });

    it('lists a customer’s patients masked, health notes reduced to a flag', async () => {
      const ops = await staffToken(t, 'ops');
      const list = expectOk(await t.http().get(`/api/admin/customers/${demoCustomerId}/patients`).set(bearer(ops)));
      expect(list.map((p: { name: string; relation: string }) => [p.name, p.relation])).toEqual([
        ['张丽', 'self'],
        ['张建国', 'parent'],
      ]);
      const father = list[1];
      expect(father).toMatchObject({ gender: 'male', birthDate: '1956-08-20', phoneMasked: '138****0002', hasHealthNotes: true });
      expect(father.idCardMasked).toMatch(/^310\*{11}\d{3}[\dX]$/);
      expect(list[0].hasHealthNotes).toBe(false);
      const dump = JSON.stringify(list);
      for (const hidden of ['13800000002', '青霉素', '高血压', '二甲双胍', '310104195608']) expect(dump).not.toContain(hidden);
      expect(father).not.toHaveProperty('allergies');
      expect(father).not.toHaveProperty('emergencyContactPhone');
    });

    it('reveals a patient whole only with pii:reveal, leaving one audit row without the clear values', async () => {
      const [ops, admin] = await Promise.all([staffToken(t, 'ops'), staffToken(t, 'admin')]);
      const father = expectOk(await t.http().get(`/api/admin/customers/${demoCustomerId}/patients`).set(bearer(admin)))[1];
      const before = await rowCounts(t);
      expectError(await t.http().post(`/api/admin/patients/${father.id}/reveal`).set(bearer(ops)), 403, 'FORBIDDEN');
      expect(countChanges(before, await rowCounts(t))).toEqual({});

      const from = (await t.dataSource.getRepository(AuditLog).find({ order: { id: 'DESC' }, take: 1 }))[0]?.id ?? 0;
      const res = await t.http().post(`/api/admin/patients/${father.id}/reveal`).set(bearer(admin));
      expect(expectOk(res)).toMatchObject({ id: father.id, phone: '13800000002', allergies: '青霉素过敏', emergencyContactName: '张丽' });
      expect(expectOk(res).idCardNo).toMatch(/^31010419560820001[\dX]$/);
      const audits = await t.dataSource.getRepository(AuditLog).find({ where: { id: MoreThan(from) } });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ action: 'patient.reveal', targetType: 'patient', targetId: String(father.id), actorType: 'staff', requestId: res.headers['x-request-id'] });
      expect(`${audits[0].before}${audits[0].after}`).not.toMatch(/13800000002|青霉素|310104/);
    });

    it('needs customer:read to list and answers 404 for a missing patient', async () => {
      const finance = await staffToken(t, 'finance');
      expectOk(await t.http().get(`/api/admin/customers/${demoCustomerId}/patients`).set(bearer(finance)));
      const admin = await staffToken(t, 'admin');
      expectError(await t.http().post('/api/admin/patients/999999/reveal').set(bearer(admin)), 404, 'PATIENT_NOT_FOUND');
      expect(expectOk(await t.http().get('/api/admin/customers/999999/patients').set(bearer(admin)))).toEqual([]);
    });
  });
});
