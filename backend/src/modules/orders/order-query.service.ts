import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { And, EntityManager, FindOptionsWhere, In, IsNull, LessThan, LessThanOrEqual, MoreThan, MoreThanOrEqual, Not, Repository } from 'typeorm';
import { Order, ErrandDetails } from './order.entity';
import { OrderStatusLog } from './order-status-log.entity';
import { OrderNote } from './order-note.entity';
import { OrderReschedule } from './order-reschedule.entity';
import { OrderExtraCharge } from './order-extra-charge.entity';
import { CLAIM_HOLDING_STATUSES, ORDER_STATUS_LABELS, OrderStatus, availableActions } from './order-transitions';
import { OrderActor, assertVisible, priceLinesOf } from './order.service';
import { EscortService } from '../escorts/escort.service';
import { CustomerService } from '../users/customer.service';
import { PatientService } from '../patients/patient.service';
import { CipherService } from '../../common/crypto/cipher.service';
import { PageQuery, toPage } from '../../common/pagination';
import { applyBasisPoints } from '../../common/money';
import { SettingsService } from '../settings/settings.service';
import { CommissionService } from '../commissions/commission.service';
import { ANY_CATEGORY } from '../commissions/commission-rules';
import { addMinutes, startOfShanghaiDay, SHANGHAI_UTC_OFFSET_MINUTES, toShanghaiDateString } from '../../common/time';

export type CustomerOrderTab = 'all' | 'unpaid' | 'active' | 'done' | 'refund';
const CUSTOMER_TABS: Record<Exclude<CustomerOrderTab, 'all'>, OrderStatus[]> = {
  unpaid: ['pending_payment'],
  active: ['pending_dispatch', 'dispatched', 'accepted', 'departed', 'in_service'],
  done: ['completed', 'cancelled', 'closed'],
  refund: ['refunding', 'refunded'],
};

/** The escort sees a patient's health notes only while the order is theirs and not yet finished. */
const ESCORT_SEES_HEALTH: OrderStatus[] = ['dispatched', 'accepted', 'departed', 'in_service'];

export interface StaffOrderQuery extends PageQuery {
  status?: OrderStatus;
  cityId?: number;
  hospitalId?: number;
  serviceItemId?: number;
  escortId?: number;
  /** Shanghai calendar date of the start, YYYY-MM-DD. */
  date?: string;
  customerPhone?: string;
  orderNo?: string;
}

/** Shanghai `YYYY-MM-DD` → the UTC instants of that day's [00:00, 24:00). */
export function shanghaiDayRange(date: string): [Date, Date] {
  const start = new Date(`${date}T00:00:00+08:00`);
  return [start, addMinutes(start, 24 * 60)];
}

/** Reading orders for each audience; nothing here writes. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrderQueryService {
  @InjectEntityModel(Order)
  orders: Repository<Order>;

  @InjectEntityModel(OrderStatusLog)
  logs: Repository<OrderStatusLog>;

  @InjectEntityModel(OrderNote)
  notes: Repository<OrderNote>;

  @InjectEntityModel(OrderReschedule)
  reschedules: Repository<OrderReschedule>;

  @InjectEntityModel(OrderExtraCharge)
  extraCharges: Repository<OrderExtraCharge>;

  @Inject()
  escorts: EscortService;

  @Inject()
  customers: CustomerService;

  @Inject()
  patients: PatientService;

  @Inject()
  cipher: CipherService;

  @Inject()
  settings: SettingsService;

  @Inject()
  commissions: CommissionService;

  private async views(rows: Order[]) {
    const names = await this.escorts.nameMap(rows.map(r => r.escortId).filter((id): id is number => id !== null));
    return rows.map(o => this.view(o, o.escortId ? names.get(o.escortId) ?? '' : ''));
  }

  view(o: Order, escortName = '') {
    return {
      id: o.id,
      orderNo: o.orderNo,
      status: o.status,
      statusLabel: ORDER_STATUS_LABELS[o.status],
      customerId: o.customerId,
      cityId: o.cityId,
      serviceItemId: o.serviceItemId,
      serviceName: o.serviceName,
      categoryCode: o.categoryCode,
      hospitalId: o.hospitalId,
      hospitalName: o.hospitalName,
      departmentId: o.departmentId,
      departmentName: o.departmentName,
      patientId: o.patientId,
      patientName: o.patientName,
      escortId: o.escortId,
      escortName,
      startAt: o.startAt,
      endAt: o.endAt,
      durationMinutes: o.durationMinutes,
      units: o.units,
      totalFen: o.totalFen,
      paidFen: o.paidFen,
      penaltyFen: o.penaltyFen,
      refundDueFen: o.refundDueFen,
      /** The credit deposit inside totalFen (0 = none) and where it stands (order-types.ts DepositStatus). */
      depositFen: o.depositFen,
      depositStatus: o.depositStatus,
      serviceAddress: o.serviceAddress,
      errand: o.errandJson ? (JSON.parse(o.errandJson) as ErrandDetails) : null,
      customerNote: o.customerNote,
      paymentDeadlineAt: o.paymentDeadlineAt,
      cancelReason: o.cancelReason,
      createdAt: o.createdAt,
    };
  }

  private async timeline(orderId: number) {
    const rows = await this.logs.find({ where: { orderId }, order: { id: 'ASC' } });
    return rows.map(l => ({
      action: l.action,
      fromStatus: l.fromStatus,
      toStatus: l.toStatus,
      toStatusLabel: ORDER_STATUS_LABELS[l.toStatus as OrderStatus] ?? l.toStatus,
      actorType: l.actorType,
      actorName: l.actorName,
      reason: l.reason,
      at: l.createdAt,
    }));
  }

  private async extras(orderId: number) {
    const [reschedules, charges] = await Promise.all([
      this.reschedules.find({ where: { orderId }, order: { id: 'DESC' } }),
      this.extraCharges.find({ where: { orderId }, order: { id: 'ASC' } }),
    ]);
    return {
      reschedules: reschedules.map(r => ({ id: r.id, fromStartAt: r.fromStartAt, toStartAt: r.toStartAt, status: r.status, requestedByType: r.requestedByType, reason: r.reason, createdAt: r.createdAt })),
      extraCharges: charges.map(c => ({ id: c.id, description: c.description, amountFen: c.amountFen, receiptUrl: c.receiptUrl, status: c.status, createdAt: c.createdAt })),
    };
  }

  // ---------------------------------------------------------------- customer

  async listForCustomer(customerId: number, q: PageQuery & { tab?: CustomerOrderTab }) {
    const where: FindOptionsWhere<Order> = { customerId };
    if (q.tab && q.tab !== 'all') where.status = In(CUSTOMER_TABS[q.tab]);
    const [rows, total] = await this.orders.findAndCount({ where, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(await this.views(rows), total, q);
  }

  /** What the booking answer carries: the order and its price lines (the app goes on to payment). */
  bookingSummary(o: Order) {
    return { ...this.view(o, ''), priceLines: priceLinesOf(o) };
  }

  async detailForCustomer(orderId: number, actor: OrderActor) {
    const o = await this.orders.findOneBy({ id: orderId });
    assertVisible(o, actor);
    const [view] = await this.views([o]);
    return {
      ...view,
      priceLines: priceLinesOf(o),
      timeline: await this.timeline(o.id),
      // Shown to the customer only while the service runs: they read it out to the escort at the end.
      verificationCode: o.status === 'in_service' && o.verificationCodeEnc ? this.cipher.decrypt(o.verificationCodeEnc) : null,
      ...(await this.extras(o.id)),
    };
  }

  // ---------------------------------------------------------------- escort

  async listForEscort(escortId: number, q: PageQuery & { scope?: 'today' | 'upcoming' | 'history' | 'all' }, now = new Date()) {
    const dayStart = startOfShanghaiDay(now);
    const dayEnd = addMinutes(dayStart, 24 * 60);
    const where: FindOptionsWhere<Order> = { escortId };
    if (q.scope === 'today') where.startAt = And(MoreThanOrEqual(dayStart), LessThan(dayEnd));
    else if (q.scope === 'upcoming') where.startAt = MoreThanOrEqual(dayEnd);
    else if (q.scope === 'history') where.startAt = LessThan(dayStart);
    const [rows, total] = await this.orders.findAndCount({
      where,
      order: { startAt: q.scope === 'history' ? 'DESC' : 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(await this.views(rows), total, q);
  }

  async detailForEscort(orderId: number, actor: OrderActor) {
    const o = await this.orders.findOneBy({ id: orderId });
    assertVisible(o, actor);
    const [view] = await this.views([o]);
    const seesHealth = o.patientId !== null && ESCORT_SEES_HEALTH.includes(o.status);
    return {
      ...view,
      patient: seesHealth ? await this.patients.healthView(o.patientId as number) : null,
      timeline: await this.timeline(o.id),
      availableActions: availableActions(o.status, { type: 'escort' }),
      ...(await this.extras(o.id)),
    };
  }

  // ---------------------------------------------------------------- staff

  async listForStaff(q: StaffOrderQuery, cityIds: number[] | null) {
    const where: FindOptionsWhere<Order> = {};
    if (cityIds !== null) where.cityId = In(cityIds);
    if (q.status) where.status = q.status;
    if (q.hospitalId) where.hospitalId = q.hospitalId;
    if (q.serviceItemId) where.serviceItemId = q.serviceItemId;
    if (q.escortId) where.escortId = q.escortId;
    if (q.orderNo) where.orderNo = q.orderNo;
    if (q.date) {
      const [from, to] = shanghaiDayRange(q.date);
      where.startAt = And(MoreThanOrEqual(from), LessThan(to));
    }
    if (q.customerPhone) {
      const customer = await this.customers.findByPhone(q.customerPhone);
      if (!customer) return toPage([], 0, q);
      where.customerId = customer.id;
    }
    const [rows, total] = await this.orders.findAndCount({ where, order: { startAt: 'DESC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const phones = await this.customers.maskedPhones(rows.map(r => r.customerId));
    const views = await this.views(rows);
    return toPage(views.map(v => ({ ...v, customerPhoneMasked: phones.get(v.customerId) ?? '' })), total, q);
  }

  async detailForStaff(orderId: number, actor: OrderActor) {
    const o = await this.orders.findOneBy({ id: orderId });
    assertVisible(o, actor);
    const [view] = await this.views([o]);
    const phones = await this.customers.maskedPhones([o.customerId]);
    const notes = await this.notes.find({ where: { orderId: o.id }, order: { id: 'ASC' } });
    return {
      ...view,
      customerPhoneMasked: phones.get(o.customerId) ?? '',
      priceLines: priceLinesOf(o),
      patient: o.patientId ? await this.patients.maskedView(o.patientId) : null,
      timeline: await this.timeline(o.id),
      notes: notes.map(n => ({ id: n.id, authorName: n.authorName, content: n.content, createdAt: n.createdAt })),
      availableActions: availableActions(o.status, { type: 'staff', permissions: actor.permissions }),
      ...(await this.extras(o.id)),
    };
  }

  /**
   * Today's board: the day's orders by start hour (Shanghai), each flagged when nobody is assigned
   * or the escort is late (not departed 30 minutes before the start, or not started once it began).
   */
  async board(date: string, cityIds: number[] | null, now = new Date()) {
    const [from, to] = shanghaiDayRange(date);
    const where: FindOptionsWhere<Order> = { startAt: And(MoreThanOrEqual(from), LessThan(to)), status: Not(In(['cancelled', 'closed', 'refunding', 'refunded'])) };
    if (cityIds !== null) where.cityId = In(cityIds);
    const rows = await this.orders.find({ where, order: { startAt: 'ASC', id: 'ASC' } });
    const views = await this.views(rows);
    const hours = new Map<number, { hour: number; orders: any[] }>();
    let unassigned = 0;
    let late = 0;
    for (const v of views) {
      const start = new Date(v.startAt).getTime();
      const isUnassigned = v.status === 'pending_dispatch' || (v.status === 'pending_payment' && v.escortId === null);
      const isLate =
        (['dispatched', 'accepted'].includes(v.status) && start - now.getTime() <= 30 * 60_000) ||
        (v.status === 'departed' && start <= now.getTime());
      if (isUnassigned) unassigned++;
      if (isLate) late++;
      const hour = new Date(start + SHANGHAI_UTC_OFFSET_MINUTES * 60_000).getUTCHours();
      if (!hours.has(hour)) hours.set(hour, { hour, orders: [] });
      hours.get(hour)!.orders.push({ ...v, unassigned: isUnassigned, late: isLate });
    }
    return { date, total: views.length, unassigned, late, hours: [...hours.values()].sort((a, b) => a.hour - b.hour) };
  }

  // ---------------------------------------------------------------- for schedules, leave and dispatch

  /**
   * The escort's orders that hold time overlapping `[start, end)` (assigned, in progress, or booked
   * with them as the chosen escort and not yet paid): what leave or time off would collide with.
   */
  async heldOrdersOverlapping(escortId: number, start: Date, end: Date, manager?: EntityManager) {
    const repo = manager ? manager.getRepository(Order) : this.orders;
    const rows = await repo.find({
      where: { escortId, status: In([...CLAIM_HOLDING_STATUSES]), startAt: LessThan(end), endAt: MoreThan(start) },
      order: { startAt: 'ASC' },
    });
    return rows;
  }

  /** A short view of an order for collision lists, the pool and the day board. */
  brief(o: Order) {
    return {
      id: o.id,
      orderNo: o.orderNo,
      status: o.status,
      statusLabel: ORDER_STATUS_LABELS[o.status],
      cityId: o.cityId,
      customerId: o.customerId,
      serviceItemId: o.serviceItemId,
      serviceName: o.serviceName,
      categoryCode: o.categoryCode,
      hospitalId: o.hospitalId,
      hospitalName: o.hospitalName,
      serviceAddress: o.serviceAddress,
      escortId: o.escortId,
      startAt: o.startAt,
      endAt: o.endAt,
      durationMinutes: o.durationMinutes,
      paidAt: o.paidAt,
      assignedAt: o.assignedAt,
    };
  }

  /** Paid orders nobody holds (the dispatch pool), soonest first. */
  async pool(cityIds: number[] | null, q: PageQuery & { date?: string }) {
    const where: FindOptionsWhere<Order> = { status: 'pending_dispatch' };
    if (cityIds !== null) where.cityId = In(cityIds);
    if (q.date) {
      const [from, to] = shanghaiDayRange(q.date);
      where.startAt = And(MoreThanOrEqual(from), LessThan(to));
    }
    const [rows, total] = await this.orders.findAndCount({ where, order: { startAt: 'ASC', id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return { rows, total };
  }

  /** How often each order was declined or sent back to the pool (from the status log). */
  async dispatchHistory(orderIds: number[]): Promise<Map<number, { declines: number; returns: number }>> {
    const out = new Map<number, { declines: number; returns: number }>();
    if (!orderIds.length) return out;
    const logs = await this.logs.find({ where: { orderId: In(orderIds), action: In(['decline', 'redispatch']) }, select: { orderId: true, action: true } });
    for (const l of logs) {
      const h = out.get(l.orderId) ?? { declines: 0, returns: 0 };
      if (l.action === 'decline') h.declines++;
      else h.returns++;
      out.set(l.orderId, h);
    }
    return out;
  }

  /** Assigned orders whose escort has not set off although the start is `lateMinutes` away or past. */
  async lateToDepart(cityIds: number[] | null, now: Date, lateMinutes: number) {
    const where: FindOptionsWhere<Order> = {
      status: In(['dispatched', 'accepted']),
      startAt: LessThanOrEqual(addMinutes(now, lateMinutes)),
      endAt: MoreThan(now),
    };
    if (cityIds !== null) where.cityId = In(cityIds);
    return this.orders.find({ where, order: { startAt: 'ASC' }, take: 200 });
  }

  /** Orders each escort of the city holds on the Shanghai day `[from, to)` (for the load part of the score). */
  async loadsBetween(cityId: number, from: Date, to: Date): Promise<Map<number, number>> {
    const rows = await this.orders
      .createQueryBuilder('o')
      .select('o.escort_id', 'escortId')
      .addSelect('COUNT(*)', 'n')
      .where('o.city_id = :cityId AND o.start_at >= :from AND o.start_at < :to AND o.escort_id IS NOT NULL', { cityId, from, to })
      .andWhere('o.status IN (:...statuses)', { statuses: ['dispatched', 'accepted', 'departed', 'in_service', 'completed'] })
      .groupBy('o.escort_id')
      .getRawMany();
    return new Map(rows.map(r => [Number(r.escortId), Number(r.n)]));
  }

  /** Escorts who have served (or are serving) this customer before. */
  async previousEscortsOf(customerId: number, exceptOrderId?: number): Promise<Set<number>> {
    const rows = await this.orders.find({
      where: { customerId, escortId: Not(IsNull()), status: In(['accepted', 'departed', 'in_service', 'completed']), ...(exceptOrderId ? { id: Not(exceptOrderId) } : {}) },
      select: { escortId: true },
    });
    return new Set(rows.map(r => r.escortId as number));
  }

  /** The day's live orders in the cities (for the Gantt board). */
  async ordersBetween(cityIds: number[] | null, from: Date, to: Date) {
    const where: FindOptionsWhere<Order> = { startAt: LessThan(to), endAt: MoreThan(from), status: Not(In(['cancelled', 'closed', 'refunding', 'refunded', 'pending_payment'])) };
    if (cityIds !== null) where.cityId = In(cityIds);
    return this.orders.find({ where, order: { startAt: 'ASC', id: 'ASC' } });
  }

  /** What a settlement statement shows of its orders (number, service, city, times, amounts), by id. */
  async briefs(orderIds: number[]): Promise<Map<number, { orderNo: string; serviceName: string; categoryCode: string; cityId: number; completedAt: Date | null; paidFen: number; status: OrderStatus }>> {
    const result = new Map();
    const unique = [...new Set(orderIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.orders.find({
        where: { id: In(unique.slice(i, i + 500)) },
        select: { id: true, orderNo: true, serviceName: true, categoryCode: true, cityId: true, completedAt: true, paidFen: true, status: true },
      });
      for (const o of rows) result.set(o.id, { orderNo: o.orderNo, serviceName: o.serviceName, categoryCode: o.categoryCode, cityId: o.cityId, completedAt: o.completedAt, paidFen: o.paidFen, status: o.status });
    }
    return result;
  }

  /**
   * Per escort since `from`: orders completed, started late (started more than `lateMinutes`
   * after the booked start) and declined by the escort (from the status log). The basis of the
   * performance view in the reviews module.
   */
  async escortPerformanceFacts(from: Date, lateMinutes: number, cityIds: number[] | null): Promise<Map<number, { completed: number; late: number; declined: number }>> {
    const out = new Map<number, { completed: number; late: number; declined: number }>();
    const fact = (id: number) => {
      let f = out.get(id);
      if (!f) out.set(id, (f = { completed: 0, late: 0, declined: 0 }));
      return f;
    };
    const where: FindOptionsWhere<Order> = { escortId: Not(IsNull()), status: 'completed', startAt: MoreThanOrEqual(from) };
    if (cityIds !== null) where.cityId = In(cityIds);
    const done = await this.orders.find({ where, select: { id: true, escortId: true, startAt: true, startedAt: true } });
    for (const o of done) {
      const f = fact(o.escortId as number);
      f.completed++;
      if (o.startedAt && o.startedAt.getTime() > o.startAt.getTime() + lateMinutes * 60_000) f.late++;
    }
    const declines = await this.logs
      .createQueryBuilder('l')
      .innerJoin(Order, 'o', 'o.id = l.order_id')
      .select('l.actor_id', 'escortId')
      .addSelect('COUNT(*)', 'n')
      .where('l.action = :action AND l.actor_type = :type AND l.created_at >= :from', { action: 'decline', type: 'escort', from })
      .andWhere(cityIds !== null ? 'o.city_id IN (:...cityIds)' : '1 = 1', cityIds !== null ? { cityIds: cityIds.length ? cityIds : [0] } : {})
      .groupBy('l.actor_id')
      .getRawMany();
    for (const d of declines) if (d.escortId !== null) fact(Number(d.escortId)).declined += Number(d.n);
    return out;
  }

  /** Open orders (assigned … in service) of these escorts, for their live status. */
  async openOrdersOf(escortIds: number[]) {
    if (!escortIds.length) return [];
    return this.orders.find({ where: { escortId: In(escortIds), status: In(['dispatched', 'accepted', 'departed', 'in_service']) }, select: { id: true, escortId: true, status: true, startAt: true, endAt: true } });
  }

  /**
   * The escort's income so far: each completed order's paid amount times the escort's share from
   * the commission rule in force when it completed (level × category), rounded per order (half up,
   * as the ledger's largest-remainder split of two parts) and summed in fen. Settlement statements
   * (`/api/escort/settlements`) show what was actually booked and paid.
   */
  async incomeOf(escortId: number, level: string, now = new Date()) {
    const shareOf = await this.commissions.resolver();
    const bp = shareOf(level, ANY_CATEGORY, now).shareBp;
    const rows = await this.orders.find({ where: { escortId, status: 'completed' }, order: { completedAt: 'DESC' }, select: { id: true, orderNo: true, serviceName: true, categoryCode: true, startAt: true, completedAt: true, paidFen: true } });
    const monthStart = new Date(`${toShanghaiDateString(now).slice(0, 7)}-01T00:00:00+08:00`);
    const dayStart = startOfShanghaiDay(now);
    let totalFen = 0;
    let monthFen = 0;
    let todayFen = 0;
    const recent = [];
    for (const o of rows) {
      const done = new Date(o.completedAt ?? o.startAt);
      const shareBp = shareOf(level, o.categoryCode, done).shareBp;
      const shareFen = applyBasisPoints(o.paidFen, shareBp);
      totalFen += shareFen;
      if (done.getTime() >= monthStart.getTime()) monthFen += shareFen;
      if (done.getTime() >= dayStart.getTime()) todayFen += shareFen;
      if (recent.length < 20) recent.push({ orderId: o.id, orderNo: o.orderNo, serviceName: o.serviceName, completedAt: o.completedAt, paidFen: o.paidFen, shareBp, shareFen });
    }
    return { commissionBp: bp, completedOrders: rows.length, totalFen, monthFen, todayFen, recent };
  }
}
