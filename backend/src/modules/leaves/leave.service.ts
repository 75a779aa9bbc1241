import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, FindOptionsWhere, In, LessThan, MoreThan, Repository } from 'typeorm';
import { EscortLeave, LEAVE_STATUSES, LEAVE_TYPES, LeaveStatus, LeaveType } from './escort-leave.entity';
import { EscortService } from '../escorts/escort.service';
import { Escort } from '../escorts/escort.entity';
import { OrderActor, OrderService } from '../orders/order.service';
import { OrderQueryService } from '../orders/order-query.service';
import { OrderClaimService } from '../orders/order-claims';
import { formatShanghai } from '../orders/booking-rules';
import { NotificationService } from '../notifications/notification.service';
import { SettingsService } from '../settings/settings.service';
import { staffHolding } from '../users/staff-recipients';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';
import type { Interval } from '../../common/time';

export interface LeaveInput {
  type: LeaveType;
  startAt: Date;
  endAt: Date;
  reason: string;
}

const MAX_LEAVE_DAYS = 31;
/** Orders in these statuses can go back to the pool; later ones (on the way, in service) cannot. */
const RETURNABLE = ['dispatched', 'accepted'];

function describe(l: Pick<EscortLeave, 'startAt' | 'endAt' | 'type'>): string {
  return `${formatShanghai(new Date(l.startAt))} 至 ${formatShanghai(new Date(l.endAt))}（${LEAVE_TYPES[l.type]}）`;
}

/**
 * Escort leave. Approval never strands an order: it lists the assigned orders the leave collides
 * with and refuses until they were reassigned, or (`returnToPool`) sends them back to the dispatch
 * pool through OrderService with an alert to dispatchers, all in the same transaction that
 * claims the escort's time for the leave.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class LeaveService {
  @InjectEntityModel(EscortLeave)
  leaves: Repository<EscortLeave>;

  @Inject()
  escorts: EscortService;

  @Inject()
  orders: OrderService;

  @Inject()
  orderQuery: OrderQueryService;

  @Inject()
  claims: OrderClaimService;

  @Inject()
  notifications: NotificationService;

  @Inject()
  settings: SettingsService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  view(l: EscortLeave, names?: Map<number, string>) {
    return {
      id: l.id,
      escortId: l.escortId,
      escortName: names?.get(l.escortId) ?? '',
      cityId: l.cityId,
      type: l.type,
      typeLabel: LEAVE_TYPES[l.type],
      startAt: l.startAt,
      endAt: l.endAt,
      reason: l.reason,
      status: l.status,
      statusLabel: LEAVE_STATUSES[l.status],
      source: l.source,
      createdByName: l.createdByName,
      decidedAt: l.decidedAt,
      decidedByName: l.decidedByName,
      decisionReason: l.decisionReason,
      returnedOrders: l.returnedOrders,
      createdAt: l.createdAt,
    };
  }

  private checkInput(input: LeaveInput, now: Date, source: 'escort' | 'staff') {
    const start = new Date(input.startAt).getTime();
    const end = new Date(input.endAt).getTime();
    if (end <= start) throw Errors.validation('结束时间必须晚于开始时间');
    if (end - start > MAX_LEAVE_DAYS * 24 * 3600_000) throw Errors.validation(`单次请假不能超过 ${MAX_LEAVE_DAYS} 天`);
    // Staff may record leave that already began (a sick call this morning); escorts ask ahead.
    const earliest = source === 'staff' ? now.getTime() - 24 * 3600_000 : now.getTime() - 5 * 60_000;
    if (end <= now.getTime() || start < earliest) throw Errors.rule('LEAVE_IN_PAST', '请假时间不能早于当前时间');
  }

  async create(escortId: number, input: LeaveInput, by: { source: 'escort' | 'staff'; name: string; audit?: AuditContext; cityIds?: number[] | null }, now = new Date()) {
    const escort = by.source === 'staff' ? await this.escorts.mustFindInScope(escortId, by.cityIds ?? null) : await this.escorts.mustFind(escortId);
    this.checkInput(input, now, by.source);
    const id = await this.tx.run(async manager => {
      const overlapping = await manager.getRepository(EscortLeave).count({
        where: { escortId, status: In(['pending', 'approved']), startAt: LessThan(new Date(input.endAt)), endAt: MoreThan(new Date(input.startAt)) },
      });
      if (overlapping) throw Errors.conflict('LEAVE_OVERLAPS', '与已有的请假时间重叠');
      const inserted = await manager.getRepository(EscortLeave).insert({
        escortId,
        cityId: escort.cityId,
        type: input.type,
        startAt: new Date(input.startAt),
        endAt: new Date(input.endAt),
        reason: input.reason,
        status: 'pending',
        source: by.source,
        createdByName: by.name.slice(0, 64),
      });
      const leaveId = inserted.identifiers[0].id as number;
      const recipients = await staffHolding(manager, 'leave:write', escort.cityId);
      if (by.source === 'escort') await this.notifications.notify(manager, 'leave_requested', recipients, { escortName: escort.name, detail: describe(input) }, null);
      if (by.audit) await this.audit.record(by.audit, { action: 'leave.create', targetType: 'escort_leave', targetId: leaveId, after: { escortId, ...input } }, manager);
      return leaveId;
    });
    await this.notifications.flush().catch(() => undefined);
    return this.view(await this.leaves.findOneByOrFail({ id }));
  }

  async list(q: PageQuery & { status?: LeaveStatus; escortId?: number }, cityIds: number[] | null) {
    const where: FindOptionsWhere<EscortLeave> = {};
    if (cityIds !== null) where.cityId = In(cityIds);
    if (q.status) where.status = q.status;
    if (q.escortId) where.escortId = q.escortId;
    const [rows, total] = await this.leaves.findAndCount({ where, order: { startAt: 'DESC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const names = await this.escorts.nameMap(rows.map(r => r.escortId));
    return toPage(rows.map(r => this.view(r, names)), total, q);
  }

  private async mustFind(id: number, cityIds: number[] | null, manager?: EntityManager): Promise<EscortLeave> {
    // Inside a transaction on MySQL the row is locked, so two approvals of one leave queue up.
    const lock = manager && this.tx.isMysql ? { mode: 'pessimistic_write' as const } : undefined;
    const l = await (manager ? manager.getRepository(EscortLeave) : this.leaves).findOne({ where: { id }, lock });
    if (!l) throw Errors.notFound('请假');
    if (cityIds !== null && !cityIds.includes(l.cityId)) throw Errors.cityScope();
    return l;
  }

  /** The orders the leave would collide with, and whether each can go back to the pool. */
  async collisions(l: Pick<EscortLeave, 'escortId' | 'startAt' | 'endAt'>, manager?: EntityManager) {
    const held = await this.orderQuery.heldOrdersOverlapping(l.escortId, new Date(l.startAt), new Date(l.endAt), manager);
    return held.map(o => ({ ...this.orderQuery.brief(o), canReturnToPool: RETURNABLE.includes(o.status) }));
  }

  async detail(id: number, cityIds: number[] | null) {
    const l = await this.mustFind(id, cityIds);
    const names = await this.escorts.nameMap([l.escortId]);
    return { ...this.view(l, names), collisions: l.status === 'pending' ? await this.collisions(l) : [] };
  }

  async approve(ctx: AuditContext, actor: OrderActor, id: number, options: { returnToPool: boolean; reason: string }, cityIds: number[] | null) {
    await this.mustFind(id, cityIds);
    const slot = (await this.settings.get('booking')).slotMinutes;
    await this.tx.run(async manager => {
      const l = await this.mustFind(id, cityIds, manager);
      if (l.status !== 'pending') throw Errors.conflict('LEAVE_DECIDED', `该请假已${LEAVE_STATUSES[l.status]}`);
      const escort = await manager.getRepository(Escort).findOneByOrFail({ id: l.escortId });
      const held = await this.orderQuery.heldOrdersOverlapping(l.escortId, new Date(l.startAt), new Date(l.endAt), manager);
      const collisions = held.map(o => ({ ...this.orderQuery.brief(o), canReturnToPool: RETURNABLE.includes(o.status) }));
      if (held.length && !options.returnToPool) {
        throw Errors.conflict('LEAVE_COLLIDES_WITH_ORDERS', `请假时段内有 ${held.length} 个已派订单，请先改派，或选择将其退回派单池`, { orders: collisions });
      }
      const stuck = collisions.filter(c => !c.canReturnToPool);
      if (stuck.length) {
        throw Errors.conflict('LEAVE_ORDERS_NOT_RETURNABLE', `有 ${stuck.length} 个订单已出发、服务中或待支付，无法退回派单池，请先处理`, { orders: stuck });
      }
      for (const o of held) {
        const locked = await this.orders.loadFor(manager, o.id, actor);
        await this.orders.returnToPoolIn(manager, locked, actor, `陪诊师 ${escort.name} 请假`);
      }
      // The leave's own claim: fails if an assignment of this time committed since we looked.
      const interval: Interval = { start: new Date(l.startAt), end: new Date(l.endAt) };
      await this.claims.claimBlock(manager, l.escortId, { leaveId: l.id }, interval, slot, 'LEAVE_TIME_TAKEN');
      const swapped = await manager.getRepository(EscortLeave).update(
        { id: l.id, status: 'pending' },
        { status: 'approved', decidedAt: new Date(), decidedById: actor.id, decidedByName: actor.name.slice(0, 64), decisionReason: options.reason, returnedOrders: held.length }
      );
      if (!swapped.affected) throw Errors.conflict('LEAVE_DECIDED', '该请假已被处理');
      await this.notifications.notify(manager, 'leave_approved', [{ type: 'escort', id: l.escortId }], { detail: describe(l), reason: options.reason }, null);
      await this.audit.record(ctx, { action: 'leave.approve', targetType: 'escort_leave', targetId: l.id, after: { returnToPool: options.returnToPool, returnedOrderIds: held.map(o => o.id), reason: options.reason } }, manager);
    });
    await this.notifications.flush().catch(() => undefined);
    return this.detail(id, cityIds);
  }

  async reject(ctx: AuditContext, actor: OrderActor, id: number, reason: string, cityIds: number[] | null) {
    const l = await this.mustFind(id, cityIds);
    await this.tx.run(async manager => {
      const swapped = await manager
        .getRepository(EscortLeave)
        .update({ id, status: 'pending' }, { status: 'rejected', decidedAt: new Date(), decidedById: actor.id, decidedByName: actor.name.slice(0, 64), decisionReason: reason });
      if (!swapped.affected) throw Errors.conflict('LEAVE_DECIDED', '该请假已被处理');
      await this.notifications.notify(manager, 'leave_rejected', [{ type: 'escort', id: l.escortId }], { detail: describe(l), reason }, null);
      await this.audit.record(ctx, { action: 'leave.reject', targetType: 'escort_leave', targetId: id, after: { reason } }, manager);
    });
    await this.notifications.flush().catch(() => undefined);
    return this.detail(id, cityIds);
  }

  /** Staff revoke approved (or pending) leave: the escort's time is free again. */
  async revoke(ctx: AuditContext, actor: OrderActor, id: number, reason: string, cityIds: number[] | null) {
    await this.mustFind(id, cityIds);
    await this.tx.run(async manager => {
      const l = await this.mustFind(id, cityIds, manager);
      if (l.status !== 'approved' && l.status !== 'pending') throw Errors.conflict('LEAVE_DECIDED', `该请假已${LEAVE_STATUSES[l.status]}`);
      const swapped = await manager.getRepository(EscortLeave).update({ id, status: l.status }, { status: 'cancelled', decisionReason: reason, decidedById: actor.id, decidedByName: actor.name.slice(0, 64), decidedAt: new Date() });
      if (!swapped.affected) throw Errors.conflict('LEAVE_DECIDED', '该请假已被处理');
      await this.claims.releaseLeave(manager, id);
      await this.audit.record(ctx, { action: 'leave.revoke', targetType: 'escort_leave', targetId: id, before: { status: l.status }, after: { reason } }, manager);
    });
    return this.detail(id, cityIds);
  }

  /** The escort withdraws a request nobody has decided yet. */
  async withdraw(escortId: number, id: number) {
    const res = await this.leaves.update({ id, escortId, status: 'pending' }, { status: 'cancelled' });
    if (!res.affected) {
      if (!(await this.leaves.findOne({ where: { id, escortId } }))) throw Errors.notFound('请假');
      throw Errors.conflict('LEAVE_DECIDED', '该请假已处理，如需撤销请联系运营');
    }
    return this.view(await this.leaves.findOneByOrFail({ id }));
  }

  async listOwn(escortId: number, q: PageQuery) {
    const [rows, total] = await this.leaves.findAndCount({ where: { escortId }, order: { startAt: 'DESC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(rows.map(r => this.view(r)), total, q);
  }

  /** Approved leave of these escorts (or a whole city) overlapping `[from, to)`. */
  async approvedBetween(from: Date, to: Date, scope: { escortIds?: number[]; cityId?: number }): Promise<Map<number, Interval[]>> {
    const where: FindOptionsWhere<EscortLeave> = { status: 'approved', startAt: LessThan(to), endAt: MoreThan(from) };
    if (scope.escortIds) where.escortId = In(scope.escortIds);
    if (scope.cityId) where.cityId = scope.cityId;
    const rows = await this.leaves.find({ where, select: { escortId: true, startAt: true, endAt: true } });
    const out = new Map<number, Interval[]>();
    for (const r of rows) {
      const list = out.get(r.escortId) ?? [];
      list.push({ start: new Date(r.startAt), end: new Date(r.endAt) });
      out.set(r.escortId, list);
    }
    return out;
  }
}
