import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { RECON_RESULTS } from '../bill-matching';

const DATE_RULE = () => RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/).messages({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' });

export class ReconciliationRangeQueryDTO {
  @ApiProperty({ description: '起始日期（北京时间，含）', example: '2026-11-01' })
  @Rule(DATE_RULE().required())
  from: string;

  @ApiProperty({ description: '结束日期（北京时间，含）', example: '2026-11-30' })
  @Rule(DATE_RULE().required())
  to: string;
}

export class ImportBillDTO {
  @ApiProperty({ description: '微信支付交易账单原文（CSV 文本，金额为带反引号的元）' })
  @Rule(RuleType.string().min(1).max(900_000).required())
  content: string;
}

export class ExplainItemDTO {
  @ApiProperty({ description: '差异说明（审计留痕）', example: '渠道次日入账，已核实' })
  @Rule(RuleType.string().trim().min(1).max(500).required())
  note: string;
}

export class ReconCounts {
  @ApiProperty() matched: number;
  @ApiProperty() missing_ours: number;
  @ApiProperty() missing_theirs: number;
  @ApiProperty() amount_mismatch: number;
  @ApiProperty() status_mismatch: number;
}

export class ReconTotals {
  @ApiProperty({ description: '账单收款（分）' }) theirPaidFen: number;
  @ApiProperty({ description: '账单退款（分）' }) theirRefundedFen: number;
  @ApiProperty({ description: '我方当日收款（分）' }) ourPaidFen: number;
  @ApiProperty({ description: '我方当日退款（分）' }) ourRefundedFen: number;
}

export class BillSummaryView {
  @ApiProperty({ description: '总交易单数' }) count: number;
  @ApiProperty({ description: '应结订单总金额（分）' }) settlementTotalFen: number;
  @ApiProperty({ description: '退款总金额（分）' }) refundTotalFen: number;
  @ApiProperty({ description: '充值券退款总金额（分）' }) rechargeRefundTotalFen: number;
  @ApiProperty({ description: '手续费总金额（千分之一分）' }) feeTotalMilliFen: number;
  @ApiProperty({ description: '订单总金额（分）' }) orderTotalFen: number;
  @ApiProperty({ description: '申请退款总金额（分）' }) requestedRefundTotalFen: number;
}

export class ReconRunView {
  @ApiProperty() id: number;
  @ApiProperty() billDate: string;
  @ApiProperty() channel: string;
  @ApiProperty({ enum: ['fetched', 'imported'] }) source: string;
  @ApiProperty() billSha1: string;
  @ApiProperty() rowCount: number;
  @ApiProperty({ type: ReconCounts }) counts: ReconCounts;
  @ApiProperty({ type: ReconTotals }) totals: ReconTotals;
  @ApiProperty({ type: BillSummaryView }) summary: BillSummaryView;
  @ApiProperty({ description: '未说明的差异数' }) unexplained: number;
  @ApiProperty() createdByName: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ReconItemView {
  @ApiProperty() id: number;
  @ApiProperty() runId: number;
  @ApiProperty() billDate: string;
  @ApiProperty({ enum: ['payment', 'refund'] }) kind: string;
  @ApiProperty({ description: '商户订单号或商户退款单号' }) outNo: string;
  @ApiProperty({ enum: RECON_RESULTS as unknown as string[] }) result: string;
  @ApiProperty() resultLabel: string;
  @ApiProperty({ nullable: true, type: Number, description: '我方金额（分）' }) ourFen: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '渠道金额（分）' }) theirFen: number | null;
  @ApiProperty({ nullable: true, type: String }) ourStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) theirStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) transactionId: string | null;
  @ApiProperty() detail: string;
  @ApiProperty() explained: boolean;
  @ApiProperty() explanation: string;
  @ApiProperty({ nullable: true, type: String }) explainedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) explainedAt: Date | null;
}

export class ReconDayReport {
  @ApiProperty() billDate: string;
  @ApiProperty({ type: ReconRunView, nullable: true, description: '当日最新一次对账；未对账为 null' }) run: ReconRunView | null;
  @ApiProperty({ type: [ReconItemView], description: '差异（一致的只计数）' }) items: ReconItemView[];
}

export class ReconRangeReport {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() days: number;
  @ApiProperty() reconciledDays: number;
  @ApiProperty({ type: [ReconRunView] }) list: ReconRunView[];
  @ApiProperty({ type: ReconCounts }) counts: ReconCounts;
  @ApiProperty({ type: ReconTotals }) totals: ReconTotals;
  @ApiProperty() unexplained: number;
}
