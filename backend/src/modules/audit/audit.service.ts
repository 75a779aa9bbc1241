import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { And, EntityManager, FindOptionsWhere, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { AuditLog } from './audit-log.entity';
import { maskObject, MaskFields } from '../../common/mask';
import type { Principal } from '../../common/auth/principal';
import { Page, PageQuery, toPage } from '../../common/pagination';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: object | null;
  after?: object | null;
  /** Fields to mask in the before/after snapshots. */
  mask?: MaskFields;
}

/** Where a write came from: the acting principal plus request facts. */
export interface AuditContext {
  principal?: Principal;
  ip?: string;
  requestId?: string;
}

export interface AuditQuery extends PageQuery {
  actorId?: number;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** Fields that are always masked wherever they appear in a snapshot. */
const ALWAYS_MASK: MaskFields = { password: 'secret', passwordHash: 'secret', phone: 'phone', idCardNo: 'idCard' };

/** Append-only audit trail of staff writes. There is deliberately no update or delete here. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuditService {
  @InjectEntityModel(AuditLog)
  logs: Repository<AuditLog>;

  /** Pass the transaction's manager so the audit row commits or rolls back with the change. */
  async record(ctx: AuditContext, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const mask = { ...ALWAYS_MASK, ...entry.mask };
    const snapshot = (value?: object | null) => (value ? JSON.stringify(maskObject(value, mask)) : null);
    const row = {
      actorType: ctx.principal?.audience ?? 'system',
      actorId: ctx.principal?.userId ?? null,
      actorName: ctx.principal?.displayName ?? 'system',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      ip: ctx.ip?.slice(0, 64) ?? null,
      requestId: ctx.requestId ?? null,
    } as const;
    await (manager ? manager.getRepository(AuditLog) : this.logs).insert(row);
  }

  async list(q: AuditQuery): Promise<Page<ReturnType<AuditService['present']>>> {
    const where: FindOptionsWhere<AuditLog> = {};
    if (q.actorId !== undefined) where.actorId = q.actorId;
    if (q.action) where.action = q.action;
    if (q.targetType) where.targetType = q.targetType;
    if (q.targetId) where.targetId = q.targetId;
    // Half-open [from, to) like every time range here; Between would include `to` and count an
    // entry at midnight in two adjacent days.
    if (q.from && q.to) where.createdAt = And(MoreThanOrEqual(q.from), LessThan(q.to));
    else if (q.from) where.createdAt = MoreThanOrEqual(q.from);
    else if (q.to) where.createdAt = LessThan(q.to);
    const [rows, total] = await this.logs.findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(rows.map(r => this.present(r)), total, q);
  }

  async countSince(since: Date): Promise<number> {
    return this.logs.count({ where: { createdAt: MoreThanOrEqual(since) } });
  }

  private present(r: AuditLog) {
    return {
      id: r.id,
      actorType: r.actorType,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
      ip: r.ip,
      requestId: r.requestId,
      createdAt: r.createdAt,
    };
  }
}
