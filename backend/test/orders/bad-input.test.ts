import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { booking, orderWorld, OrderWorld, startIn } from './order-fixtures';

jest.setTimeout(120_000);

/** Every refusal is a clear 4xx with a stable code, and writes nothing at all. */
describe('booking with bad input', () => {
  let t: TestApp;
  let w: OrderWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
  });
  afterAll(() => t.close());

  const create = (body: object) => t.http().post('/api/app/orders').set(bearer(w.customerToken)).send(body);

  async function refused(body: object, status: number, code: string) {
    const before = await rowCounts(t);
    const res = await create(body);
    expectError(res, status, code);
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    return res;
  }

  it('refuses a start in the past', () => refused(booking(w, { startAt: new Date(Date.now() - 3600_000).toISOString() }), 422, 'START_IN_PAST'));
  it('refuses a start sooner than the lead time', () => refused(booking(w, { startAt: startIn(30).toISOString() }), 422, 'START_TOO_SOON'));
  it('refuses a start beyond the booking window', () => refused(booking(w, { startAt: startIn(9 * 24 * 60).toISOString() }), 422, 'START_BEYOND_WINDOW'));
  it('refuses a start that is not on the half hour', () =>
    refused(booking(w, { startAt: new Date(startIn(26 * 60).getTime() + 10 * 60_000).toISOString() }), 422, 'START_NOT_ON_SLOT'));
  it('refuses a duration the service does not offer', () => refused(booking(w, { durationMinutes: 600 }), 422, 'DURATION_INVALID'));
  it('refuses a time that is not a time', () => refused(booking(w, { startAt: 'tomorrow morning' }), 400, 'VALIDATION_FAILED'));
  it('refuses a patient of another customer as not found', () => refused(booking(w, { patientId: w.otherPatientId }), 404, 'PATIENT_NOT_FOUND'));
  it('refuses an unknown service', () => refused(booking(w, { serviceItemId: 999999 }), 404, 'SERVICE_NOT_FOUND'));
  it('refuses a hospital in another city', () => refused(booking(w, { hospitalId: w.beijingHospitalId }), 422, 'HOSPITAL_CITY_MISMATCH'));
  it('refuses a hospital visit without a hospital or a patient', async () => {
    await refused(booking(w, { hospitalId: undefined }), 422, 'HOSPITAL_REQUIRED');
    await refused(booking(w, { patientId: undefined }), 422, 'PATIENT_REQUIRED');
  });
  it('refuses an errand without its tasks', () => refused({ serviceItemId: w.errandItemId, cityId: 1, startAt: startIn(26 * 60).toISOString(), serviceAddress: '上海市徐汇区' }, 422, 'ERRAND_DETAILS_REQUIRED'));
  it('refuses unknown fields, such as a price the client made up', () => refused({ ...booking(w), totalFen: 1 }, 400, 'VALIDATION_FAILED'));
  it('refuses fractional and negative ids and durations', async () => {
    await refused(booking(w, { serviceItemId: 1.5 }), 400, 'VALIDATION_FAILED');
    await refused(booking(w, { durationMinutes: -120 }), 400, 'VALIDATION_FAILED');
  });
  it('refuses an escort who is not taking orders', async () => {
    const { Escort } = await import('../../src/modules/escorts/escort.entity');
    const applicant = await t.dataSource.getRepository(Escort).findOneByOrFail({ status: 'applicant' });
    await refused(booking(w, { preferredEscortId: applicant.id }), 422, 'ESCORT_NOT_ACTIVE');
  });
  it('refuses a malformed Idempotency-Key', async () => {
    const before = await rowCounts(t);
    expectError(await t.http().post('/api/app/orders').set(bearer(w.customerToken)).set('Idempotency-Key', 'x').send(booking(w)), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });
  it('answers a quote for an unservable time with the nearest times that work', async () => {
    const q = expectOk(await t.http().post('/api/app/orders/quote').set(bearer(w.customerToken)).send(booking(w, { startAt: startIn(30).toISOString() })));
    expect(q).toMatchObject({ bookable: false, reasonCode: 'START_TOO_SOON' });
    expect(q.suggestions.length).toBe(3);
    for (const s of q.suggestions) expect(new Date(s).getTime()).toBeGreaterThanOrEqual(Date.now() + 60 * 60_000 - 1000);
  });
  it('needs a customer token: staff and escorts cannot book', async () => {
    expectError(await t.http().post('/api/app/orders').set(bearer(w.opsToken)).send(booking(w)), 403, 'FORBIDDEN');
    expectError(await t.http().post('/api/app/orders').set(bearer(w.escortToken)).send(booking(w)), 403, 'FORBIDDEN');
    expectError(await t.http().post('/api/app/orders').send(booking(w)), 401, 'AUTH_REQUIRED');
  });
});
