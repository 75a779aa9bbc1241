import { bearer, customerLogin, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { booking, orderWorld, OrderWorld, startIn } from '../orders/order-fixtures';
import { PatientService } from '../../src/modules/patients/patient.service';
import { Order } from '../../src/modules/orders/order.entity';

jest.setTimeout(300_000);

const RACERS = 12;

/**
 * A customer limited to one open order sends simultaneous bookings (real concurrent HTTP requests;
 * SQLite here, MariaDB with TEST_DB=mysql): the limit must hold — exactly one order, every other
 * request refused with the stable code — whatever the interleaving.
 */
describe('credit limit under simultaneous bookings', () => {
  let t: TestApp;
  let w: OrderWorld;
  let support: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
    support = await staffToken(t, 'support');
  });
  afterAll(() => t.close());

  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  /** A customer with no orders, a patient, and the given score (tiers: below 80 one open order, below 60 none). */
  async function limitedCustomer(phone: string, score: number) {
    const login = await customerLogin(t, phone);
    const patients = await t.app.getApplicationContext().getAsync(PatientService);
    const patient = await patients.create(login.user.id, { name: '王五', relation: 'self', gender: 'female', birthDate: '1970-05-05', phone: '13700000077' } as any);
    expectOk(await t.http().post(`/api/admin/credits/${login.user.id}/adjust`).set(bearer(support)).send({ delta: score - 100, reason: '测试：多次爽约' }));
    return { token: login.accessToken as string, id: login.user.id as number, patientId: patient.id as number };
  }

  const raceBookings = (c: { token: string; patientId: number }, n: number, hoursAhead: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        t
          .http()
          .post('/api/app/orders')
          .set(bearer(c.token))
          // Different times, no escort: nothing but the credit limit can refuse them.
          .send(booking(w, { patientId: c.patientId, startAt: startIn((hoursAhead + i * 3) * 60).toISOString() }))
      )
    );

  it('two simultaneous bookings by a customer limited to one open order: one order, one 422 CREDIT_OPEN_ORDER_LIMIT', async () => {
    const c = await limitedCustomer('13800000071', 75);
    const responses = await raceBookings(c, 2, 30);
    expect(tally(responses.map(r => r.status))).toEqual({ 200: 1, 422: 1 });
    const refused = responses.find(r => r.status === 422)!;
    expect(refused.body).toMatchObject({ success: false, errorCode: 'CREDIT_OPEN_ORDER_LIMIT' });
    expect(refused.body.errorMessage).toContain('最多可有 1 个进行中的订单');
    expect(await t.dataSource.getRepository(Order).count({ where: { customerId: c.id } })).toBe(1);
  });

  it(`${RACERS} simultaneous bookings: still exactly one order`, async () => {
    const c = await limitedCustomer('13800000072', 70);
    const responses = await raceBookings(c, RACERS, 30);
    expect(tally(responses.map(r => r.status))).toEqual({ 200: 1, 422: RACERS - 1 });
    expect(new Set(responses.filter(r => r.status === 422).map(r => r.body.errorCode))).toEqual(new Set(['CREDIT_OPEN_ORDER_LIMIT']));
    expect(await t.dataSource.getRepository(Order).count({ where: { customerId: c.id } })).toBe(1);
  });

  it('a customer without a limit is not serialised into refusals: simultaneous bookings all succeed', async () => {
    const login = await customerLogin(t, '13800000073');
    const patients = await t.app.getApplicationContext().getAsync(PatientService);
    const patient = await patients.create(login.user.id, { name: '赵六', relation: 'self', gender: 'male', birthDate: '1975-01-01', phone: '13700000078' } as any);
    const responses = await raceBookings({ token: login.accessToken, patientId: patient.id }, 4, 30);
    expect(tally(responses.map(r => r.status))).toEqual({ 200: 4 });
  });
});
