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

export const PRICING_UNITS = {
  visit: '次',
  hour: '小时',
  half_day: '半天',
  day: '天',
  month: '月',
} as const;
export type PricingUnit = keyof typeof PRICING_UNITS;
