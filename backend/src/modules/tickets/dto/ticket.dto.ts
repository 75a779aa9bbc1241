import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../ticket-rules';

/** Photo links: http(s) or site-relative paths only, so a `javascript:` URL can never be stored. */
export const PHOTOS_RULE = RuleType.array()
  .items(RuleType.string().max(255).pattern(/^(https?:\/\/|\/)[^\s<>"'`]+$/).messages(zhMessages({ 'string.pattern.base': '图片地址不正确' })))
  .max(9)
  .messages(zhMessages({ 'array.max': '最多 9 张图片' }));

const content = (max: number, label: string) =>
  RuleType.string()
    .trim()
    .min(1)
    .max(max)
    .required()
    .messages(zhMessages({ 'string.empty': `请填写${label}`, 'any.required': `请填写${label}`, 'string.max': `${label}最多 ${max} 个字` }));

export class NewTicketDTO {
  @ApiProperty({ enum: TICKET_TYPES, description: '服务投诉、使用问题、建议、费用问题' })
  @Rule(RuleType.string().valid(...TICKET_TYPES).required().messages(zhMessages({ 'any.only': '请选择工单类型', 'any.required': '请选择工单类型' })))
  type: 'service_complaint' | 'app_problem' | 'suggestion' | 'billing';

  @ApiProperty({ example: '陪诊师迟到' })
  @Rule(content(100, '标题'))
  title: string;

  @ApiProperty()
  @Rule(content(2000, '内容'))
  content: string;

  @ApiProperty({ required: false, type: [String] })
  @Rule(PHOTOS_RULE)
  photos?: string[];

  @ApiProperty({ required: false, description: '相关订单' })
  @Rule(RuleType.number().integer().min(1))
  orderId?: number;
}

export class StaffNewTicketDTO extends NewTicketDTO {
  @ApiProperty({ required: false, enum: TICKET_PRIORITIES })
  @Rule(RuleType.string().valid(...TICKET_PRIORITIES))
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

export class TicketReplyDTO {
  @ApiProperty()
  @Rule(content(4000, '回复内容'))
  content: string;

  @ApiProperty({ required: false, type: [String] })
  @Rule(PHOTOS_RULE)
  photos?: string[];
}

export class StaffTicketReplyDTO extends TicketReplyDTO {
  @ApiProperty({ required: false, description: 'true = 内部备注（客户看不到）' })
  @Rule(RuleType.boolean())
  internal?: boolean;

  @ApiProperty({ required: false, description: '插入的知识库文章' })
  @Rule(RuleType.number().integer().min(1))
  articleId?: number;
}

export class TicketReasonDTO {
  @ApiProperty({ required: false })
  @Rule(RuleType.string().trim().max(255).allow(''))
  reason?: string;
}

export class ResolveTicketDTO {
  @ApiProperty({ description: '处理结果（发给客户）' })
  @Rule(content(2000, '处理结果'))
  resolution: string;

  @ApiProperty({ required: false, description: '赔偿金额（分），通过退款退回客户' })
  @Rule(RuleType.number().integer().min(0).max(100_000_000))
  compensationFen?: number;

  @ApiProperty({ required: false, description: '对陪诊师的处罚金额（分），结算时扣除' })
  @Rule(RuleType.number().integer().min(0).max(100_000_000))
  penaltyFen?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().trim().max(255).allow(''))
  penaltyReason?: string;
}

export class AssignTicketDTO {
  @ApiProperty()
  @Rule(RuleType.number().integer().min(1).required())
  assigneeId: number;
}

export class TicketPriorityDTO {
  @ApiProperty({ enum: TICKET_PRIORITIES })
  @Rule(RuleType.string().valid(...TICKET_PRIORITIES).required())
  priority: 'low' | 'normal' | 'high' | 'urgent';
}

export class StaffTicketQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: TICKET_STATUSES })
  @Rule(RuleType.string().valid(...TICKET_STATUSES))
  status?: 'open' | 'in_progress' | 'resolved' | 'closed';

  @ApiProperty({ required: false, enum: TICKET_TYPES })
  @Rule(RuleType.string().valid(...TICKET_TYPES))
  type?: 'service_complaint' | 'app_problem' | 'suggestion' | 'billing';

  @ApiProperty({ required: false, enum: TICKET_PRIORITIES })
  @Rule(RuleType.string().valid(...TICKET_PRIORITIES))
  priority?: 'low' | 'normal' | 'high' | 'urgent';

  @ApiProperty({ required: false, enum: ['me', 'none'], description: 'me = 指派给我；none = 未指派' })
  @Rule(RuleType.string().valid('me', 'none'))
  assignee?: 'me' | 'none';

  @ApiProperty({ required: false, description: 'true = 只看首次响应已超时的' })
  @Rule(RuleType.boolean())
  overdue?: boolean;

  @ApiProperty({ required: false, description: '工单号、订单号或标题' })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  escortId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  orderId?: number;
}

export class MyTicketQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: TICKET_STATUSES })
  @Rule(RuleType.string().valid(...TICKET_STATUSES))
  status?: 'open' | 'in_progress' | 'resolved' | 'closed';
}

export class PenaltyQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  escortId?: number;

  @ApiProperty({ required: false, enum: ['pending', 'settled', 'void'] })
  @Rule(RuleType.string().valid('pending', 'settled', 'void'))
  status?: 'pending' | 'settled' | 'void';
}

export class PenaltyVoidDTO {
  @ApiProperty()
  @Rule(content(255, '原因'))
  reason: string;
}

// ---------------------------------------------------------------- responses

export class TicketView {
  @ApiProperty() id: number;
  @ApiProperty() ticketNo: string;
  @ApiProperty({ enum: TICKET_TYPES }) type: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '纯文本，展示时按文本处理' }) content: string;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiProperty({ enum: ['customer', 'escort', 'staff', 'system'] }) openerType: string;
  @ApiProperty({ nullable: true, type: Number }) customerId: number | null;
  @ApiProperty({ nullable: true, type: String }) customerPhoneMasked: string | null;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty() orderNo: string;
  @ApiProperty({ nullable: true, type: Number }) escortId: number | null;
  @ApiProperty({ nullable: true, type: String }) escortName: string | null;
  @ApiProperty({ nullable: true, type: Number }) reviewId: number | null;
  @ApiProperty({ nullable: true, type: Number }) assigneeId: number | null;
  @ApiProperty() assigneeName: string;
  @ApiProperty({ type: String, format: 'date-time', description: '首次响应截止时间' }) slaDueAt: Date;
  @ApiProperty({ enum: ['met', 'breached', 'overdue', 'due_soon', 'pending'] }) slaState: string;
  @ApiProperty({ nullable: true, type: Number, description: '距首次响应截止的分钟数（负数 = 已超时）；已响应为 null' }) slaMinutesLeft: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstRespondedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ description: '赔偿金额（分）' }) compensationFen: number;
  @ApiProperty({ nullable: true, type: Number }) compensationRefundId: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class TicketPage {
  @ApiProperty({ type: [TicketView] }) list: TicketView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TicketMessageView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['reply', 'note', 'event'] }) kind: string;
  @ApiProperty() authorType: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ description: '纯文本' }) content: string;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiProperty({ nullable: true, type: Number }) articleId: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PenaltyView {
  @ApiProperty() id: number;
  @ApiProperty() escortId: number;
  @ApiProperty() escortName: string;
  @ApiProperty() ticketId: number;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty({ description: '金额（分）' }) amountFen: number;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'settled', 'void'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) settlementRef: string | null;
  @ApiProperty() createdByName: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PenaltyPage {
  @ApiProperty({ type: [PenaltyView] }) list: PenaltyView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TicketDetail extends TicketView {
  @ApiProperty({ type: [TicketMessageView] }) messages: TicketMessageView[];
  @ApiProperty({ type: PenaltyView, nullable: true }) penalty: PenaltyView | null;
  @ApiProperty({ type: [String], enum: ['start', 'resolve', 'close', 'reopen'] }) availableActions: string[];
}

export class TicketSlaSummary {
  @ApiProperty({ description: '未响应' }) unanswered: number;
  @ApiProperty({ description: '已超时' }) overdue: number;
  @ApiProperty({ description: '即将超时' }) dueSoon: number;
  @ApiProperty({ description: '近 7 天解决' }) resolvedLast7Days: number;
}
