import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { OrderActor, OrderService, SYSTEM_ACTOR } from '../modules/orders/order.service';
import { PatientService } from '../modules/patients/patient.service';
import { Patient } from '../modules/patients/patient.entity';
import { ServiceItem } from '../modules/catalog/service-item.entity';
import { Hospital } from '../modules/hospitals/hospital.entity';
import { Escort } from '../modules/escorts/escort.entity';
import { Customer } from '../modules/users/customer.entity';
import { CipherService } from '../common/crypto/cipher.service';
import { addMinutes, startOfShanghaiDay } from '../common/time';

type Step = 'unpaid' | 'paid' | 'dispatched' | 'accepted' | 'in_service' | 'completed';

/** Shanghai-day offset, wall-clock time, service, escort (index into the demo escorts), how far it has gone. */
const PLAN: Array<{ day: number; time: string; item: string; escort: number | null; step: Step; hospital: number }> = [
  { day: -1, time: '09:00', item: 'OPD-HALF', escort: 0, step: 'completed', hospital: 0 },
  { day: 0, time: '08:30', item: 'EXAM-STD', escort: 1, step: 'in_service', hospital: 1 },
  { day: 0, time: '09:30', item: 'OPD-HALF', escort: 0, step: 'accepted', hospital: 0 },
  { day: 0, time: '13:00', item: 'OPD-HALF', escort: 2, step: 'dispatched', hospital: 2 },
  { day: 0, time: '14:30', item: 'EXAM-STD', escort: null, step: 'paid', hospital: 1 },
  { day: 1, time: '09:00', item: 'OPD-FULL', escort: null, step: 'paid', hospital: 0 },
  { day: 1, time: '10:00', item: 'OPD-HALF', escort: null, step: 'unpaid', hospital: 2 },
];

/**
 * Demo orders around today (Shanghai) in every stage, so the console's list and today's board
 * have something to show on first start. They go through OrderService like real bookings, with
 * the booking clock set a day before each start so the booking rules accept them.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DemoOrderSeeder {
  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  orders: OrderService;

  @Inject()
  patients: PatientService;

  @Inject()
  cipher: CipherService;

  @Logger()
  logger: ILogger;

  async seed(now = new Date()): Promise<void> {
    const customer = await this.dataSource.getRepository(Customer).findOneBy({ phoneHash: this.cipher.phoneIndex('13800000001') });
    if (!customer) return;
    const patient =
      (await this.dataSource.getRepository(Patient).findOne({ where: { customerId: customer.id }, order: { id: 'ASC' } })) ??
      (await this.patients.create(customer.id, { name: '张建国', relation: 'parent', gender: 'male', birthDate: '1948-05-12', phone: '13700001234', allergies: '青霉素过敏', chronicConditions: '高血压' } as any));
    const items = await this.dataSource.getRepository(ServiceItem).find();
    const hospitals = await this.dataSource.getRepository(Hospital).find({ where: { cityId: 1 }, order: { id: 'ASC' } });
    const escorts = await this.dataSource.getRepository(Escort).find({ where: { cityId: 1, status: 'active' }, order: { id: 'ASC' } });
    const today = startOfShanghaiDay(now);
    let created = 0;
    for (const p of PLAN) {
      const item = items.find(i => i.code === p.item);
      const hospital = hospitals[p.hospital % Math.max(hospitals.length, 1)];
      if (!item || !hospital) continue;
      const [h, m] = p.time.split(':').map(Number);
      const startAt = addMinutes(today, p.day * 24 * 60 + h * 60 + m);
      // Unpaid demo orders are booked now, so they stay payable for the payment window.
      const bookedAt = p.step === 'unpaid' ? now : addMinutes(startAt, -24 * 60);
      const order = await this.orders.create(customer.id, { serviceItemId: item.id, cityId: 1, hospitalId: hospital.id, patientId: patient.id, startAt, customerNote: '老人行动不便，需要轮椅' }, bookedAt);
      created++;
      if (p.step === 'unpaid') continue;
      await this.orders.markPaid(order.id, order.totalFen, addMinutes(bookedAt, 5));
      if (p.step === 'paid' || p.escort === null) continue;
      const escort = escorts[p.escort % escorts.length];
      await this.orders.assign(order.id, escort.id, SYSTEM_ACTOR);
      if (p.step === 'dispatched') continue;
      const actor: OrderActor = { type: 'escort', id: escort.id, name: escort.name };
      await this.orders.escortStep(order.id, 'accept', actor);
      if (p.step === 'accepted') continue;
      await this.orders.escortStep(order.id, 'depart', actor);
      await this.orders.escortStep(order.id, 'start', actor);
      if (p.step === 'in_service') continue;
      await this.orders.complete(order.id, { type: 'customer', id: customer.id, name: '客户' }, '客户确认完成');
    }
    this.logger.info(`demo orders seeded: ${created}`);
  }
}
