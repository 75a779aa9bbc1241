import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { CREDIT_STATUSES } from '../customer-credit.entity';

const reason = RuleType.string()
  .trim()
  .min(1)
  .max(255)
  .required()
  .messages(zhMessages({ 'string.empty': '请填写原因', 'any.required': '请填写原因', 'string.max': '原因最多 255 个字' }));

export class CreditQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: CREDIT_STATUSES })
  @Rule(RuleType.string().valid(...CREDIT_STATUSES))
  status?: 'normal' | 'warned' | 'suspended';

  @ApiProperty({ required: false, description: '只看低于该分数的客户' })
  @Rule(RuleType.number().integer().min(0).max(1000))
  scoreBelow?: number;

  @ApiProperty({ required: false, description: '客户手机号（精确）' })
  @Rule(RuleType.string().pattern(/^1[3-9]\d{9}$/))
  phone?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  customerId?: number;
}

export class CreditAdjustDTO {
  @ApiProperty({ description: '加减分（正数加分，负数扣分）', example: -5 })
  @Rule(RuleType.number().integer().min(-1000).max(1000).invalid(0).required().messages(zhMessages({ 'any.invalid': '调整分数不能为 0' })))
  delta: number;

  @ApiProperty({ description: '原因（写入信用记录与审计日志）' })
  @Rule(reason)
  reason: string;
}

export class CreditBehaviourDTO {
  @ApiProperty({ enum: ['no_show', 'abusive_report', 'false_info'], description: '爽约、恶意评价或投诉、虚假信息（按设置扣分）' })
  @Rule(RuleType.string().valid('no_show', 'abusive_report', 'false_info').required())
  kind: 'no_show' | 'abusive_report' | 'false_info';

  @ApiProperty({ required: false, description: '相关订单' })
  @Rule(RuleType.number().integer().min(1))
  orderId?: number;

  @ApiProperty()
  @Rule(reason)
  reason: string;
}

export class CreditReasonDTO {
  @ApiProperty()
  @Rule(reason)
  reason: string;
}

export class CreditView {
  @ApiProperty() customerId: number;
  @ApiProperty({ description: '脱敏手机号' }) phoneMasked: string;
  @ApiProperty() score: number;
  @ApiProperty({ enum: CREDIT_STATUSES }) status: string;
  @ApiProperty() warningCount: number;
  @ApiProperty() statusReason: string;
  @ApiProperty({ nullable: true, type: Number, description: '同时进行中订单上限；null = 不限，0 = 不可预约' }) maxOpenOrders: number | null;
  @ApiProperty({ description: '每次下单需支付的押金（分，服务完成后自动退还）；0 = 无需押金' }) depositFen: number;
  @ApiProperty({ description: '限制说明' }) restriction: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: Date | null;
}

export class CreditPage {
  @ApiProperty({ type: [CreditView] }) list: CreditView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CreditEventView {
  @ApiProperty() id: number;
  @ApiProperty() kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() delta: number;
  @ApiProperty() scoreAfter: number;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty() actorType: string;
  @ApiProperty() actorName: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class CreditEventPage {
  @ApiProperty({ type: [CreditEventView] }) list: CreditEventView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
