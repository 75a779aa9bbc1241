import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { FEN_RULE } from '../../orders/dto/order.dto';
import { EXPORT_KINDS, type ExportKind } from '../export-job.entity';
import { SETTLEMENT_ITEM_KINDS } from '../settlement-math';

const RUN_STATUSES = ['draft', 'confirmed', 'paid'];
const ITEM_KINDS = Object.keys(SETTLEMENT_ITEM_KINDS);
const isoTime = () => RuleType.date().iso().messages(zhMessages({ 'date.format': '时间格式不正确，请使用 ISO 8601', 'date.base': '时间格式不正确' }));
const shanghaiDate = () => RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/).messages(zhMessages({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' }));

// ------------------------------------------------------------------ requests

export class CreateSettlementRunDTO {
  @ApiProperty({ description: '周期开始日期（上海时间）：按月为每月 1 日，按周为周一', example: '2026-11-01' })
  @Rule(shanghaiDate().required())
  periodStart: string;

  @ApiProperty({ required: false, enum: ['weekly', 'monthly'], description: '结算周期；默认取业务设置 finance.settlementCadence' })
  @Rule(RuleType.string().valid('weekly', 'monthly'))
  cadence?: 'weekly' | 'monthly';
}

export class SettlementRunQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: RUN_STATUSES })
  @Rule(RuleType.string().valid(...RUN_STATUSES))
  status?: string;
}

export class SettlementLineQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '陪诊师姓名（包含）' })
  @Rule(RuleType.string().trim().max(32))
  escortName?: string;

  @ApiProperty({ required: false, description: '只看未打款的应付明细' })
  @Rule(RuleType.boolean())
  unpaidOnly?: boolean;
}

export class SettlementItemQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ITEM_KINDS })
  @Rule(RuleType.string().valid(...ITEM_KINDS))
  kind?: 'order' | 'refund' | 'deduction' | 'adjustment';
}

export class RecordPayoutDTO {
  @ApiProperty({ description: '陪诊师 ID' })
  @Rule(RuleType.number().integer().min(1).required())
  escortId: number;

  @ApiProperty({ description: '打款流水号（银行或钱包的转账单号，全局唯一）', example: 'B202612010001' })
  @Rule(RuleType.string().trim().min(1).max(64).required())
  referenceNo: string;

  @ApiProperty({ required: false, description: '打款时间（默认现在）' })
  @Rule(isoTime())
  paidAt?: Date;

  @ApiProperty({ required: false, enum: ['bank_transfer', 'wechat', 'alipay', 'cash', 'import'], description: '打款方式' })
  @Rule(RuleType.string().valid('bank_transfer', 'wechat', 'alipay', 'cash', 'import'))
  method?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().trim().max(255).allow(''))
  note?: string;
}

export class ImportPayoutsDTO {
  @ApiProperty({ description: 'CSV 文本：表头 escortId,referenceNo,amountFen,paidAt（或 陪诊师ID,打款流水号,金额（分）,打款时间）' })
  @Rule(RuleType.string().min(1).max(2_000_000).required())
  csv: string;
}

export class CreateDeductionDTO {
  @ApiProperty()
  @Rule(RuleType.number().integer().min(1).required())
  escortId: number;

  @ApiProperty({ enum: ['penalty', 'compensation'], description: 'penalty 罚款；compensation 由陪诊师承担的客户赔偿' })
  @Rule(RuleType.string().valid('penalty', 'compensation').required())
  kind: 'penalty' | 'compensation';

  @ApiProperty({ description: '金额（分），大于 0' })
  @Rule(FEN_RULE.min(1).required())
  amountFen: number;

  @ApiProperty({ required: false, type: Number, nullable: true, description: '相关订单' })
  @Rule(RuleType.number().integer().min(1).allow(null))
  orderId?: number | null;

  @ApiProperty({ description: '原因' })
  @Rule(RuleType.string().trim().min(1).max(200).required())
  reason: string;
}

export class DeductionQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  escortId?: number;
}

export class DailySummaryQueryDTO {
  @ApiProperty({ description: '开始日期（含，上海时间）', example: '2026-11-01' })
  @Rule(shanghaiDate().required())
  from: string;

  @ApiProperty({ description: '结束日期（含，上海时间），最多 92 天', example: '2026-11-30' })
  @Rule(shanghaiDate().required())
  to: string;
}

export class CreateExportDTO {
  @ApiProperty({ enum: Object.keys(EXPORT_KINDS), description: Object.entries(EXPORT_KINDS).map(([k, v]) => `${k} ${v}`).join('；') })
  @Rule(RuleType.string().valid(...Object.keys(EXPORT_KINDS)).required())
  kind: ExportKind;

  @ApiProperty({ enum: ['xlsx', 'csv'] })
  @Rule(RuleType.string().valid('xlsx', 'csv').default('xlsx'))
  format: 'xlsx' | 'csv';

  @ApiProperty({ required: false, description: '结算单（结算单、结算明细必填；打款记录可选）' })
  @Rule(RuleType.number().integer().min(1))
  runId?: number;

  @ApiProperty({ required: false, description: '只导出某位陪诊师的明细' })
  @Rule(RuleType.number().integer().min(1))
  escortId?: number;

  @ApiProperty({ required: false, description: '创建时间起（含）' })
  @Rule(isoTime())
  from?: Date;

  @ApiProperty({ required: false, description: '创建时间止（不含）' })
  @Rule(isoTime())
  to?: Date;

  @ApiProperty({ required: false, description: '状态筛选（支付、退款）' })
  @Rule(RuleType.string().max(20))
  status?: string;
}

// ------------------------------------------------------------------ answers

export class SettlementRunView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['weekly', 'monthly'] }) cadence: string;
  @ApiProperty({ description: '周期标识：按月 2026-11，按周 2026-11-16W' }) periodKey: string;
  @ApiProperty() periodStart: Date;
  @ApiProperty({ description: '周期结束（不含）' }) periodEnd: Date;
  @ApiProperty({ enum: RUN_STATUSES }) status: string;
  @ApiProperty() escortCount: number;
  @ApiProperty() orderCount: number;
  @ApiProperty({ description: '订单金额（分）' }) grossFen: number;
  @ApiProperty({ description: '陪诊师分成（分）' }) shareFen: number;
  @ApiProperty({ description: '扣减：退款扣回 + 罚款赔偿（分，≤ 0）' }) deductionsFen: number;
  @ApiProperty({ description: '调整：以前期间 + 上期结转（分）' }) adjustmentsFen: number;
  @ApiProperty() netFen: number;
  @ApiProperty({ description: '应付合计（分）' }) payableFen: number;
  @ApiProperty({ description: '已打款（分）' }) paidFen: number;
  @ApiProperty({ description: '明细条数' }) computedCount: number;
  @ApiProperty({ nullable: true, type: String }) computedAt: Date | null;
  @ApiProperty() createdByName: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: Date | null;
  @ApiProperty() confirmedByName: string;
  @ApiProperty({ nullable: true, type: String }) paidAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class SettlementRunPage {
  @ApiProperty({ type: [SettlementRunView] }) list: SettlementRunView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SettlementPayoutView {
  @ApiProperty() id: number;
  @ApiProperty() runId: number;
  @ApiProperty() lineId: number;
  @ApiProperty() escortId: number;
  @ApiProperty({ required: false }) escortName?: string;
  @ApiProperty() periodKey: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() referenceNo: string;
  @ApiProperty() method: string;
  @ApiProperty() paidAt: Date;
  @ApiProperty() note: string;
  @ApiProperty() recordedByName: string;
  @ApiProperty() createdAt: Date;
}

export class SettlementLineView {
  @ApiProperty() id: number;
  @ApiProperty() runId: number;
  @ApiProperty() escortId: number;
  @ApiProperty() escortName: string;
  @ApiProperty() orderCount: number;
  @ApiProperty() itemCount: number;
  @ApiProperty({ description: '订单金额（分）：分成基数之和' }) grossFen: number;
  @ApiProperty({ description: '分成（分）' }) shareFen: number;
  @ApiProperty({ description: '本期订单退款扣回（分，≤ 0）' }) refundFen: number;
  @ApiProperty({ description: '罚款、赔偿（分，≤ 0）' }) deductionFen: number;
  @ApiProperty({ description: '以前期间的调整（分）' }) adjustmentFen: number;
  @ApiProperty({ description: '上期结转（分，≤ 0）' }) carriedInFen: number;
  @ApiProperty({ description: '本期净额（分）' }) netFen: number;
  @ApiProperty({ description: '应付（分）= max(净额, 0)' }) payableFen: number;
  @ApiProperty({ description: '结转下期（分）= min(净额, 0)' }) carriedForwardFen: number;
  @ApiProperty() paidFen: number;
  @ApiProperty({ type: SettlementPayoutView, nullable: true }) payout: SettlementPayoutView | null;
}

export class SettlementLinePage {
  @ApiProperty({ type: [SettlementLineView] }) list: SettlementLineView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SettlementItemView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ITEM_KINDS }) kind: string;
  @ApiProperty({ description: '账目来源：order_recognition / refund / escort_deduction' }) sourceType: string;
  @ApiProperty({ description: '来源 ID（订单、退款或扣款）' }) sourceId: string;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty() orderNo: string;
  @ApiProperty() serviceName: string;
  @ApiProperty({ nullable: true, type: String }) completedAt: Date | null;
  @ApiProperty({ description: '陪诊师金额（分）：正为应得，负为扣回' }) amountFen: number;
  @ApiProperty({ description: '分成基数（分）' }) grossFen: number;
  @ApiProperty({ nullable: true, type: Number, description: '分成比例（基点）' }) shareBp: number | null;
  @ApiProperty() bookedAt: Date;
}

export class SettlementItemPage {
  @ApiProperty({ type: [SettlementItemView] }) list: SettlementItemView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PayoutImportRowView {
  @ApiProperty() row: number;
  @ApiProperty({ nullable: true, type: Number }) escortId: number | null;
  @ApiProperty() referenceNo: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ required: false }) payoutId?: number;
  @ApiProperty({ required: false }) amountFen?: number;
  @ApiProperty({ required: false }) errorCode?: string;
  @ApiProperty({ required: false }) errorMessage?: string;
}

export class EscortDeductionView {
  @ApiProperty() id: number;
  @ApiProperty() escortId: number;
  @ApiProperty({ required: false }) escortName?: string;
  @ApiProperty({ enum: ['penalty', 'compensation'] }) kind: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty() reason: string;
  @ApiProperty() createdByName: string;
  @ApiProperty() createdAt: Date;
}

export class EscortDeductionPage {
  @ApiProperty({ type: [EscortDeductionView] }) list: EscortDeductionView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DailySummaryView {
  @ApiProperty({ description: '日期（上海时间）' }) date: string;
  @ApiProperty({ description: '收款（分，支付单按支付时间）' }) receivedFen: number;
  @ApiProperty({ description: '退款（分，退款单按成功时间）' }) refundedFen: number;
  @ApiProperty({ description: '平台收入（分）' }) platformRevenueFen: number;
  @ApiProperty({ description: '应付陪诊师新增（分）' }) escortPayableFen: number;
  @ApiProperty({ description: '预收款变动（已付款未完成的服务，分）' }) unearnedChangeFen: number;
  @ApiProperty({ description: '已打款（分）' }) paidOutFen: number;
  @ApiProperty({ description: '通道手续费（分）' }) channelFeesFen: number;
  @ApiProperty({ description: '清算账户变动（分）' }) clearingChangeFen: number;
  @ApiProperty({ description: '差额（分）：收款 − 退款 − (平台收入 + 应付陪诊师 + 预收款变动)，必须为 0' }) differenceFen: number;
}

export class DailySummaryAnswer {
  @ApiProperty({ type: [DailySummaryView] }) days: DailySummaryView[];
  @ApiProperty({ type: DailySummaryView }) total: DailySummaryView;
}

export class ExportJobView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: Object.keys(EXPORT_KINDS) }) kind: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: string;
  @ApiProperty() totalRows: number;
  @ApiProperty() rowsWritten: number;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() fileName: string;
  @ApiProperty() error: string;
  @ApiProperty() createdByName: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: String }) finishedAt: Date | null;
}

export class EscortStatementView {
  @ApiProperty() id: number;
  @ApiProperty() runId: number;
  @ApiProperty() periodKey: string;
  @ApiProperty() cadence: string;
  @ApiProperty() periodStart: Date;
  @ApiProperty() periodEnd: Date;
  @ApiProperty({ enum: ['confirmed', 'paid'] }) runStatus: string;
  @ApiProperty() orderCount: number;
  @ApiProperty() grossFen: number;
  @ApiProperty() shareFen: number;
  @ApiProperty() refundFen: number;
  @ApiProperty() deductionFen: number;
  @ApiProperty() adjustmentFen: number;
  @ApiProperty() carriedInFen: number;
  @ApiProperty() netFen: number;
  @ApiProperty() payableFen: number;
  @ApiProperty() carriedForwardFen: number;
  @ApiProperty() paidFen: number;
}

export class EscortStatementPage {
  @ApiProperty({ type: [EscortStatementView] }) list: EscortStatementView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class EscortIncomeItemView {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'order_recognition 订单分成 / refund 退款扣回 / escort_deduction 扣款 / escort_payout 打款' }) sourceType: string;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty() orderNo: string;
  @ApiProperty() serviceName: string;
  @ApiProperty({ description: '金额（分）：正为收入，负为扣回或已打款' }) amountFen: number;
  @ApiProperty({ nullable: true, type: Number }) shareBp: number | null;
  @ApiProperty({ nullable: true, type: Number }) baseFen: number | null;
  @ApiProperty() bookedAt: Date;
  @ApiProperty({ nullable: true, type: String, description: '结算周期（未结算为空）' }) settledIn: string | null;
  @ApiProperty({ description: 'unsettled / draft / confirmed / paid / paid_out' }) settlementStatus: string;
}

export class EscortIncomePage {
  @ApiProperty({ type: [EscortIncomeItemView] }) list: EscortIncomeItemView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: '平台当前应付我的金额（分）' }) owedFen: number;
}
