import { randomInt } from 'crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Brackets, EntityManager, In, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { Ticket, TicketOpener } from './ticket.entity';
import { TicketMessage, TicketMessageKind } from './ticket-message.entity';
import {
  TICKET_STATUS_LABELS,
  TICKET_TRANSITIONS,
  TICKET_TYPE_LABELS,
  TicketAction,
  TicketStatus,
  TicketType,
  availableTicketActions,
  checkTicketTransition,
  EVENT_TEXT,
  forOpener,
  newTicketNo,
  slaDueAt,
  slaMinutesLeft,
  slaState,
  SlaState,
} from './ticket-rules';
import { EscortPenaltyService, PenaltyView } from './escort-penalty.service';
import { OrderActor, OrderService } from '../orders/order.service';
import { RefundService } from '../payments/refund.service';
import { EscortService } from '../escorts/escort.service';
import { CustomerService } from '../users/customer.service';
import { StaffUserService } from '../users/staff-user.service';
import { SettingsService } from '../settings/settings.service';
import { NotificationService, Recipient } from '../notifications/notification.service';
import type { TicketPriority } from '../settings/settings-defaults';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { AnalyticsService } from '../analytics/analytics.service';
import { isUniqueViolation } from '../../common/db-errors';
import { AppError, Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';

export interface NewTicket {
  type: TicketType;
  title: string;
  content: string;
  photos?: string[];
  orderId?: number;
  priority?: TicketPriority;
}

export interface StaffTicketQuery extends PageQuery {
  status?: TicketStatus;
  type?: TicketType;
  priority?: TicketPriority;
  assignee?: 'me' | 'none';
  overdue?: boolean;
  keyword?: string;
  escortId?: number;
  orderId?: number;
}

export interface TicketView {
  id: number;
  ticketNo: string;
  type: TicketType;
  typeLabel: string;
  priority: TicketPriority;
  status: TicketStatus;
  statusLabel: string;
  title: string;
  content: string;
  photos: string[];
  openerType: TicketOpener;
  customerId: number | null;
  customerPhoneMasked: string | null;
  orderId: number | null;
  orderNo: string;
  escortId: number | null;
  escortName: string | null;
  reviewId: number | null;
  assigneeId: number | null;
  assigneeName: string;
  slaDueAt: Date;
  slaState: SlaState;
  slaMinutesLeft: number | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolution: string | null;
  reopenCount: number;
  compensationFen: number;
  compensationRefundId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TicketMessageView {
  id: number;
  kind: TicketMessageKind;
  authorType: string;
  authorName: string;
  content: string;
  photos: string[];
  articleId: number | null;
  createdAt: Date;
}

/** Default priority by type when the opener does not (customers and escorts never) choose one. */
const DEFAULT_PRIORITY: Record<TicketType, TicketPriority> = { service_complaint: 'high', billing: 'normal', app_problem: 'normal', suggestion: 'low' };

/** Who may see a ticket as its opener. */
function isOpener(t: Ticket, actor: OrderActor): boolean {
  return (actor.type === 'customer' || actor.type === 'escort') && t.openerType === actor.type && t.openerId === actor.id;
}

/**
 * Complaints, feedback and suggestions. Customers (app), escorts (workbench) and staff open
 * tickets; low-score reviews open follow-ups. Status moves only through `move()` (the table in
 * ticket-rules.ts, compare-and-swap on status); the first staff reply (or the resolution) answers
 * the SLA. Resolving a complaint may compensate the customer (a staff refund through the payments
 * module, one per ticket) and fine the escort (a penalty the settlement reads).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TicketService {
  @InjectEntityModel(Ticket)
  tickets: Repository<Ticket>;

  @InjectEntityModel(TicketMessage)
  messages: Repository<TicketMessage>;

  @Inject()
  orders: OrderService;

  @Inject()
  refunds: RefundService;

  @Inject()
  penalties: EscortPenaltyService;

  @Inject()
  escorts: EscortService;

  @Inject()
  customers: CustomerService;

  @Inject()
  staff: StaffUserService;

  @Inject()
  settings: SettingsService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  @Inject()
  analytics: AnalyticsService;

  @Inject()
  notifications: NotificationService;

  // ---------------------------------------------------------------- opening

  async open(actor: OrderActor, input: NewTicket, audit?: AuditContext, now = new Date()): Promise<TicketView> {
    if (actor.type === 'system') throw Errors.forbidden();
    const order = input.orderId ? await this.orders.getForActor(input.orderId, actor) : null;
    const rules = await this.settings.get('quality');
    // Only staff set a priority; what customers and escorts open is prioritised by its type.
    const priority = actor.type === 'staff' && input.priority ? input.priority : DEFAULT_PRIORITY[input.type];
    const id = await this.tx.run(async manager => {
      const ticketId = await this.insertTicket(manager, {
        type: input.type,
        priority,
        title: input.title,
        content: input.content,
        photos: input.photos ?? [],
        openerType: actor.type as TicketOpener,
        openerId: actor.id,
        customerId: actor.type === 'customer' ? actor.id : order?.customerId ?? null,
        orderId: order?.id ?? null,
        orderNo: order?.orderNo ?? '',
        escortId: order?.escortId ?? null,
        cityId: order?.cityId ?? null,
        reviewId: null,
        slaDueAt: slaDueAt(now, priority, rules.firstResponseHours),
        createdAt: now,
      });
      if (audit && actor.type === 'staff') {
        await this.audit.record(audit, { action: 'ticket.open', targetType: 'ticket', targetId: ticketId, after: { type: input.type, priority, orderId: order?.id ?? null } }, manager);
      }
      return ticketId;
    });
    return this.viewOf(await this.tickets.findOneByOrFail({ id }));
  }

  /**
   * A follow-up opened by a low-score review, inside the review's transaction. One per review
   * (unique key); the escort and order come from the review.
   */
  async openFollowUpIn(
    manager: EntityManager,
    input: { reviewId: number; orderId: number; orderNo: string; customerId: number; escortId: number | null; cityId: number; title: string; content: string },
    now = new Date()
  ): Promise<number> {
    const existing = await manager.getRepository(Ticket).findOne({ where: { reviewId: input.reviewId }, select: { id: true } });
    if (existing) return existing.id;
    const rules = await this.settings.get('quality', manager);
    return this.insertTicket(manager, {
      type: 'service_complaint',
      priority: 'high',
      title: input.title,
      content: input.content,
      photos: [],
      openerType: 'system',
      openerId: null,
      customerId: input.customerId,
      orderId: input.orderId,
      orderNo: input.orderNo,
      escortId: input.escortId,
      cityId: input.cityId,
      reviewId: input.reviewId,
      slaDueAt: slaDueAt(now, 'high', rules.firstResponseHours),
      createdAt: now,
    });
  }

  private async insertTicket(manager: EntityManager, values: Omit<Ticket, 'id' | 'ticketNo' | 'status' | 'assigneeId' | 'assigneeName' | 'firstRespondedAt' | 'resolvedAt' | 'closedAt' | 'resolution' | 'reopenCount' | 'compensationFen' | 'compensationRefundId' | 'updatedAt'>): Promise<number> {
    const repo = manager.getRepository(Ticket);
    for (let attempt = 0; ; attempt++) {
      try {
        const inserted = await repo.insert({
          ...values,
          title: values.title.slice(0, 100),
          ticketNo: newTicketNo(new Date(), randomInt(10_000)),
          status: 'open',
          assigneeId: null,
          assigneeName: '',
          firstRespondedAt: null,
          resolvedAt: null,
          closedAt: null,
          resolution: null,
          reopenCount: 0,
          compensationFen: 0,
          compensationRefundId: null,
        });
        const id = inserted.identifiers[0].id as number;
        await this.analytics.ticketOpenedIn(manager, id);
        await this.addMessage(manager, id, 'event', { type: values.openerType, id: values.openerId, name: '系统' }, `创建工单（${TICKET_TYPE_LABELS[values.type]}）`);
        return id;
      } catch (err) {
        // Ticket numbers are random within a minute; a collision is drawn again.
        if (!isUniqueViolation(err) || attempt >= 3 || String((err as Error).message).includes('review')) throw err;
      }
    }
  }

  // ---------------------------------------------------------------- reading

  async listForStaff(q: StaffTicketQuery, actor: OrderActor, now = new Date()) {
    const qb = this.tickets.createQueryBuilder('t');
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.type) qb.andWhere('t.type = :type', { type: q.type });
    if (q.priority) qb.andWhere('t.priority = :priority', { priority: q.priority });
    if (q.escortId) qb.andWhere('t.escort_id = :escortId', { escortId: q.escortId });
    if (q.orderId) qb.andWhere('t.order_id = :orderId', { orderId: q.orderId });
    if (q.assignee === 'me') qb.andWhere('t.assignee_id = :me', { me: actor.id });
    if (q.assignee === 'none') qb.andWhere('t.assignee_id IS NULL');
    if (q.keyword?.trim()) {
      const kw = `%${q.keyword.trim().replace(/[%_\\]/g, m => `\\${m}`)}%`;
      qb.andWhere(new Brackets(b => b.where('t.ticket_no LIKE :kw', { kw }).orWhere('t.order_no LIKE :kw', { kw }).orWhere('t.title LIKE :kw', { kw })));
    }
    if (q.overdue) qb.andWhere('t.first_responded_at IS NULL AND t.status IN (:...unanswered) AND t.sla_due_at < :now', { unanswered: ['open', 'in_progress'], now });
    if (actor.cityIds) qb.andWhere(new Brackets(b => b.where('t.city_id IS NULL').orWhere('t.city_id IN (:...cities)', { cities: actor.cityIds!.length ? actor.cityIds : [0] })));
    // Unanswered first, most urgent deadline first; then the rest newest first.
    qb.orderBy('CASE WHEN t.first_responded_at IS NULL AND t.status IN (\'open\', \'in_progress\') THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('t.sla_due_at', 'ASC')
      .addOrderBy('t.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return toPage(await this.views(rows, now), total, q);
  }

  async detailForStaff(id: number, actor: OrderActor, now = new Date()) {
    const t = await this.mustSee(id, actor);
    const rules = await this.settings.get('quality');
    const [messages, penalty] = await Promise.all([this.messages.find({ where: { ticketId: id }, order: { id: 'ASC' } }), this.penalties.forTicket(id)]);
    return {
      ...(await this.viewOf(t, now)),
      messages: messages.map(messageView),
      penalty: penalty ? ((await this.penalties.views([penalty]))[0] as PenaltyView) : null,
      availableActions: availableTicketActions(t.status, 'staff', t.resolvedAt, rules.reopenDays, now),
    };
  }

  async listForOpener(actor: OrderActor, q: PageQuery & { status?: TicketStatus }, now = new Date()) {
    const where: any = { openerType: actor.type, openerId: actor.id };
    if (q.status) where.status = q.status;
    const [rows, total] = await this.tickets.findAndCount({ where, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage((await this.views(rows, now)).map(openerSafe), total, q);
  }

  async detailForOpener(id: number, actor: OrderActor, now = new Date()) {
    const t = await this.tickets.findOne({ where: { id } });
    if (!t || !isOpener(t, actor)) throw Errors.notFound('工单');
    const rules = await this.settings.get('quality');
    // Internal notes, assignment and priority events and escort penalties are for staff only;
    // staff names are shown as 客服 (forOpener in ticket-rules.ts).
    const messages = await this.messages.find({ where: { ticketId: id, kind: In(['reply', 'event']) }, order: { id: 'ASC' } });
    return {
      ...openerSafe(await this.viewOf(t, now)),
      messages: messages.map(m => forOpener(messageView(m))).filter((m): m is TicketMessageView => m !== null),
      availableActions: availableTicketActions(t.status, 'opener', t.resolvedAt, rules.reopenDays, now),
    };
  }

  /** Complaints per escort since a date (for the performance view). */
  async complaintCounts(since: Date): Promise<Map<number, number>> {
    const rows = await this.tickets
      .createQueryBuilder('t')
      .select('t.escort_id', 'escortId')
      .addSelect('COUNT(*)', 'n')
      .where('t.type = :type AND t.escort_id IS NOT NULL AND t.created_at >= :since', { type: 'service_complaint', since })
      .groupBy('t.escort_id')
      .getRawMany();
    return new Map(rows.map(r => [Number(r.escortId), Number(r.n)]));
  }

  async forReview(reviewId: number): Promise<Ticket | null> {
    return this.tickets.findOne({ where: { reviewId } });
  }

  /** A ticket as knowledge-base material (the question and staff answers), for "turn into an article". */
  async materialForArticle(id: number, actor: OrderActor): Promise<{ ticket: Ticket; replies: TicketMessage[] }> {
    const ticket = await this.mustSee(id, actor);
    const replies = await this.messages.find({ where: { ticketId: id, kind: 'reply', authorType: 'staff' }, order: { id: 'ASC' } });
    return { ticket, replies };
  }

  // ---------------------------------------------------------------- conversation

  /**
   * A message in the thread. Staff replies answer the SLA (the first one sets firstRespondedAt)
   * and move an open ticket to in progress; notes are internal. Openers reply while the ticket is
   * not resolved (after that they reopen it).
   */
  async reply(id: number, actor: OrderActor, input: { content: string; photos?: string[]; internal?: boolean; articleId?: number }, now = new Date()): Promise<TicketMessageView> {
    const messageId = await this.tx.run(async manager => {
      const t = await this.lock(manager, id);
      if (actor.type === 'staff') this.assertStaffScope(t, actor);
      else if (!isOpener(t, actor)) throw Errors.notFound('工单');
      if (input.internal && actor.type !== 'staff') throw Errors.forbidden('只有员工可以写内部备注');
      if (t.status === 'closed') throw Errors.conflict('TICKET_CLOSED', '工单已关闭，请先重新打开');
      if (actor.type !== 'staff' && t.status === 'resolved') throw Errors.conflict('TICKET_RESOLVED', '工单已解决，如仍有问题请重新打开');
      const kind: TicketMessageKind = input.internal ? 'note' : 'reply';
      const mid = await this.addMessage(manager, t.id, kind, actor, input.content, input.photos ?? [], input.articleId ?? null);
      if (actor.type === 'staff' && kind === 'reply') {
        const patch: Partial<Ticket> = {};
        if (!t.firstRespondedAt) patch.firstRespondedAt = now;
        if (!t.assigneeId) Object.assign(patch, { assigneeId: actor.id, assigneeName: actor.name.slice(0, 64) });
        if (Object.keys(patch).length) await manager.getRepository(Ticket).update({ id: t.id }, patch);
        if (t.status === 'open') await this.swap(manager, t, 'start', actor);
        // The customer (or escort) who opened it hears of the answer in their inbox.
        await this.notifyOpener(manager, t, 'ticket_replied', { detail: brief(input.content) });
      }
      return mid;
    });
    await this.notifications.flush().catch(() => undefined);
    return messageView(await this.messages.findOneByOrFail({ id: messageId }));
  }

  // ---------------------------------------------------------------- status

  /** start, close, reopen (resolve has its own method for compensation and penalties). */
  async move(id: number, action: Exclude<TicketAction, 'resolve'>, actor: OrderActor, reason = '', audit?: AuditContext, now = new Date()) {
    await this.tx.run(async manager => {
      const t = await this.lock(manager, id);
      if (actor.type === 'staff') this.assertStaffScope(t, actor);
      else if (!isOpener(t, actor)) throw Errors.notFound('工单');
      const patch: Partial<Ticket> = {};
      if (action === 'close') patch.closedAt = now;
      if (action === 'reopen') Object.assign(patch, { reopenCount: t.reopenCount + 1, closedAt: null });
      await this.swap(manager, t, action, actor, patch, now);
      await this.addMessage(manager, t.id, 'event', actor, `${TICKET_TRANSITIONS[action].label}${reason.trim() ? `：${reason.trim()}` : ''}`);
      if (audit && actor.type === 'staff') await this.audit.record(audit, { action: `ticket.${action}`, targetType: 'ticket', targetId: t.id, before: { status: t.status }, after: { status: TICKET_TRANSITIONS[action].to, reason } }, manager);
    });
    return actor.type === 'staff' ? this.detailForStaff(id, actor, now) : this.detailForOpener(id, actor, now);
  }

  /**
   * Resolves with a resolution text. For complaints and billing tickets with an order:
   * `compensationFen` is refunded to the customer through RefundService.staffRefund (approval
   * threshold and refund cap apply; the purpose key `ticket:<id>` makes a retry the same refund),
   * and `penaltyFen` is recorded against the order's escort for settlement.
   */
  async resolve(id: number, actor: OrderActor, audit: AuditContext, input: { resolution: string; compensationFen?: number; penaltyFen?: number; penaltyReason?: string }, now = new Date()) {
    const t = await this.mustSee(id, actor);
    const check = checkTicketTransition('resolve', t.status, 'staff');
    if (!check.ok) throw Errors.conflict('TICKET_INVALID_TRANSITION', `工单当前状态为「${TICKET_STATUS_LABELS[t.status]}」，不能解决`);
    const compensationFen = input.compensationFen ?? 0;
    const penaltyFen = input.penaltyFen ?? 0;
    if ((compensationFen > 0 || penaltyFen > 0) && t.type !== 'service_complaint' && t.type !== 'billing') {
      throw Errors.rule('TICKET_COMPENSATION_NOT_ALLOWED', '只有服务投诉和费用问题可以赔偿或处罚');
    }
    let refundId: number | null = null;
    if (compensationFen > 0) {
      if (!t.orderId) throw Errors.rule('TICKET_ORDER_REQUIRED', '赔偿需要关联订单');
      if (!actor.permissions?.has('refund:write')) throw Errors.forbidden('赔偿需要「发起退款」权限');
      // The refund commits in the payments module's own transaction before the ticket changes; a
      // failed ticket update is retried and finds the same refund by its purpose key.
      const refund = await this.refunds.staffRefund(t.orderId, compensationFen, `工单 ${t.ticketNo} 赔偿`, actor, audit, { source: 'compensation', purposeKey: `ticket:${t.id}` });
      refundId = refund.id;
    }
    if (penaltyFen > 0 && !t.escortId) throw Errors.rule('TICKET_ESCORT_REQUIRED', '该工单没有关联陪诊师，不能处罚');
    await this.tx.run(async manager => {
      const locked = await this.lock(manager, id);
      await this.swap(manager, locked, 'resolve', actor, {
        resolvedAt: now,
        resolution: input.resolution,
        firstRespondedAt: locked.firstRespondedAt ?? now,
        compensationFen: compensationFen > 0 ? compensationFen : locked.compensationFen,
        compensationRefundId: refundId ?? locked.compensationRefundId,
        ...(locked.assigneeId ? {} : { assigneeId: actor.id, assigneeName: actor.name.slice(0, 64) }),
      }, now);
      if (penaltyFen > 0 && !(await this.penalties.forTicket(locked.id))) {
        const penalty = await this.penalties.createIn(manager, {
          escortId: locked.escortId as number,
          ticketId: locked.id,
          orderId: locked.orderId,
          amountFen: penaltyFen,
          reason: input.penaltyReason?.trim() || `工单 ${locked.ticketNo}：${locked.title}`,
          byId: actor.id,
          byName: actor.name,
        });
        await this.notifications.notify(
          manager,
          'penalty_applied',
          [{ type: 'escort', id: penalty.escortId }],
          { ticketNo: locked.ticketNo, orderNo: locked.orderNo || '—', amount: (penaltyFen / 100).toFixed(2), reason: penalty.reason },
          locked.orderId
        );
      }
      const rules = await this.settings.get('quality', manager);
      await this.notifyOpener(manager, locked, 'ticket_resolved', { detail: brief(input.resolution), days: rules.reopenDays });
      await this.addMessage(manager, locked.id, 'event', actor, EVENT_TEXT.resolved(compensationFen, penaltyFen));
      await this.addMessage(manager, locked.id, 'reply', actor, input.resolution);
      await this.audit.record(audit, { action: 'ticket.resolve', targetType: 'ticket', targetId: locked.id, before: { status: locked.status }, after: { status: 'resolved', compensationFen, refundId, penaltyFen } }, manager);
    });
    await this.notifications.flush().catch(() => undefined);
    return this.detailForStaff(id, actor, now);
  }

  /**
   * Closes resolved tickets nobody reopened within `reopenDays` of their resolution (the window in
   * which the opener may still reopen them). Each close is a compare-and-swap on the status and
   * the resolution time, so running it twice, or in two processes, closes each ticket once, and a
   * ticket reopened (or resolved again) meanwhile is left alone. Returns how many it closed.
   */
  async autoCloseResolved(now = new Date(), limit = 200): Promise<number> {
    const rules = await this.settings.get('quality');
    const cutoff = new Date(now.getTime() - rules.reopenDays * 86_400_000);
    const due = await this.tickets.find({ where: { status: 'resolved', resolvedAt: LessThanOrEqual(cutoff) }, select: { id: true }, order: { id: 'ASC' }, take: limit });
    let closed = 0;
    for (const { id } of due) {
      const done = await this.tx.run(async manager => {
        const res = await manager
          .createQueryBuilder()
          .update(Ticket)
          .set({ status: 'closed', closedAt: now })
          .where('id = :id AND status = :resolved AND resolved_at <= :cutoff', { id, resolved: 'resolved', cutoff })
          .execute();
        if (!res.affected) return false;
        await this.addMessage(manager, id, 'event', { type: 'system', id: null, name: '系统' }, `解决后 ${rules.reopenDays} 天内未重新打开，自动关闭`);
        return true;
      });
      if (done) closed++;
    }
    return closed;
  }

  async assign(id: number, assigneeId: number, actor: OrderActor, audit: AuditContext) {
    const assignee = await this.staff.findActive(assigneeId);
    if (!assignee) throw Errors.rule('ASSIGNEE_INVALID', '指派对象不存在或已停用');
    await this.tx.run(async manager => {
      const t = await this.lock(manager, id);
      this.assertStaffScope(t, actor);
      await manager.getRepository(Ticket).update({ id }, { assigneeId: assignee.id, assigneeName: assignee.displayName.slice(0, 64) });
      await this.addMessage(manager, id, 'event', actor, EVENT_TEXT.assigned(assignee.displayName));
      await this.audit.record(audit, { action: 'ticket.assign', targetType: 'ticket', targetId: id, before: { assigneeId: t.assigneeId }, after: { assigneeId: assignee.id } }, manager);
    });
    return this.detailForStaff(id, actor);
  }

  /** A new priority moves the first-answer deadline (from when the ticket opened). */
  async setPriority(id: number, priority: TicketPriority, actor: OrderActor, audit: AuditContext) {
    const rules = await this.settings.get('quality');
    await this.tx.run(async manager => {
      const t = await this.lock(manager, id);
      this.assertStaffScope(t, actor);
      await manager.getRepository(Ticket).update({ id }, { priority, slaDueAt: slaDueAt(t.createdAt, priority, rules.firstResponseHours) });
      await this.addMessage(manager, id, 'event', actor, EVENT_TEXT.priority(priority));
      await this.audit.record(audit, { action: 'ticket.priority', targetType: 'ticket', targetId: id, before: { priority: t.priority }, after: { priority } }, manager);
    });
    return this.detailForStaff(id, actor);
  }

  /** SLA overview for the inbox header: unanswered, overdue, due soon. */
  async slaSummary(actor: OrderActor, now = new Date()) {
    const qb = this.tickets
      .createQueryBuilder('t')
      .where('t.first_responded_at IS NULL AND t.status IN (:...open)', { open: ['open', 'in_progress'] });
    if (actor.cityIds) qb.andWhere(new Brackets(b => b.where('t.city_id IS NULL').orWhere('t.city_id IN (:...cities)', { cities: actor.cityIds!.length ? actor.cityIds : [0] })));
    const rows = await qb.select(['t.id', 't.createdAt', 't.slaDueAt', 't.firstRespondedAt', 't.status']).getMany();
    const states = rows.map(r => slaState(r, now));
    const resolvedRecently = await this.tickets.count({ where: { resolvedAt: MoreThanOrEqual(new Date(now.getTime() - 7 * 86_400_000)) } });
    return {
      unanswered: rows.length,
      overdue: states.filter(s => s === 'overdue').length,
      dueSoon: states.filter(s => s === 'due_soon').length,
      resolvedLast7Days: resolvedRecently,
    };
  }

  // ---------------------------------------------------------------- internals

  private async swap(manager: EntityManager, t: Ticket, action: TicketAction, actor: OrderActor, patch: Partial<Ticket> = {}, now = new Date()) {
    const rules = await this.settings.get('quality', manager);
    const check = checkTicketTransition(action, t.status, actor.type === 'staff' ? 'staff' : 'opener', { resolvedAt: t.resolvedAt, reopenDays: rules.reopenDays, now });
    if (!check.ok) {
      if (check.reason === 'reopen_window_passed') throw Errors.rule('TICKET_REOPEN_WINDOW_PASSED', `工单解决已超过 ${rules.reopenDays} 天，不能重新打开，请新建工单`);
      if (check.reason === 'not_allowed') throw new AppError(403, 'TICKET_ACTION_FORBIDDEN', `无权${TICKET_TRANSITIONS[action].label}`);
      throw Errors.conflict('TICKET_INVALID_TRANSITION', `工单当前状态为「${TICKET_STATUS_LABELS[t.status]}」，不能${TICKET_TRANSITIONS[action].label}`);
    }
    const res = await manager.createQueryBuilder().update(Ticket).set({ ...patch, status: check.to }).where('id = :id AND status = :status', { id: t.id, status: t.status }).execute();
    if (!res.affected) throw Errors.conflict('TICKET_INVALID_TRANSITION', '工单状态已变化，请刷新后重试');
  }

  /** An inbox message to whoever opened the ticket, when that is a customer or an escort (staff and the system read the console). */
  private async notifyOpener(manager: EntityManager, t: Ticket, event: 'ticket_replied' | 'ticket_resolved', vars: Record<string, string | number>) {
    if ((t.openerType !== 'customer' && t.openerType !== 'escort') || !t.openerId) return;
    const to: Recipient = { type: t.openerType, id: t.openerId };
    await this.notifications.notify(manager, event, [to], { ticketNo: t.ticketNo, title: t.title, orderNo: t.orderNo, ...vars }, t.orderId);
  }

  private async addMessage(manager: EntityManager, ticketId: number, kind: TicketMessageKind, actor: { type: string; id: number | null; name: string }, content: string, photos: string[] = [], articleId: number | null = null): Promise<number> {
    const inserted = await manager.getRepository(TicketMessage).insert({
      ticketId,
      kind,
      authorType: (['customer', 'escort', 'staff'].includes(actor.type) ? actor.type : 'system') as TicketMessage['authorType'],
      authorId: actor.id,
      authorName: (actor.type === 'customer' ? '客户' : actor.name).slice(0, 64),
      content,
      photos,
      articleId,
    });
    return inserted.identifiers[0].id as number;
  }

  private async lock(manager: EntityManager, id: number): Promise<Ticket> {
    const t = await manager.getRepository(Ticket).findOne({ where: { id }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
    if (!t) throw Errors.notFound('工单');
    return t;
  }

  private assertStaffScope(t: Ticket, actor: OrderActor) {
    if (actor.type !== 'staff') throw Errors.forbidden();
    if (actor.cityIds && t.cityId !== null && !actor.cityIds.includes(t.cityId)) throw Errors.cityScope();
  }

  private async mustSee(id: number, actor: OrderActor): Promise<Ticket> {
    const t = await this.tickets.findOne({ where: { id } });
    if (!t) throw Errors.notFound('工单');
    this.assertStaffScope(t, actor);
    return t;
  }

  private async viewOf(t: Ticket, now = new Date()): Promise<TicketView> {
    return (await this.views([t], now))[0];
  }

  private async views(rows: Ticket[], now = new Date()): Promise<TicketView[]> {
    const escortNames = await this.escorts.nameMap(rows.map(r => r.escortId).filter((x): x is number => x !== null));
    const phones = await this.customers.maskedPhones(rows.map(r => r.customerId).filter((x): x is number => x !== null));
    return rows.map(t => ({
      id: t.id,
      ticketNo: t.ticketNo,
      type: t.type,
      typeLabel: TICKET_TYPE_LABELS[t.type] ?? t.type,
      priority: t.priority,
      status: t.status,
      statusLabel: TICKET_STATUS_LABELS[t.status] ?? t.status,
      title: t.title,
      content: t.content,
      photos: t.photos,
      openerType: t.openerType,
      customerId: t.customerId,
      customerPhoneMasked: t.customerId ? phones.get(t.customerId) ?? null : null,
      orderId: t.orderId,
      orderNo: t.orderNo,
      escortId: t.escortId,
      escortName: t.escortId ? escortNames.get(t.escortId) ?? null : null,
      reviewId: t.reviewId,
      assigneeId: t.assigneeId,
      assigneeName: t.assigneeName,
      slaDueAt: t.slaDueAt,
      slaState: slaState(t, now),
      slaMinutesLeft: slaMinutesLeft(t, now),
      firstRespondedAt: t.firstRespondedAt,
      resolvedAt: t.resolvedAt,
      closedAt: t.closedAt,
      resolution: t.resolution,
      reopenCount: t.reopenCount,
      compensationFen: t.compensationFen,
      compensationRefundId: t.compensationRefundId,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    }));
  }
}

/** The first words of a reply or resolution, for a notification. */
function brief(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return Array.from(flat).length > 60 ? `${Array.from(flat).slice(0, 60).join('')}…` : flat;
}

function messageView(m: TicketMessage): TicketMessageView {
  return { id: m.id, kind: m.kind, authorType: m.authorType, authorName: m.authorName, content: m.content, photos: m.photos, articleId: m.articleId, createdAt: m.createdAt };
}

/** What the opener sees of their own ticket: no staff assignment details or escort identity. */
function openerSafe(v: TicketView): TicketView {
  return { ...v, assigneeId: null, assigneeName: '', escortId: null, escortName: null, customerPhoneMasked: null };
}
