import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { EscortDeduction, EscortDeductionKind, SettlementItem, SettlementLine, SettlementPayout, SettlementRun } from './settlement.entity';
import { KindTotal, LineFigures, SettlementItemKind, lineFigures, runTotals } from './settlement-math';
import { InvalidPeriodError, SettlementCadence, SettlementPeriod, periodStartingOn } from './settlement-periods';
import { LedgerService } from '../ledger/ledger.service';
import { LedgerEntry } from '../ledger/ledger-entry.entity';
import { LedgerLine } from '../ledger/ledger-line.entity';
import { Escort } from '../escorts/escort.entity';
import { OrderQueryService } from '../orders/order-query.service';
import { SettingsService } from '../settings/settings.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { isUniqueViolation } from '../../common/db-errors';
import { AppError, Errors } from '../../common/errors';
import { toPage } from '../../common/pagination';

/** The ledger sources whose escort_payable lines a settlement claims (payouts are what a settlement produces). */
const CLAIMED_SOURCES = ['order_recognition', 'refund', 'escort_deduction'];

export interface PayoutInput {
  escortId: number;
  referenceNo: string;
  paidAt?: Date;
  method?: string;
  note?: string;
  /** When given (imports), must equal the statement's payable amount. */
  amountFen?: number;
}

export interface PayoutImportRow {
  row: number;
  escortId: number | null;
  referenceNo: string;
  ok: boolean;
  payoutId?: number;
  amountFen?: number;
  errorCode?: string;
  errorMessage?: string;
}

/**
 * Settlement runs: for a period, every escort_payable movement of the ledger not settled before
 * (order shares, the escort's part of refunds, deductions, and whatever came late) is claimed by
 * the run as items, one per ledger line; lines sum them per escort; confirmed runs never change;
 * payouts are recorded once per escort and period and posted to the ledger.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SettlementService {
  @InjectDataSource()
  dataSource: DataSource;

  @InjectEntityModel(SettlementRun)
  runs: Repository<SettlementRun>;

  @InjectEntityModel(SettlementLine)
  lines: Repository<SettlementLine>;

  @InjectEntityModel(SettlementItem)
  items: Repository<SettlementItem>;

  @InjectEntityModel(SettlementPayout)
  payouts: Repository<SettlementPayout>;

  @InjectEntityModel(EscortDeduction)
  deductions: Repository<EscortDeduction>;

  @Inject()
  ledger: LedgerService;

  @Inject()
  orders: OrderQueryService;

  @Inject()
  settings: SettingsService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  // ------------------------------------------------------------------ runs

  /**
   * Creates the run of a period and computes it as a draft. The period must have ended (its
   * movements are then final), must not come before a run that exists, and may be run once
   * (unique period key); only one draft may be open at a time, so two drafts never compete for
   * the same ledger lines.
   */
  async createRun(input: { periodStart: string; cadence?: SettlementCadence }, audit: AuditContext, now = new Date()): Promise<SettlementRun> {
    const cadence = input.cadence ?? (await this.settings.get('finance')).settlementCadence;
    let period: SettlementPeriod;
    try {
      period = periodStartingOn(cadence, input.periodStart);
    } catch (err) {
      if (err instanceof InvalidPeriodError) throw Errors.validation(err.message);
      throw err;
    }
    if (period.end.getTime() > now.getTime()) throw Errors.rule('SETTLEMENT_PERIOD_NOT_ENDED', `${period.label} 尚未结束，结束后才能结算`);
    let runId = 0;
    try {
      runId = await this.tx.run(async manager => {
        const repo = manager.getRepository(SettlementRun);
        const draft = await repo.findOne({ where: { status: 'draft' }, select: { id: true, periodKey: true } });
        if (draft) throw Errors.conflict('SETTLEMENT_DRAFT_OPEN', `结算单 ${draft.periodKey} 仍是草稿，请先确认或删除`, { runId: draft.id });
        const same = await repo.findOne({ where: { periodKey: period.key }, select: { id: true } });
        if (same) throw Errors.conflict('SETTLEMENT_PERIOD_EXISTS', `${period.label} 已有结算单`, { runId: same.id });
        const latest = await repo.findOne({ where: {}, order: { periodEnd: 'DESC' }, select: { id: true, periodEnd: true, periodKey: true } });
        if (latest && latest.periodEnd.getTime() > period.start.getTime()) {
          throw Errors.rule('SETTLEMENT_PERIOD_OVERLAPS', `该周期与已有结算单 ${latest.periodKey} 重叠或更早`, { runId: latest.id });
        }
        const inserted = await repo.insert({
          cadence,
          periodKey: period.key,
          periodStart: period.start,
          periodEnd: period.end,
          status: 'draft',
          createdById: audit.principal?.userId ?? null,
          createdByName: audit.principal?.displayName ?? 'system',
        });
        const id = inserted.identifiers[0].id as number;
        await this.audit.record(audit, { action: 'settlement.create', targetType: 'settlement_run', targetId: id, after: { periodKey: period.key, cadence } }, manager);
        return id;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw Errors.conflict('SETTLEMENT_PERIOD_EXISTS', `${period.label} 已有结算单`);
      throw err;
    }
    return this.recompute(runId, audit, false);
  }

  /** Recomputes a draft from the ledger (a confirmed run is refused: `409 SETTLEMENT_RUN_CONFIRMED`). */
  async recompute(runId: number, audit: AuditContext, record = true): Promise<SettlementRun> {
    try {
      await this.tx.run(async manager => {
        const run = await this.lockRun(manager, runId);
        if (run.status !== 'draft') throw Errors.conflict('SETTLEMENT_RUN_CONFIRMED', '结算单已确认，不能重算；之后的变动会作为调整计入下一期');
        await this.compute(manager, run);
        if (record) await this.audit.record(audit, { action: 'settlement.recompute', targetType: 'settlement_run', targetId: run.id }, manager);
      }, 'READ COMMITTED');
    } catch (err) {
      // Another draft claimed a ledger line first (a race the draft check cannot see on MySQL).
      if (isUniqueViolation(err)) throw Errors.conflict('SETTLEMENT_CLAIM_CONFLICT', '账目正被另一张结算单占用，请稍后重试');
      throw err;
    }
    return this.runs.findOneByOrFail({ id: runId });
  }

  /** Deletes a draft (its items free their ledger lines). */
  async deleteDraft(runId: number, audit: AuditContext): Promise<void> {
    await this.tx.run(async manager => {
      const run = await this.lockRun(manager, runId);
      if (run.status !== 'draft') throw Errors.conflict('SETTLEMENT_RUN_CONFIRMED', '已确认的结算单不能删除');
      await manager.getRepository(SettlementItem).delete({ runId });
      await manager.getRepository(SettlementLine).delete({ runId });
      await manager.getRepository(SettlementRun).delete({ id: runId });
      await this.audit.record(audit, { action: 'settlement.delete', targetType: 'settlement_run', targetId: runId, before: { periodKey: run.periodKey } }, manager);
    });
  }

  /**
   * draft → confirmed by compare-and-swap: of two confirmations at once exactly one wins, the
   * other gets `409`. A run with nothing payable is paid the moment it is confirmed.
   */
  async confirm(runId: number, audit: AuditContext, now = new Date()): Promise<SettlementRun> {
    await this.tx.run(async manager => {
      const run = await manager.getRepository(SettlementRun).findOne({ where: { id: runId } });
      if (!run) throw Errors.notFound('结算单');
      const status = run.payableFen > 0 ? 'confirmed' : 'paid';
      const result = await manager
        .createQueryBuilder()
        .update(SettlementRun)
        .set({ status, confirmedAt: now, confirmedByName: audit.principal?.displayName ?? 'system', paidAt: status === 'paid' ? now : null })
        .where('id = :id AND status = :from', { id: runId, from: 'draft' })
        .execute();
      if (!result.affected) throw Errors.conflict('SETTLEMENT_RUN_NOT_DRAFT', '结算单已确认（可能刚被他人确认）');
      await this.audit.record(audit, { action: 'settlement.confirm', targetType: 'settlement_run', targetId: runId, after: { periodKey: run.periodKey, payableFen: run.payableFen, escortCount: run.escortCount } }, manager);
    });
    return this.runs.findOneByOrFail({ id: runId });
  }

  // ------------------------------------------------------------------ payouts

  /**
   * Records the payout of one escort's statement: the whole payable amount, once. The line is
   * locked first; a second payout (same line, same escort and period, or a reference already
   * used) is refused, by the check and then by unique keys. The payout is posted to the ledger in
   * the same transaction (escort_payable +E / clearing −E, once per period and escort).
   */
  async recordPayout(runId: number, input: PayoutInput, audit: AuditContext): Promise<SettlementPayout> {
    const referenceNo = input.referenceNo.trim();
    if (!referenceNo) throw Errors.validation('请填写打款流水号');
    try {
      return await this.tx.run(async manager => {
        const run = await manager.getRepository(SettlementRun).findOne({ where: { id: runId } });
        if (!run) throw Errors.notFound('结算单');
        if (run.status === 'draft') throw Errors.conflict('SETTLEMENT_RUN_NOT_CONFIRMED', '结算单确认后才能登记打款');
        const line = await manager.getRepository(SettlementLine).findOne({ where: { runId, escortId: input.escortId }, ...this.tx.lockMode });
        if (!line) throw Errors.notFound('该陪诊师在本期的结算明细');
        if (line.paidFen > 0) throw Errors.conflict('SETTLEMENT_ALREADY_PAID', '该陪诊师本期已打款，不能重复打款');
        if (line.payableFen <= 0) throw Errors.rule('SETTLEMENT_NOTHING_PAYABLE', '该陪诊师本期无应付金额（负数结转下期）');
        if (input.amountFen !== undefined && input.amountFen !== line.payableFen) {
          throw Errors.rule('PAYOUT_AMOUNT_MISMATCH', `打款金额与应付金额不一致（应付 ${line.payableFen} 分）`, { payableFen: line.payableFen, amountFen: input.amountFen });
        }
        const usedRef = await manager.getRepository(SettlementPayout).findOne({ where: { referenceNo }, select: { id: true } });
        if (usedRef) throw Errors.conflict('PAYOUT_REFERENCE_USED', `打款流水号 ${referenceNo} 已登记过`);
        const inserted = await manager.getRepository(SettlementPayout).insert({
          runId,
          lineId: line.id,
          escortId: line.escortId,
          periodKey: run.periodKey,
          amountFen: line.payableFen,
          referenceNo,
          method: input.method ?? 'bank_transfer',
          paidAt: input.paidAt ?? new Date(),
          note: (input.note ?? '').slice(0, 255),
          recordedById: audit.principal?.userId ?? null,
          recordedByName: audit.principal?.displayName ?? 'system',
        });
        const payoutId = inserted.identifiers[0].id as number;
        await this.ledger.postPayout(manager, `settlement:${run.periodKey}:${line.escortId}`, line.escortId, line.payableFen, `结算 ${run.periodKey} 打款 ${referenceNo}`);
        const paid = await manager.createQueryBuilder().update(SettlementLine).set({ paidFen: line.payableFen }).where('id = :id AND paid_fen = 0', { id: line.id }).execute();
        if (!paid.affected) throw Errors.conflict('SETTLEMENT_ALREADY_PAID', '该陪诊师本期已打款，不能重复打款');
        await manager.createQueryBuilder().update(SettlementRun).set({ paidFen: () => `paid_fen + ${Number(line.payableFen)}` }).where('id = :id', { id: runId }).execute();
        const unpaid = await manager.getRepository(SettlementLine).createQueryBuilder('l').where('l.run_id = :runId AND l.payable_fen > 0 AND l.paid_fen = 0', { runId }).getCount();
        if (unpaid === 0) {
          await manager.createQueryBuilder().update(SettlementRun).set({ status: 'paid', paidAt: new Date() }).where('id = :id AND status = :from', { id: runId, from: 'confirmed' }).execute();
        }
        await this.audit.record(audit, { action: 'settlement.payout', targetType: 'settlement_payout', targetId: payoutId, after: { runId, periodKey: run.periodKey, escortId: line.escortId, amountFen: line.payableFen, referenceNo } }, manager);
        return manager.getRepository(SettlementPayout).findOneByOrFail({ id: payoutId });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw Errors.conflict('SETTLEMENT_ALREADY_PAID', '该陪诊师本期已打款（或流水号已使用），不能重复打款');
      throw err;
    }
  }

  /**
   * Imports payouts from the bank's or wallet's result file, as CSV text with a header:
   * `escortId,referenceNo,amountFen,paidAt` (amountFen and paidAt optional; 陪诊师ID / 打款流水号 /
   * 金额（分） / 打款时间 also understood). Each row is recorded on its own; the answer lists them.
   */
  async importPayouts(runId: number, csv: string, audit: AuditContext): Promise<PayoutImportRow[]> {
    const rows = parseCsv(csv).filter(r => r.some(c => c.trim() !== ''));
    if (rows.length < 2) throw Errors.validation('导入文件为空：第一行为表头，之后每行一笔打款');
    const header = rows[0].map(h => h.trim().replace(/^\uFEFF/, ''));
    const col = (...names: string[]) => header.findIndex(h => names.includes(h));
    const idx = { escortId: col('escortId', '陪诊师ID'), referenceNo: col('referenceNo', '打款流水号'), amountFen: col('amountFen', '金额（分）', '金额(分)'), paidAt: col('paidAt', '打款时间') };
    if (idx.escortId < 0 || idx.referenceNo < 0) throw Errors.validation('表头须包含 escortId（陪诊师ID）和 referenceNo（打款流水号）');
    const results: PayoutImportRow[] = [];
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i];
      const escortText = (r[idx.escortId] ?? '').trim();
      const referenceNo = (r[idx.referenceNo] ?? '').trim();
      const escortId = /^\d{1,10}$/.test(escortText) ? Number(escortText) : null;
      const result: PayoutImportRow = { row: i + 1, escortId, referenceNo, ok: false };
      try {
        if (escortId === null) throw Errors.validation('陪诊师ID 不正确');
        const amountText = idx.amountFen >= 0 ? (r[idx.amountFen] ?? '').trim() : '';
        if (amountText && !/^\d{1,15}$/.test(amountText)) throw Errors.validation('金额须为整数（分）');
        const paidText = idx.paidAt >= 0 ? (r[idx.paidAt] ?? '').trim() : '';
        const paidAt = paidText ? new Date(paidText) : undefined;
        if (paidAt && Number.isNaN(paidAt.getTime())) throw Errors.validation('打款时间格式不正确');
        const payout = await this.recordPayout(runId, { escortId, referenceNo, paidAt, amountFen: amountText ? Number(amountText) : undefined, method: 'import' }, audit);
        Object.assign(result, { ok: true, payoutId: payout.id, amountFen: payout.amountFen });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        Object.assign(result, { errorCode: err.code, errorMessage: err.message });
      }
      results.push(result);
    }
    return results;
  }

  // ------------------------------------------------------------------ deductions

  /** A penalty or compensation charged to an escort: recorded, posted to the ledger, deducted in the next run. */
  async addDeduction(input: { escortId: number; kind: EscortDeductionKind; amountFen: number; orderId?: number | null; reason: string }, audit: AuditContext): Promise<EscortDeduction> {
    return this.tx.run(async manager => {
      const escort = await manager.getRepository(Escort).findOne({ where: { id: input.escortId }, select: { id: true, name: true } });
      if (!escort) throw Errors.notFound('陪诊师');
      const inserted = await manager.getRepository(EscortDeduction).insert({
        escortId: input.escortId,
        kind: input.kind,
        amountFen: input.amountFen,
        orderId: input.orderId ?? null,
        reason: input.reason,
        createdById: audit.principal?.userId ?? null,
        createdByName: audit.principal?.displayName ?? 'system',
      });
      const id = inserted.identifiers[0].id as number;
      await this.ledger.postDeduction(manager, { id, escortId: input.escortId, amountFen: input.amountFen, orderId: input.orderId ?? null, memo: `陪诊师 ${escort.name} ${input.kind === 'penalty' ? '罚款' : '赔偿'}：${input.reason}`.slice(0, 255) });
      await this.audit.record(audit, { action: 'settlement.deduction', targetType: 'escort_deduction', targetId: id, after: input }, manager);
      return manager.getRepository(EscortDeduction).findOneByOrFail({ id });
    });
  }

  async listDeductions(q: { escortId?: number; page: number; pageSize: number }) {
    const [rows, total] = await this.deductions.findAndCount({ where: q.escortId ? { escortId: q.escortId } : {}, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const names = await this.escortNames(rows.map(r => r.escortId));
    return toPage(rows.map(r => ({ ...r, escortName: names.get(r.escortId) ?? '' })), total, q);
  }

  // ------------------------------------------------------------------ reading

  async listRuns(q: { page: number; pageSize: number; status?: string }) {
    const [rows, total] = await this.runs.findAndCount({ where: q.status ? { status: q.status as SettlementRun['status'] } : {}, order: { periodStart: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(rows, total, q);
  }

  async getRun(runId: number): Promise<SettlementRun> {
    const run = await this.runs.findOne({ where: { id: runId } });
    if (!run) throw Errors.notFound('结算单');
    return run;
  }

  async runLines(runId: number, q: { page: number; pageSize: number; escortName?: string; unpaidOnly?: boolean }) {
    await this.getRun(runId);
    const qb = this.lines.createQueryBuilder('l').where('l.run_id = :runId', { runId });
    if (q.escortName) qb.andWhere('l.escort_name LIKE :name', { name: `%${q.escortName.replace(/[%_\\]/g, m => `\\${m}`)}%` });
    if (q.unpaidOnly) qb.andWhere('l.payable_fen > 0 AND l.paid_fen = 0');
    const [rows, total] = await qb.orderBy('l.net_fen', 'DESC').addOrderBy('l.escort_id', 'ASC').skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
    const payouts = rows.length ? await this.payouts.find({ where: { lineId: In(rows.map(r => r.id)) } }) : [];
    const byLine = new Map(payouts.map(p => [p.lineId, p]));
    return toPage(rows.map(l => ({ ...l, payout: byLine.get(l.id) ?? null })), total, q);
  }

  async line(runId: number, escortId: number): Promise<SettlementLine & { payout: SettlementPayout | null }> {
    const line = await this.lines.findOne({ where: { runId, escortId } });
    if (!line) throw Errors.notFound('该陪诊师在本期的结算明细');
    return { ...line, payout: await this.payouts.findOne({ where: { lineId: line.id } }) };
  }

  /** The drill-down: the orders, refunds, deductions and adjustments behind one escort's line. */
  async lineItems(runId: number, escortId: number, q: { page: number; pageSize: number; kind?: SettlementItemKind }) {
    const where: Record<string, unknown> = { runId, escortId };
    if (q.kind) where.kind = q.kind;
    const [rows, total] = await this.items.findAndCount({ where, order: { bookedAt: 'ASC', id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(await this.itemViews(rows), total, q);
  }

  async itemViews(rows: SettlementItem[]) {
    const briefs = await this.orders.briefs(rows.map(r => r.orderId).filter((id): id is number => id !== null));
    return rows.map(r => {
      const o = r.orderId ? briefs.get(r.orderId) : undefined;
      return {
        id: r.id,
        kind: r.kind,
        sourceType: r.sourceType,
        sourceId: r.sourceId,
        orderId: r.orderId,
        orderNo: o?.orderNo ?? '',
        serviceName: o?.serviceName ?? '',
        completedAt: o?.completedAt ?? null,
        amountFen: r.amountFen,
        grossFen: r.grossFen,
        shareBp: r.shareBp,
        bookedAt: r.bookedAt,
      };
    });
  }

  async payoutsOf(runId: number) {
    const rows = await this.payouts.find({ where: { runId }, order: { id: 'ASC' } });
    const names = await this.escortNames(rows.map(r => r.escortId));
    return rows.map(r => ({ ...r, escortName: names.get(r.escortId) ?? '' }));
  }

  // ------------------------------------------------------------------ the escort's own view

  /** The escort's confirmed statements, newest first (drafts are finance's working copies). */
  async statementsOf(escortId: number, q: { page: number; pageSize: number }) {
    const qb = this.lines
      .createQueryBuilder('l')
      .innerJoin(SettlementRun, 'r', 'r.id = l.run_id')
      .where('l.escort_id = :escortId AND r.status IN (:...statuses)', { escortId, statuses: ['confirmed', 'paid'] })
      .select(['l.id AS id', 'l.run_id AS runId', 'r.period_key AS periodKey', 'r.cadence AS cadence', 'r.period_start AS periodStart', 'r.period_end AS periodEnd', 'r.status AS runStatus'])
      .addSelect(['l.order_count AS orderCount', 'l.gross_fen AS grossFen', 'l.share_fen AS shareFen', 'l.refund_fen AS refundFen', 'l.deduction_fen AS deductionFen', 'l.adjustment_fen AS adjustmentFen', 'l.carried_in_fen AS carriedInFen', 'l.net_fen AS netFen', 'l.payable_fen AS payableFen', 'l.carried_forward_fen AS carriedForwardFen', 'l.paid_fen AS paidFen'])
      .orderBy('r.period_start', 'DESC');
    const total = await qb.getCount();
    const raw = await qb.offset((q.page - 1) * q.pageSize).limit(q.pageSize).getRawMany();
    const fenKeys = ['grossFen', 'shareFen', 'refundFen', 'deductionFen', 'adjustmentFen', 'carriedInFen', 'netFen', 'payableFen', 'carriedForwardFen', 'paidFen'];
    const list = raw.map(r => {
      const row: Record<string, unknown> = { ...r, id: Number(r.id), runId: Number(r.runId), orderCount: Number(r.orderCount), periodStart: new Date(r.periodStart), periodEnd: new Date(r.periodEnd) };
      for (const k of fenKeys) row[k] = Number(r[k]);
      return row;
    });
    return toPage(list, total, q);
  }

  /** One confirmed statement of the escort with its payout (404 for a draft or another escort's). */
  async statementOf(escortId: number, runId: number) {
    const run = await this.runs.findOne({ where: { id: runId } });
    if (!run || run.status === 'draft') throw Errors.notFound('结算单');
    const line = await this.line(runId, escortId);
    return { ...line, periodKey: run.periodKey, cadence: run.cadence, periodStart: run.periodStart, periodEnd: run.periodEnd, runStatus: run.status, payout: line.payout ? { referenceNo: line.payout.referenceNo, amountFen: line.payout.amountFen, paidAt: line.payout.paidAt } : null };
  }

  /**
   * The escort's income movements from the ledger, newest first: each order's share, the part of
   * refunds taken back, deductions and payouts, with the run that settled each (or none yet).
   */
  async incomeDetail(escortId: number, q: { page: number; pageSize: number }) {
    const qb = this.dataSource
      .getRepository(LedgerLine)
      .createQueryBuilder('l')
      .innerJoin(LedgerEntry, 'e', 'e.id = l.entry_id')
      .leftJoin(SettlementItem, 's', 's.ledger_line_id = l.id')
      .leftJoin(SettlementRun, 'r', 'r.id = s.run_id')
      .where('l.account = :account AND l.escort_id = :escortId', { account: 'escort_payable', escortId })
      .select(['l.id AS id', 'l.order_id AS orderId', 'l.amount_fen AS amountFen', 'e.source_type AS sourceType', 'e.created_at AS bookedAt', 'e.share_bp AS shareBp', 'e.base_fen AS baseFen', 'e.memo AS memo', 'r.period_key AS periodKey', 'r.status AS runStatus']);
    const total = await qb.getCount();
    const raw = await qb.orderBy('l.id', 'DESC').offset((q.page - 1) * q.pageSize).limit(q.pageSize).getRawMany();
    const briefs = await this.orders.briefs(raw.map(r => r.orderId).filter(Boolean).map(Number));
    const list = raw.map(r => ({
      id: Number(r.id),
      sourceType: r.sourceType,
      orderId: r.orderId === null ? null : Number(r.orderId),
      orderNo: r.orderId ? briefs.get(Number(r.orderId))?.orderNo ?? '' : '',
      serviceName: r.orderId ? briefs.get(Number(r.orderId))?.serviceName ?? '' : '',
      // Escort's view: positive = earned, negative = taken back or paid out.
      amountFen: -Number(r.amountFen),
      shareBp: r.shareBp === null ? null : Number(r.shareBp),
      baseFen: r.baseFen === null ? null : Number(r.baseFen),
      bookedAt: new Date(r.bookedAt),
      settledIn: r.periodKey ?? null,
      settlementStatus: r.runStatus ?? (r.sourceType === 'escort_payout' ? 'paid_out' : 'unsettled'),
    }));
    const balance = -(await this.ledger.balance(this.dataSource.manager, 'escort_payable', { escortId }));
    return { ...toPage(list, total, q), owedFen: balance };
  }

  // ------------------------------------------------------------------ computing

  private async lockRun(manager: EntityManager, runId: number): Promise<SettlementRun> {
    const run = await manager.getRepository(SettlementRun).findOne({ where: { id: runId }, ...this.tx.lockMode });
    if (!run) throw Errors.notFound('结算单');
    return run;
  }

  /**
   * Claims the ledger's unsettled escort movements booked before the period's end as this run's
   * items (one INSERT … SELECT: the rows never pass through the process), sums per escort and kind
   * in the database, and writes one line per escort. A refund reversal is this period's `refund`
   * when its order's recognition was booked in the period (so it is an `order` item of this same
   * run); otherwise the order was settled before, and the refund is an `adjustment` carried into
   * this period (never an edit of a confirmed statement).
   */
  private async compute(manager: EntityManager, run: SettlementRun): Promise<void> {
    await manager.getRepository(SettlementItem).delete({ runId: run.id });
    await manager.getRepository(SettlementLine).delete({ runId: run.id });
    const t = (entity: Function) => manager.connection.getMetadata(entity).tableName;
    const sql = `INSERT INTO ${t(SettlementItem)} (run_id, escort_id, ledger_line_id, entry_id, source_type, source_id, order_id, kind, amount_fen, gross_fen, share_bp, booked_at)
      SELECT :runId, l.escort_id, l.id, e.id, e.source_type, e.source_id, l.order_id,
        CASE WHEN e.source_type = 'order_recognition' AND e.created_at >= :start THEN 'order'
             WHEN e.source_type = 'escort_deduction' THEN 'deduction'
             WHEN e.source_type = 'refund' AND EXISTS (
               SELECT 1 FROM ${t(LedgerEntry)} r WHERE r.order_id = l.order_id AND r.source_type = 'order_recognition'
                 AND r.created_at >= :start AND r.created_at < :end) THEN 'refund'
             ELSE 'adjustment' END,
        -l.amount_fen,
        CASE WHEN e.source_type = 'order_recognition' THEN COALESCE(e.base_fen, 0) ELSE 0 END,
        e.share_bp, e.created_at
      FROM ${t(LedgerLine)} l
      INNER JOIN ${t(LedgerEntry)} e ON e.id = l.entry_id
      WHERE l.account = 'escort_payable' AND l.escort_id IS NOT NULL
        AND e.source_type IN (${CLAIMED_SOURCES.map(s => `'${s}'`).join(', ')})
        AND e.created_at < :end
        AND NOT EXISTS (SELECT 1 FROM ${t(SettlementItem)} s WHERE s.ledger_line_id = l.id)`;
    const [query, params] = manager.connection.driver.escapeQueryWithParameters(sql, { runId: run.id, start: run.periodStart, end: run.periodEnd }, {});
    await manager.query(query, params);

    const sums = await manager
      .getRepository(SettlementItem)
      .createQueryBuilder('s')
      .select('s.escort_id', 'escortId')
      .addSelect('s.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(s.amount_fen)', 'amountFen')
      .addSelect('SUM(s.gross_fen)', 'grossFen')
      .where('s.run_id = :runId', { runId: run.id })
      .groupBy('s.escort_id')
      .addGroupBy('s.kind')
      .getRawMany<{ escortId: number | string; kind: SettlementItemKind; count: number | string; amountFen: number | string; grossFen: number | string }>();
    const byEscort = new Map<number, KindTotal[]>();
    for (const s of sums) {
      const id = Number(s.escortId);
      if (!byEscort.has(id)) byEscort.set(id, []);
      byEscort.get(id)!.push({ kind: s.kind, count: Number(s.count), amountFen: Number(s.amountFen), grossFen: Number(s.grossFen) });
    }
    // What escorts owed at the end of the previous run starts this one.
    const previous = await manager.getRepository(SettlementRun).findOne({ where: { status: In(['confirmed', 'paid']) }, order: { periodStart: 'DESC' }, select: { id: true, periodStart: true } });
    const carried = new Map<number, number>();
    if (previous && previous.periodStart.getTime() < run.periodStart.getTime()) {
      const owing = await manager.getRepository(SettlementLine).createQueryBuilder('l').select(['l.escortId', 'l.carriedForwardFen']).where('l.run_id = :id AND l.carried_forward_fen < 0', { id: previous.id }).getMany();
      owing.forEach(l => carried.set(l.escortId, l.carriedForwardFen));
    }
    const escortIds = [...new Set([...byEscort.keys(), ...carried.keys()])].sort((a, b) => a - b);
    const names = await this.escortNames(escortIds, manager);
    const figures: LineFigures[] = [];
    const rows: Partial<SettlementLine>[] = [];
    for (const escortId of escortIds) {
      const f = lineFigures(byEscort.get(escortId) ?? [], carried.get(escortId) ?? 0);
      figures.push(f);
      rows.push({ runId: run.id, escortId, escortName: names.get(escortId) ?? '', ...f, paidFen: 0 });
    }
    for (let i = 0; i < rows.length; i += 500) await manager.getRepository(SettlementLine).insert(rows.slice(i, i + 500));
    const totals = runTotals(figures);
    await manager.getRepository(SettlementRun).update(
      { id: run.id },
      { ...totals, computedCount: figures.reduce((n, f) => n + f.itemCount, 0), computedAt: new Date() },
    );
  }

  private async escortNames(ids: number[], manager: EntityManager = this.dataSource.manager): Promise<Map<number, string>> {
    const names = new Map<number, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await manager.getRepository(Escort).find({ where: { id: In(unique.slice(i, i + 500)) }, select: { id: true, name: true } });
      rows.forEach(r => names.set(r.id, r.name));
    }
    return names;
  }
}

/** RFC 4180 CSV: quoted fields with "" for a quote, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
