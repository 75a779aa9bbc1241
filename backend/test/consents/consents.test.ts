import { startTestApp, TestApp } from '../helpers/test-app';
import { bearer, customerLogin, expectError, expectOk } from '../helpers/http';
import { CustomerConsent } from '../../src/modules/consents/customer-consent.entity';

describe('what the customer agrees to and the rules shown before booking', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await customerLogin(t, '13800000061')).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string) => t.http().get(path).set(bearer(token));
  const post = (body: object) => t.http().post('/api/app/consents').set(bearer(token)).send(body);

  it('serves the three documents with their versions to anyone, logged in or not', async () => {
    const docs = expectOk(await t.http().get('/api/app/legal-documents'));
    expect(docs.map((d: { kind: string }) => d.kind)).toEqual(['terms', 'privacy', 'health_data']);
    for (const d of docs) {
      expect(d).toEqual(expect.objectContaining({ title: expect.any(String), version: expect.any(String), paragraphs: expect.any(Array) }));
    }
  });

  it('shows nothing agreed for a new customer', async () => {
    const state = expectOk(await get('/api/app/consents'));
    expect(state.map((s: { kind: string; granted: boolean }) => [s.kind, s.granted])).toEqual([
      ['terms', false],
      ['privacy', false],
      ['health_data', false],
    ]);
  });

  it('records an agreement to the current version and a later withdrawal as two rows, the latest deciding', async () => {
    const docs = expectOk(await t.http().get('/api/app/legal-documents'));
    const version = docs.find((d: { kind: string }) => d.kind === 'health_data').version;
    const granted = expectOk(await post({ kind: 'health_data', version, granted: true }));
    expect(granted).toMatchObject({ kind: 'health_data', granted: true, answeredVersion: version });
    expect(expectOk(await get('/api/app/consents')).find((s: { kind: string }) => s.kind === 'health_data').granted).toBe(true);

    const withdrawn = expectOk(await post({ kind: 'health_data', version, granted: false }));
    expect(withdrawn.granted).toBe(false);
    const rows = await t.dataSource.getRepository(CustomerConsent).find({ where: { kind: 'health_data' }, order: { id: 'ASC' } });
    expect(rows.map(r => r.granted)).toEqual([true, false]);
  });

  it('refuses an agreement to an outdated version and writes nothing', async () => {
    const before = await t.dataSource.getRepository(CustomerConsent).count();
    expectError(await post({ kind: 'privacy', version: '2000-01-01', granted: true }), 422, 'CONSENT_VERSION_OUTDATED');
    expect(await t.dataSource.getRepository(CustomerConsent).count()).toBe(before);
  });

  it('refuses an unknown kind, unknown fields and a request without a customer token', async () => {
    expectError(await post({ kind: 'marketing', version: 'x', granted: true }), 400, 'VALIDATION_FAILED');
    expectError(await post({ kind: 'terms', version: 'x', granted: true, customerId: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await t.http().get('/api/app/consents'), 401, 'AUTH_REQUIRED');
  });

  it('answers the booking rules and the cancellation tiers (largest notice first) without a login', async () => {
    const rules = expectOk(await t.http().get('/api/app/booking-rules'));
    expect(rules.booking).toEqual({
      maxDaysAhead: 3,
      minLeadMinutes: 60,
      serviceStartFrom: '07:00',
      serviceStartUntil: '18:00',
      slotMinutes: 30,
      paymentWindowMinutes: 15,
    });
    expect(rules.cancellation.tiers.map((x: { hoursBefore: number }) => x.hoursBefore)).toEqual([24, 2, 0]);
  });
});
