import { getSchema, Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { zhMessages } from '../../../common/dto';
import {
  HOSPITAL_GRADES,
  PRICE_RULE_TYPE_CODES,
  SERVICE_CATEGORY_CODES,
  type PriceAmountType,
  type PriceRuleKind,
  type PriceRuleType,
} from '../catalog-codes';

const TIME_OF_DAY_RULE = RuleType.string()
  .pattern(/^([01]\d|2[0-3]):[0-5]\d$/)
  .messages(zhMessages({ 'string.pattern.base': '时间格式为 HH:mm，例如 20:00' }));

/** A rule's settings; which keys a type accepts is checked by the service. */
export class PriceRuleParamsDTO {
  @ApiProperty({ required: false, type: [String], description: '医院等级（医院等级规则）', example: ['三甲'] })
  @Rule(RuleType.array().items(RuleType.string().trim().min(1).max(16)).min(1).max(HOSPITAL_GRADES.length * 2).unique())
  grades?: string[];

  @ApiProperty({ required: false, description: '夜间开始（夜间规则，北京时间 HH:mm）', example: '20:00' })
  @Rule(TIME_OF_DAY_RULE)
  startTime?: string;

  @ApiProperty({ required: false, description: '夜间结束（夜间规则，北京时间 HH:mm，可跨零点）', example: '07:00' })
  @Rule(TIME_OF_DAY_RULE)
  endTime?: string;

  @ApiProperty({ required: false, description: '开始前不足多少小时下单算加急（当日加急规则）', example: 6 })
  @Rule(RuleType.number().integer().min(1).max(72))
  withinHours?: number;

  @ApiProperty({ required: false, description: '服务开始与下单在同一天（北京时间）算加急（当日加急规则）' })
  @Rule(RuleType.boolean())
  sameCalendarDay?: boolean;
}

/** Fields ops may change after creation; code, type and city identify the rule and stay. */
export class UpdatePriceRuleDTO {
  @ApiProperty({ example: '三甲医院加价' })
  @Rule(RuleType.string().trim().min(1).max(32).required())
  name: string;

  @ApiProperty({ enum: ['surcharge', 'discount'], example: 'surcharge' })
  @Rule(RuleType.string().valid('surcharge', 'discount').required())
  kind: PriceRuleKind;

  @ApiProperty({ enum: ['bp', 'fen'], description: 'bp：按比例（万分之一）；fen：每单固定金额（分）', example: 'bp' })
  @Rule(RuleType.string().valid('bp', 'fen').required())
  amountType: PriceAmountType;

  @ApiProperty({ description: '比例（bp，1000 = 10%）或金额（分），正数', example: 1000 })
  @Rule(
    RuleType.number()
      .integer()
      .min(1)
      .max(10_000_000)
      .required()
      .messages(zhMessages({ 'number.integer': '金额或比例必须是整数', 'number.min': '金额或比例必须大于 0', 'number.base': '金额或比例必须是整数' }))
  )
  amount: number;

  @ApiProperty({ type: PriceRuleParamsDTO })
  @Rule(getSchema(PriceRuleParamsDTO).required())
  params: PriceRuleParamsDTO;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: SERVICE_CATEGORY_CODES }, required: false, description: '适用的服务类别，空表示全部' })
  @Rule(RuleType.array().items(RuleType.string().valid(...SERVICE_CATEGORY_CODES)).unique().default([]))
  categoryCodes: string[];

  @ApiProperty({ required: false, description: '排序，小的先计算', example: 10 })
  @Rule(RuleType.number().integer().min(0).max(9999).default(0))
  sortOrder: number;
}

export class CreatePriceRuleDTO extends UpdatePriceRuleDTO {
  @ApiProperty({ description: '规则编码：小写字母开头，可含数字和 _', example: 'grade_3a' })
  @Rule(
    RuleType.string()
      .pattern(/^[a-z][a-z0-9_]{1,31}$/)
      .required()
      .messages(zhMessages({ 'string.pattern.base': '规则编码为 2–32 位小写字母、数字或 _，以字母开头' }))
  )
  code: string;

  @ApiProperty({ enum: PRICE_RULE_TYPE_CODES, example: 'hospital_grade' })
  @Rule(RuleType.string().valid(...PRICE_RULE_TYPE_CODES).required())
  type: PriceRuleType;

  @ApiProperty({ type: 'integer', required: false, nullable: true, description: '城市 ID；不填表示全部城市', example: null })
  @Rule(RuleType.number().integer().min(1).allow(null).default(null))
  cityId: number | null;
}

export class PriceRuleQueryDTO {
  @ApiProperty({ required: false, description: '城市 ID；只看全部城市通用的规则传 0' })
  @Rule(RuleType.number().integer().min(0))
  cityId?: number;

  @ApiProperty({ required: false, enum: PRICE_RULE_TYPE_CODES })
  @Rule(RuleType.string().valid(...PRICE_RULE_TYPE_CODES))
  type?: PriceRuleType;

  @ApiProperty({ required: false })
  @Rule(RuleType.boolean())
  enabled?: boolean;
}

export class PricingPreviewDTO {
  @ApiProperty({ description: '服务项目 ID', example: 1 })
  @Rule(RuleType.number().integer().min(1).required())
  serviceItemId: number;

  @ApiProperty({ description: '城市 ID', example: 1 })
  @Rule(RuleType.number().integer().min(1).required())
  cityId: number;

  @ApiProperty({ type: 'string', required: false, nullable: true, description: '医院等级，例如 三甲；不填表示无医院', example: '三甲' })
  @Rule(RuleType.string().trim().max(16).allow(null, '').default(null))
  hospitalGrade: string | null;

  @ApiProperty({ description: '服务开始时间，ISO 8601', example: '2026-06-01T01:00:00.000Z' })
  @Rule(RuleType.date().iso().required())
  startAt: Date;

  @ApiProperty({ description: '服务时长（分钟）', example: 240 })
  @Rule(RuleType.number().integer().min(1).max(90 * 24 * 60).required())
  durationMinutes: number;

  @ApiProperty({ required: false, description: '是否首单' })
  @Rule(RuleType.boolean().default(false))
  firstOrder: boolean;

  @ApiProperty({ required: false, description: '是否会员' })
  @Rule(RuleType.boolean().default(false))
  member: boolean;
}
