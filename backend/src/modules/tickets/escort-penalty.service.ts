import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, FindOptionsWhere, In, LessThan, Repository } from 'typeorm';
import { EscortPenalty, PenaltyStatus } from './escort-penalty.entity';
import { EscortService } from '../escorts/escort.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';

export interface PenaltyView {
  id: number;
  escortId: number;
  escortName: string;
  ticketId: number;
  orderId: number | null;
  amountFen: number;
  reason: string;
  status: PenaltyStatus;
  settlementRef: string | null;
  createdByName: string;
  createdAt: Date;
}

/**
 * Penalties against escorts from resolved complaints. The settlement run reads `pendingFor` and,
 * in its own transaction, `markSettledIn` with its reference; a penalty is deducted once because
 * the update only moves rows still pending.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EscortPenaltyService {
  @InjectEntityModel(EscortPenalty)
  penalties: Repository<EscortPenalty>;

  @Inject()
  escorts: EscortService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  /** Inside the ticket's resolve transaction; one penalty per ticket (unique key). */
  async createIn(manager: EntityManager, input: { escortId: number; ticketId: number; orderId: number | null; amountFen: number; reason: string; byId: number | null; byName: string }): Promise<EscortPenalty> {
    const repo = manager.getRepository(EscortPenalty);
    const inserted = await repo.insert({
      escortId: input.escortId,
      ticketId: input.ticketId,
      orderId: input.orderId,
      amountFen: input.amountFen,
      reason: input.reason.slice(0, 255),
      status: 'pending',
      settlementRef: null,
      createdById: input.byId,
      createdByName: input.byName.slice(0, 64),
    });
    return repo.findOneByOrFail({ id: inserted.identifiers[0].id as number });
  }

  /** What the next settlement deducts for the escort: pending penalties created before `until`. */
  async pendingFor(escortId: number, until: Date, manager?: EntityManager): Promise<EscortPenalty[]> {
    return (manager ? manager.getRepository(EscortPenalty) : this.penalties).find({ where: { escortId, status: 'pending', createdAt: LessThan(until) }, order: { id: 'ASC' } });
  }

  /** Called by settlement in its transaction; returns how many moved (a penalty already settled is skipped). */
  async markSettledIn(manager: EntityManager, ids: number[], settlementRef: string): Promise<number> {
    if (!ids.length) return 0;
    const res = await manager.createQueryBuilder().update(EscortPenalty).set({ status: 'settled', settlementRef }).where({ id: In(ids), status: 'pending' }).execute();
    return res.affected ?? 0;
  }

  /** Staff cancel a pending penalty (e.g. the complaint turned out unfounded). */
  async voidPenalty(ctx: AuditContext, id: number, reason: string): Promise<PenaltyView> {
    await this.tx.run(async manager => {
      const p = await manager.getRepository(EscortPenalty).findOne({ where: { id } });
      if (!p) throw Errors.notFound('处罚记录');
      const res = await manager.createQueryBuilder().update(EscortPenalty).set({ status: 'void' }).where('id = :id AND status = :pending', { id, pending: 'pending' }).execute();
      if (!res.affected) throw Errors.conflict('PENALTY_NOT_PENDING', '只有待结算的处罚可以撤销');
      await this.audit.record(ctx, { action: 'penalty.void', targetType: 'escort_penalty', targetId: id, before: { status: p.status }, after: { status: 'void', reason } }, manager);
    });
    return (await this.views([await this.penalties.findOneByOrFail({ id })]))[0];
  }

  async list(q: PageQuery & { escortId?: number; status?: PenaltyStatus }) {
    const where: FindOptionsWhere<EscortPenalty> = {};
    if (q.escortId) where.escortId = q.escortId;
    if (q.status) where.status = q.status;
    const [rows, total] = await this.penalties.findAndCount({ where, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(await this.views(rows), total, q);
  }

  async forTicket(ticketId: number): Promise<EscortPenalty | null> {
    return this.penalties.findOne({ where: { ticketId } });
  }

  async views(rows: EscortPenalty[]): Promise<PenaltyView[]> {
    const names = await this.escorts.nameMap(rows.map(r => r.escortId));
    return rows.map(p => ({
      id: p.id,
      escortId: p.escortId,
      escortName: names.get(p.escortId) ?? '',
      ticketId: p.ticketId,
      orderId: p.orderId,
      amountFen: p.amountFen,
      reason: p.reason,
      status: p.status,
      settlementRef: p.settlementRef,
      createdByName: p.createdByName,
      createdAt: p.createdAt,
    }));
  }
}
