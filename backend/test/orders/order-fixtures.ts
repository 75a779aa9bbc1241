import { DataSource, In } from 'typeorm';
import { bearer, customerLogin, escortLogin, expectOk } from '../helpers/http';
import { staffToken, TestApp } from '../helpers/test-app';
import { ServiceItem } from '../../src/modules/catalog/service-item.entity';
import { Hospital } from '../../src/modules/hospitals/hospital.entity';
import { PatientService } from '../../src/modules/patients/patient.service';
import { OrderService } from '../../src/modules/orders/order.service';
import { OrderJobs } from '../../src/modules/orders/order-jobs';
import { SettingsService } from '../../src/modules/settings/settings.service';
import { CipherService } from '../../src/common/crypto/cipher.service';
import { EscortTimeClaim } from '../../src/modules/orders/escort-time-claim.entity';

export const SLOT_MS = 30 * 60_000;

/** A start `minutesAhead` from now, rounded up to the next half hour. */
export function startIn(minutesAhead: number, from = Date.now()): Date {
  return new Date(Math.ceil((from + minutesAhead * 60_000) / SLOT_MS) * SLOT_MS);
}

export interface OrderWorld {
  customerToken: string;
  customerId: number;
  otherCustomerToken: string;
  otherCustomerId: number;
  escortToken: string;
  escortId: number;
  otherEscortToken: string;
  otherEscortId: number;
  opsToken: string;
  adminToken: string;
  /** 门诊陪诊（半天）: half_day, 120-240 min. */
  outpatientItemId: number;
  errandItemId: number;
  hospitalId: number;
  beijingHospitalId: number;
  patientId: number;
  otherPatientId: number;
}

/**
 * Demo data plus booking rules that do not depend on the wall clock: service hours all day, a
 * week ahead, so tests pass at any hour they run.
 */
export async function orderWorld(t: TestApp): Promise<OrderWorld> {
  const ctx = t.app.getApplicationContext();
  const adminToken = await staffToken(t, 'admin');
  expectOk(
    await t
      .http()
      .post('/api/admin/settings/booking')
      .set(bearer(adminToken))
      .send({ maxDaysAhead: 7, minLeadMinutes: 60, serviceStartFrom: '00:00', serviceStartUntil: '23:30', slotMinutes: 30, paymentWindowMinutes: 15 })
  );
  // Escorts work around the clock here, so dispatch's shift check never depends on the hour a test runs.
  for (const escortId of [1, 2, 3]) {
    expectOk(
      await t
        .http()
        .put(`/api/admin/escorts/${escortId}/weekly-shifts`)
        .set(bearer(adminToken))
        .send({ ranges: [1, 2, 3, 4, 5, 6, 7].map(weekday => ({ weekday, start: '00:00', end: '24:00' })) })
    );
  }
  const customer = await customerLogin(t, '13800000001');
  const other = await customerLogin(t, '13800000002');
  const escort = await escortLogin(t, '13900000001');
  const otherEscort = await escortLogin(t, '13900000002');
  const ds: DataSource = t.dataSource;
  // The demo orders sit at times relative to the wall clock (today 10:00, tomorrow 09:30 ...); their
  // claims on the two test escorts would collide with the times a test picks at some hours of the day.
  await ds.getRepository(EscortTimeClaim).delete({ escortId: In([escort.user.id, otherEscort.user.id]) });
  const item = await ds.getRepository(ServiceItem).findOneByOrFail({ code: 'OPD-HALF' });
  const errand = await ds.getRepository(ServiceItem).findOneByOrFail({ code: 'ERR-REPORT' });
  const hospitals = await ds.getRepository(Hospital).find({ order: { id: 'ASC' } });
  const patients = await ctx.getAsync(PatientService);
  const patient = await patients.create(customer.user.id, { name: '张建国', relation: 'parent', gender: 'male', birthDate: '1950-03-02', phone: '13700000001', allergies: '青霉素过敏' } as any);
  const otherPatient = await patients.create(other.user.id, { name: '李四', relation: 'self', gender: 'male', birthDate: '1980-01-01', phone: '13700000002' } as any);
  return {
    customerToken: customer.accessToken,
    customerId: customer.user.id,
    otherCustomerToken: other.accessToken,
    otherCustomerId: other.user.id,
    escortToken: escort.accessToken,
    escortId: escort.user.id,
    otherEscortToken: otherEscort.accessToken,
    otherEscortId: otherEscort.user.id,
    opsToken: await staffToken(t, 'ops'),
    adminToken,
    outpatientItemId: item.id,
    errandItemId: errand.id,
    hospitalId: hospitals.find(h => h.cityId === 1)!.id,
    beijingHospitalId: hospitals.find(h => h.cityId === 2)!.id,
    patientId: patient.id,
    otherPatientId: otherPatient.id,
  };
}

export function booking(w: OrderWorld, overrides: Record<string, unknown> = {}) {
  return {
    serviceItemId: w.outpatientItemId,
    cityId: 1,
    hospitalId: w.hospitalId,
    patientId: w.patientId,
    startAt: startIn(26 * 60).toISOString(),
    durationMinutes: 120,
    ...overrides,
  };
}

export async function createOrder(t: TestApp, w: OrderWorld, overrides: Record<string, unknown> = {}) {
  return expectOk(await t.http().post('/api/app/orders').set(bearer(w.customerToken)).send(booking(w, overrides)));
}

export const services = (t: TestApp) => {
  const ctx = t.app.getApplicationContext();
  return {
    orders: () => ctx.getAsync(OrderService),
    jobs: () => ctx.getAsync(OrderJobs),
    settings: () => ctx.getAsync(SettingsService),
    cipher: () => ctx.getAsync(CipherService),
  };
};

/** Pays an order as the payments module will after a verified callback. */
export async function pay(t: TestApp, orderId: number) {
  const orders = await services(t).orders();
  const o = await orders.orders.findOneByOrFail({ id: orderId });
  return orders.markPaid(orderId, o.totalFen);
}
