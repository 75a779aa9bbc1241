import { randomInt, timingSafeEqual } from 'crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { Order, ErrandDetails } from './order.entity';
import { OrderStatusLog } from './order-status-log.entity';
import { OrderNote } from './order-note.entity';
import { OrderReschedule } from './order-reschedule.entity';
import { OrderExtraCharge } from './order-extra-charge.entity';
import { OrderClaimService } from './order-claims';
import { ORDER_STATUS_LABELS, ORDER_TRANSITIONS, OrderAction, OrderActorType, OrderStatus, checkTransition } from './order-transitions';
import { START_REJECTION_MESSAGES, cancellationWithDeposit, checkStart, formatShanghai, suggestStarts, CancellationWithDeposit } from './booking-rules';
import type { DepositStatus, PriceLine } from './order-types';
import { CatalogService } from '../catalog/catalog.service';
import { HospitalService } from '../hospitals/hospital.service';
import { PatientService } from '../patients/patient.service';
import { EscortService } from '../escorts/escort.service';
import { SettingsService } from '../settings/settings.service';
import { EscortShare, LedgerService } from '../ledger/ledger.service';
import { CommissionService } from '../commissions/commission.service';
import { CreditService } from '../credit/credit.service';
import { BookingPolicy, bookingRefusal } from '../credit/credit-policy';
import { AnalyticsService } from '../analytics/analytics.service';
import { Escort } from '../escorts/escort.entity';
import { NotificationService, Recipient } from '../notifications/notification.service';
import type { NotificationEvent, QualityRules } from '../settings/settings-defaults';
import { AuditContext, AuditService } from '../audit/audit.service';
import { StaffUser } from '../users/staff-user.entity';
import { permissionsOf } from '../users/roles';
import { TransactionService } from '../../common/db/transaction.service';
import { CipherService } from '../../common/crypto/cipher.service';
import { isUniqueViolation } from '../../common/db-errors';
import { AppError, Errors } from '../../common/errors';
import { addMinutes, overlaps, SHANGHAI_UTC_OFFSET_MINUTES, type Interval } from '../../common/time';
import type { Principal } from '../../common/auth/principal';

/** Who is acting on an order: the logged-in principal, or the system (jobs, payment callbacks). */
export interface OrderActor {
  type: OrderActorType;
  id: number | null;
  name: string;
  permissions?: ReadonlySet<string>;
  /** Staff city scope; null = every city. */
  cityIds?: number[] | null;
}

export const SYSTEM_ACTOR: OrderActor = { type: 'system', id: null, name: '系统' };

export function actorOf(p: Principal): OrderActor {
  return { type: p.audience, id: p.userId, name: p.displayName, permissions: p.permissions, cityIds: p.cityIds };
}

export interface BookingRequest {
  serviceItemId: number;
  cityId: number;
  hospitalId?: number;
  departmentId?: number;
  patientId?: number;
  preferredEscortId?: number;
  startAt: Date;
  durationMinutes?: number;
  serviceAddress?: string;
  customerNote?: string;
  errand?: ErrandDetails;
}

export const MAX_VERIFICATION_FAILURES = 5;
/** Orders still ahead of or in service: what a credit tier's "open orders" counts. */
export const OPEN_STATUSES: OrderStatus[] = ['pending_payment', 'pending_dispatch', 'dispatched', 'accepted', 'departed', 'in_service'];
const VERIFICATION_CODE_DIGITS = 6;

/**
 * Booking and the order's life. Every status change goes through `transition()`: the table in
 * order-transitions.ts says who may do what, and the UPDATE ... WHERE status = <expected> makes
 * racing changes (a payment callback and a cancel, two dispatchers) end with exactly one winner.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrderService {
  @InjectEntityModel(Order)
  orders: Repository<Order>;

  @Inject()
  tx: TransactionService;

  @Inject()
  claims: OrderClaimService;

  @Inject()
  catalog: CatalogService;

  @Inject()
  hospitals: HospitalService;

  @Inject()
  patients: PatientService;

  @Inject()
  escorts: EscortService;

  @Inject()
  settings: SettingsService;

  @Inject()
  commissions: CommissionService;

  @Inject()
  notifications: NotificationService;

  @Inject()
  audit: AuditService;

  @Inject()
  cipher: CipherService;

  @Inject()
  ledger: LedgerService;

  @Inject()
  credit: CreditService;

  @Inject()
  analytics: AnalyticsService;

  // ---------------------------------------------------------------- booking

  /** Orders the customer holds that are neither finished nor cancelled (what credit tiers limit). */
  async openOrderCount(customerId: number, manager?: EntityManager): Promise<number> {
    return (manager ? manager.getRepository(Order) : this.orders).count({ where: { customerId, status: In(OPEN_STATUSES) } });
  }

  /**
   * The customer's credit may restrict booking (settings.quality.creditTiers, suspension): 422 with
   * the reason. Without `manager` a quick check before any work; with it, the binding check inside
   * the order's transaction (`CreditService.lockedPolicyIn`: the credit row locked first, then the
   * open orders counted), so simultaneous bookings cannot both pass a limit of one.
   */
  private async assertCreditAllows(customerId: number, inTx?: { manager: EntityManager; rules: QualityRules }): Promise<BookingPolicy> {
    const policy = inTx ? await this.credit.lockedPolicyIn(inTx.manager, customerId, inTx.rules) : await this.credit.policyFor(customerId);
    if (policy.maxOpenOrders === null && policy.status !== 'suspended') return policy;
    const refusal = bookingRefusal(policy, await this.openOrderCount(customerId, inTx?.manager));
    if (refusal) throw Errors.rule(refusal.code, refusal.message, { score: policy.score, maxOpenOrders: policy.maxOpenOrders });
    return policy;
  }

  /** Everything a booking needs, validated; throws a 4xx AppError for anything that cannot be served at all. */
  private async resolveBooking(customerId: number, req: BookingRequest) {
    const item = await this.catalog.getBookableItem(req.serviceItemId, req.cityId);
    const needsHospital = !item.isErrand && item.categoryCode !== 'home_care';
    if (needsHospital && !req.hospitalId) throw Errors.rule('HOSPITAL_REQUIRED', '请选择就诊医院');
    const hospital = req.hospitalId ? await this.hospitals.getForBooking(req.hospitalId) : null;
    if (hospital && hospital.cityId !== req.cityId) throw Errors.rule('HOSPITAL_CITY_MISMATCH', '所选医院不在该城市');
    const department = hospital && req.departmentId ? await this.hospitals.getDepartment(hospital.id, req.departmentId) : null;
    if (!item.isErrand && !req.patientId) throw Errors.rule('PATIENT_REQUIRED', '请选择就诊人');
    const patient = req.patientId ? await this.patients.getOwned(customerId, req.patientId) : null;
    if (item.isErrand && !req.errand) throw Errors.rule('ERRAND_DETAILS_REQUIRED', '请填写代办事项');
    const hasPlace = hospital || req.serviceAddress || req.errand?.pickupAddress || req.errand?.deliveryAddress;
    if (!needsHospital && !hasPlace) throw Errors.rule('ADDRESS_REQUIRED', '请填写服务地址');
    let escort = null;
    if (req.preferredEscortId) {
      escort = await this.escorts.getAssignable(req.preferredEscortId);
      if (escort.cityId !== req.cityId) throw Errors.rule('ESCORT_CITY_MISMATCH', '所选陪诊师不在该城市服务');
    }
    const durationMinutes = req.durationMinutes ?? item.defaultDurationMinutes;
    const startAt = new Date(req.startAt);
    const endAt = addMinutes(startAt, durationMinutes);
    return { item, hospital, department, patient, escort, durationMinutes, startAt, endAt };
  }

  private async isFirstOrder(customerId: number): Promise<boolean> {
    const earlier = await this.orders.findOne({ where: { customerId, status: Not(In(['cancelled', 'closed'])) }, select: { id: true } });
    return earlier === null;
  }

  /**
   * A quote: the price lines, and whether the time can be served. When it cannot, the answer says
   * why and offers the nearest start times that can.
   */
  async quote(customerId: number, req: BookingRequest, now = new Date()) {
    const b = await this.resolveBooking(customerId, req);
    const rules = await this.settings.get('booking');
    let reasonCode: string | null = checkStart(rules, b.startAt, b.durationMinutes, b.item, now);
    let busy: Interval[] = [];
    if (b.escort) {
      busy = await this.claims.busyIntervals(b.escort.id, now, addMinutes(now, (rules.maxDaysAhead + 2) * 24 * 60), rules.slotMinutes);
      if (!reasonCode && busy.some(i => overlaps(i, { start: b.startAt, end: b.endAt }))) reasonCode = 'SLOT_TAKEN';
    }
    const price = await this.catalog.quote({
      item: b.item,
      startAt: b.startAt,
      endAt: b.endAt,
      hospitalGrade: b.hospital?.grade ?? null,
      firstOrder: await this.isFirstOrder(customerId),
      member: false,
      now,
    });
    await this.analytics.quoteAsked({ cityId: req.cityId, categoryCode: b.item.categoryCode, hospitalId: b.hospital?.id ?? 0 }, now);
    const deposit = depositLines(await this.credit.policyFor(customerId));
    const reasonMessage =
      reasonCode === null ? null : reasonCode === 'SLOT_TAKEN' ? '所选陪诊师在该时间已有安排' : START_REJECTION_MESSAGES[reasonCode as keyof typeof START_REJECTION_MESSAGES];
    return {
      bookable: reasonCode === null,
      reasonCode,
      reasonMessage,
      suggestions: reasonCode === null ? [] : suggestStarts(rules, b.startAt, b.durationMinutes, b.item, busy, now),
      serviceItemId: b.item.id,
      serviceName: b.item.name,
      pricingUnit: b.item.pricingUnit,
      preparation: b.item.preparation,
      startAt: b.startAt,
      endAt: b.endAt,
      durationMinutes: b.durationMinutes,
      units: price.units,
      lines: [...price.lines, ...deposit] as PriceLine[],
      /** What is paid: the service's price plus the deposit, if the customer's credit asks for one. */
      totalFen: price.totalFen + sumFen(deposit),
      depositFen: sumFen(deposit),
    };
  }

  /** Creates an order awaiting payment; with a chosen escort, their time is claimed in the same transaction. */
  async create(customerId: number, req: BookingRequest, now = new Date()) {
    await this.assertCreditAllows(customerId);
    const b = await this.resolveBooking(customerId, req);
    const rules = await this.settings.get('booking');
    const rejection = checkStart(rules, b.startAt, b.durationMinutes, b.item, now);
    if (rejection) throw Errors.rule(rejection, START_REJECTION_MESSAGES[rejection]);
    const price = await this.catalog.quote({
      item: b.item,
      startAt: b.startAt,
      endAt: b.endAt,
      hospitalGrade: b.hospital?.grade ?? null,
      firstOrder: await this.isFirstOrder(customerId),
      member: false,
      now,
    });
    const quality = await this.settings.get('quality');
    const orderId = await this.tx.run(async manager => {
      // First statement of the transaction (see CreditService.lockedPolicyIn). The binding policy
      // also says whether the booking carries a deposit.
      const policy = await this.assertCreditAllows(customerId, { manager, rules: quality });
      const deposit = depositLines(policy);
      const depositFen = sumFen(deposit);
      const repo = manager.getRepository(Order);
      let id = 0;
      for (let attempt = 0; !id; attempt++) {
        try {
          const inserted = await repo.insert({
            orderNo: newOrderNo(new Date()),
            customerId,
            cityId: req.cityId,
            serviceItemId: b.item.id,
            serviceName: b.item.name,
            categoryCode: b.item.categoryCode,
            hospitalId: b.hospital?.id ?? null,
            hospitalName: b.hospital?.name ?? '',
            departmentId: b.department?.id ?? null,
            departmentName: b.department?.name ?? '',
            patientId: b.patient?.id ?? null,
            patientName: b.patient?.name ?? '',
            escortId: b.escort?.id ?? null,
            preferredEscortId: b.escort?.id ?? null,
            startAt: b.startAt,
            endAt: b.endAt,
            durationMinutes: b.durationMinutes,
            status: 'pending_payment',
            totalFen: price.totalFen + depositFen,
            paidFen: 0,
            penaltyFen: 0,
            refundDueFen: 0,
            depositFen,
            depositStatus: depositFen > 0 ? 'held' : 'none',
            units: price.units,
            priceLinesJson: JSON.stringify([...price.lines, ...deposit]),
            serviceAddress: req.serviceAddress ?? b.hospital?.address ?? '',
            errandJson: req.errand ? JSON.stringify(req.errand) : null,
            customerNote: req.customerNote ?? '',
            paymentDeadlineAt: addMinutes(now, rules.paymentWindowMinutes),
            verificationCodeEnc: null,
            verificationFailures: 0,
            cancelReason: '',
          });
          id = inserted.identifiers[0].id as number;
        } catch (err) {
          // Order numbers are random; a collision is rare and simply drawn again.
          if (!isUniqueViolation(err) || attempt >= 3) throw err;
        }
      }
      if (b.escort) await this.claims.claim(manager, b.escort.id, id, { start: b.startAt, end: b.endAt }, rules.slotMinutes);
      await this.log(manager, id, 'create', null, 'pending_payment', { type: 'customer', id: customerId, name: '客户' }, '');
      const order = await repo.findOneByOrFail({ id });
      await this.analytics.orderChangedIn(manager, null, order);
      await this.notify(manager, 'order_created', order, [{ type: 'customer', id: customerId }]);
      return id;
    });
    await this.afterCommit();
    return this.orders.findOneByOrFail({ id: orderId });
  }

  // ---------------------------------------------------------------- the one status change

  /**
   * Moves an order along the transition table with a compare-and-swap on its status. `patch`
   * holds the other columns that change with it; `effects` runs in the same transaction after
   * the swap (claims, notifications). 0 rows updated means someone else moved it first → 409.
   */
  async transition(
    manager: EntityManager,
    order: Order,
    action: OrderAction,
    actor: OrderActor,
    options: { reason?: string; patch?: Partial<Order> } = {}
  ): Promise<Order> {
    const check = checkTransition(action, order.status, actor);
    if (!check.ok) {
      if (check.reason === 'wrong_status') {
        throw Errors.conflict('ORDER_INVALID_TRANSITION', `订单当前状态为「${ORDER_STATUS_LABELS[order.status]}」，不能${ORDER_TRANSITIONS[action].label}`);
      }
      throw new AppError(403, 'ORDER_ACTION_FORBIDDEN', `无权${ORDER_TRANSITIONS[action].label}`);
    }
    const patch: Partial<Order> = { ...(options.patch ?? {}) };
    // The first assignment stays: dispatch latency (paid → first assigned) is measured from it.
    if (check.to === 'dispatched' && !order.firstAssignedAt) patch.firstAssignedAt = patch.assignedAt ?? new Date();
    const result = await manager
      .createQueryBuilder()
      .update(Order)
      .set({ ...patch, status: check.to })
      .where('id = :id AND status = :status', { id: order.id, status: order.status })
      .execute();
    if (!result.affected) {
      throw Errors.conflict('ORDER_INVALID_TRANSITION', `订单状态已变化，不能${ORDER_TRANSITIONS[action].label}，请刷新后重试`);
    }
    await this.log(manager, order.id, action, order.status, check.to, actor, options.reason ?? '');
    const after = await manager.getRepository(Order).findOneByOrFail({ id: order.id });
    await this.analytics.orderChangedIn(manager, order, after);
    return after;
  }

  private async log(manager: EntityManager, orderId: number, action: string, from: OrderStatus | null, to: OrderStatus, actor: OrderActor, reason: string) {
    await manager.getRepository(OrderStatusLog).insert({
      orderId,
      action,
      fromStatus: from,
      toStatus: to,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name.slice(0, 64),
      reason: reason.slice(0, 255),
    });
  }

  /** Loads the order inside the transaction, locked on MySQL, and checks the actor may see it at all. */
  async loadFor(manager: EntityManager, orderId: number, actor: OrderActor): Promise<Order> {
    const order = await manager.getRepository(Order).findOne({ where: { id: orderId }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
    assertVisible(order, actor);
    return order as Order;
  }

  // ---------------------------------------------------------------- payment (called by the payments module)

  /** A verified payment for the whole order. Races a cancel through the same compare-and-swap. */
  async markPaid(orderId: number, paidFen: number, paidAt = new Date()): Promise<Order> {
    const order = await this.tx.run(manager => this.markPaidIn(manager, orderId, paidFen, paidAt));
    await this.afterCommit();
    return order;
  }

  /**
   * `markPaid` inside the caller's transaction: the payments module commits the payment's success
   * and the order's move together, so neither can exist without the other. The caller calls
   * `afterCommit()` once its transaction committed.
   */
  async markPaidIn(manager: EntityManager, orderId: number, paidFen: number, paidAt: Date): Promise<Order> {
    const o = await this.loadFor(manager, orderId, SYSTEM_ACTOR);
    if (paidFen !== o.totalFen) throw Errors.rule('PAYMENT_AMOUNT_MISMATCH', '支付金额与订单金额不一致');
    const action: OrderAction = o.escortId ? 'pay_preassigned' : 'pay';
    const after = await this.transition(manager, o, action, SYSTEM_ACTOR, { patch: { paidFen, paidAt, assignedAt: o.escortId ? paidAt : null } });
    await this.notify(manager, 'order_paid', after, [{ type: 'customer', id: after.customerId }]);
    if (after.escortId) await this.notify(manager, 'new_assignment', after, [{ type: 'escort', id: after.escortId }]);
    return after;
  }

  /** The payments module reports the refund went through. */
  async markRefunded(orderId: number): Promise<Order> {
    return this.tx.run(async manager => this.markRefundedIn(manager, orderId));
  }

  /** `markRefunded` inside the payments module's transaction (the refund's success and the order's move commit together). */
  async markRefundedIn(manager: EntityManager, orderId: number): Promise<Order> {
    const after = await this.transition(manager, await this.loadFor(manager, orderId, SYSTEM_ACTOR), 'refund_succeeded', SYSTEM_ACTOR);
    // The cancelled order's money is settled: what was kept (the penalty) becomes platform revenue.
    await this.ledger.closeOrder(manager, orderId);
    return after;
  }

  /**
   * The escort's share for this order: the commission rule version in force at completion, by the
   * escort's level and the order's service category, read with the transaction's manager.
   */
  private async escortShare(manager: EntityManager, order: Order, completedAt: Date): Promise<EscortShare> {
    if (!order.escortId) return { shareBp: 0, versionId: 0 };
    const escort = await manager.getRepository(Escort).findOne({ where: { id: order.escortId }, select: { id: true, level: true } });
    return this.commissions.shareFor(manager, escort?.level ?? 'junior', order.categoryCode, completedAt);
  }

  /** An order the actor may see (404 / 403 otherwise), read outside any transaction. */
  async getForActor(orderId: number, actor: OrderActor): Promise<Order> {
    const order = await this.orders.findOneBy({ id: orderId });
    assertVisible(order, actor);
    return order as Order;
  }

  /** The payments module reports a completed order's deposit went back (in its refund's transaction). */
  async markDepositRefundedIn(manager: EntityManager, orderId: number): Promise<boolean> {
    const moved = await manager
      .createQueryBuilder()
      .update(Order)
      .set({ depositStatus: 'refunded' })
      .where('id = :id AND deposit_status = :due', { id: orderId, due: 'refund_due' })
      .execute();
    return Boolean(moved.affected);
  }

  /** Ids of orders whose deposit is in a state, a page after `afterId` (the payments job walks `refund_due`). */
  async idsWithDeposit(status: DepositStatus, limit = 200, afterId = 0): Promise<number[]> {
    const rows = await this.orders.find({ where: { depositStatus: status, id: MoreThan(afterId) }, select: { id: true }, order: { id: 'ASC' }, take: limit });
    return rows.map(r => r.id);
  }

  /** Ids of orders in a status, by id, a page after `afterId` (the payments job walks the `refunding` orders). */
  async idsInStatus(status: OrderStatus, limit = 200, afterId = 0): Promise<number[]> {
    const rows = await this.orders.find({ where: { status, id: MoreThan(afterId) }, select: { id: true }, order: { id: 'ASC' }, take: limit });
    return rows.map(r => r.id);
  }

  // ---------------------------------------------------------------- cancel

  /** What cancelling now would cost, shown before the customer confirms. */
  async cancelPreview(orderId: number, actor: OrderActor, now = new Date(), options: { noShow?: boolean } = {}): Promise<CancellationWithDeposit & { paidFen: number; needsRefund: boolean }> {
    const order = await this.orders.findOneBy({ id: orderId });
    assertVisible(order, actor);
    const o = order as Order;
    if (o.status === 'pending_payment') return { paidFen: 0, penaltyBp: 0, penaltyFen: 0, refundFen: 0, hoursBefore: 0, depositFen: 0, depositForfeitFen: 0, needsRefund: false };
    if (!ORDER_TRANSITIONS.cancel_paid.from.includes(o.status)) {
      throw Errors.conflict('ORDER_INVALID_TRANSITION', `订单当前状态为「${ORDER_STATUS_LABELS[o.status]}」，不能取消`);
    }
    const charge = cancellationWithDeposit((await this.settings.get('cancellation')).tiers, o.paidFen, heldDeposit(o), o.startAt, now, { noShow: options.noShow && actor.type === 'staff' });
    return { ...charge, paidFen: o.paidFen, needsRefund: charge.refundFen > 0 };
  }

  /**
   * Cancels: an unpaid order simply ends; a paid one owes the penalty tier's share and the rest is
   * refunded (staff may waive the penalty). A credit deposit is kept on a late cancellation or a
   * no-show (`noShow`, staff: the customer did not come; also recorded against their credit) and
   * given back otherwise (`cancellationWithDeposit`). The escort's time is released in the same
   * transaction.
   */
  async cancel(
    orderId: number,
    actor: OrderActor,
    reason: string,
    options: { waivePenalty?: boolean; noShow?: boolean; audit?: AuditContext } = {},
    now = new Date()
  ): Promise<Order> {
    if (options.waivePenalty && actor.type !== 'staff') throw Errors.forbidden('只有客服或运营可以免除违约金');
    if (options.noShow && actor.type !== 'staff') throw Errors.forbidden('只有客服或运营可以登记爽约');
    if (options.noShow && options.waivePenalty) throw Errors.rule('CANCEL_NO_SHOW_WAIVED', '登记爽约时不能同时免除违约金');
    const tiers = (await this.settings.get('cancellation')).tiers;
    const order = await this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      let after: Order;
      if (o.status === 'pending_payment') {
        if (options.noShow) throw Errors.conflict('ORDER_INVALID_TRANSITION', '订单尚未支付，不能登记爽约');
        const voided: Partial<Order> = o.depositFen > 0 ? { depositStatus: 'void' } : {};
        after = await this.transition(manager, o, 'cancel_unpaid', actor, { reason, patch: { cancelledAt: now, cancelReason: reason, ...voided } });
      } else {
        const charge = cancellationWithDeposit(tiers, o.paidFen, heldDeposit(o), o.startAt, now, { waivePenalty: options.waivePenalty, noShow: options.noShow });
        const action: OrderAction = charge.refundFen > 0 ? 'cancel_paid' : 'cancel_forfeit';
        const deposit: Partial<Order> = charge.depositFen > 0 ? { depositStatus: charge.depositForfeitFen > 0 ? 'forfeited' : 'returned' } : {};
        after = await this.transition(manager, o, action, actor, {
          reason,
          patch: { cancelledAt: now, cancelReason: reason, penaltyFen: charge.penaltyFen, refundDueFen: charge.refundFen, ...deposit },
        });
        // A kept deposit is platform revenue at once, booked as its own entry (deposit_forfeit).
        if (charge.depositForfeitFen > 0) await this.ledger.forfeitDeposit(manager, o.id, charge.depositForfeitFen);
        // Nothing to refund: the whole payment is kept as the penalty, so the order's money closes now.
        if (action === 'cancel_forfeit') await this.ledger.closeOrder(manager, o.id);
        // A customer's own cancellation that cost a penalty is a late cancellation for their credit.
        if (actor.type === 'customer' && charge.penaltyFen > 0) {
          await this.credit.recordIn(manager, o.customerId, { kind: 'late_cancel', orderId: o.id, sourceKey: `late_cancel:${o.id}`, reason: `订单 ${o.orderNo} 临近开始取消` });
        }
        if (options.noShow) {
          await this.credit.recordIn(manager, o.customerId, { kind: 'no_show', orderId: o.id, sourceKey: `no_show:${o.id}`, reason: `订单 ${o.orderNo} 客户爽约：${reason}`.slice(0, 255) }, { type: 'staff', id: actor.id, name: actor.name });
        }
      }
      await this.claims.releaseAll(manager, o.id);
      await manager.getRepository(OrderReschedule).update({ orderId: o.id, status: 'pending' }, { status: 'cancelled' });
      const recipients: Recipient[] = [{ type: 'customer', id: o.customerId }];
      if (o.escortId && o.status !== 'pending_payment') recipients.push({ type: 'escort', id: o.escortId });
      await this.notify(manager, 'order_cancelled', after, recipients, { reason: reason ? `原因：${reason}` : '' });
      if (options.audit) {
        await this.audit.record(options.audit, { action: 'order.cancel', targetType: 'order', targetId: o.id, before: brief(o), after: { ...brief(after), waivePenalty: Boolean(options.waivePenalty), noShow: Boolean(options.noShow) } }, manager);
      }
      return after;
    });
    await this.afterCommit();
    return order;
  }

  /** Closes orders whose payment window passed, releasing their claims. Each one is its own CAS, so running this twice at once is harmless. */
  async expireUnpaid(now = new Date(), limit = 200): Promise<number> {
    const due = await this.orders.find({ where: { status: 'pending_payment', paymentDeadlineAt: LessThan(now) }, order: { id: 'ASC' }, take: limit });
    let closed = 0;
    for (const candidate of due) {
      try {
        await this.tx.run(async manager => {
          const o = await this.loadFor(manager, candidate.id, SYSTEM_ACTOR);
          const after = await this.transition(manager, o, 'expire', SYSTEM_ACTOR, { reason: '超时未支付', patch: o.depositFen > 0 ? { depositStatus: 'void' } : {} });
          await this.claims.releaseAll(manager, o.id);
          await this.notify(manager, 'order_closed', after, [{ type: 'customer', id: o.customerId }]);
        });
        closed++;
      } catch (err) {
        // Paid or cancelled between the read and the swap: that order is no longer ours to close.
        if (!(err instanceof AppError && err.code === 'ORDER_INVALID_TRANSITION')) throw err;
      }
    }
    if (closed) await this.afterCommit();
    return closed;
  }

  // ---------------------------------------------------------------- dispatch and the escort's steps

  /**
   * Staff give the order to an escort (or move it to another): the new escort's time is claimed, the
   * old one's released. Whether the escort is available (shift, leave, credentials) is dispatch's
   * check before calling this; the claim here is what makes a concurrent double booking impossible.
   */
  async assign(orderId: number, escortId: number, actor: OrderActor, audit?: AuditContext, reason = ''): Promise<Order> {
    const escort = await this.escorts.getAssignable(escortId);
    const rules = await this.settings.get('booking');
    const order = await this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      if (escort.cityId !== o.cityId) throw Errors.rule('ESCORT_CITY_MISMATCH', '陪诊师不在订单所在城市');
      if (o.escortId === escortId && o.status !== 'pending_dispatch') throw Errors.conflict('ORDER_ALREADY_ASSIGNED', '订单已派给该陪诊师');
      const action: OrderAction = o.status === 'pending_dispatch' ? 'assign' : 'reassign';
      const now = new Date();
      const why = reason ? `派给 ${escort.name}：${reason}` : `派给 ${escort.name}`;
      const after = await this.transition(manager, o, action, actor, { reason: why, patch: { escortId, assignedAt: now } });
      if (o.escortId !== null && o.escortId !== escortId) {
        await this.notify(manager, 'assignment_withdrawn', o, [{ type: 'escort', id: o.escortId }], { reason: reason ? `原因：${reason}` : '' });
      }
      // Only a reassignment has claims to drop; deleting nothing would still take gap locks that
      // deadlock against the other dispatchers' inserts on MySQL.
      if (o.escortId !== null) await this.claims.releaseAll(manager, o.id);
      await this.claims.claim(manager, escortId, o.id, { start: o.startAt, end: o.endAt }, rules.slotMinutes);
      await this.notify(manager, 'new_assignment', after, [{ type: 'escort', id: escortId }], { escortName: escort.name });
      await this.notify(manager, 'escort_assigned', after, [{ type: 'customer', id: o.customerId }], { escortName: escort.name });
      if (audit) await this.audit.record(audit, { action: `order.${action}`, targetType: 'order', targetId: o.id, before: { ...brief(o) }, after: { ...brief(after), reason } }, manager);
      return after;
    });
    await this.afterCommit();
    return order;
  }

  /**
   * Sends an assigned order back to the dispatch pool inside the caller's transaction (leave
   * approval, the accept timeout, a dispatcher): the escort's time is released, the escort is told
   * it was withdrawn and the city's dispatchers get an alert, so the order is never silently left.
   */
  async returnToPoolIn(manager: EntityManager, o: Order, actor: OrderActor, reason: string): Promise<Order> {
    const after = await this.transition(manager, o, 'redispatch', actor, { reason, patch: { escortId: null, assignedAt: null } });
    await this.claims.releaseAll(manager, o.id);
    await manager.getRepository(OrderReschedule).update({ orderId: o.id, status: 'pending' }, { status: 'cancelled' });
    if (o.escortId) await this.notify(manager, 'assignment_withdrawn', o, [{ type: 'escort', id: o.escortId }], { reason: `原因：${reason}` });
    await this.notify(manager, 'order_returned_to_pool', after, await this.dispatchersOf(manager, o.cityId), { reason: `原因：${reason}` });
    return after;
  }

  /** `returnToPoolIn` in a transaction of its own, for one order by id. */
  async returnToPool(orderId: number, actor: OrderActor, reason: string, audit?: AuditContext): Promise<Order> {
    const order = await this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      const after = await this.returnToPoolIn(manager, o, actor, reason);
      if (audit) await this.audit.record(audit, { action: 'order.redispatch', targetType: 'order', targetId: o.id, before: brief(o), after: { ...brief(after), reason } }, manager);
      return after;
    });
    await this.afterCommit();
    return order;
  }

  /**
   * The accept timeout: `dispatched` orders assigned before `cutoff` and still not accepted go back
   * to the pool by the system. Each order is its own compare-and-swap, so an accept that lands
   * first wins and the order is simply skipped.
   */
  async returnUnaccepted(cutoff: Date, limit = 200): Promise<number[]> {
    const due = await this.orders.find({ where: { status: 'dispatched', assignedAt: LessThan(cutoff) }, order: { assignedAt: 'ASC' }, take: limit, select: { id: true } });
    const returned: number[] = [];
    for (const candidate of due) {
      try {
        await this.tx.run(async manager => {
          const o = await this.loadFor(manager, candidate.id, SYSTEM_ACTOR);
          if (o.status !== 'dispatched' || !o.assignedAt || new Date(o.assignedAt).getTime() >= cutoff.getTime()) return;
          await this.returnToPoolIn(manager, o, SYSTEM_ACTOR, '陪诊师超时未接单');
          returned.push(o.id);
        });
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'ORDER_INVALID_TRANSITION')) throw err;
      }
    }
    if (returned.length) await this.afterCommit();
    return returned;
  }

  /** Escort steps that only change the status (and stamp a time). */
  async escortStep(orderId: number, action: 'accept' | 'decline' | 'depart' | 'start', actor: OrderActor, reason = ''): Promise<Order> {
    const order = await this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      const now = new Date();
      if (action === 'decline') {
        const after = await this.transition(manager, o, 'decline', actor, { reason, patch: { escortId: null, assignedAt: null } });
        await this.claims.releaseAll(manager, o.id);
        await this.notify(manager, 'escort_declined', after, await this.dispatchersOf(manager, o.cityId), { escortName: actor.name, reason });
        return after;
      }
      if (action === 'start') {
        const code = String(randomInt(0, 10 ** VERIFICATION_CODE_DIGITS)).padStart(VERIFICATION_CODE_DIGITS, '0');
        const after = await this.transition(manager, o, 'start', actor, { patch: { startedAt: now, verificationCodeEnc: this.cipher.encrypt(code), verificationFailures: 0 } });
        await this.notify(manager, 'service_started', after, [{ type: 'customer', id: o.customerId }], { code });
        return after;
      }
      const after = await this.transition(manager, o, action, actor);
      const event: NotificationEvent = action === 'accept' ? 'escort_accepted' : 'escort_departed';
      await this.notify(manager, event, after, [{ type: 'customer', id: o.customerId }], { escortName: actor.name });
      return after;
    });
    await this.afterCommit();
    return order;
  }

  /**
   * The escort finishes with the customer's verification code. A wrong code counts against the
   * order (outside the failed transaction, so the count sticks); after five the code is locked
   * and the customer confirms in the app instead.
   */
  async completeWithCode(orderId: number, code: string, actor: OrderActor): Promise<Order> {
    const current = await this.orders.findOneBy({ id: orderId });
    assertVisible(current, actor);
    const o = current as Order;
    if (o.status !== 'in_service' || !o.verificationCodeEnc) {
      throw Errors.conflict('ORDER_INVALID_TRANSITION', `订单当前状态为「${ORDER_STATUS_LABELS[o.status]}」，不能核销`);
    }
    if (o.verificationFailures >= MAX_VERIFICATION_FAILURES) {
      throw new AppError(423, 'VERIFICATION_LOCKED', '核销码错误次数过多已锁定，请让客户在小程序中确认完成');
    }
    const expected = Buffer.from(this.cipher.decrypt(o.verificationCodeEnc));
    const given = Buffer.from(String(code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const bumped = await this.orders
        .createQueryBuilder()
        .update(Order)
        .set({ verificationFailures: () => 'verification_failures + 1' })
        .where('id = :id AND status = :status AND verification_failures < :max', { id: o.id, status: 'in_service', max: MAX_VERIFICATION_FAILURES })
        .execute();
      const after = await this.orders.findOneByOrFail({ id: o.id });
      if (!bumped.affected || after.verificationFailures >= MAX_VERIFICATION_FAILURES) {
        throw new AppError(423, 'VERIFICATION_LOCKED', '核销码错误次数过多已锁定，请让客户在小程序中确认完成');
      }
      throw Errors.rule('VERIFICATION_CODE_INVALID', `核销码错误，还可尝试 ${MAX_VERIFICATION_FAILURES - after.verificationFailures} 次`, {
        attemptsLeft: MAX_VERIFICATION_FAILURES - after.verificationFailures,
      });
    }
    return this.complete(orderId, actor, '核销码核销');
  }

  /** Completion by the customer's confirmation, staff, or a verified code. */
  async complete(orderId: number, actor: OrderActor, reason: string, audit?: AuditContext): Promise<Order> {
    const order = await this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      const completedAt = new Date();
      // A deposit goes back now: the payments job asks the channel (RefundService.requestDueDepositRefunds).
      const held = heldDeposit(o);
      const after = await this.transition(manager, o, 'complete', actor, { reason, patch: { completedAt, ...(held > 0 ? { depositStatus: 'refund_due' as const } : {}) } });
      await this.claims.releaseAll(manager, o.id);
      // Revenue is recognised with the completion, split with the escort who finished the order by
      // the commission rule in force at that moment (the entry keeps the bp and version). The
      // deposit is not revenue: it stays a prepayment until its refund.
      await this.ledger.recogniseOrder(manager, o.id, after.escortId, await this.escortShare(manager, after, completedAt), held);
      if (o.escortId) await this.escorts.recordServed(manager, o.escortId);
      await this.credit.recordIn(manager, o.customerId, { kind: 'completed', orderId: o.id, sourceKey: `order_completed:${o.id}`, reason: `订单 ${o.orderNo} 完成` });
      const recipients: Recipient[] = [{ type: 'customer', id: o.customerId }];
      if (o.escortId) recipients.push({ type: 'escort', id: o.escortId });
      await this.notify(manager, 'order_completed', after, recipients);
      if (audit) await this.audit.record(audit, { action: 'order.complete', targetType: 'order', targetId: o.id, before: brief(o), after: brief(after) }, manager);
      return after;
    });
    await this.afterCommit();
    return order;
  }

  // ---------------------------------------------------------------- reschedule

  /**
   * Moves the start. Without an escort it applies at once. With one, the new time is held for
   * them (a conflict is 409 SLOT_TAKEN) until they accept or decline; staff may instead send the
   * order back to the dispatch pool at the new time (`redispatch`).
   */
  async requestReschedule(orderId: number, startAt: Date, actor: OrderActor, options: { reason?: string; redispatch?: boolean; audit?: AuditContext } = {}, now = new Date()) {
    const rules = await this.settings.get('booking');
    const result = await this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      if (!['pending_payment', 'pending_dispatch', 'dispatched', 'accepted'].includes(o.status)) {
        throw Errors.conflict('ORDER_INVALID_TRANSITION', `订单当前状态为「${ORDER_STATUS_LABELS[o.status]}」，不能改约`);
      }
      const rejection = checkStart(rules, startAt, o.durationMinutes, { minDurationMinutes: o.durationMinutes, maxDurationMinutes: o.durationMinutes }, now);
      if (rejection) throw Errors.rule(rejection, START_REJECTION_MESSAGES[rejection]);
      if (startAt.getTime() === new Date(o.startAt).getTime()) throw Errors.rule('RESCHEDULE_SAME_TIME', '新的时间与原时间相同');
      const pending = await manager.getRepository(OrderReschedule).count({ where: { orderId: o.id, status: 'pending' } });
      if (pending) throw Errors.conflict('RESCHEDULE_PENDING', '已有待陪诊师确认的改约申请');
      const endAt = addMinutes(startAt, o.durationMinutes);
      const rescheduleRepo = manager.getRepository(OrderReschedule);
      const base = { orderId: o.id, fromStartAt: o.startAt, toStartAt: startAt, toEndAt: endAt, requestedByType: actor.type, requestedById: actor.id, reason: options.reason ?? '' };

      if (options.redispatch) {
        if (actor.type !== 'staff') throw Errors.forbidden('只有运营可以改约并重新派单');
        if (o.escortId === null) throw Errors.rule('RESCHEDULE_NOT_ASSIGNED', '订单尚未派单，直接改约即可');
        const after = await this.transition(manager, o, 'redispatch', actor, { reason: `改约到 ${formatShanghai(startAt)} 并重新派单`, patch: { startAt, endAt, escortId: null, assignedAt: null } });
        await this.claims.releaseAll(manager, o.id);
        await rescheduleRepo.insert({ ...base, status: 'accepted' });
        await this.notify(manager, 'reschedule_accepted', after, [{ type: 'customer', id: o.customerId }, { type: 'escort', id: o.escortId }]);
        if (options.audit) await this.audit.record(options.audit, { action: 'order.reschedule', targetType: 'order', targetId: o.id, before: brief(o), after: brief(after) }, manager);
        return { applied: true, pendingEscort: false, order: after };
      }

      if (o.escortId === null) {
        const moved = await manager
          .createQueryBuilder()
          .update(Order)
          .set({ startAt, endAt })
          .where('id = :id AND status = :status', { id: o.id, status: o.status })
          .execute();
        if (!moved.affected) throw Errors.conflict('ORDER_INVALID_TRANSITION', '订单状态已变化，请刷新后重试');
        await rescheduleRepo.insert({ ...base, status: 'accepted' });
        await this.log(manager, o.id, 'reschedule', o.status, o.status, actor, `改约：${formatShanghai(o.startAt)} → ${formatShanghai(startAt)}`);
        const after = await manager.getRepository(Order).findOneByOrFail({ id: o.id });
        await this.analytics.orderChangedIn(manager, o, after);
        await this.notify(manager, 'reschedule_accepted', after, [{ type: 'customer', id: o.customerId }]);
        if (options.audit) await this.audit.record(options.audit, { action: 'order.reschedule', targetType: 'order', targetId: o.id, before: brief(o), after: brief(after) }, manager);
        return { applied: true, pendingEscort: false, order: after };
      }

      const inserted = await rescheduleRepo.insert({ ...base, status: 'pending' });
      const rescheduleId = inserted.identifiers[0].id as number;
      const mine = await this.claims.cellsOf(manager, o.id);
      await this.claims.claim(manager, o.escortId, o.id, { start: startAt, end: endAt }, rules.slotMinutes, { rescheduleId, alreadyMine: mine });
      await this.log(manager, o.id, 'reschedule_request', o.status, o.status, actor, `申请改约到 ${formatShanghai(startAt)}`);
      await this.notify(manager, 'reschedule_requested', { ...o, startAt }, [{ type: 'escort', id: o.escortId }]);
      if (options.audit) await this.audit.record(options.audit, { action: 'order.reschedule_request', targetType: 'order', targetId: o.id, before: brief(o), after: { toStartAt: startAt } }, manager);
      return { applied: false, pendingEscort: true, rescheduleId, order: o };
    });
    await this.afterCommit();
    return result;
  }

  /** The assigned escort answers a pending reschedule. */
  async answerReschedule(orderId: number, rescheduleId: number, accept: boolean, actor: OrderActor): Promise<Order> {
    const order = await this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      const repo = manager.getRepository(OrderReschedule);
      const r = await repo.findOne({ where: { id: rescheduleId, orderId: o.id } });
      if (!r) throw Errors.notFound('改约申请');
      const answered = await repo.update({ id: r.id, status: 'pending' }, { status: accept ? 'accepted' : 'declined' });
      if (!answered.affected) throw Errors.conflict('RESCHEDULE_ANSWERED', '该改约申请已处理');
      if (!accept) {
        await this.claims.releaseHold(manager, o.id, r.id);
        await this.log(manager, o.id, 'reschedule_decline', o.status, o.status, actor, '陪诊师未接受改约');
        await this.notify(manager, 'reschedule_declined', o, [{ type: 'customer', id: o.customerId }]);
        return o;
      }
      const moved = await manager
        .createQueryBuilder()
        .update(Order)
        .set({ startAt: r.toStartAt, endAt: r.toEndAt })
        .where('id = :id AND status = :status', { id: o.id, status: o.status })
        .execute();
      if (!moved.affected) throw Errors.conflict('ORDER_INVALID_TRANSITION', '订单状态已变化，请刷新后重试');
      await this.claims.commitHold(manager, o.id, r.id, { start: r.toStartAt, end: r.toEndAt });
      await this.log(manager, o.id, 'reschedule_accept', o.status, o.status, actor, `改约：${formatShanghai(o.startAt)} → ${formatShanghai(r.toStartAt)}`);
      const after = await manager.getRepository(Order).findOneByOrFail({ id: o.id });
      await this.analytics.orderChangedIn(manager, o, after);
      await this.notify(manager, 'reschedule_accepted', after, [{ type: 'customer', id: o.customerId }]);
      return after;
    });
    await this.afterCommit();
    return order;
  }

  // ---------------------------------------------------------------- notes and extra charges

  async addNote(orderId: number, actor: OrderActor, content: string, audit: AuditContext) {
    return this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      const inserted = await manager.getRepository(OrderNote).insert({ orderId: o.id, authorId: actor.id ?? 0, authorName: actor.name, content });
      await this.audit.record(audit, { action: 'order.note', targetType: 'order', targetId: o.id, after: { content } }, manager);
      return manager.getRepository(OrderNote).findOneByOrFail({ id: inserted.identifiers[0].id });
    });
  }

  /** An escort records money laid out during the service (errands), with the receipt. */
  async addExtraCharge(orderId: number, actor: OrderActor, input: { description: string; amountFen: number; receiptUrl?: string }) {
    return this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      if (o.status !== 'in_service') throw Errors.conflict('ORDER_INVALID_TRANSITION', '只有服务中的订单可以登记代垫费用');
      const inserted = await manager.getRepository(OrderExtraCharge).insert({
        orderId: o.id,
        description: input.description,
        amountFen: input.amountFen,
        receiptUrl: input.receiptUrl ?? '',
        status: 'pending',
        escortId: actor.id as number,
      });
      return manager.getRepository(OrderExtraCharge).findOneByOrFail({ id: inserted.identifiers[0].id });
    });
  }

  /** An order's extra charges, oldest first: the payments module derives the postpay balance from them (read only). */
  extraChargesOf(orderId: number, manager: EntityManager = this.orders.manager): Promise<OrderExtraCharge[]> {
    return manager.getRepository(OrderExtraCharge).find({ where: { orderId }, order: { id: 'ASC' } });
  }

  /** The customer confirms or rejects an extra charge (confirmed ones are paid after the service). */
  async answerExtraCharge(orderId: number, chargeId: number, confirm: boolean, actor: OrderActor) {
    return this.tx.run(async manager => {
      const o = await this.loadFor(manager, orderId, actor);
      const repo = manager.getRepository(OrderExtraCharge);
      const res = await repo.update({ id: chargeId, orderId: o.id, status: 'pending' }, { status: confirm ? 'confirmed' : 'rejected' });
      if (!res.affected) {
        if (!(await repo.findOneBy({ id: chargeId, orderId: o.id }))) throw Errors.notFound('费用');
        throw Errors.conflict('EXTRA_CHARGE_ANSWERED', '该费用已确认或已拒绝');
      }
      return repo.findOneByOrFail({ id: chargeId });
    });
  }

  // ---------------------------------------------------------------- reminders and notifications

  /** "Starts in N hours" reminders, once per order (the reminded_at swap decides who sends). */
  async sendReminders(now = new Date()): Promise<number> {
    const hours = (await this.settings.get('notifications')).reminderHoursBefore;
    const due = await this.orders.find({
      where: { status: In(['pending_dispatch', 'dispatched', 'accepted']), startAt: LessThan(addMinutes(now, hours * 60)), remindedAt: IsNull() },
      order: { startAt: 'ASC' },
      take: 500,
    });
    let sent = 0;
    for (const o of due) {
      if (o.remindedAt || new Date(o.startAt).getTime() <= now.getTime()) continue;
      await this.tx.run(async manager => {
        const won = await manager
          .createQueryBuilder()
          .update(Order)
          .set({ remindedAt: now })
          .where('id = :id AND reminded_at IS NULL', { id: o.id })
          .execute();
        if (!won.affected) return;
        const recipients: Recipient[] = [{ type: 'customer', id: o.customerId }];
        if (o.escortId) recipients.push({ type: 'escort', id: o.escortId });
        await this.notify(manager, 'order_reminder', o, recipients);
        sent++;
      });
    }
    if (sent) await this.afterCommit();
    return sent;
  }

  private async notify(manager: EntityManager, event: NotificationEvent, o: Pick<Order, 'id' | 'orderNo' | 'serviceName' | 'startAt' | 'hospitalName' | 'serviceAddress'>, recipients: Recipient[], extra: Record<string, string> = {}) {
    await this.notifications.notify(
      manager,
      event,
      recipients,
      { orderNo: o.orderNo, serviceName: o.serviceName, startTime: formatShanghai(new Date(o.startAt)), hospitalName: o.hospitalName || o.serviceAddress, escortName: '', reason: '', ...extra },
      o.id
    );
  }

  /** Staff who dispatch in the city: they hear when an escort declines or an order returns to the pool. */
  async dispatchersOf(manager: EntityManager, cityId: number): Promise<Recipient[]> {
    const staff = await manager.getRepository(StaffUser).find({ where: { status: 'active' } });
    return staff
      .filter(s => permissionsOf(s.roles).has('order:dispatch') && (s.roles.includes('admin') || s.cityIds.includes(cityId)))
      .map(s => ({ type: 'staff' as const, id: s.id }));
  }

  /**
   * Outside-channel deliveries happen after the commit; a failure is retried by the job, never
   * undoes the order. Public for callers of the `...In(manager)` methods, after their commit.
   */
  async afterCommit(): Promise<void> {
    await this.notifications.flush().catch(() => undefined);
  }
}

/** 404 for an order the actor may not see: customers their own, escorts their assigned, staff their cities. */
export function assertVisible(order: Order | null, actor: OrderActor): asserts order is Order {
  if (!order) throw Errors.notFound('订单');
  if (actor.type === 'customer' && order.customerId !== actor.id) throw Errors.notFound('订单');
  if (actor.type === 'escort' && order.escortId !== actor.id) throw Errors.notFound('订单');
  if (actor.type === 'staff' && actor.cityIds && !actor.cityIds.includes(order.cityId)) throw Errors.cityScope();
}

function brief(o: Order) {
  return { orderNo: o.orderNo, status: o.status, escortId: o.escortId, startAt: o.startAt, paidFen: o.paidFen, penaltyFen: o.penaltyFen, refundDueFen: o.refundDueFen };
}

/** PZ + yymmddHHMM (Shanghai) + 6 random digits: sortable by time, unguessable enough not to enumerate. */
export function newOrderNo(now: Date): string {
  const local = new Date(now.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${p(local.getUTCFullYear() % 100)}${p(local.getUTCMonth() + 1)}${p(local.getUTCDate())}${p(local.getUTCHours())}${p(local.getUTCMinutes())}`;
  return `PZ${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** The deposit a paid order still holds (0 when it has none, or it went back or was kept already). */
export function heldDeposit(o: Pick<Order, 'depositFen' | 'depositStatus' | 'paidFen'>): number {
  return o.depositStatus === 'held' && o.paidFen > 0 ? Math.min(o.depositFen, o.paidFen) : 0;
}

/** The deposit line a booking carries under the customer's credit policy (none when it asks for none). */
function depositLines(policy: BookingPolicy): PriceLine[] {
  if (policy.depositFen <= 0) return [];
  return [
    {
      kind: 'deposit',
      code: 'CREDIT_DEPOSIT',
      label: '押金',
      amountFen: policy.depositFen,
      detail: `信用分 ${policy.score}：服务完成后自动退还；临近开始取消或爽约不退`,
    },
  ];
}

const sumFen = (lines: PriceLine[]) => lines.reduce((n, l) => n + l.amountFen, 0);

export function priceLinesOf(o: Order): PriceLine[] {
  return JSON.parse(o.priceLinesJson) as PriceLine[];
}
