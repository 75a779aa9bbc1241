import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { PHOTOS_RULE } from '../../tickets/dto/ticket.dto';
import { HIDE_REASONS } from '../review.entity';

const star = (label: string) =>
  RuleType.number()
    .integer()
    .min(1)
    .max(5)
    .required()
    .messages(zhMessages({ 'any.required': `请为${label}打分`, 'number.min': `${label}评分为 1-5 星`, 'number.max': `${label}评分为 1-5 星` }));

const text = (max: number, label: string, required = true) => {
  const base = RuleType.string().trim().max(max).messages(zhMessages({ 'string.empty': `请填写${label}`, 'any.required': `请填写${label}`, 'string.max': `${label}最多 ${max} 个字` }));
  return required ? base.min(1).required() : base.allow('');
};

export class HospitalRatingsDTO {
  @ApiProperty({ description: '整洁程度 1-5' })
  @Rule(star('医院整洁程度'))
  cleanliness: number;

  @ApiProperty({ description: '医护人员态度 1-5' })
  @Rule(star('医护人员态度'))
  staffAttitude: number;

  @ApiProperty({ description: '院内指引标识 1-5' })
  @Rule(star('院内指引'))
  signage: number;
}

export class NewReviewDTO {
  @ApiProperty({ description: '总体评分 1-5' })
  @Rule(star('总体'))
  overall: number;

  @ApiProperty({ description: '服务态度 1-5' })
  @Rule(star('服务态度'))
  attitude: number;

  @ApiProperty({ description: '专业程度 1-5' })
  @Rule(star('专业程度'))
  professionalism: number;

  @ApiProperty({ description: '沟通 1-5' })
  @Rule(star('沟通'))
  communication: number;

  @ApiProperty({ description: '守时 1-5' })
  @Rule(star('守时'))
  punctuality: number;

  @ApiProperty({ required: false, type: HospitalRatingsDTO, description: '医院评价（可选）' })
  @Rule(RuleType.object({ cleanliness: star('医院整洁程度'), staffAttitude: star('医护人员态度'), signage: star('院内指引') }))
  hospital?: HospitalRatingsDTO;

  @ApiProperty({ required: false, type: [String], example: ['耐心细致', '准时'] })
  @Rule(RuleType.array().items(RuleType.string().trim().min(1).max(12)).max(8).unique())
  tags?: string[];

  @ApiProperty({ description: '评价内容（按纯文本展示）' })
  @Rule(text(1000, '评价内容'))
  content: string;

  @ApiProperty({ required: false, type: [String] })
  @Rule(PHOTOS_RULE)
  photos?: string[];

  @ApiProperty({ required: false, description: '匿名评价' })
  @Rule(RuleType.boolean())
  anonymous?: boolean;
}

export class ReviewAppendDTO {
  @ApiProperty()
  @Rule(text(1000, '追加内容'))
  content: string;

  @ApiProperty({ required: false, type: [String] })
  @Rule(PHOTOS_RULE)
  photos?: string[];
}

export class ReviewReplyDTO {
  @ApiProperty()
  @Rule(text(500, '回复内容'))
  content: string;
}

export class HideReviewDTO {
  @ApiProperty({ enum: HIDE_REASONS, description: '辱骂、隐私信息、广告、无关、其他' })
  @Rule(RuleType.string().valid(...HIDE_REASONS).required().messages(zhMessages({ 'any.required': '请选择隐藏原因', 'any.only': '请选择隐藏原因' })))
  reason: 'abuse' | 'personal_data' | 'spam' | 'irrelevant' | 'other';

  @ApiProperty({ required: false })
  @Rule(text(255, '说明', false))
  note?: string;

  @ApiProperty({ required: false, description: 'true = 同时按「恶意评价」扣客户信用分' })
  @Rule(RuleType.boolean())
  penalizeCustomer?: boolean;
}

export class StaffReviewQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ['visible', 'hidden'] })
  @Rule(RuleType.string().valid('visible', 'hidden'))
  status?: 'visible' | 'hidden';

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  escortId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  hospitalId?: number;

  @ApiProperty({ required: false, description: '只看总体评分不高于此的（如 2 = 差评）' })
  @Rule(RuleType.number().integer().min(1).max(5))
  maxOverall?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(32).allow(''))
  orderNo?: string;
}

export class PerformanceQueryDTO {
  @ApiProperty({ required: false, description: '统计最近多少天（投诉、迟到、拒单、完成单）', example: 90 })
  @Rule(RuleType.number().integer().min(1).max(366).default(90))
  days: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false, enum: ['score', 'overall', 'complaints', 'served'] })
  @Rule(RuleType.string().valid('score', 'overall', 'complaints', 'served'))
  sortBy?: 'score' | 'overall' | 'complaints' | 'served';
}

// ---------------------------------------------------------------- responses

export class HospitalRatingsView {
  @ApiProperty() cleanliness: number;
  @ApiProperty() staffAttitude: number;
  @ApiProperty() signage: number;
}

export class ReviewAppendView {
  @ApiProperty() id: number;
  @ApiProperty() content: string;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class StaffReviewView {
  @ApiProperty() id: number;
  @ApiProperty() orderId: number;
  @ApiProperty() orderNo: string;
  @ApiProperty() serviceName: string;
  @ApiProperty() overall: number;
  @ApiProperty() attitude: number;
  @ApiProperty() professionalism: number;
  @ApiProperty() communication: number;
  @ApiProperty() punctuality: number;
  @ApiProperty({ type: HospitalRatingsView, nullable: true }) hospital: HospitalRatingsView | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ description: '纯文本，展示时按文本处理' }) content: string;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ nullable: true, type: String }) staffReply: string | null;
  @ApiProperty() staffReplyBy: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) staffReplyAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) escortReply: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) escortReplyAt: Date | null;
  @ApiProperty() customerId: number;
  @ApiProperty() customerPhoneMasked: string;
  @ApiProperty({ nullable: true, type: Number }) escortId: number | null;
  @ApiProperty() escortName: string;
  @ApiProperty({ nullable: true, type: Number }) hospitalId: number | null;
  @ApiProperty() hospitalName: string;
  @ApiProperty() cityId: number;
  @ApiProperty({ enum: ['visible', 'hidden'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) hiddenReason: string | null;
  @ApiProperty({ nullable: true, type: String }) hiddenReasonLabel: string | null;
  @ApiProperty() hiddenNote: string;
  @ApiProperty() hiddenBy: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) hiddenAt: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: '差评自动生成的回访工单' }) followUpTicketId: number | null;
  @ApiProperty({ type: [ReviewAppendView] }) appends: ReviewAppendView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class StaffReviewPage {
  @ApiProperty({ type: [StaffReviewView] }) list: StaffReviewView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class StatSummaryView {
  @ApiProperty() reviewCount: number;
  @ApiProperty({ nullable: true, type: Number }) overall: number | null;
  @ApiProperty({ nullable: true, type: Number }) attitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) professionalism: number | null;
  @ApiProperty({ nullable: true, type: Number }) communication: number | null;
  @ApiProperty({ nullable: true, type: Number }) punctuality: number | null;
  @ApiProperty({ nullable: true, type: Number }) cleanliness: number | null;
  @ApiProperty({ nullable: true, type: Number }) staffAttitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) signage: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '好评率 %（≥4 星）' }) goodRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '差评率 %（≤2 星）' }) badRate: number | null;
}

export class EscortPerformanceRow extends StatSummaryView {
  @ApiProperty() rank: number;
  @ApiProperty() escortId: number;
  @ApiProperty() escortName: string;
  @ApiProperty() cityId: number;
  @ApiProperty() level: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: '累计服务单数' }) ordersServed: number;
  @ApiProperty({ description: '统计期内完成单数' }) completedInPeriod: number;
  @ApiProperty({ description: '统计期内投诉数' }) complaints: number;
  @ApiProperty({ description: '统计期内迟到开始服务次数（晚于预约 15 分钟）' }) late: number;
  @ApiProperty({ description: '统计期内拒单次数' }) declined: number;
  @ApiProperty({ description: '综合分（评分×20，扣除投诉、迟到、拒单）' }) score: number;
}

export class HospitalRatingRow extends StatSummaryView {
  @ApiProperty() hospitalId: number;
  @ApiProperty() hospitalName: string;
  @ApiProperty() cityId: number;
}

export class TrendPoint {
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiProperty() reviewCount: number;
  @ApiProperty() overall: number;
}

export class EscortPerformanceDetail {
  @ApiProperty() escortId: number;
  @ApiProperty() escortName: string;
  @ApiProperty({ type: StatSummaryView }) summary: StatSummaryView;
  @ApiProperty({ type: [TrendPoint] }) trend: TrendPoint[];
  @ApiProperty({ type: [StaffReviewView] }) recentLowReviews: StaffReviewView[];
}
