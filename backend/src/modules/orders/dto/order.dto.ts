import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { ORDER_STATUSES } from '../order-transitions';

const id = () => RuleType.number().integer().min(1);
const isoTime = () =>
  RuleType.date()
    .iso()
    .messages(zhMessages({ 'date.format': '时间格式不正确，请使用 ISO 8601（如 2026-11-24T09:00:00+08:00）', 'date.base': '时间格式不正确' }));
/** Money from a client: whole fen, positive, at most ¥100,000 per line. */
export const FEN_RULE = RuleType.number()
  .integer()
  .min(1)
  .max(10_000_000)
  .messages(zhMessages({ 'number.integer': '金额必须是整数（单位：分）', 'number.min': '金额必须大于 0', 'number.base': '金额必须是数字（单位：分）' }));

const errandSchema = RuleType.object({
  tasks: RuleType.array().items(RuleType.string().min(1).max(100)).min(1).max(10).required(),
  requirements: RuleType.string().max(500).allow('').default(''),
  materials: RuleType.array().items(RuleType.string().min(1).max(50)).max(10).default([]),
  pickupAddress: RuleType.string().max(255).allow('').default(''),
  deliveryAddress: RuleType.string().max(255).allow('').default(''),
});

export class ErrandDTO {
  @ApiProperty({ type: [String], description: '代办事项，如 取 CT 报告' })
  tasks: string[];
  @ApiProperty({ required: false })
  requirements: string;
  @ApiProperty({ type: [String], required: false, description: '需要准备/交接的材料' })
  materials: string[];
  @ApiProperty({ required: false })
  pickupAddress: string;
  @ApiProperty({ required: false })
  deliveryAddress: string;
}

export class BookingDTO {
  @ApiProperty({ description: '服务项目 ID' })
  @Rule(id().required())
  serviceItemId: number;

  @ApiProperty({ description: '城市 ID' })
  @Rule(id().required())
  cityId: number;

  @ApiProperty({ required: false, description: '医院 ID（陪诊类必填）' })
  @Rule(id())
  hospitalId?: number;

  @ApiProperty({ required: false })
  @Rule(id())
  departmentId?: number;

  @ApiProperty({ required: false, description: '就诊人 ID（代办可不填）' })
  @Rule(id())
  patientId?: number;

  @ApiProperty({ required: false, description: '指定陪诊师' })
  @Rule(id())
  preferredEscortId?: number;

  @ApiProperty({ description: '开始时间（ISO 8601，整点或半点）', example: '2026-11-24T09:00:00+08:00' })
  @Rule(isoTime().required())
  startAt: Date;

  @ApiProperty({ required: false, description: '服务时长（分钟），默认取项目默认时长' })
  @Rule(RuleType.number().integer().min(30).max(31 * 24 * 60))
  durationMinutes?: number;

  @ApiProperty({ required: false, description: '上门/代办地址' })
  @Rule(RuleType.string().max(255).allow(''))
  serviceAddress?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(500).allow(''))
  customerNote?: string;

  @ApiProperty({ required: false, type: ErrandDTO })
  @Rule(errandSchema)
  errand?: ErrandDTO;
}

export class CustomerOrderQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ['all', 'unpaid', 'active', 'done', 'refund'] })
  @Rule(RuleType.string().valid('all', 'unpaid', 'active', 'done', 'refund').default('all'))
  tab?: 'all' | 'unpaid' | 'active' | 'done' | 'refund';
}

export class EscortOrderQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ['today', 'upcoming', 'history', 'all'] })
  @Rule(RuleType.string().valid('today', 'upcoming', 'history', 'all').default('today'))
  scope?: 'today' | 'upcoming' | 'history' | 'all';
}

export class StaffOrderQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ORDER_STATUSES })
  @Rule(RuleType.string().valid(...ORDER_STATUSES))
  status?: (typeof ORDER_STATUSES)[number];

  @ApiProperty({ required: false })
  @Rule(id())
  cityId?: number;

  @ApiProperty({ required: false })
  @Rule(id())
  hospitalId?: number;

  @ApiProperty({ required: false })
  @Rule(id())
  serviceItemId?: number;

  @ApiProperty({ required: false })
  @Rule(id())
  escortId?: number;

  @ApiProperty({ required: false, description: '服务日期（上海时间）YYYY-MM-DD' })
  @Rule(RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/))
  date?: string;

  @ApiProperty({ required: false, description: '客户手机号（完整 11 位）' })
  @Rule(RuleType.string().pattern(/^1[3-9]\d{9}$/))
  customerPhone?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(24))
  orderNo?: string;
}

export class BoardQueryDTO {
  @ApiProperty({ required: false, description: '日期（上海时间）YYYY-MM-DD，默认今天' })
  @Rule(RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/))
  date?: string;

  @ApiProperty({ required: false })
  @Rule(id())
  cityId?: number;
}

export class CancelDTO {
  @ApiProperty({ required: false, description: '取消原因' })
  @Rule(RuleType.string().max(255).allow('').default(''))
  reason: string;
}

export class StaffCancelDTO {
  @ApiProperty({ description: '取消原因（必填）' })
  @Rule(RuleType.string().min(2).max(255).required())
  reason: string;

  @ApiProperty({ required: false, description: '免除违约金（如平台原因）' })
  @Rule(RuleType.boolean().default(false))
  waivePenalty: boolean;

  @ApiProperty({ required: false, description: '客户爽约：信用押金不退，并记一次爽约（不能与免除违约金同时使用）' })
  @Rule(RuleType.boolean().default(false))
  noShow: boolean;
}

export class RescheduleDTO {
  @ApiProperty({ description: '新的开始时间（ISO 8601）' })
  @Rule(isoTime().required())
  startAt: Date;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(255).allow('').default(''))
  reason: string;
}

export class StaffRescheduleDTO extends RescheduleDTO {
  @ApiProperty({ required: false, description: '改约并退回派单池（陪诊师无法改约时）' })
  @Rule(RuleType.boolean().default(false))
  redispatch: boolean;
}

export class ReasonDTO {
  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(255).allow('').default(''))
  reason: string;
}

export class StaffCompleteDTO {
  @ApiProperty({ description: '人工完成原因（必填）' })
  @Rule(RuleType.string().min(2).max(255).required())
  reason: string;
}

export class NoteDTO {
  @ApiProperty({ description: '备注内容' })
  @Rule(RuleType.string().min(1).max(1000).required())
  content: string;
}

export class VerifyCodeDTO {
  @ApiProperty({ description: '客户出示的 6 位核销码' })
  @Rule(
    RuleType.string()
      .pattern(/^\d{6}$/)
      .required()
      .messages(zhMessages({ 'string.pattern.base': '核销码为 6 位数字' }))
  )
  code: string;
}

export class ExtraChargeDTO {
  @ApiProperty({ description: '费用说明，如 代买药品' })
  @Rule(RuleType.string().min(1).max(128).required())
  description: string;

  @ApiProperty({ description: '金额（分）' })
  @Rule(FEN_RULE.required())
  amountFen: number;

  @ApiProperty({ required: false, description: '票据图片地址' })
  @Rule(RuleType.string().max(255).allow('').default(''))
  receiptUrl: string;
}
