import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import {
  DURATION_STEP_MINUTES,
  PRICING_UNIT_CODES,
  QUALIFICATION_CODES,
  SERVICE_CATEGORY_CODES,
  type PricingUnit,
  type ServiceCategoryCode,
} from '../catalog-codes';

/** ¥100,000: far above any real unit price, low enough that no sum of them nears 2^31. */
export const MAX_PRICE_FEN = 10_000_000;
/** Longest bookable duration: a 90-day care package. */
export const MAX_DURATION_MINUTES = 90 * 24 * 60;

export const PRICE_FEN_RULE = RuleType.number()
  .integer()
  .min(0)
  .max(MAX_PRICE_FEN)
  .required()
  .messages(
    zhMessages({
      'number.base': '价格必须是整数（单位：分）',
      'number.integer': '价格必须是整数（单位：分），不能有小数',
      'number.min': '价格不能为负数',
      'number.max': `价格不能超过 ${MAX_PRICE_FEN / 100} 元`,
    })
  );

const durationRule = (label: string) =>
  RuleType.number()
    .integer()
    .min(DURATION_STEP_MINUTES)
    .max(MAX_DURATION_MINUTES)
    .multiple(DURATION_STEP_MINUTES)
    .required()
    .messages(
      zhMessages({
        'number.base': `${label}必须是整数分钟`,
        'number.integer': `${label}必须是整数分钟`,
        'number.min': `${label}至少 ${DURATION_STEP_MINUTES} 分钟`,
        'number.max': `${label}最多 90 天`,
        'number.multiple': `${label}必须是 ${DURATION_STEP_MINUTES} 分钟的整数倍`,
      })
    );

const TEXT_LIST_RULE = RuleType.array().items(RuleType.string().trim().min(1).max(50)).max(20).unique().required();

/** Editable fields of an item; the code is set once at creation. */
export class ServiceItemFieldsDTO {
  @ApiProperty({ enum: SERVICE_CATEGORY_CODES, example: 'outpatient' })
  @Rule(RuleType.string().valid(...SERVICE_CATEGORY_CODES).required())
  categoryCode: ServiceCategoryCode;

  @ApiProperty({ example: '门诊陪诊（半天）' })
  @Rule(RuleType.string().trim().min(1).max(64).required())
  name: string;

  @ApiProperty({ example: '挂号、候诊、就诊引导、取药，全程陪同' })
  @Rule(RuleType.string().trim().max(2000).allow('').required())
  description: string;

  @ApiProperty({ type: [String], description: '服务包含的内容', example: ['协助挂号', '全程陪同就诊'] })
  @Rule(TEXT_LIST_RULE)
  includes: string[];

  @ApiProperty({ type: 'array', items: { type: 'string', enum: QUALIFICATION_CODES }, description: '陪诊师需要的资质', example: ['basic_escort'] })
  @Rule(RuleType.array().items(RuleType.string().valid(...QUALIFICATION_CODES)).unique().required())
  requiredQualifications: string[];

  @ApiProperty({ type: [String], description: '客户需准备的材料', example: ['身份证', '医保卡'] })
  @Rule(TEXT_LIST_RULE)
  preparation: string[];

  @ApiProperty({ description: '最短服务时长（分钟，30 的倍数）', example: 120 })
  @Rule(durationRule('最短时长'))
  minDurationMinutes: number;

  @ApiProperty({ description: '最长服务时长（分钟，30 的倍数）', example: 480 })
  @Rule(durationRule('最长时长').min(RuleType.ref('minDurationMinutes')).messages(zhMessages({ 'number.min': '最长时长不能短于最短时长' })))
  maxDurationMinutes: number;

  @ApiProperty({ description: '默认服务时长（分钟，30 的倍数，在最短与最长之间）', example: 240 })
  @Rule(
    durationRule('默认时长')
      .min(RuleType.ref('minDurationMinutes'))
      .max(RuleType.ref('maxDurationMinutes'))
      .messages(zhMessages({ 'number.min': '默认时长不能短于最短时长', 'number.max': '默认时长不能长于最长时长' }))
  )
  defaultDurationMinutes: number;

  @ApiProperty({ enum: PRICING_UNIT_CODES, example: 'half_day' })
  @Rule(RuleType.string().valid(...PRICING_UNIT_CODES).required())
  pricingUnit: PricingUnit;

  @ApiProperty({ description: '默认单价（分），设置城市价格时作为建议值', example: 19900 })
  @Rule(PRICE_FEN_RULE)
  basePriceFen: number;

  @ApiProperty({ required: false, description: '排序，小的在前', example: 10 })
  @Rule(RuleType.number().integer().min(0).max(9999).default(0))
  sortOrder: number;
}

export class CreateServiceItemDTO extends ServiceItemFieldsDTO {
  @ApiProperty({ description: '项目编码：大写字母开头，可含数字、- 和 _', example: 'OPD-HALF' })
  @Rule(
    RuleType.string()
      .pattern(/^[A-Z][A-Z0-9_-]{1,31}$/)
      .required()
      .messages(zhMessages({ 'string.pattern.base': '项目编码为 2–32 位大写字母、数字、- 或 _，以字母开头' }))
  )
  code: string;
}

export class UpdateServiceItemDTO extends ServiceItemFieldsDTO {}

export class ServiceItemQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: SERVICE_CATEGORY_CODES })
  @Rule(RuleType.string().valid(...SERVICE_CATEGORY_CODES))
  categoryCode?: ServiceCategoryCode;

  @ApiProperty({ required: false, description: '是否上架' })
  @Rule(RuleType.boolean())
  enabled?: boolean;

  @ApiProperty({ required: false, description: '名称或编码关键字' })
  @Rule(RuleType.string().trim().max(32).allow(''))
  keyword?: string;
}

export class SetCityPriceDTO {
  @ApiProperty({ description: '该城市的单价（分）', example: 21900 })
  @Rule(PRICE_FEN_RULE)
  unitPriceFen: number;
}

export class ServiceCategoryQueryDTO {
  @ApiProperty({ description: '城市 ID', example: 1 })
  @Rule(RuleType.number().integer().min(1).required())
  cityId: number;
}
