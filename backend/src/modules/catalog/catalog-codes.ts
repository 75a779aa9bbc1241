/** Service categories from the requirements; names are what customers and staff read. */
export const SERVICE_CATEGORIES = {
  outpatient: '门诊陪诊',
  examination: '检查陪诊',
  inpatient_escort: '住院陪诊',
  inpatient_care: '住院陪护',
  errand: '同城代办',
  home_care: '上门护理',
} as const;
export type ServiceCategoryCode = keyof typeof SERVICE_CATEGORIES;
export const SERVICE_CATEGORY_CODES = Object.keys(SERVICE_CATEGORIES) as ServiceCategoryCode[];

export const PRICING_UNITS = {
  visit: '次',
  hour: '小时',
  half_day: '半天',
  day: '天',
  month: '月',
} as const;
export type PricingUnit = keyof typeof PRICING_UNITS;
export const PRICING_UNIT_CODES = Object.keys(PRICING_UNITS) as PricingUnit[];

/**
 * Qualifications an escort must hold for an item. Dispatch matches these codes against escort
 * credentials, so a code, once used, keeps its meaning.
 */
export const QUALIFICATIONS = {
  basic_escort: '陪诊师基础培训',
  nursing_cert: '护士执业证',
  caregiver_cert: '护理员（护工）证',
  health_cert: '健康证',
} as const;
export type QualificationCode = keyof typeof QUALIFICATIONS;
export const QUALIFICATION_CODES = Object.keys(QUALIFICATIONS) as QualificationCode[];

/**
 * What decides whether a price rule applies to an order. Which way the money moves is the rule's
 * `kind` (surcharge or discount), how much is its `amountType` + `amount`.
 */
export const PRICE_RULE_TYPES = {
  hospital_grade: '医院等级',
  night: '夜间服务',
  same_day: '当日加急',
  first_order: '首单优惠',
  member: '会员价',
} as const;
export type PriceRuleType = keyof typeof PRICE_RULE_TYPES;
export const PRICE_RULE_TYPE_CODES = Object.keys(PRICE_RULE_TYPES) as PriceRuleType[];

export const PRICE_RULE_KINDS = { surcharge: '加价', discount: '优惠' } as const;
export type PriceRuleKind = keyof typeof PRICE_RULE_KINDS;

/** `bp`: basis points of the amount the rule applies to (1000 = 10%); `fen`: a fixed amount per order. */
export const PRICE_AMOUNT_TYPES = { bp: '按比例', fen: '固定金额' } as const;
export type PriceAmountType = keyof typeof PRICE_AMOUNT_TYPES;

/** Hospital grades as the hospitals module stores them; offered as choices for grade rules. */
export const HOSPITAL_GRADES = ['三甲', '三乙', '三级', '二甲', '二乙', '二级', '一级', '其他'] as const;

/** Durations are booked in half hours. */
export const DURATION_STEP_MINUTES = 30;
