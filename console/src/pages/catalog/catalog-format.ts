/**
 * How the catalog pages show and read durations, percentages and rule amounts. Plain functions,
 * so the numbers staff see are tested without rendering a page.
 */
import { HOSPITAL_GRADES, PRICE_RULE_TYPE, SERVICE_CATEGORY, enumLabel } from '@/constants/enums';
import type { PriceRule, PriceRuleParams } from '@/services/models';
import { formatFen } from '@/utils/money';

export const DURATION_STEP_MINUTES = 30;
const MINUTES_PER_DAY = 24 * 60;
/** The longest bookable duration (the backend's limit): a 90-day care package. */
export const MAX_DURATION_MINUTES = 90 * MINUTES_PER_DAY;

/** 90 → '1 小时 30 分钟', 1440 → '1 天', 2160 → '1 天 12 小时', 30 → '30 分钟'. */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} 天`);
  if (hours) parts.push(`${hours} 小时`);
  if (rest || parts.length === 0) parts.push(`${rest} 分钟`);
  return parts.join(' ');
}

/**
 * The durations a select offers between `min` and `max`: every half hour up to a day, then whole
 * days (an item booked for days is not booked to the half hour).
 */
export function durationOptions(min = DURATION_STEP_MINUTES, max = MAX_DURATION_MINUTES): { label: string; value: number }[] {
  const values: number[] = [];
  for (let m = DURATION_STEP_MINUTES; m <= MINUTES_PER_DAY; m += DURATION_STEP_MINUTES) values.push(m);
  for (let m = 2 * MINUTES_PER_DAY; m <= MAX_DURATION_MINUTES; m += MINUTES_PER_DAY) values.push(m);
  // A limit that is not on the grid (an older item) is still offered, so the form can show it.
  for (const edge of [min, max]) if (!values.includes(edge)) values.push(edge);
  return values
    .filter((m) => m >= min && m <= max)
    .sort((a, b) => a - b)
    .map((m) => ({ label: formatDuration(m), value: m }));
}

/** 1000 → '10%', 1550 → '15.5%', 25 → '0.25%'. */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

export const PERCENT_INPUT_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

/** '12.5' (percent) → 1250 bp, read as text so no float is involved. */
export function percentTextToBp(text: string): number {
  const trimmed = String(text).trim();
  if (!PERCENT_INPUT_PATTERN.test(trimmed)) throw new RangeError(`"${trimmed}" is not a percentage with at most two decimals`);
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 1250 → '12.5', the inverse of percentTextToBp, for filling a form. */
export function bpToPercentText(bp: number): string {
  return formatBp(bp).replace('%', '');
}

/** '+10%', '-¥20.00': the direction and size of a rule as one short text. */
export function formatRuleAmount(rule: Pick<PriceRule, 'kind' | 'amountType' | 'amount'>): string {
  const sign = rule.kind === 'discount' ? '-' : '+';
  return rule.amountType === 'bp' ? `${sign}${formatBp(rule.amount)}` : `${sign}${formatFen(rule.amount)}`;
}

/** When the rule applies, in words: '医院等级：三甲', '20:00–07:00', '开始前 6 小时内或当天'. */
export function describeRuleCondition(rule: Pick<PriceRule, 'type'> & { params: PriceRuleParams }): string {
  const p = rule.params ?? {};
  switch (rule.type) {
    case 'hospital_grade':
      return `医院等级：${(p.grades ?? []).join('、') || '未设置'}`;
    case 'night':
      return `北京时间 ${p.startTime ?? '20:00'}–${p.endTime ?? '07:00'} 的服务时段`;
    case 'same_day': {
      const parts: string[] = [];
      if (p.sameCalendarDay) parts.push('服务开始与下单在同一天');
      if (p.withinHours) parts.push(`开始前不足 ${p.withinHours} 小时下单`);
      return parts.join('，或') || '未设置';
    }
    case 'first_order':
      return '客户的第一单';
    case 'member':
      return '会员客户';
    default:
      return enumLabel(PRICE_RULE_TYPE, rule.type);
  }
}

export function describeCategories(codes: string[]): string {
  return codes.length ? codes.map((c) => enumLabel(SERVICE_CATEGORY, c)).join('、') : '全部类别';
}

export const HOSPITAL_GRADE_OPTIONS = HOSPITAL_GRADES.map((g) => ({ label: g, value: g }));
