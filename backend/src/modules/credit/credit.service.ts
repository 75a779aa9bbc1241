import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, LessThan, Repository } from 'typeorm';
import { CustomerCredit, CreditStatus } from './customer-credit.entity';
import { CREDIT_EVENT_LABELS, CreditEvent, CreditEventKind } from './credit-event.entity';
import { BookingPolicy, bookingPolicy, clampScore, restrictionText } from './credit-policy';
import { SettingsService } from '../settings/settings.service';
import type { QualityRules } from '../settings/settings-defaults';
import { CustomerService } from '../users/customer.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { isUniqueViolation } from '../../common/db-errors';
import { Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';

/** Who changed a customer's credit. Customers and escorts never do it themselves. */
export interface CreditActor {
  type: 'staff' | 'system';
  id: number | null;
  name: string;
}

export const CREDIT_SYSTEM: CreditActor = { type: 'system', id: null, name: '系统' };

/** Behaviours with a configured number of points (settings.quality.creditDeltas). */
export type BehaviourKind = keyof QualityRules['creditDeltas'];

export interface CreditChange {
  kind: CreditEventKind;
  /** Points; for behaviours the configured delta is used when this is omitted. */
  delta?: number;
  reason?: string;
  orderId?: number | null;
  /** Makes a system event count once (`order_completed:<id>`). */
  sourceKey?: string | null;
  status?: CreditStatus;
  statusReason?: string;
}

export interface CreditView {
  customerId: number;
  phoneMasked: string;
  score: number;
  status: CreditStatus;
  warningCount: number;
  statusReason: string;
  maxOpenOrders: number | null;
  /** The refundable deposit each booking adds (0 = none). */
  depositFen: number;
  restriction: string;
  updatedAt: Date | null;
}

export interface CreditEventView {
  id: number;
  kind: CreditEventKind;
  kindLabel: string;
  delta: number;
  scoreAfter: number;
  reason: string;
  orderId: number | null;
  actorType: string;
  actorName: string;
  createdAt: Date;
}

/**
 * Customer credit: a score moved by behaviour (completed orders, late cancellations, no-shows,
 * abusive reports, false information) and by staff with a reason, with the full history; and the
 * account standing (warned, suspended). Booking asks `policyFor` and refuses by the configured
 * tiers (the orders module enforces it, see credit-policy.ts).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CreditService {
  @InjectEntityModel(CustomerCredit)
  credits: Repository<CustomerCredit>;

  @InjectEntityModel(CreditEvent)
  events: Repository<CreditEvent>;

  @Inject()
  settings: SettingsService;

  @Inject()
  customers: CustomerService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  /** What booking may do for the customer right now. */
  async policyFor(customerId: number, manager?: EntityManager): Promise<BookingPolicy> {
    const rules = await this.settings.get('quality', manager);
    const row = await (manager ? manager.getRepository(CustomerCredit) : this.credits).findOne({ where: { customerId } });
    return bookingPolicy(row?.score ?? rules.creditInitialScore, row?.status ?? 'normal', rules.creditTiers);
  }

  /**
   * The booking policy as booking must check it: inside the order's transaction, with the
   * customer's credit row locked, so two bookings by one customer check the open-order limit one
   * after the other (the second sees the first's order). Call it as the transaction's first
   * statement and pass the quality rules read before the transaction: on MySQL a locking read
   * does not fix the REPEATABLE READ snapshot, so the open-order count that follows, the first
   * plain read, sees every order committed before the lock was granted. On SQLite transactions
   * are serialised already. A customer without a credit row holds the initial score; the row is
   * created (and so locked) only when that score is itself limited. The policy also says the
   * deposit the booking must carry.
   */
  async lockedPolicyIn(manager: EntityManager, customerId: number, rules: QualityRules): Promise<BookingPolicy> {
    const lock = this.tx.lockMode.mode ? { mode: 'pessimistic_write' as const } : undefined;
    let row = await manager.getRepository(CustomerCredit).findOne({ where: { customerId }, lock });
    if (!row) {
      const initial = bookingPolicy(rules.creditInitialScore, 'normal', rules.creditTiers);
      if (initial.maxOpenOrders === null) return initial;
      row = await this.lockOrCreate(manager, customerId, rules.creditInitialScore);
    }
    return bookingPolicy(row.score, row.status, rules.creditTiers);
  }

  /**
   * Applies one change inside the caller's transaction (orders record late cancellations and
   * completions in theirs). Returns null when the source key was already counted.
   */
  async recordIn(manager: EntityManager, customerId: number, change: CreditChange, actor: CreditActor = CREDIT_SYSTEM): Promise<CreditEvent | null> {
    const rules = await this.settings.get('quality', manager);
    const events = manager.getRepository(CreditEvent);
    if (change.sourceKey && (await events.findOne({ where: { sourceKey: change.sourceKey }, select: { id: true } }))) return null;
    const credit = await this.lockOrCreate(manager, customerId, rules.creditInitialScore);
    const configured = (rules.creditDeltas as Record<string, number>)[change.kind];
    const delta = change.delta ?? configured ?? 0;
    const scoreAfter = clampScore(credit.score + delta, rules.creditInitialScore);
    // A completed order at the best score changes nothing: no history row for it.
    if (change.kind === 'completed' && scoreAfter === credit.score) return null;
    const patch: Partial<CustomerCredit> = { score: scoreAfter };
    if (change.status) {
      patch.status = change.status;
      patch.statusReason = (change.statusReason ?? change.reason ?? '').slice(0, 255);
    }
    if (change.kind === 'warning') patch.warningCount = credit.warningCount + 1;
    await manager.getRepository(CustomerCredit).update({ id: credit.id }, patch);
    try {
      const inserted = await events.insert({
        customerId,
        kind: change.kind,
        delta: scoreAfter - credit.score,
        scoreAfter,
        reason: (change.reason ?? '').slice(0, 255),
        orderId: change.orderId ?? null,
        sourceKey: change.sourceKey ?? null,
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name.slice(0, 64),
      });
      return events.findOneByOrFail({ id: inserted.identifiers[0].id as number });
    } catch (err) {
      // Two processes recording the same source at once: the unique key keeps one; the caller's
      // transaction rolls back the score change with it.
      if (isUniqueViolation(err)) throw Errors.conflict('CREDIT_EVENT_DUPLICATE', '该信用记录已存在');
      throw err;
    }
  }

  /** A behaviour recorded on its own (not inside another module's transaction). */
  async record(customerId: number, change: CreditChange, actor: CreditActor = CREDIT_SYSTEM): Promise<CreditEvent | null> {
    return this.tx.run(manager => this.recordIn(manager, customerId, change, actor));
  }

  /**
   * Staff changes: a manual adjustment, a behaviour they observed (no-show, false information,
   * abusive reports), a warning, a suspension or lifting it. Always with a reason, always audited.
   */
  async staffChange(ctx: AuditContext, customerId: number, change: CreditChange): Promise<CreditView> {
    if (!change.reason?.trim()) throw Errors.validation('请填写原因');
    const customer = await this.customers.customers.findOne({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw Errors.notFound('客户');
    const p = ctx.principal;
    const actor: CreditActor = { type: 'staff', id: p?.userId ?? null, name: p?.displayName ?? 'staff' };
    await this.tx.run(async manager => {
      const before = await this.policyFor(customerId, manager);
      if (change.kind === 'restore' && before.status === 'normal') throw Errors.conflict('CREDIT_NOT_RESTRICTED', '该客户当前没有被警告或封禁');
      if (change.kind === 'suspend' && before.status === 'suspended') throw Errors.conflict('CREDIT_ALREADY_SUSPENDED', '该客户已被封禁');
      const event = await this.recordIn(manager, customerId, change, actor);
      await this.audit.record(
        ctx,
        {
          action: `credit.${change.kind}`,
          targetType: 'customer',
          targetId: customerId,
          before: { score: before.score, status: before.status },
          after: { score: event?.scoreAfter, status: change.status ?? before.status, delta: event?.delta, reason: change.reason },
        },
        manager
      );
    });
    return this.view(customerId);
  }

  async view(customerId: number): Promise<CreditView> {
    const rules = await this.settings.get('quality');
    const row = await this.credits.findOne({ where: { customerId } });
    const phones = await this.customers.maskedPhones([customerId]);
    return this.viewOf(customerId, row, rules, phones.get(customerId) ?? '');
  }

  async history(customerId: number, q: PageQuery) {
    const [rows, total] = await this.events.findAndCount({ where: { customerId }, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(rows.map(eventView), total, q);
  }

  /** Customers whose credit has a record (everyone else holds the initial score), lowest score first. */
  async list(q: PageQuery & { status?: CreditStatus; scoreBelow?: number; phone?: string; customerId?: number }) {
    const rules = await this.settings.get('quality');
    const where: any = {};
    if (q.status) where.status = q.status;
    if (q.scoreBelow !== undefined) where.score = LessThan(q.scoreBelow);
    let customerId = q.customerId;
    if (q.phone) {
      const c = await this.customers.findByPhone(q.phone);
      if (!c) return toPage([], 0, q);
      customerId = c.id;
    }
    if (customerId) {
      // A customer without a record is still listed (with the initial score) when asked for by phone or id.
      const row = await this.credits.findOne({ where: { ...where, customerId } });
      const exists = await this.customers.customers.findOne({ where: { id: customerId }, select: { id: true } });
      if (!exists || (!row && (q.status || q.scoreBelow !== undefined))) return toPage([], 0, q);
      const phones = await this.customers.maskedPhones([customerId]);
      return toPage([this.viewOf(customerId, row, rules, phones.get(customerId) ?? '')], 1, q);
    }
    const [rows, total] = await this.credits.findAndCount({ where, order: { score: 'ASC', id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const phones = await this.customers.maskedPhones(rows.map(r => r.customerId));
    return toPage(rows.map(r => this.viewOf(r.customerId, r, rules, phones.get(r.customerId) ?? '')), total, q);
  }

  /** Scores by customer (the initial score for those without a record), for other modules' lists. */
  async scores(customerIds: number[]): Promise<Map<number, number>> {
    const rules = await this.settings.get('quality');
    const rows = customerIds.length ? await this.credits.find({ where: { customerId: In([...new Set(customerIds)]) } }) : [];
    const map = new Map(customerIds.map(id => [id, rules.creditInitialScore]));
    rows.forEach(r => map.set(r.customerId, r.score));
    return map;
  }

  private viewOf(customerId: number, row: CustomerCredit | null, rules: QualityRules, phoneMasked: string): CreditView {
    const policy = bookingPolicy(row?.score ?? rules.creditInitialScore, row?.status ?? 'normal', rules.creditTiers);
    return {
      customerId,
      phoneMasked,
      score: policy.score,
      status: policy.status,
      warningCount: row?.warningCount ?? 0,
      statusReason: row?.statusReason ?? '',
      maxOpenOrders: policy.maxOpenOrders,
      depositFen: policy.depositFen,
      restriction: restrictionText(policy),
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** The customer's credit row, locked on MySQL; created with the initial score on first use. */
  private async lockOrCreate(manager: EntityManager, customerId: number, initial: number): Promise<CustomerCredit> {
    const repo = manager.getRepository(CustomerCredit);
    const lock = this.tx.lockMode.mode ? { mode: 'pessimistic_write' as const } : undefined;
    const existing = await repo.findOne({ where: { customerId }, lock });
    if (existing) return existing;
    try {
      await repo.insert({ customerId, score: initial, status: 'normal', warningCount: 0, statusReason: '' });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return repo.findOneOrFail({ where: { customerId }, lock });
  }
}

export function eventView(e: CreditEvent): CreditEventView {
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: CREDIT_EVENT_LABELS[e.kind] ?? e.kind,
    delta: e.delta,
    scoreAfter: e.scoreAfter,
    reason: e.reason,
    orderId: e.orderId,
    actorType: e.actorType,
    actorName: e.actorName,
    createdAt: e.createdAt,
  };
}
