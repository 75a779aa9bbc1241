import { randomBytes } from 'crypto';
import { createReadStream, createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import type { Writable } from 'stream';
import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { EXPORT_KINDS, ExportJob, ExportKind } from './export-job.entity';
import { SettlementItem, SettlementLine, SettlementPayout, SettlementRun } from './settlement.entity';
import { SETTLEMENT_ITEM_KINDS } from './settlement-math';
import { SettlementService } from './settlement.service';
import { PaymentReportService } from '../payments/payment-report.service';
import { ReconciliationService } from '../reconciliation/reconciliation.service';
import { RECON_RESULT_LABELS } from '../reconciliation/bill-matching';
import { toShanghaiDateString } from '../../common/time';
import { AuditContext, AuditService } from '../audit/audit.service';
import { Cell, ExportColumn, ExportFormat, createTableWriter } from '../../common/export/table-export';
import { Errors } from '../../common/errors';
import type { AppSettings } from '../../config/settings';

export interface ExportParams {
  runId?: number;
  escortId?: number;
  from?: Date;
  to?: Date;
  status?: string;
}

interface ExportSource {
  title: string;
  columns: ExportColumn[];
  count(): Promise<number>;
  rows(): AsyncGenerator<Cell[]>;
}

const PAGE = 1000;
const PROGRESS_EVERY = 5000;
const KEEP_FILES_MS = 24 * 3600_000;

const REFUND_STATUS_LABELS: Record<string, string> = { awaiting_approval: '待审批', pending: '待提交', processing: '处理中', succeeded: '已退款', failed: '失败', rejected: '已驳回' };
const PAYMENT_STATUS_LABELS: Record<string, string> = { pending: '待支付', succeeded: '已支付', closed: '已关闭', failed: '失败' };

/**
 * Exports of settlement statements, their items, payouts, payments and refunds, as xlsx or CSV.
 * Rows are read in keyset pages of 1,000 and written through a streaming writer, so memory stays
 * flat whatever the row count. Long exports run as jobs the console polls for progress.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ExportService {
  @InjectEntityModel(ExportJob)
  jobs: Repository<ExportJob>;

  @InjectEntityModel(SettlementRun)
  runs: Repository<SettlementRun>;

  @InjectEntityModel(SettlementLine)
  lines: Repository<SettlementLine>;

  @InjectEntityModel(SettlementItem)
  items: Repository<SettlementItem>;

  @InjectEntityModel(SettlementPayout)
  payouts: Repository<SettlementPayout>;

  @Inject()
  settlements: SettlementService;

  @Inject()
  paymentReports: PaymentReportService;

  @Inject()
  reconciliation: ReconciliationService;

  @Inject()
  audit: AuditService;

  @Config('app')
  settings: AppSettings;

  /** Jobs started by this process and not finished yet (tests and shutdown wait on them). */
  private readonly running = new Map<number, Promise<void>>();

  get dir(): string {
    return path.join(this.settings.dataDir, 'exports');
  }

  // ------------------------------------------------------------------ jobs

  async createJob(kind: ExportKind, format: ExportFormat, params: ExportParams, audit: AuditContext): Promise<ExportJob> {
    const source = await this.source(kind, params);
    const total = await source.count();
    const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
    const inserted = await this.jobs.insert({
      kind,
      format,
      params: JSON.stringify(params),
      status: 'queued',
      totalRows: total,
      fileName: `${source.title}-${stamp}.${format}`,
      createdById: audit.principal?.userId ?? null,
      createdByName: audit.principal?.displayName ?? 'system',
    });
    const id = inserted.identifiers[0].id as number;
    await this.audit.record(audit, { action: 'export.create', targetType: 'export_job', targetId: id, after: { kind, format, params, totalRows: total } });
    const done = this.execute(id, source).finally(() => this.running.delete(id));
    this.running.set(id, done);
    void this.sweepOldFiles();
    return this.jobs.findOneByOrFail({ id });
  }

  /** Resolves when the job (started here) has finished, whatever its outcome. */
  async settled(id: number): Promise<void> {
    await this.running.get(id);
  }

  private async execute(id: number, source: ExportSource): Promise<void> {
    const job = await this.jobs.findOneByOrFail({ id });
    const storedName = `${randomBytes(12).toString('hex')}.${job.format}`;
    const file = path.join(this.dir, storedName);
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await this.jobs.update({ id }, { status: 'running', storedName });
      const out = createWriteStream(file, { mode: 0o600 });
      const closed = new Promise<void>((resolve, reject) => {
        out.on('close', resolve);
        out.on('error', reject);
      });
      const rows = await this.write(source, job.format, out, n => this.jobs.update({ id }, { rowsWritten: n }).then(() => undefined));
      out.end();
      await closed;
      const { size } = await fs.stat(file);
      await this.jobs.update({ id }, { status: 'succeeded', rowsWritten: rows, totalRows: Math.max(rows, job.totalRows), sizeBytes: size, finishedAt: new Date() });
    } catch (err) {
      await fs.rm(file, { force: true });
      await this.jobs.update({ id }, { status: 'failed', error: String((err as Error)?.message ?? err).slice(0, 255), finishedAt: new Date() });
    }
  }

  /** Streams a source into `out` (not ended here); `progress` is told the row count every 5,000 rows. */
  async write(source: ExportSource, format: ExportFormat, out: Writable, progress?: (rows: number) => Promise<void>): Promise<number> {
    const writer = await createTableWriter(format, out, source.columns, source.title);
    for await (const row of source.rows()) {
      await writer.writeRow(row);
      if (progress && writer.rows % PROGRESS_EVERY === 0) await progress(writer.rows);
    }
    await writer.finish();
    return writer.rows;
  }

  /** Streams an export straight into `out` without a job (benchmarks, small downloads). */
  async stream(kind: ExportKind, format: ExportFormat, params: ExportParams, out: Writable): Promise<number> {
    return this.write(await this.source(kind, params), format, out);
  }

  async listJobs(createdById: number | null, limit = 20): Promise<ExportJob[]> {
    return this.jobs.find({ where: createdById === null ? {} : { createdById }, order: { id: 'DESC' }, take: limit });
  }

  async getJob(id: number, createdById: number | null): Promise<ExportJob> {
    const job = await this.jobs.findOne({ where: { id } });
    // Someone else's export is not found (not forbidden): it does not exist for this user.
    if (!job || (createdById !== null && job.createdById !== createdById)) throw Errors.notFound('导出任务');
    return job;
  }

  async openFile(id: number, createdById: number | null) {
    const job = await this.getJob(id, createdById);
    if (job.status !== 'succeeded') throw Errors.conflict('EXPORT_NOT_READY', '导出尚未完成');
    const file = path.join(this.dir, job.storedName);
    try {
      await fs.access(file);
    } catch {
      throw Errors.rule('EXPORT_FILE_GONE', '导出文件已过期或不在本服务器上，请重新导出');
    }
    return { job, stream: createReadStream(file) };
  }

  private async sweepOldFiles(): Promise<void> {
    try {
      const names = await fs.readdir(this.dir);
      const cutoff = Date.now() - KEEP_FILES_MS;
      for (const n of names) {
        const f = path.join(this.dir, n);
        const st = await fs.stat(f);
        if (st.mtimeMs < cutoff) await fs.rm(f, { force: true });
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  // ------------------------------------------------------------------ sources

  async source(kind: ExportKind, p: ExportParams): Promise<ExportSource> {
    if (!(kind in EXPORT_KINDS)) throw Errors.validation('导出类型不正确');
    if (kind === 'settlement_lines' || kind === 'settlement_items') {
      if (!p.runId) throw Errors.validation('请指定结算单');
      const run = await this.runs.findOne({ where: { id: p.runId } });
      if (!run) throw Errors.notFound('结算单');
      return kind === 'settlement_lines' ? this.linesSource(run) : this.itemsSource(run, p.escortId);
    }
    if (kind === 'payouts') return this.payoutsSource(p.runId);
    if (kind === 'payments') return this.paymentsSource(p);
    if (kind === 'reconciliation') return this.reconciliationSource(p);
    return this.refundsSource(p);
  }

  private linesSource(run: SettlementRun): ExportSource {
    const repo = this.lines;
    return {
      title: `结算单-${run.periodKey}`,
      columns: [
        { header: '陪诊师ID', type: 'int', total: false },
        { header: '陪诊师', type: 'text' },
        { header: '完成订单数', type: 'int' },
        { header: '订单金额（元）', type: 'money' },
        { header: '陪诊师分成（元）', type: 'money' },
        { header: '退款扣回（元）', type: 'money' },
        { header: '罚款与赔偿（元）', type: 'money' },
        { header: '以前期间调整（元）', type: 'money' },
        { header: '上期结转（元）', type: 'money' },
        { header: '本期净额（元）', type: 'money' },
        { header: '应付（元）', type: 'money' },
        { header: '结转下期（元）', type: 'money' },
        { header: '已打款（元）', type: 'money' },
      ],
      count: () => repo.count({ where: { runId: run.id } }),
      async *rows() {
        let after = 0;
        for (;;) {
          const page = await repo.find({ where: { runId: run.id, id: MoreThan(after) }, order: { id: 'ASC' }, take: PAGE });
          for (const l of page) {
            yield [l.escortId, l.escortName, l.orderCount, l.grossFen, l.shareFen, l.refundFen, l.deductionFen, l.adjustmentFen, l.carriedInFen, l.netFen, l.payableFen, l.carriedForwardFen, l.paidFen];
          }
          if (page.length < PAGE) return;
          after = page[page.length - 1].id;
        }
      },
    };
  }

  private itemsSource(run: SettlementRun, escortId?: number): ExportSource {
    const repo = this.items;
    const lines = this.lines;
    const settlements = this.settlements;
    const where = (after: number) => ({ runId: run.id, id: MoreThan(after), ...(escortId ? { escortId } : {}) });
    return {
      title: `结算明细-${run.periodKey}`,
      columns: [
        { header: '明细ID', type: 'int', total: false },
        { header: '陪诊师ID', type: 'int', total: false },
        { header: '陪诊师', type: 'text' },
        { header: '类型', type: 'text' },
        { header: '订单号', type: 'text', width: 22 },
        { header: '服务', type: 'text' },
        { header: '入账时间', type: 'datetime' },
        { header: '分成基数（元）', type: 'money' },
        { header: '分成比例（基点）', type: 'int', total: false },
        { header: '陪诊师金额（元）', type: 'money' },
      ],
      count: () => repo.count({ where: { runId: run.id, ...(escortId ? { escortId } : {}) } }),
      async *rows() {
        const names = new Map((await lines.find({ where: { runId: run.id }, select: { escortId: true, escortName: true } })).map(l => [l.escortId, l.escortName]));
        let after = 0;
        for (;;) {
          const page = await repo.find({ where: where(after), order: { id: 'ASC' }, take: PAGE });
          const views = await settlements.itemViews(page);
          for (let i = 0; i < views.length; i++) {
            const v = views[i];
            const item = page[i];
            yield [v.id, item.escortId, names.get(item.escortId) ?? '', SETTLEMENT_ITEM_KINDS[v.kind], v.orderNo, v.serviceName, v.bookedAt, v.kind === 'order' ? v.grossFen : null, v.shareBp, v.amountFen];
          }
          if (page.length < PAGE) return;
          after = page[page.length - 1].id;
        }
      },
    };
  }

  private payoutsSource(runId?: number): ExportSource {
    const repo = this.payouts;
    const lines = this.lines;
    return {
      title: runId ? `打款记录-${runId}` : '打款记录',
      columns: [
        { header: '打款ID', type: 'int', total: false },
        { header: '结算周期', type: 'text' },
        { header: '陪诊师ID', type: 'int', total: false },
        { header: '陪诊师', type: 'text' },
        { header: '金额（元）', type: 'money' },
        { header: '打款流水号', type: 'text', width: 24 },
        { header: '方式', type: 'text' },
        { header: '打款时间', type: 'datetime' },
        { header: '登记人', type: 'text' },
      ],
      count: () => repo.count({ where: runId ? { runId } : {} }),
      async *rows() {
        let after = 0;
        for (;;) {
          const page = await repo.find({ where: { id: MoreThan(after), ...(runId ? { runId } : {}) }, order: { id: 'ASC' }, take: PAGE });
          const names = new Map((page.length ? await lines.find({ where: page.map(p => ({ id: p.lineId })), select: { id: true, escortName: true } }) : []).map(l => [l.id, l.escortName]));
          for (const p of page) yield [p.id, p.periodKey, p.escortId, names.get(p.lineId) ?? '', p.amountFen, p.referenceNo, p.method, p.paidAt, p.recordedByName];
          if (page.length < PAGE) return;
          after = page[page.length - 1].id;
        }
      },
    };
  }

  private paymentsSource(p: ExportParams): ExportSource {
    const reports = this.paymentReports;
    const filter = { from: p.from, to: p.to, status: p.status };
    return {
      title: '支付记录',
      columns: [
        { header: '支付ID', type: 'int', total: false },
        { header: '订单号', type: 'text', width: 22 },
        { header: '商户订单号', type: 'text', width: 26 },
        { header: '通道交易号', type: 'text', width: 32 },
        { header: '通道', type: 'text' },
        { header: '状态', type: 'text' },
        { header: '金额（元）', type: 'money' },
        { header: '创建时间', type: 'datetime' },
        { header: '支付时间', type: 'datetime' },
      ],
      count: () => reports.countPayments(filter),
      async *rows() {
        let after = 0;
        for (;;) {
          const page = await reports.paymentRows(filter, after, PAGE);
          for (const x of page) yield [x.id, x.orderNo, x.outTradeNo, x.channelTransactionId ?? '', x.channel, PAYMENT_STATUS_LABELS[x.status] ?? x.status, x.amountFen, x.createdAt, x.paidAt];
          if (page.length < PAGE) return;
          after = page[page.length - 1].id;
        }
      },
    };
  }

  private refundsSource(p: ExportParams): ExportSource {
    const reports = this.paymentReports;
    const filter = { from: p.from, to: p.to, status: p.status };
    return {
      title: '退款记录',
      columns: [
        { header: '退款ID', type: 'int', total: false },
        { header: '订单号', type: 'text', width: 22 },
        { header: '退款单号', type: 'text', width: 28 },
        { header: '来源', type: 'text' },
        { header: '状态', type: 'text' },
        { header: '金额（元）', type: 'money' },
        { header: '原因', type: 'text', width: 30 },
        { header: '申请人', type: 'text' },
        { header: '创建时间', type: 'datetime' },
        { header: '成功时间', type: 'datetime' },
      ],
      count: () => reports.countRefunds(filter),
      async *rows() {
        let after = 0;
        for (;;) {
          const page = await reports.refundRows(filter, after, PAGE);
          for (const x of page) yield [x.id, x.orderNo, x.outRefundNo, x.source, REFUND_STATUS_LABELS[x.status] ?? x.status, x.amountFen, x.reason, x.requestedByName, x.createdAt, x.succeededAt];
          if (page.length < PAGE) return;
          after = page[page.length - 1].id;
        }
      },
    };
  }

  /**
   * The reconciliation report: every mismatch of the newest run of each day in [from, to), with
   * both sides' amounts and statuses and how it was explained. `from`/`to` are instants like the
   * other exports; the days are their Shanghai dates (`to` exclusive).
   */
  private async reconciliationSource(p: ExportParams): Promise<ExportSource> {
    if (!p.from || !p.to) throw Errors.validation('请指定对账日期范围');
    const fromDay = toShanghaiDateString(p.from);
    const toDay = toShanghaiDateString(new Date(p.to.getTime() - 1));
    const recon = this.reconciliation;
    const runIds = await recon.newestRunIds(fromDay, toDay);
    const yesNo = (b: boolean) => (b ? '是' : '否');
    return {
      title: `对账差异-${fromDay}至${toDay}`,
      columns: [
        { header: '账单日期', type: 'text' },
        { header: '类型', type: 'text' },
        { header: '商户单号', type: 'text', width: 28 },
        { header: '通道交易号', type: 'text', width: 32 },
        { header: '差异', type: 'text' },
        { header: '我方金额（元）', type: 'money' },
        { header: '通道金额（元）', type: 'money' },
        { header: '我方状态', type: 'text' },
        { header: '通道状态', type: 'text' },
        { header: '详情', type: 'text', width: 30 },
        { header: '已说明', type: 'text' },
        { header: '说明', type: 'text', width: 30 },
        { header: '说明人', type: 'text' },
        { header: '说明时间', type: 'datetime' },
      ],
      count: () => recon.countItems(runIds),
      async *rows() {
        let after = 0;
        for (;;) {
          const page = await recon.itemsPage(runIds, after, PAGE);
          for (const i of page) {
            yield [i.billDate, i.kind === 'refund' ? '退款' : '支付', i.outNo, i.transactionId ?? '', RECON_RESULT_LABELS[i.result] ?? i.result, i.ourFen, i.theirFen, i.ourStatus ?? '', i.theirStatus ?? '', i.detail, yesNo(i.explained), i.explanation, i.explainedByName ?? '', i.explainedAt];
          }
          if (page.length < PAGE) return;
          after = page[page.length - 1].id;
        }
      },
    };
  }
}
