import { createHash } from 'crypto';
import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Between, In, MoreThan, Repository } from 'typeorm';
import { ReconciliationRun } from './reconciliation-run.entity';
import { ReconciliationItem } from './reconciliation-item.entity';
import { matchTradeBill, MatchOutcome, RECON_RESULT_LABELS, RECON_RESULTS, ReconResult } from './bill-matching';
import { isRefundRow } from './bill-matching';
import { parseTradeBill, TradeBill, TradeBillFormatError } from '../payments/wechatpay-trade-bill';
import { PaymentGatewayProvider } from '../payments/payment-gateway.provider';
import { PaymentQueryService } from '../payments/payment-query.service';
import { GatewayError } from '../payments/payment-gateway';
import { AuditContext, AuditService } from '../audit/audit.service';
import { OrderActor } from '../orders/order.service';
import { TransactionService } from '../../common/db/transaction.service';
import { AppError, Errors } from '../../common/errors';
import { addMinutes, toShanghaiDateString } from '../../common/time';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest range one report covers (a quarter: WeChat keeps bills for three months). */
export const MAX_RANGE_DAYS = 92;

export function shanghaiDay(date: string): { from: Date; to: Date } {
  const from = new Date(`${date}T00:00:00+08:00`);
  if (!DATE.test(date) || Number.isNaN(from.getTime()) || toShanghaiDateString(from) !== date) throw Errors.validation(`日期格式不正确：${date.slice(0, 20)}`);
  return { from, to: addMinutes(from, 24 * 60) };
}

export interface RunSummary {
  id: number;
  billDate: string;
  channel: string;
  source: string;
  billSha1: string;
  rowCount: number;
  counts: Record<ReconResult, number>;
  totals: MatchOutcome['totals'];
  summary: TradeBill['summary'];
  unexplained: number;
  createdByName: string;
  createdAt: Date;
}

/**
 * Reconciliation against the channel's daily trade bill: fetch it (or take an uploaded file),
 * parse it to fen, match it with our payments and refunds, keep the run and its mismatches, and
 * let finance explain each mismatch (audited). The bill is the merchant's as a whole, so runs and
 * reports are not limited to a staff member's cities.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ReconciliationService {
  @InjectEntityModel(ReconciliationRun)
  runs: Repository<ReconciliationRun>;

  @InjectEntityModel(ReconciliationItem)
  items: Repository<ReconciliationItem>;

  @Inject()
  gateways: PaymentGatewayProvider;

  @Inject()
  paymentQuery: PaymentQueryService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  @Logger()
  logger: ILogger;

  /** Downloads the day's bill from the channel (GET /v3/bill/tradebill, hash-checked) and reconciles it. */
  async fetchDay(date: string, actor: OrderActor, audit: AuditContext, now = new Date()) {
    const day = shanghaiDay(date);
    if (day.to.getTime() > now.getTime()) throw Errors.rule('BILL_NOT_READY', '当天的账单要到次日才能下载');
    const gateway = this.gateways.gateway;
    if (!gateway.downloadTradeBill) throw Errors.rule('BILL_DOWNLOAD_UNSUPPORTED', '当前支付通道不支持下载账单，请导入账单文件');
    let text: string;
    try {
      text = await gateway.downloadTradeBill(date);
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      this.logger.warn('[reconciliation] bill %s download failed: %s %s', date, err.code, err.message);
      if (err.code === 'NO_STATEMENT_EXIST') throw Errors.rule('BILL_NOT_READY', '渠道尚未生成该日账单');
      if (err.retryable) throw new AppError(503, 'PAYMENT_CHANNEL_UNAVAILABLE', '支付通道暂时不可用，请稍后重试');
      throw new AppError(502, 'PAYMENT_CHANNEL_REFUSED', `支付通道拒绝了请求（${err.code}）`);
    }
    return this.reconcile(date, text, 'fetched', actor, audit);
  }

  /** Reconciles a bill file finance uploaded (the same text the channel's download gives). */
  async importDay(date: string, content: string, actor: OrderActor, audit: AuditContext) {
    return this.reconcile(date, content, 'imported', actor, audit);
  }

  private async reconcile(date: string, content: string, source: 'fetched' | 'imported', actor: OrderActor, audit: AuditContext) {
    const day = shanghaiDay(date);
    let bill: TradeBill;
    try {
      bill = parseTradeBill(content);
    } catch (err) {
      if (err instanceof TradeBillFormatError) throw Errors.rule('BILL_FORMAT_INVALID', `账单格式不正确：${err.message}`);
      throw err;
    }
    const outside = bill.rows.find(r => r.tradeTime.getTime() < day.from.getTime() || r.tradeTime.getTime() >= day.to.getTime());
    if (outside) throw Errors.rule('BILL_DATE_MISMATCH', `账单第 ${outside.line} 行的交易时间不在 ${date}（北京时间）`);
    const ours = await this.paymentQuery.reconciliationRecords(
      day.from,
      day.to,
      [...new Set(bill.rows.filter(r => !isRefundRow(r)).map(r => r.outTradeNo))],
      [...new Set(bill.rows.filter(isRefundRow).map(r => r.outRefundNo))]
    );
    const outcome = matchTradeBill(bill.rows, ours, day);
    const sha1 = createHash('sha1').update(content, 'utf8').digest('hex');
    const runId = await this.tx.run(async manager => {
      const inserted = await manager.getRepository(ReconciliationRun).insert({
        billDate: date,
        channel: this.gateways.gateway.channel,
        source,
        billSha1: sha1,
        rowCount: bill.rows.length,
        summaryJson: JSON.stringify(bill.summary),
        countsJson: JSON.stringify(outcome.counts),
        totalsJson: JSON.stringify(outcome.totals),
        createdById: actor.id,
        createdByName: actor.name.slice(0, 64),
      });
      const id = inserted.identifiers[0].id as number;
      // A mismatch explained in an earlier run of the day stays explained when it is found again.
      const earlier = await manager.getRepository(ReconciliationItem).find({ where: { billDate: date, explained: true }, order: { id: 'DESC' } });
      const explained = new Map<string, ReconciliationItem>();
      for (const e of earlier) if (!explained.has(`${e.kind}|${e.outNo}|${e.result}`)) explained.set(`${e.kind}|${e.outNo}|${e.result}`, e);
      const rows = outcome.items
        .filter(i => i.result !== 'matched')
        .map(i => {
          const prior = explained.get(`${i.kind}|${i.key}|${i.result}`);
          return {
            runId: id,
            billDate: date,
            kind: i.kind,
            outNo: i.key.slice(0, 64),
            result: i.result,
            ourFen: i.ourFen,
            theirFen: i.theirFen,
            ourStatus: i.ourStatus?.slice(0, 20) ?? null,
            theirStatus: i.theirStatus?.slice(0, 20) ?? null,
            transactionId: i.transactionId?.slice(0, 64) ?? null,
            detail: i.detail.slice(0, 255),
            explained: Boolean(prior),
            explanation: prior?.explanation ?? '',
            explainedByName: prior?.explainedByName ?? null,
            explainedAt: prior?.explainedAt ?? null,
          };
        });
      for (let i = 0; i < rows.length; i += 200) await manager.getRepository(ReconciliationItem).insert(rows.slice(i, i + 200));
      await this.audit.record(
        audit,
        { action: `reconciliation.${source === 'fetched' ? 'fetch' : 'import'}`, targetType: 'reconciliation_run', targetId: id, after: { billDate: date, rows: bill.rows.length, sha1, counts: outcome.counts } },
        manager
      );
      return id;
    });
    return this.dayReport(date, runId);
  }

  /** The day's newest run (or the given one) with its mismatches; `run: null` when the day was never reconciled. */
  async dayReport(date: string, runId?: number) {
    shanghaiDay(date);
    const run = runId ? await this.runs.findOneBy({ id: runId }) : await this.runs.findOne({ where: { billDate: date }, order: { id: 'DESC' } });
    if (!run) return { billDate: date, run: null, items: [] };
    const items = await this.items.find({ where: { runId: run.id }, order: { id: 'ASC' } });
    const [summary] = await this.summaries([run]);
    return { billDate: date, run: summary, items: items.map(i => this.itemView(i)) };
  }

  /** One line per reconciled day in [from, to] (inclusive, at most 92 days) with the newest run's counts, and the totals. */
  async rangeReport(from: string, to: string) {
    const start = shanghaiDay(from).from;
    const end = shanghaiDay(to).from;
    const days = Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
    if (days < 1 || days > MAX_RANGE_DAYS) throw Errors.validation(`日期范围需在 1 到 ${MAX_RANGE_DAYS} 天之间`);
    const all = await this.runs.find({ where: { billDate: Between(from, to) }, order: { id: 'DESC' } });
    const newest = new Map<string, ReconciliationRun>();
    for (const r of all) if (!newest.has(r.billDate)) newest.set(r.billDate, r);
    const list = (await this.summaries([...newest.values()])).sort((a, b) => a.billDate.localeCompare(b.billDate));
    const counts = Object.fromEntries(RECON_RESULTS.map(r => [r, list.reduce((s, d) => s + d.counts[r], 0)])) as Record<ReconResult, number>;
    const totals = { theirPaidFen: 0, theirRefundedFen: 0, ourPaidFen: 0, ourRefundedFen: 0 };
    for (const d of list) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += d.totals[k];
    return { from, to, days, reconciledDays: list.length, list, counts, totals, unexplained: list.reduce((s, d) => s + d.unexplained, 0) };
  }

  /**
   * The newest run of each reconciled day in [from, to] (Shanghai days, inclusive, at most 92):
   * an export reads the mismatches of these runs, like the range report counts them.
   */
  async newestRunIds(from: string, to: string): Promise<number[]> {
    const start = shanghaiDay(from).from;
    const end = shanghaiDay(to).from;
    const days = Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
    if (days < 1 || days > MAX_RANGE_DAYS) throw Errors.validation(`日期范围需在 1 到 ${MAX_RANGE_DAYS} 天之间`);
    const runs = await this.runs.find({ where: { billDate: Between(from, to) }, select: { id: true, billDate: true }, order: { id: 'DESC' } });
    const newest = new Map<string, number>();
    for (const r of runs) if (!newest.has(r.billDate)) newest.set(r.billDate, r.id);
    return [...newest.values()];
  }

  /** Mismatches of the given runs after `afterId`, by id, at most `limit` (exports page through them). */
  async itemsPage(runIds: number[], afterId: number, limit: number): Promise<ReconciliationItem[]> {
    if (!runIds.length) return [];
    return this.items.find({ where: { runId: In(runIds), id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
  }

  countItems(runIds: number[]): Promise<number> {
    return runIds.length ? this.items.count({ where: { runId: In(runIds) } }) : Promise.resolve(0);
  }

  /** Marks a mismatch explained with a note, once (compare-and-swap), audited. */
  async explain(itemId: number, note: string, actor: OrderActor, audit: AuditContext) {
    return this.tx.run(async manager => {
      const repo = manager.getRepository(ReconciliationItem);
      const item = await repo.findOneBy({ id: itemId });
      if (!item) throw Errors.notFound('对账差异');
      const swapped = await repo.update({ id: itemId, explained: false }, { explained: true, explanation: note.slice(0, 500), explainedByName: actor.name.slice(0, 64), explainedAt: new Date() });
      if (!swapped.affected) throw Errors.conflict('RECONCILIATION_ITEM_EXPLAINED', '该差异已说明');
      const after = await repo.findOneByOrFail({ id: itemId });
      await this.audit.record(
        audit,
        { action: 'reconciliation.explain', targetType: 'reconciliation_item', targetId: itemId, before: { explained: false }, after: { billDate: item.billDate, outNo: item.outNo, result: item.result, explanation: after.explanation } },
        manager
      );
      return this.itemView(after);
    });
  }

  private async summaries(runs: ReconciliationRun[]): Promise<RunSummary[]> {
    if (!runs.length) return [];
    const open = await this.items
      .createQueryBuilder('i')
      .select('i.run_id', 'runId')
      .addSelect('COUNT(*)', 'n')
      .where('i.run_id IN (:...ids) AND i.explained = :no', { ids: runs.map(r => r.id), no: false })
      .groupBy('i.run_id')
      .getRawMany<{ runId: number; n: string | number }>();
    const unexplained = new Map(open.map(o => [Number(o.runId), Number(o.n)]));
    return runs.map(r => ({
      id: r.id,
      billDate: r.billDate,
      channel: r.channel,
      source: r.source,
      billSha1: r.billSha1,
      rowCount: r.rowCount,
      counts: JSON.parse(r.countsJson),
      totals: JSON.parse(r.totalsJson),
      summary: JSON.parse(r.summaryJson),
      unexplained: unexplained.get(r.id) ?? 0,
      createdByName: r.createdByName,
      createdAt: r.createdAt,
    }));
  }

  private itemView(i: ReconciliationItem) {
    return {
      id: i.id,
      runId: i.runId,
      billDate: i.billDate,
      kind: i.kind,
      outNo: i.outNo,
      result: i.result,
      resultLabel: RECON_RESULT_LABELS[i.result],
      ourFen: i.ourFen,
      theirFen: i.theirFen,
      ourStatus: i.ourStatus,
      theirStatus: i.theirStatus,
      transactionId: i.transactionId,
      detail: i.detail,
      explained: i.explained,
      explanation: i.explanation,
      explainedByName: i.explainedByName,
      explainedAt: i.explainedAt,
    };
  }
}


