import { startTestApp, TestApp } from '../helpers/test-app';
import { countChanges, rowCounts } from '../helpers/http';
import { PatientService } from '../../src/modules/patients/patient.service';
import { Patient } from '../../src/modules/patients/patient.entity';
import { idCardCheckChar } from '../../src/modules/patients/patient-identity';

const ID = (first17: string) => first17 + idCardCheckChar(first17);

/** The methods the orders module uses: ownership, masked summary, health view. */
describe('PatientService for orders', () => {
  let t: TestApp;
  let service: PatientService;
  let mine: number;
  let plain: number;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.app.getApplicationContext().getAsync(PatientService);
    mine = (
      await service.create(101, {
        name: '张建国',
        relation: 'parent',
        phone: '13912345678',
        idCardNo: ID('31010419560308001'),
        allergies: '青霉素过敏',
        chronicConditions: '高血压',
        medications: '氨氯地平 5mg 每日一次',
        emergencyContactName: '张女士',
        emergencyContactPhone: '13800000001',
      })
    ).id;
    plain = (await service.create(101, { name: '李小宝', relation: 'child', gender: 'female', phone: '13700001111' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives its own customer the patient with the gender and birth date read from the ID number', async () => {
    await expect(service.getOwned(101, mine)).resolves.toEqual({
      id: mine,
      customerId: 101,
      name: '张建国',
      relation: 'parent',
      gender: 'male',
      birthDate: '1956-03-08',
    });
    await expect(service.getOwned(101, plain)).resolves.toMatchObject({ gender: 'female', birthDate: null });
  });

  it('answers 404 PATIENT_NOT_FOUND for another customer’s, a missing and a deleted patient', async () => {
    await expect(service.getOwned(202, mine)).rejects.toMatchObject({ status: 404, code: 'PATIENT_NOT_FOUND' });
    await expect(service.getOwned(101, 999999)).rejects.toMatchObject({ status: 404, code: 'PATIENT_NOT_FOUND' });
    const gone = (await service.create(101, { name: '待删除', relation: 'other', gender: 'male', phone: '13700002222' })).id;
    await service.remove(101, gone);
    await expect(service.getOwned(101, gone)).rejects.toMatchObject({ status: 404, code: 'PATIENT_NOT_FOUND' });
    // Orders booked before the deletion still read it.
    await expect(service.maskedView(gone)).resolves.toMatchObject({ id: gone, name: '待删除' });
  });

  it('gives a masked view with the health notes reduced to a flag', async () => {
    const view = await service.maskedView(mine);
    expect(view).toEqual({
      id: mine,
      name: '张建国',
      relation: 'parent',
      gender: 'male',
      age: expect.any(Number),
      phoneMasked: '139****5678',
      idCardMasked: `310***********${ID('31010419560308001').slice(-4)}`,
      hasHealthNotes: true,
    });
    expect(view.age).toBeGreaterThanOrEqual(68);
    await expect(service.maskedView(plain)).resolves.toMatchObject({ idCardMasked: '', hasHealthNotes: false, age: null });
    await expect(service.maskedView(999999)).rejects.toMatchObject({ code: 'PATIENT_NOT_FOUND' });
  });

  it('gives the decrypted health view', async () => {
    await expect(service.healthView(mine)).resolves.toEqual({
      id: mine,
      name: '张建国',
      gender: 'male',
      age: expect.any(Number),
      phone: '13912345678',
      allergies: '青霉素过敏',
      chronicConditions: '高血压',
      medications: '氨氯地平 5mg 每日一次',
      emergencyContactName: '张女士',
      emergencyContactPhone: '13800000001',
    });
    await expect(service.healthView(plain)).resolves.toMatchObject({ allergies: '', emergencyContactPhone: '' });
  });

  it('stores no personal data in clear', async () => {
    const raw = await t.dataSource.query('SELECT * FROM patients WHERE id = ?', [mine]);
    const text = JSON.stringify(raw);
    for (const secret of ['13912345678', '31010419560308', '青霉素', '高血压', '氨氯地平', '张女士', '13800000001']) {
      expect(text).not.toContain(secret);
    }
    expect(raw[0].phone_enc).toMatch(/^v1\./);
  });

  it('refuses an invalid ID number with 400 and writes nothing', async () => {
    const before = await rowCounts(t);
    await expect(
      service.create(101, { name: '错号', relation: 'other', phone: '13700003333', idCardNo: '310104195603080010' })
    ).rejects.toMatchObject({ status: 400 });
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect(await t.dataSource.getRepository(Patient).count({ where: { name: '错号' } })).toBe(0);
  });
});
