import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, LessThanOrEqual, Repository } from 'typeorm';
import { CommissionRule, CommissionRuleVersion } from './commission-rule.entity';
import { CommissionCell, CommissionVersionData, ResolvedShare, builtInVersion, checkCells, resolveShare, shareIn } from './commission-rules';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { Errors } from '../../common/errors';
import { isUniqueViolation } from '../../common/db-errors';

export interface CommissionVersionView {
  id: number;
  effectiveFrom: Date;
  note: string;
  createdByName: string;
  createdAt: Date | null;
  /** in_force: the one in force now; scheduled: starts later; superseded: replaced by a later one. */
  state: 'in_force' | 'scheduled' | 'superseded';
  cells: CommissionCell[];
}

/**
 * Commission rules: dated versions of the escort's share by level × category. The orders module
 * asks for the share when an order completes (inside its transaction) and the ledger keeps it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CommissionService {
  @InjectEntityModel(CommissionRuleVersion)
  versions: Repository<CommissionRuleVersion>;

  @InjectEntityModel(CommissionRule)
  rules: Repository<CommissionRule>;

  @Inject()
  tx: TransactionService;

  @Inject()
  audit: AuditService;

  /** The share for an order completed at `at` by an escort of `escortLevel`, read with the caller's manager. */
  async shareFor(manager: EntityManager, escortLevel: string, categoryCode: string, at: Date): Promise<ResolvedShare> {
    const version = await manager.getRepository(CommissionRuleVersion).findOne({ where: { effectiveFrom: LessThanOrEqual(at) }, order: { effectiveFrom: 'DESC' } });
    if (!version) return resolveShare([], escortLevel, categoryCode, at);
    const cells = await manager.getRepository(CommissionRule).find({ where: { versionId: version.id } });
    return { shareBp: shareIn({ id: version.id, effectiveFrom: version.effectiveFrom, cells }, escortLevel, categoryCode), versionId: version.id };
  }

  /** Every version with its cells (a handful of rows), for resolving many orders in memory. */
  async allVersions(manager: EntityManager = this.versions.manager): Promise<CommissionVersionData[]> {
    const versions = await manager.getRepository(CommissionRuleVersion).find({ order: { effectiveFrom: 'ASC' } });
    const cells = versions.length ? await manager.getRepository(CommissionRule).find({ where: { versionId: In(versions.map(v => v.id)) } }) : [];
    return versions.map(v => ({ id: v.id, effectiveFrom: v.effectiveFrom, cells: cells.filter(c => c.versionId === v.id).map(cellOf) }));
  }

  /** A resolver over a snapshot of the versions: `(level, category, at) → share`. */
  async resolver(): Promise<(escortLevel: string, categoryCode: string, at: Date) => ResolvedShare> {
    const versions = await this.allVersions();
    return (level, category, at) => resolveShare(versions, level, category, at);
  }

  /** Newest first, the built-in defaults last (they apply before the first saved version). */
  async list(now = new Date()): Promise<CommissionVersionView[]> {
    const versions = await this.versions.find({ order: { effectiveFrom: 'DESC' } });
    const cells = versions.length ? await this.rules.find({ where: { versionId: In(versions.map(v => v.id)) } }) : [];
    const inForce = versions.find(v => v.effectiveFrom.getTime() <= now.getTime());
    const views: CommissionVersionView[] = versions.map(v => ({
      id: v.id,
      effectiveFrom: v.effectiveFrom,
      note: v.note,
      createdByName: v.createdByName,
      createdAt: v.createdAt,
      state: v.effectiveFrom.getTime() > now.getTime() ? 'scheduled' : v === inForce ? 'in_force' : 'superseded',
      cells: cells.filter(c => c.versionId === v.id).map(cellOf),
    }));
    const builtIn = builtInVersion();
    views.push({ id: 0, effectiveFrom: builtIn.effectiveFrom, note: '系统默认分成（未设置任何版本前适用）', createdByName: '系统', createdAt: null, state: inForce ? 'superseded' : 'in_force', cells: builtIn.cells });
    return views;
  }

  /**
   * Adds a version starting at `effectiveFrom`, which may not be in the past: orders already
   * completed keep the split they were recognised with, so a rule can only change what comes next.
   */
  async create(input: { effectiveFrom: Date; note: string; cells: CommissionCell[] }, audit: AuditContext, now = new Date()): Promise<CommissionVersionView> {
    const problems = checkCells(input.cells);
    if (problems.length) throw Errors.validation(problems.join('；'), { problems });
    // One minute of slack for a form filled in "now".
    if (input.effectiveFrom.getTime() < now.getTime() - 60_000) {
      throw Errors.rule('COMMISSION_EFFECTIVE_IN_PAST', '生效时间不能早于当前时间：已完成订单的分成不可追溯修改');
    }
    const effectiveFrom = new Date(Math.max(input.effectiveFrom.getTime(), now.getTime()));
    effectiveFrom.setUTCMilliseconds(0);
    let id = 0;
    try {
      await this.tx.run(async manager => {
        const inserted = await manager.getRepository(CommissionRuleVersion).insert({
          effectiveFrom,
          note: input.note.slice(0, 255),
          createdById: audit.principal?.userId ?? null,
          createdByName: audit.principal?.displayName ?? '',
        });
        id = inserted.identifiers[0].id as number;
        await manager.getRepository(CommissionRule).insert(input.cells.map(c => ({ versionId: id, escortLevel: c.escortLevel, categoryCode: c.categoryCode, shareBp: c.shareBp })));
        await this.audit.record(audit, { action: 'commission.create', targetType: 'commission_rule_version', targetId: id, after: { effectiveFrom, note: input.note, cells: input.cells } }, manager);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw Errors.conflict('COMMISSION_VERSION_EXISTS', '该生效时间已有一个版本');
      throw err;
    }
    return (await this.list(now)).find(v => v.id === id) as CommissionVersionView;
  }

  /** Withdraws a version that has not started yet (a started one is history the ledger already used). */
  async withdraw(id: number, audit: AuditContext, now = new Date()): Promise<void> {
    await this.tx.run(async manager => {
      const v = await manager.getRepository(CommissionRuleVersion).findOne({ where: { id } });
      if (!v) throw Errors.notFound('分成规则版本');
      if (v.effectiveFrom.getTime() <= now.getTime()) throw Errors.rule('COMMISSION_VERSION_STARTED', '该版本已生效，不能撤回；请新增一个版本');
      await manager.getRepository(CommissionRule).delete({ versionId: id });
      await manager.getRepository(CommissionRuleVersion).delete({ id });
      await this.audit.record(audit, { action: 'commission.withdraw', targetType: 'commission_rule_version', targetId: id, before: { effectiveFrom: v.effectiveFrom, note: v.note } }, manager);
    });
  }
}

function cellOf(c: CommissionRule): CommissionCell {
  return { escortLevel: c.escortLevel, categoryCode: c.categoryCode, shareBp: c.shareBp };
}
