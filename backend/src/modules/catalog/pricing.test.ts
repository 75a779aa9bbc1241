import {
  BookableItem,
  calculateQuote,
  effectiveRules,
  formatPercent,
  nightOverlapMs,
  PricingError,
  PricingRule,
  QuoteRequest,
  unitsFor,
} from './pricing';
import { applyBasisPoints } from '../../common/money';

/** An instant given in Asia/Shanghai local time ('2024-05-10 09:00'). */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const item = (overrides: Partial<BookableItem> = {}): BookableItem => ({
  id: 1,
  code: 'OPD-HALF',
  name: '门诊陪诊（半天）',
  categoryCode: 'outpatient',
  pricingUnit: 'half_day',
  minDurationMinutes: 60,
  maxDurationMinutes: 480,
  defaultDurationMinutes: 240,
  requiredQualifications: ['basic_escort'],
  preparation: ['身份证', '医保卡'],
  isErrand: false,
  cityId: 1,
  unitPriceFen: 19900,
  ...overrides,
});

const request = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({
  item: item(),
  startAt: sh('2024-05-10 09:00'),
  endAt: sh('2024-05-10 13:00'),
  hospitalGrade: null,
  firstOrder: false,
  member: false,
  now: sh('2024-05-08 10:00'),
  ...overrides,
});

let nextId = 1;
const rule = (overrides: Partial<PricingRule> & Pick<PricingRule, 'type'>): PricingRule => ({
  id: nextId++,
  code: overrides.type,
  name: overrides.type,
  kind: 'surcharge',
  amountType: 'bp',
  amount: 1000,
  params: {},
  categoryCodes: [],
  cityId: null,
  enabled: true,
  sortOrder: 0,
  ...overrides,
});

const grade3A = rule({ type: 'hospital_grade', code: 'grade_3a', name: '三甲医院加价', amount: 1000, params: { grades: ['三甲'] } });
const night = rule({ type: 'night', code: 'night', name: '夜间服务加价', amount: 2000, params: { startTime: '20:00', endTime: '07:00' } });
const sameDay = rule({ type: 'same_day', code: 'same_day', name: '当日加急', amount: 1500, params: { sameCalendarDay: true } });
const firstOrder = rule({ type: 'first_order', code: 'first_order', name: '首单立减', kind: 'discount', amountType: 'fen', amount: 2000 });
const member = rule({ type: 'member', code: 'member', name: '会员价', kind: 'discount', amount: 500 });

const sumOf = (q: { lines: { amountFen: number }[] }) => q.lines.reduce((s, l) => s + l.amountFen, 0);

describe('units', () => {
  it.each([
    ['visit', 1, 1],
    ['visit', 10_000, 1],
    ['hour', 60, 1],
    ['hour', 61, 2],
    ['hour', 150, 3],
    ['half_day', 240, 1],
    ['half_day', 241, 2],
    ['half_day', 30, 1],
    ['day', 1440, 1],
    ['day', 1441, 2],
    ['day', 3 * 1440, 3],
    ['month', 30 * 1440, 1],
    ['month', 31 * 1440, 2],
    ['month', 60, 1],
  ] as const)('charge %s for %i minutes as %i unit(s)', (unit, minutes, expected) => {
    expect(unitsFor(unit, minutes)).toBe(expected);
  });

  it('refuse a duration of zero or less', () => {
    expect(() => unitsFor('hour', 0)).toThrow(PricingError);
    expect(() => unitsFor('hour', -30)).toThrow(PricingError);
    expect(() => unitsFor('hour', Number.NaN)).toThrow(PricingError);
  });

  it('refuse an unknown pricing unit', () => {
    expect(() => unitsFor('week' as never, 60)).toThrow(/计价单位/);
  });
});

describe('a quote without rules', () => {
  it('is the city price times the units, in one base line', () => {
    const q = calculateQuote(request(), []);
    expect(q).toEqual({
      units: 1,
      lines: [{ kind: 'base', code: 'OPD-HALF', label: '门诊陪诊（半天）', amountFen: 19900, detail: '¥199.00 × 1 半天' }],
      totalFen: 19900,
    });
  });

  it('charges every started hour of an hourly item', () => {
    const q = calculateQuote(
      request({ item: item({ pricingUnit: 'hour', unitPriceFen: 8000 }), startAt: sh('2024-05-10 09:00'), endAt: sh('2024-05-10 11:30') }),
      []
    );
    expect(q.units).toBe(3);
    expect(q.totalFen).toBe(24000);
    expect(q.lines[0].detail).toBe('¥80.00 × 3 小时');
  });

  it('charges a three-day stay by the day as three days', () => {
    const q = calculateQuote(
      request({
        item: item({ pricingUnit: 'day', unitPriceFen: 39900, maxDurationMinutes: 30 * 1440 }),
        startAt: sh('2024-05-10 08:00'),
        endAt: sh('2024-05-13 08:00'),
      }),
      []
    );
    expect(q.units).toBe(3);
    expect(q.totalFen).toBe(119700);
  });

  it('charges a monthly package once for thirty days', () => {
    const q = calculateQuote(
      request({
        item: item({ pricingUnit: 'month', unitPriceFen: 980000, minDurationMinutes: 30 * 1440, maxDurationMinutes: 90 * 1440 }),
        startAt: sh('2024-05-01 08:00'),
        endAt: sh('2024-05-31 08:00'),
      }),
      []
    );
    expect(q).toMatchObject({ units: 1, totalFen: 980000 });
  });

  it('is zero for a free item, and still has its base line', () => {
    const q = calculateQuote(request({ item: item({ unitPriceFen: 0 }) }), [firstOrder]);
    expect(q.totalFen).toBe(0);
    expect(q.lines).toHaveLength(1);
  });
});

describe('the hospital grade surcharge', () => {
  it('adds its percentage of the base for a hospital of a listed grade', () => {
    const q = calculateQuote(request({ hospitalGrade: '三甲' }), [grade3A]);
    expect(q.lines[1]).toEqual({ kind: 'surcharge', code: 'grade_3a', label: '三甲医院加价', amountFen: 1990, detail: '服务费 ¥199.00 × 10%' });
    expect(q.totalFen).toBe(21890);
  });

  it('does not apply to another grade or to an order without a hospital', () => {
    expect(calculateQuote(request({ hospitalGrade: '二甲' }), [grade3A]).totalFen).toBe(19900);
    expect(calculateQuote(request({ hospitalGrade: null }), [grade3A]).totalFen).toBe(19900);
  });

  it('can be a fixed amount per order instead of a percentage', () => {
    const fixed = rule({ type: 'hospital_grade', code: 'grade_fixed', amountType: 'fen', amount: 3000, params: { grades: ['三甲', '三乙'] } });
    const q = calculateQuote(request({ hospitalGrade: '三乙' }), [fixed]);
    expect(q.lines[1]).toMatchObject({ amountFen: 3000, detail: '每单 ¥30.00' });
    expect(q.totalFen).toBe(22900);
  });

  it('rounds half a fen up through applyBasisPoints', () => {
    // 12345 × 15% = 1851.75 → 1852; 333 × 15% = 49.95 → 50
    const r = rule({ type: 'hospital_grade', amount: 1500, params: { grades: ['三甲'] } });
    expect(calculateQuote(request({ item: item({ unitPriceFen: 12345 }), hospitalGrade: '三甲' }), [r]).lines[1].amountFen).toBe(1852);
    expect(calculateQuote(request({ item: item({ unitPriceFen: 333 }), hospitalGrade: '三甲' }), [r]).lines[1].amountFen).toBe(applyBasisPoints(333, 1500));
    // 10 × 5% = 0.5 → 1
    const small = rule({ type: 'hospital_grade', amount: 500, params: { grades: ['三甲'] } });
    expect(calculateQuote(request({ item: item({ unitPriceFen: 10 }), hospitalGrade: '三甲' }), [small]).lines[1].amountFen).toBe(1);
  });

  it('shows no line when the percentage rounds to nothing', () => {
    const tiny = rule({ type: 'hospital_grade', amount: 1, params: { grades: ['三甲'] } });
    const q = calculateQuote(request({ item: item({ unitPriceFen: 100 }), hospitalGrade: '三甲' }), [tiny]);
    expect(q.lines).toHaveLength(1);
  });
});

describe('the night surcharge', () => {
  it('does not apply to a service entirely in the day', () => {
    expect(calculateQuote(request(), [night]).lines).toHaveLength(1);
  });

  it('charges its percentage of the share of the base that falls between 20:00 and 07:00 Shanghai time', () => {
    // 18:00–22:00: 120 of 240 minutes at night → half of 19900 = 9950, × 20% = 1990
    const q = calculateQuote(request({ startAt: sh('2024-05-10 18:00'), endAt: sh('2024-05-10 22:00') }), [night]);
    expect(q.lines[1]).toEqual({
      kind: 'surcharge',
      code: 'night',
      label: '夜间服务加价',
      amountFen: 1990,
      detail: '夜间 120/240 分钟，对应服务费 ¥99.50 × 20%',
    });
    expect(q.totalFen).toBe(21890);
  });

  it('charges the whole base when all of the service is at night, across midnight', () => {
    const q = calculateQuote(request({ startAt: sh('2024-05-10 23:00'), endAt: sh('2024-05-11 03:00') }), [night]);
    expect(q.lines[1].amountFen).toBe(3980);
  });

  it('counts the early morning before 07:00', () => {
    // 05:00–09:00: 120 of 240 minutes at night
    const q = calculateQuote(request({ startAt: sh('2024-05-10 05:00'), endAt: sh('2024-05-10 09:00') }), [night]);
    expect(q.lines[1].amountFen).toBe(1990);
  });

  it('uses Shanghai time, not UTC: 09:00 UTC is 17:00 in Shanghai and not at night', () => {
    const q = calculateQuote(request({ startAt: new Date('2024-05-10T08:00:00Z'), endAt: new Date('2024-05-10T12:00:00Z') }), [night]);
    // 16:00–20:00 Shanghai: no night minute
    expect(q.lines).toHaveLength(1);
  });

  it('follows a custom window that does not cross midnight', () => {
    const lateEvening = rule({ type: 'night', amount: 1000, params: { startTime: '18:00', endTime: '22:00' } });
    // 17:00–21:00: 180 of 240 minutes → 14925, × 10% = 1492.5 → 1493
    expect(calculateQuote(request({ startAt: sh('2024-05-10 17:00'), endAt: sh('2024-05-10 21:00') }), [lateEvening]).lines[1].amountFen).toBe(1493);
  });

  it('can be a fixed amount once any minute is at night', () => {
    const fixed = rule({ type: 'night', amountType: 'fen', amount: 5000 });
    const q = calculateQuote(request({ startAt: sh('2024-05-10 19:30'), endAt: sh('2024-05-10 21:00') }), [fixed]);
    expect(q.lines[1]).toMatchObject({ amountFen: 5000, detail: '每单 ¥50.00' });
  });

  it('measures night time over several days', () => {
    // 3 full days from 08:00: 3 × 11 hours at night
    expect(nightOverlapMs(sh('2024-05-10 08:00'), sh('2024-05-13 08:00'))).toBe(3 * 11 * 3_600_000);
    expect(nightOverlapMs(sh('2024-05-10 06:00'), sh('2024-05-10 06:30'))).toBe(30 * 60_000);
    expect(nightOverlapMs(sh('2024-05-10 07:00'), sh('2024-05-10 20:00'))).toBe(0);
  });
});

describe('the same-day surcharge', () => {
  it('applies when the service starts on the Shanghai calendar day of the quote', () => {
    const q = calculateQuote(request({ now: sh('2024-05-10 07:30') }), [sameDay]);
    expect(q.lines[1]).toMatchObject({ kind: 'surcharge', code: 'same_day', amountFen: 2985, detail: '服务费 ¥199.00 × 15%' });
    expect(q.totalFen).toBe(22885);
  });

  it('does not apply to a service booked the day before', () => {
    expect(calculateQuote(request({ now: sh('2024-05-09 23:59') }), [sameDay]).lines).toHaveLength(1);
  });

  it('compares Shanghai days: 00:30 Shanghai is still the previous day in UTC but the same day here', () => {
    const q = calculateQuote(request({ now: sh('2024-05-10 00:30') }), [sameDay]);
    expect(q.lines).toHaveLength(2);
  });

  it('applies within N hours of the start when so configured, even across midnight', () => {
    const within = rule({ type: 'same_day', code: 'urgent', amountType: 'fen', amount: 3000, params: { withinHours: 12 } });
    expect(calculateQuote(request({ now: sh('2024-05-09 22:00') }), [within]).lines[1]).toMatchObject({ amountFen: 3000 });
    expect(calculateQuote(request({ now: sh('2024-05-09 20:59') }), [within]).lines).toHaveLength(1);
  });

  it('never applies when it has neither a day nor an hour condition', () => {
    const empty = rule({ type: 'same_day', params: {} });
    expect(calculateQuote(request({ now: sh('2024-05-10 08:00') }), [empty]).lines).toHaveLength(1);
  });
});

describe('the first-order discount', () => {
  it('takes its fixed amount off a first order only', () => {
    const q = calculateQuote(request({ firstOrder: true }), [firstOrder]);
    expect(q.lines[1]).toEqual({ kind: 'discount', code: 'first_order', label: '首单立减', amountFen: -2000, detail: '每单 ¥20.00' });
    expect(q.totalFen).toBe(17900);
    expect(calculateQuote(request({ firstOrder: false }), [firstOrder]).totalFen).toBe(19900);
  });

  it('never takes the total below zero, and says so', () => {
    const q = calculateQuote(request({ firstOrder: true, item: item({ unitPriceFen: 1500 }) }), [firstOrder]);
    expect(q.lines[1]).toMatchObject({ amountFen: -1500, detail: '每单 ¥20.00，以订单剩余金额为限' });
    expect(q.totalFen).toBe(0);
  });
});

describe('the member price', () => {
  it('takes its percentage off for members only', () => {
    const q = calculateQuote(request({ member: true }), [member]);
    // 19900 × 5% = 995
    expect(q.lines[1]).toEqual({ kind: 'discount', code: 'member', label: '会员价', amountFen: -995, detail: '小计 ¥199.00 × 5%' });
    expect(q.totalFen).toBe(18905);
    expect(calculateQuote(request({ member: false }), [member]).totalFen).toBe(19900);
  });

  it('rounds half a fen of discount up, in the customer’s favour', () => {
    // 19910 × 5% = 995.5 → 996
    expect(calculateQuote(request({ member: true, item: item({ unitPriceFen: 19910 }) }), [member]).lines[1].amountFen).toBe(-996);
  });
});

describe('rules together', () => {
  const all = [grade3A, night, sameDay, firstOrder, member];

  it('add surcharges on the base, then take percentages off the subtotal, then fixed amounts', () => {
    const q = calculateQuote(
      request({
        hospitalGrade: '三甲',
        firstOrder: true,
        member: true,
        startAt: sh('2024-05-10 18:00'),
        endAt: sh('2024-05-10 22:00'),
        now: sh('2024-05-10 08:00'),
      }),
      all
    );
    // base 19900; 三甲 1990; night 1990; same day 2985 → subtotal 26865; member 5% = 1343.25 → 1343; first order 2000
    expect(q.lines.map(l => [l.kind, l.code, l.amountFen])).toEqual([
      ['base', 'OPD-HALF', 19900],
      ['surcharge', 'grade_3a', 1990],
      ['surcharge', 'night', 1990],
      ['surcharge', 'same_day', 2985],
      ['discount', 'member', -1343],
      ['discount', 'first_order', -2000],
    ]);
    expect(q.totalFen).toBe(23522);
    expect(q.totalFen).toBe(sumOf(q));
  });

  it('compute two percentage discounts from the same subtotal rather than compounding', () => {
    const promo = rule({ type: 'member', code: 'promo', kind: 'discount', amount: 1000 });
    const q = calculateQuote(request({ member: true }), [member, promo]);
    expect(q.lines.slice(1).map(l => l.amountFen)).toEqual([-995, -1990]);
  });

  it('stop at zero when discounts exceed the price, and the lines still add up', () => {
    const huge = rule({ type: 'first_order', code: 'huge', kind: 'discount', amountType: 'fen', amount: 50_000 });
    const q = calculateQuote(request({ firstOrder: true, member: true }), [member, huge, firstOrder]);
    expect(q.totalFen).toBe(0);
    expect(sumOf(q)).toBe(0);
    // member -995, first order -2000 (older rule first), then the huge one only takes what is left
    expect(q.lines.map(l => l.amountFen)).toEqual([19900, -995, -2000, -16905]);
    const again = calculateQuote(request({ firstOrder: true, member: true }), [{ ...huge, sortOrder: -1 }, firstOrder]);
    // applied first, the huge discount takes everything and the next one has nothing left, so no line
    expect(again.lines.map(l => l.amountFen)).toEqual([19900, -19900]);
  });

  it('can give a discount of the whole price', () => {
    const free = rule({ type: 'member', kind: 'discount', amount: 10_000 });
    expect(calculateQuote(request({ member: true }), [free]).totalFen).toBe(0);
  });

  it('apply in sortOrder within each step', () => {
    const a = rule({ type: 'hospital_grade', code: 'a', sortOrder: 2, params: { grades: ['三甲'] } });
    const b = rule({ type: 'hospital_grade', code: 'b', sortOrder: 1, params: { grades: ['三甲'] } });
    expect(calculateQuote(request({ hospitalGrade: '三甲' }), [a, b]).lines.map(l => l.code)).toEqual(['OPD-HALF', 'b', 'a']);
  });

  it('keep every total a non-negative integer sum of its lines over many combinations', () => {
    const prices = [0, 1, 99, 19900, 35999];
    for (const unitPriceFen of prices) {
      for (const flags of [0, 1, 2, 3]) {
        const q = calculateQuote(
          request({ item: item({ unitPriceFen }), hospitalGrade: '三甲', firstOrder: (flags & 1) === 1, member: (flags & 2) === 2, startAt: sh('2024-05-10 19:00'), endAt: sh('2024-05-10 21:30'), now: sh('2024-05-10 08:00') }),
          all
        );
        expect(Number.isSafeInteger(q.totalFen)).toBe(true);
        expect(q.totalFen).toBeGreaterThanOrEqual(0);
        expect(q.totalFen).toBe(sumOf(q));
        q.lines.forEach(l => expect(Number.isSafeInteger(l.amountFen)).toBe(true));
      }
    }
  });
});

describe('which rules count', () => {
  it('skip disabled rules', () => {
    expect(calculateQuote(request({ hospitalGrade: '三甲' }), [{ ...grade3A, enabled: false }]).lines).toHaveLength(1);
  });

  it('skip rules of another city and keep all-city rules', () => {
    const otherCity = { ...grade3A, code: 'bj', cityId: 2 };
    const q = calculateQuote(request({ hospitalGrade: '三甲' }), [grade3A, otherCity]);
    expect(q.lines.map(l => l.code)).toEqual(['OPD-HALF', 'grade_3a']);
  });

  it('let a city’s own rule replace the all-cities rule with the same code', () => {
    const city = { ...grade3A, id: 900, cityId: 1, amount: 2000 };
    expect(calculateQuote(request({ hospitalGrade: '三甲' }), [grade3A, city]).lines[1].amountFen).toBe(3980);
    expect(calculateQuote(request({ hospitalGrade: '三甲' }), [city, grade3A]).lines[1].amountFen).toBe(3980);
  });

  it('let a city switch an all-cities rule off with its own disabled rule', () => {
    const off = { ...grade3A, id: 901, cityId: 1, enabled: false };
    expect(effectiveRules([grade3A, off], { cityId: 1, categoryCode: 'outpatient' })).toEqual([]);
    expect(effectiveRules([grade3A, off], { cityId: 2, categoryCode: 'outpatient' })).toEqual([grade3A]);
  });

  it('skip rules limited to other categories', () => {
    const careOnly = { ...night, categoryCodes: ['outpatient', 'examination'] };
    const careItem = item({ categoryCode: 'inpatient_care', pricingUnit: 'day', maxDurationMinutes: 1440 * 30 });
    expect(calculateQuote(request({ item: careItem, startAt: sh('2024-05-10 08:00'), endAt: sh('2024-05-11 08:00') }), [careOnly]).lines).toHaveLength(1);
    expect(calculateQuote(request({ startAt: sh('2024-05-10 19:00'), endAt: sh('2024-05-10 21:00') }), [careOnly]).lines).toHaveLength(2);
  });
});

describe('invalid input', () => {
  it.each([
    ['an end before the start', { startAt: sh('2024-05-10 10:00'), endAt: sh('2024-05-10 09:00') }, 'INVALID_TIME_RANGE'],
    ['an end equal to the start', { startAt: sh('2024-05-10 10:00'), endAt: sh('2024-05-10 10:00') }, 'INVALID_TIME_RANGE'],
    ['an invalid date', { startAt: new Date('nope') }, 'INVALID_TIME_RANGE'],
    ['an invalid now', { now: new Date(Number.NaN) }, 'INVALID_TIME_RANGE'],
    ['a duration below the item minimum', { startAt: sh('2024-05-10 09:00'), endAt: sh('2024-05-10 09:30') }, 'DURATION_OUT_OF_RANGE'],
    ['a duration above the item maximum', { startAt: sh('2024-05-10 09:00'), endAt: sh('2024-05-10 18:00') }, 'DURATION_OUT_OF_RANGE'],
    ['a fractional unit price', { item: item({ unitPriceFen: 199.5 }) }, 'INVALID_QUOTE_INPUT'],
    ['a negative unit price', { item: item({ unitPriceFen: -1 }) }, 'INVALID_QUOTE_INPUT'],
    ['an unknown pricing unit', { item: item({ pricingUnit: 'week' as never }) }, 'INVALID_QUOTE_INPUT'],
    ['a minimum above the maximum', { item: item({ minDurationMinutes: 600, maxDurationMinutes: 300 }) }, 'INVALID_QUOTE_INPUT'],
  ])('throws for %s', (_why, overrides, code) => {
    expect(() => calculateQuote(request(overrides as Partial<QuoteRequest>), [])).toThrow(PricingError);
    try {
      calculateQuote(request(overrides as Partial<QuoteRequest>), []);
    } catch (err) {
      expect((err as PricingError).code).toBe(code);
    }
  });

  it.each([
    ['a negative amount', { amount: -100 }],
    ['a fractional amount', { amount: 10.5 }],
    ['a discount of more than 100%', { kind: 'discount' as const, amount: 10_001 }],
    ['a surcharge of more than 300%', { amount: 30_001 }],
    ['an unknown type', { type: 'weekend' as never }],
    ['an unknown amount type', { amountType: 'yuan' as never }],
  ])('throws for a rule with %s', (_why, overrides) => {
    expect(() => calculateQuote(request(), [{ ...grade3A, ...overrides }])).toThrow(/价格规则/);
  });

  it('throws for a night rule with a malformed or empty window', () => {
    expect(() => calculateQuote(request(), [{ ...night, params: { startTime: '25:00', endTime: '07:00' } }])).toThrow(PricingError);
    expect(() => calculateQuote(request(), [{ ...night, params: { startTime: '20:00', endTime: '20:00' } }])).toThrow(PricingError);
  });
});

describe('percent labels', () => {
  it.each([
    [1000, '10%'],
    [1550, '15.5%'],
    [25, '0.25%'],
    [10_000, '100%'],
  ])('show %i bp as %s', (bp, text) => {
    expect(formatPercent(bp)).toBe(text);
  });
});
