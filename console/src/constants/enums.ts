/**
 * One map per enum: the label people read and the colour a Tag or Badge uses. Pages build antd
 * `valueEnum`s from these through toValueEnum, never from their own literals.
 */
export interface EnumEntry {
  label: string;
  color: string;
  /** ProTable badge status for status-like enums. */
  status?: 'Success' | 'Error' | 'Default' | 'Processing' | 'Warning';
}

export const STAFF_ROLE = {
  admin: { label: '管理员', color: 'red' },
  ops: { label: '运营', color: 'blue' },
  finance: { label: '财务', color: 'gold' },
  support: { label: '客服', color: 'green' },
} satisfies Record<string, EnumEntry>;
export type StaffRoleCode = keyof typeof STAFF_ROLE;

export const STAFF_STATUS = {
  active: { label: '正常', color: 'green', status: 'Success' },
  disabled: { label: '已停用', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;
export type StaffStatusCode = keyof typeof STAFF_STATUS;

export const ESCORT_STATUS = {
  applicant: { label: '待审核', color: 'orange', status: 'Processing' },
  active: { label: '在岗', color: 'green', status: 'Success' },
  suspended: { label: '已停用', color: 'red', status: 'Error' },
} satisfies Record<string, EnumEntry>;

export const ESCORT_LEVEL = {
  trainee: { label: '见习', color: 'default' },
  junior: { label: '初级', color: 'blue' },
  senior: { label: '中级', color: 'purple' },
  expert: { label: '高级', color: 'gold' },
} satisfies Record<string, EnumEntry>;

export const GENDER = {
  male: { label: '男', color: 'blue' },
  female: { label: '女', color: 'magenta' },
} satisfies Record<string, EnumEntry>;

export const PRICING_UNIT = {
  visit: { label: '次', color: 'blue' },
  hour: { label: '小时', color: 'cyan' },
  half_day: { label: '半天', color: 'geekblue' },
  day: { label: '天', color: 'purple' },
  month: { label: '月', color: 'gold' },
} satisfies Record<string, EnumEntry>;

export const SERVICE_CATEGORY = {
  outpatient: { label: '门诊陪诊', color: 'blue' },
  examination: { label: '检查陪诊', color: 'cyan' },
  inpatient_escort: { label: '住院陪诊', color: 'purple' },
  inpatient_care: { label: '住院陪护', color: 'magenta' },
  errand: { label: '同城代办', color: 'orange' },
  home_care: { label: '上门护理', color: 'green' },
} satisfies Record<string, EnumEntry>;

export const ENABLED = {
  true: { label: '上架', color: 'green', status: 'Success' },
  false: { label: '下架', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;

/** Qualification codes an item may require of its escort (backend catalog-codes QUALIFICATIONS). */
export const QUALIFICATION = {
  basic_escort: { label: '陪诊师基础培训', color: 'blue' },
  nursing_cert: { label: '护士执业证', color: 'red' },
  caregiver_cert: { label: '护理员（护工）证', color: 'purple' },
  health_cert: { label: '健康证', color: 'green' },
} satisfies Record<string, EnumEntry>;

export const PRICE_RULE_TYPE = {
  hospital_grade: { label: '医院等级', color: 'blue' },
  night: { label: '夜间服务', color: 'geekblue' },
  same_day: { label: '当日加急', color: 'orange' },
  first_order: { label: '首单优惠', color: 'magenta' },
  member: { label: '会员价', color: 'gold' },
} satisfies Record<string, EnumEntry>;
export type PriceRuleTypeCode = keyof typeof PRICE_RULE_TYPE;

export const PRICE_RULE_KIND = {
  surcharge: { label: '加价', color: 'volcano' },
  discount: { label: '优惠', color: 'green' },
} satisfies Record<string, EnumEntry>;

export const PRICE_AMOUNT_TYPE = {
  bp: { label: '按比例', color: 'blue' },
  fen: { label: '固定金额', color: 'cyan' },
} satisfies Record<string, EnumEntry>;

export const RULE_ENABLED = {
  true: { label: '启用', color: 'green', status: 'Success' },
  false: { label: '停用', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;

export const CITY_PRICE_ENABLED = {
  true: { label: '在售', color: 'green', status: 'Success' },
  false: { label: '停售', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;


export const HOSPITAL_ENABLED = {
  true: { label: '启用', color: 'green', status: 'Success' },
  false: { label: '已停用', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;

/** Grades as the backend accepts them, highest first. */
export const HOSPITAL_GRADES = ['三甲', '三乙', '三丙', '二甲', '二乙', '二丙', '一甲', '一乙', '一丙', '未定级'] as const;

export const NOTICE_LEVEL = {
  info: { label: '提示', color: 'blue' },
  warning: { label: '警示', color: 'orange' },
} satisfies Record<string, EnumEntry>;
export type NoticeLevelCode = keyof typeof NOTICE_LEVEL;

export const NOTICE_STATUS = {
  active: { label: '生效中', color: 'green', status: 'Success' },
  upcoming: { label: '未开始', color: 'blue', status: 'Processing' },
  expired: { label: '已结束', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;
export type NoticeStatusCode = keyof typeof NOTICE_STATUS;

export const PATIENT_RELATION = {
  self: { label: '本人', color: 'blue' },
  parent: { label: '父母', color: 'purple' },
  spouse: { label: '配偶', color: 'magenta' },
  child: { label: '子女', color: 'cyan' },
  other: { label: '其他', color: 'default' },
} satisfies Record<string, EnumEntry>;

export const ACTOR_TYPE = {
  staff: { label: '员工', color: 'blue' },
  customer: { label: '客户', color: 'green' },
  escort: { label: '陪诊师', color: 'purple' },
  system: { label: '系统', color: 'default' },
} satisfies Record<string, EnumEntry>;

/** Label for a code, falling back to the raw code so an unknown value is still visible. */
export function enumLabel(map: Record<string, EnumEntry>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '-';
  return map[code]?.label ?? code;
}

/** ProTable/ProForm `valueEnum` built from one of the maps above. */
export function toValueEnum(
  map: Record<string, EnumEntry>,
): Record<string, { text: string; status?: EnumEntry['status']; color?: string }> {
  const result: Record<string, { text: string; status?: EnumEntry['status']; color?: string }> = {};
  for (const [code, entry] of Object.entries(map)) {
    result[code] = entry.status ? { text: entry.label, status: entry.status } : { text: entry.label, color: entry.color };
  }
  return result;
}
