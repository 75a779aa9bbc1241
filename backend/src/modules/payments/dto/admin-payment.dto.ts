import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { FEN_RULE } from '../../orders/dto/order.dto';
import { LEDGER_ACCOUNT_CODES, LEDGER_SOURCE_TYPES } from '../../ledger/ledger-postings';
import { REFUND_STATUSES } from '../refund.entity';

const PAYMENT_STATUSES = ['pending', 'succeeded', 'closed', 'failed'];
const isoTime = () => RuleType.date().iso().messages(zhMessages({ 'date.format': '时间格式不正确，请使用 ISO 8601', 'date.base': '时间格式不正确' }));

// ------------------------------------------------------------------ requests

export class StaffPaymentQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: PAYMENT_STATUSES, description: '支付状态' })
  @Rule(RuleType.string().valid(...PAYMENT_STATUSES))
  status?: string;

  @ApiProperty({ required: false, description: '订单号（精确）' })
  @Rule(RuleType.string().max(32))
  orderNo?: string;

  @ApiProperty({ required: false, description: '支付通道交易号 transaction_id（精确）' })
  @Rule(RuleType.string().max(64))
  channelTransactionId?: string;

  @ApiProperty({ required: false, enum: ['wechat', 'sandbox'], description: '支付通道' })
  @Rule(RuleType.string().valid('wechat', 'sandbox'))
  channel?: string;

  @ApiProperty({ required: false, description: '创建时间起（含），ISO 8601', example: '2026-11-01T00:00:00+08:00' })
  @Rule(isoTime())
  from?: Date;

  @ApiProperty({ required: false, description: '创建时间止（不含），ISO 8601', example: '2026-12-01T00:00:00+08:00' })
  @Rule(isoTime())
  to?: Date;
}

export class StaffRefundQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: REFUND_STATUSES, description: '退款状态' })
  @Rule(RuleType.string().valid(...REFUND_STATUSES))
  status?: string;

  @ApiProperty({ required: false, description: '订单号（精确）' })
  @Rule(RuleType.string().max(32))
  orderNo?: string;
}

export class StaffRefundDTO {
  @ApiProperty({ description: '退款金额（分），不超过可退金额；超过审批阈值（默认 50000 分）需财务审批', example: 3000 })
  @Rule(FEN_RULE.required())
  amountFen: number;

  @ApiProperty({ description: '退款原因（给客户和审计看）', example: '服务时长缩短，退部分费用' })
  @Rule(RuleType.string().trim().min(1).max(80).required())
  reason: string;
}

export class ApproveRefundDTO {
  @ApiProperty({ required: false, description: '审批意见' })
  @Rule(RuleType.string().trim().max(255).allow('').default(''))
  reason: string;
}

export class RejectRefundDTO {
  @ApiProperty({ description: '驳回原因' })
  @Rule(RuleType.string().trim().min(1).max(255).required())
  reason: string;
}

// ------------------------------------------------------------------ answers

export class AdminPaymentView {
  @ApiProperty() id: number;
  @ApiProperty() orderId: number;
  @ApiProperty({ description: '订单号' }) orderNo: string;
  @ApiProperty({ description: '商户订单号 out_trade_no' }) outTradeNo: string;
  @ApiProperty({ enum: ['wechat', 'sandbox'] }) channel: string;
  @ApiProperty({ enum: ['prepay', 'postpay'], description: 'prepay = 下单支付；postpay = 服务后补差款（代垫费用）' }) purpose: string;
  @ApiProperty({ description: '金额（分）' }) amountFen: number;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, description: '支付通道交易号' }) channelTransactionId: string | null;
  @ApiProperty({ description: 'false = 订单已不可支付时到账的钱（已全额自动退回）' }) appliedToOrder: boolean;
  @ApiProperty({ description: '已退款成功（分）' }) refundedFen: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paidAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: Date | null;
  @ApiProperty() statusReason: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class AdminPaymentPage {
  @ApiProperty({ type: [AdminPaymentView] }) list: AdminPaymentView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AdminRefundView {
  @ApiProperty() id: number;
  @ApiProperty() paymentId: number;
  @ApiProperty() orderId: number;
  @ApiProperty() orderNo: string;
  @ApiProperty({ description: '商户退款单号 out_refund_no（重试沿用）' }) outRefundNo: string;
  @ApiProperty({ description: '金额（分）' }) amountFen: number;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['order_cancel', 'late_payment', 'manual', 'compensation'] }) source: string;
  @ApiProperty({ enum: REFUND_STATUSES }) status: string;
  @ApiProperty({ enum: ['customer', 'staff', 'system'] }) requestedByType: string;
  @ApiProperty({ nullable: true, type: Number }) requestedById: number | null;
  @ApiProperty() requestedByName: string;
  @ApiProperty({ nullable: true, type: String }) reviewedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt: Date | null;
  @ApiProperty() reviewNote: string;
  @ApiProperty() submitAttempts: number;
  @ApiProperty() lastError: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) succeededAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class AdminRefundPage {
  @ApiProperty({ type: [AdminRefundView] }) list: AdminRefundView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PaymentEventView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['transaction', 'refund'] }) kind: string;
  @ApiProperty({ enum: ['received', 'rejected', 'applied', 'duplicate'] }) result: string;
  @ApiProperty() verified: boolean;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) eventType: string | null;
  @ApiProperty({ description: '收到的原始报文（未改动）' }) rawBody: string;
  @ApiProperty({ description: '收到的相关请求头（JSON 文本）' }) rawHeaders: string;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) outRefundNo: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: Date;
}

export class AdminPaymentDetail extends AdminPaymentView {
  @ApiProperty({ type: [AdminRefundView] }) refunds: AdminRefundView[];
  @ApiProperty({ type: [PaymentEventView], description: '该支付单收到的全部回调（原始报文）' }) events: PaymentEventView[];
}

export class LedgerLineView {
  @ApiProperty({ enum: LEDGER_ACCOUNT_CODES, description: '科目' }) account: string;
  @ApiProperty({ description: '金额（分）：正数为借方，负数为贷方' }) amountFen: number;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty({ nullable: true, type: Number }) escortId: number | null;
}

export class LedgerEntryView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: Object.keys(LEDGER_SOURCE_TYPES), description: '来源事件类型' }) sourceType: string;
  @ApiProperty({ description: '来源事件 ID（支付单、退款单或订单的 ID）' }) sourceId: string;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty() memo: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: [LedgerLineView] }) lines: LedgerLineView[];
}

export class LedgerBalancesView {
  @ApiProperty({ description: '客户支付清算（借方余额）' }) customer_payments_clearing: number;
  @ApiProperty({ description: '客户预收款（贷方余额为负数）' }) customer_prepayments: number;
  @ApiProperty({ description: '退款待结转' }) refunds: number;
  @ApiProperty({ description: '平台收入（贷方余额为负数）' }) platform_revenue: number;
  @ApiProperty({ description: '应付陪诊师（贷方余额为负数）' }) escort_payable: number;
  @ApiProperty({ description: '支付通道手续费' }) channel_fees: number;
}

export class OrderMoneySummary {
  @ApiProperty({ description: '订单金额（分）' }) totalFen: number;
  @ApiProperty({ description: '客户实付（成功的支付，分）' }) paidFen: number;
  @ApiProperty({ description: '已退款成功（分）' }) refundedFen: number;
  @ApiProperty({ description: '退款处理中或待审批（分）' }) refundInFlightFen: number;
  @ApiProperty({ description: '还可以退的金额（分）' }) refundableFen: number;
  @ApiProperty({ description: '平台已确认收入（分）' }) platformFen: number;
  @ApiProperty({ description: '陪诊师分成（分）' }) escortFen: number;
}

export class PostpayChargeView {
  @ApiProperty() id: number;
  @ApiProperty({ description: '费用说明' }) description: string;
  @ApiProperty({ description: '金额（分）' }) amountFen: number;
  @ApiProperty({ description: '票据图片地址' }) receiptUrl: string;
  @ApiProperty({ enum: ['pending', 'confirmed', 'rejected'], description: 'pending = 待客户确认' }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PostpayPaymentView {
  @ApiProperty() id: number;
  @ApiProperty() outTradeNo: string;
  @ApiProperty({ description: '金额（分）' }) amountFen: number;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status: string;
  @ApiProperty({ description: 'false = 超出补差款的到账（已全额自动退回）' }) appliedToOrder: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paidAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PostpayView {
  @ApiProperty() orderId: number;
  @ApiProperty() orderStatus: string;
  @ApiProperty({ enum: ['none', 'awaiting_confirmation', 'unpaid', 'paying', 'paid'], description: '由费用与补差款支付单推导，不单独存储' }) state: string;
  @ApiProperty({ description: '已确认的代垫费用合计（分）' }) chargedFen: number;
  @ApiProperty({ description: '已支付的补差款（分）' }) paidFen: number;
  @ApiProperty({ description: '待支付补差款（分）= chargedFen − paidFen' }) dueFen: number;
  @ApiProperty({ description: '待客户确认的费用（分）' }) awaitingConfirmationFen: number;
  @ApiProperty({ description: '现在能否支付' }) payable: boolean;
  @ApiProperty({ type: [PostpayChargeView] }) charges: PostpayChargeView[];
  @ApiProperty({ type: [PostpayPaymentView] }) payments: PostpayPaymentView[];
}

export class OrderMoneyView {
  @ApiProperty() orderId: number;
  @ApiProperty() orderNo: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: OrderMoneySummary }) summary: OrderMoneySummary;
  @ApiProperty({ type: [AdminPaymentView] }) payments: AdminPaymentView[];
  @ApiProperty({ type: [AdminRefundView] }) refunds: AdminRefundView[];
  @ApiProperty({ type: [LedgerEntryView], description: '订单的记账凭证（按时间）' }) ledgerEntries: LedgerEntryView[];
  @ApiProperty({ type: LedgerBalancesView, description: '订单在各科目的余额' }) balances: LedgerBalancesView;
  @ApiProperty({ type: PostpayView, description: '服务后补差款（代垫费用）' }) postpay: PostpayView;
}
