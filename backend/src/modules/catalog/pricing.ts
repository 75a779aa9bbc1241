/**
 * The price of one order, as a pure function of the item's city price, the booked time, the
 * customer's facts and the enabled price rules. Nothing here reads the database or the clock:
 * CatalogService loads the rules and passes `now`, so every case is a plain unit test.
 *
 * Order of the lines (what must stay true: lines always sum to the total, the total is never
 * negative, and every amount is integer fen rounded by applyBasisPoints):
 *  1. base       unit price × units (units derived from the duration and the pricing unit)
 *  2. surcharges percentages of the base (night: of the base's night share), or fixed fen per order
 *  3. discounts  percentages of the subtotal after surcharges, then fixed fen per order; each is
 *                limited to what is left, so the total stops at zero
 * Rules are applied in `sortOrder`, then id, within each step.
 */
import { applyBasisPoints, assertFen, formatFen } from '../../common/money';
import { startOfShanghaiDay, toShanghaiDateString } from '../../common/time';
import {
  PRICE_RULE_TYPE_CODES,
  PRICING_UNITS,
  PriceAmountType,
  PriceRuleKind,
  PriceRuleType,
  PricingUnit,
  ServiceCategoryCode,
} from './catalog-codes';

export type { PricingUnit, ServiceCategoryCode } from './catalog-codes';

// ---- the interface the orders module codes against ---------------------------------------------

/** An item as it can be booked in one city, with that city's unit price. */
export interface BookableItem {
  id: number;
  code: string;
  name: string;
  categoryCode: ServiceCategoryCode;
  pricingUnit: PricingUnit;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  defaultDurationMinutes: number;
  requiredQualifications: string[];
  preparation: string[];
  /** categoryCode === 'errand': no escort time at a hospital, just a task to run. */
  isErrand: boolean;
  cityId: number;
  /** The unit price in that city, fen. */
  unitPriceFen: number;
}

/** One line of a quote; discounts carry a negative amount. */
export interface PriceLine {
  kind: 'base' | 'surcharge' | 'discount';
  code: string;
  label: string;
  amountFen: number;
  detail: string;
}

export interface PriceQuote {
  units: number;
  lines: PriceLine[];
  /** The sum of the lines; never negative. */
  totalFen: number;
}

export interface QuoteRequest {
  item: BookableItem;
  startAt: Date;
  endAt: Date;
  /** The hospital's grade (三甲 ...); null for orders without a hospital (errands, home care). */
  hospitalGrade: string | null;
  firstOrder: boolean;
  member: boolean;
  /** When the quote is made; the same-day surcharge compares the start with it. */
  now: Date;
}

// ---- price rules ---------------------------------------------------------------------------------

/** Type-specific settings of a rule; only the keys of the rule's type are read. */
export interface PriceRuleParams {
  /** hospital_grade: the grades the rule applies to, e.g. ['三甲']. */
  grades?: string[];
  /** night: start of the night window, Asia/Shanghai 'HH:mm' (default 20:00). */
  startTime?: string;
  /** night: end of the night window, Asia/Shanghai 'HH:mm' (default 07:00); may be past midnight. */
  endTime?: string;
  /** same_day: applies when the service starts less than this many hours after the quote. */
  withinHours?: number;
  /** same_day: applies when the service starts on the quote's Asia/Shanghai calendar day. */
  sameCalendarDay?: boolean;
}

/** A rule as the pricing function reads it (the PriceRule entity has this shape). */
export interface PricingRule {
  id?: number;
  code: string;
  name: string;
  type: PriceRuleType;
  kind: PriceRuleKind;
  amountType: PriceAmountType;
  /** Basis points (1000 = 10%) or fen; positive either way, `kind` gives the direction. */
  amount: number;
  params: PriceRuleParams;
  /** Empty: every category. */
  categoryCodes: string[];
  /** null: every city. */
  cityId: number | null;
  enabled: boolean;
  sortOrder: number;
}

export const DEFAULT_NIGHT_START = '20:00';
export const DEFAULT_NIGHT_END = '07:00';
/** A discount can take at most everything; a surcharge may double or triple a price, not more. */
export const MAX_DISCOUNT_BP = 10_000;
export const MAX_SURCHARGE_BP = 30_000;

export type PricingErrorCode = 'INVALID_TIME_RANGE' | 'DURATION_OUT_OF_RANGE' | 'INVALID_QUOTE_INPUT' | 'INVALID_PRICE_RULE';

export class PricingError extends Error {
  constructor(
    readonly code: PricingErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'PricingError';
  }
}

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes per unit; `visit` is priced once per order whatever its length. */
const UNIT_MINUTES: Record<Exclude<PricingUnit, 'visit'>, number> = {
  hour: 60,
  half_day: 240,
  day: MINUTES_PER_DAY,
  month: 30 * MINUTES_PER_DAY,
};

/**
 * How many units an order of `minutes` is charged: a visit is 1 per order; otherwise every started
 * unit counts (61 minutes by the hour is 2 hours, 31 days by the month is 2 months).
 */
export function unitsFor(pricingUnit: PricingUnit, minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new PricingError('INVALID_TIME_RANGE', `服务时长必须大于 0 分钟，收到 ${String(minutes)}`);
  }
  if (pricingUnit === 'visit') return 1;
  const per = UNIT_MINUTES[pricingUnit];
  if (!per) throw new PricingError('INVALID_QUOTE_INPUT', `未知的计价单位：${String(pricingUnit)}`);
  return Math.ceil(minutes / per);
}

/**
 * Milliseconds of `[start, end)` inside the nightly window `[startTime, endTime)` in Asia/Shanghai
 * (a window whose end is not after its start runs past midnight, like 20:00–07:00).
 */
export function nightOverlapMs(start: Date, end: Date, startTime = DEFAULT_NIGHT_START, endTime = DEFAULT_NIGHT_END): number {
  const from = minuteOfDay(startTime);
  const to = minuteOfDay(endTime);
  if (from === to) throw new PricingError('INVALID_PRICE_RULE', '夜间时段的开始与结束不能相同');
  const windowMs = ((to - from + MINUTES_PER_DAY) % MINUTES_PER_DAY) * MS_PER_MINUTE;
  const s = start.getTime();
  const e = end.getTime();
  let total = 0;
  // Start one day early: the window that began yesterday evening may still be running.
  for (let day = startOfShanghaiDay(s).getTime() - MS_PER_DAY; day < e; day += MS_PER_DAY) {
    const windowStart = day + from * MS_PER_MINUTE;
    const windowEnd = windowStart + windowMs;
    total += Math.max(0, Math.min(e, windowEnd) - Math.max(s, windowStart));
  }
  return total;
}

/**
 * The rules that count for this item: enabled, for its city (or all cities) and its category (or
 * all categories). A rule for the item's city replaces the all-cities rule with the same code.
 */
export function effectiveRules(rules: readonly PricingRule[], item: Pick<BookableItem, 'cityId' | 'categoryCode'>): PricingRule[] {
  const byCode = new Map<string, PricingRule>();
  for (const rule of rules) {
    if (rule.cityId !== null && rule.cityId !== item.cityId) continue;
    const current = byCode.get(rule.code);
    // The city's own rule wins even when it is disabled: ops switched the rule off for this city.
    if (!current || (current.cityId === null && rule.cityId !== null)) byCode.set(rule.code, rule);
  }
  return [...byCode.values()]
    .filter(r => r.enabled && (r.categoryCodes.length === 0 || r.categoryCodes.includes(item.categoryCode)))
    .sort((a, b) => a.sortOrder - b.sortOrder || (a.id ?? 0) - (b.id ?? 0) || a.code.localeCompare(b.code));
}

/** Prices one order. Throws PricingError for input no order could have. */
export function calculateQuote(req: QuoteRequest, rules: readonly PricingRule[]): PriceQuote {
  const { item } = req;
  validateRequest(req);
  rules.forEach(validateRule);

  const totalMs = req.endAt.getTime() - req.startAt.getTime();
  const minutes = totalMs / MS_PER_MINUTE;
  if (minutes < item.minDurationMinutes || minutes > item.maxDurationMinutes) {
    throw new PricingError(
      'DURATION_OUT_OF_RANGE',
      `${item.name}的服务时长应在 ${formatMinutes(item.minDurationMinutes)} 至 ${formatMinutes(item.maxDurationMinutes)} 之间`
    );
  }
  const units = unitsFor(item.pricingUnit, minutes);
  const baseFen = item.unitPriceFen * units;
  assertFen(baseFen, { name: 'baseFen' });

  const lines: PriceLine[] = [
    {
      kind: 'base',
      code: item.code,
      label: item.name,
      amountFen: baseFen,
      detail: `¥${formatFen(item.unitPriceFen)} × ${units} ${PRICING_UNITS[item.pricingUnit]}`,
    },
  ];

  const applicable = effectiveRules(rules, item)
    .map(rule => ({ rule, share: shareOf(rule, req, totalMs) }))
    .filter((x): x is { rule: PricingRule; share: Share } => x.share !== null);

  let running = baseFen;
  for (const { rule, share } of applicable.filter(x => x.rule.kind === 'surcharge')) {
    const amountFen = ruleAmount(rule, baseFen, share);
    if (amountFen === 0) continue;
    lines.push({ kind: 'surcharge', code: rule.code, label: rule.name, amountFen, detail: describeAmount(rule, '服务费', baseFen, share) });
    running += amountFen;
  }

  const subtotalFen = running;
  const discounts = applicable.filter(x => x.rule.kind === 'discount');
  // Percentages first, all of the same subtotal (they do not compound), then fixed amounts.
  const ordered = [...discounts.filter(x => x.rule.amountType === 'bp'), ...discounts.filter(x => x.rule.amountType === 'fen')];
  for (const { rule, share } of ordered) {
    const wanted = ruleAmount(rule, subtotalFen, share);
    const amount = Math.min(wanted, running);
    if (amount === 0) continue;
    const capped = amount < wanted ? '，以订单剩余金额为限' : '';
    lines.push({ kind: 'discount', code: rule.code, label: rule.name, amountFen: -amount, detail: describeAmount(rule, '小计', subtotalFen, share) + capped });
    running -= amount;
  }

  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  assertFen(totalFen, { name: 'totalFen' });
  return { units, lines, totalFen };
}

// ---- internals ---------------------------------------------------------------------------------

/** Which part of the order a rule applies to: all of it, or (night) a fraction of its time. */
interface Share {
  partMs: number;
  totalMs: number;
}

/** null when the rule does not apply to this order. */
function shareOf(rule: PricingRule, req: QuoteRequest, totalMs: number): Share | null {
  const whole = { partMs: totalMs, totalMs };
  switch (rule.type) {
    case 'hospital_grade':
      return req.hospitalGrade !== null && (rule.params.grades ?? []).includes(req.hospitalGrade) ? whole : null;
    case 'night': {
      const partMs = nightOverlapMs(req.startAt, req.endAt, rule.params.startTime, rule.params.endTime);
      return partMs > 0 ? { partMs, totalMs } : null;
    }
    case 'same_day': {
      const { withinHours, sameCalendarDay } = rule.params;
      const sameDay = sameCalendarDay === true && toShanghaiDateString(req.startAt) === toShanghaiDateString(req.now);
      const soon = withinHours !== undefined && req.startAt.getTime() - req.now.getTime() < withinHours * 3_600_000;
      return sameDay || soon ? whole : null;
    }
    case 'first_order':
      return req.firstOrder ? whole : null;
    case 'member':
      return req.member ? whole : null;
  }
}

/** The rule's amount in fen (positive): a percentage of the basis (its share of it), or fixed per order. */
function ruleAmount(rule: PricingRule, basisFen: number, share: Share): number {
  if (rule.amountType === 'fen') return rule.amount;
  return applyBasisPoints(partOf(basisFen, share), rule.amount);
}

/** `fen × partMs / totalMs`, rounded half up, exact in BigInt. */
function partOf(fen: number, share: Share): number {
  if (share.partMs === share.totalMs) return fen;
  const num = BigInt(fen) * BigInt(share.partMs);
  const den = BigInt(share.totalMs);
  return Number((num * 2n + den) / (den * 2n));
}

function describeAmount(rule: PricingRule, basisName: string, basisFen: number, share: Share): string {
  if (rule.amountType === 'fen') return `每单 ¥${formatFen(rule.amount)}`;
  const percent = formatPercent(rule.amount);
  if (share.partMs === share.totalMs) return `${basisName} ¥${formatFen(basisFen)} × ${percent}`;
  const partMinutes = Math.round(share.partMs / MS_PER_MINUTE);
  const totalMinutes = Math.round(share.totalMs / MS_PER_MINUTE);
  return `夜间 ${partMinutes}/${totalMinutes} 分钟，对应${basisName} ¥${formatFen(partOf(basisFen, share))} × ${percent}`;
}

/** 1000 → '10%', 1550 → '15.5%', 25 → '0.25%'. */
export function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

function formatMinutes(minutes: number): string {
  if (minutes % MINUTES_PER_DAY === 0) return `${minutes / MINUTES_PER_DAY} 天`;
  if (minutes % 60 === 0) return `${minutes / 60} 小时`;
  return `${minutes} 分钟`;
}

function minuteOfDay(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new PricingError('INVALID_PRICE_RULE', `时间格式应为 HH:mm，收到 ${String(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const isValidDate = (d: unknown): d is Date => d instanceof Date && Number.isFinite(d.getTime());

function validateRequest(req: QuoteRequest): void {
  const { item } = req;
  if (!item || typeof item !== 'object') throw new PricingError('INVALID_QUOTE_INPUT', '缺少服务项目');
  if (!isValidDate(req.startAt) || !isValidDate(req.endAt) || !isValidDate(req.now)) {
    throw new PricingError('INVALID_TIME_RANGE', '服务开始、结束与报价时间必须是有效时间');
  }
  if (req.endAt.getTime() <= req.startAt.getTime()) {
    throw new PricingError('INVALID_TIME_RANGE', '服务结束时间必须晚于开始时间');
  }
  if (!(item.pricingUnit in PRICING_UNITS)) throw new PricingError('INVALID_QUOTE_INPUT', `未知的计价单位：${String(item.pricingUnit)}`);
  if (!Number.isSafeInteger(item.unitPriceFen) || item.unitPriceFen < 0) {
    throw new PricingError('INVALID_QUOTE_INPUT', `单价必须是非负整数分，收到 ${String(item.unitPriceFen)}`);
  }
  const durations = [item.minDurationMinutes, item.maxDurationMinutes];
  if (!durations.every(d => Number.isSafeInteger(d) && d > 0) || item.minDurationMinutes > item.maxDurationMinutes) {
    throw new PricingError('INVALID_QUOTE_INPUT', '服务项目的时长范围不正确');
  }
  if (req.hospitalGrade !== null && typeof req.hospitalGrade !== 'string') {
    throw new PricingError('INVALID_QUOTE_INPUT', '医院等级必须是文字或 null');
  }
}

/** Throws PricingError('INVALID_PRICE_RULE') for a rule no quote could use. */
export function validateRule(rule: PricingRule): void {
  const bad = (why: string) => new PricingError('INVALID_PRICE_RULE', `价格规则 ${rule.code}：${why}`);
  if (!PRICE_RULE_TYPE_CODES.includes(rule.type)) throw bad(`未知的规则类型 ${String(rule.type)}`);
  if (rule.kind !== 'surcharge' && rule.kind !== 'discount') throw bad(`未知的方向 ${String(rule.kind)}`);
  if (rule.amountType !== 'bp' && rule.amountType !== 'fen') throw bad(`未知的金额方式 ${String(rule.amountType)}`);
  if (!Number.isSafeInteger(rule.amount) || rule.amount < 0) throw bad('金额必须是非负整数');
  if (rule.amountType === 'bp' && rule.amount > (rule.kind === 'discount' ? MAX_DISCOUNT_BP : MAX_SURCHARGE_BP)) {
    throw bad('比例超出允许范围');
  }
  if (rule.type === 'night') {
    // Parsing throws for a malformed time; a zero-length window is refused too.
    if (minuteOfDay(rule.params.startTime ?? DEFAULT_NIGHT_START) === minuteOfDay(rule.params.endTime ?? DEFAULT_NIGHT_END)) {
      throw bad('夜间时段的开始与结束不能相同');
    }
  }
  if (rule.type === 'same_day' && rule.params.withinHours !== undefined) {
    if (!Number.isFinite(rule.params.withinHours) || rule.params.withinHours <= 0) throw bad('加急小时数必须大于 0');
  }
}
