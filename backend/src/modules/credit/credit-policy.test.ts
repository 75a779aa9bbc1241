import { bookingPolicy, bookingRefusal, clampScore, depositFor, maxOpenOrdersFor, restrictionText } from './credit-policy';

const TIERS = [
  { below: 60, maxOpenOrders: 0 },
  { below: 80, maxOpenOrders: 1 },
];

describe('credit policy', () => {
  it('keeps a score between 0 and the best score', () => {
    expect(clampScore(105, 100)).toBe(100);
    expect(clampScore(-3, 100)).toBe(0);
    expect(clampScore(75, 100)).toBe(75);
  });

  it('applies the strictest tier the score falls under, whatever order the tiers are listed in', () => {
    expect(maxOpenOrdersFor(100, TIERS)).toBeNull();
    expect(maxOpenOrdersFor(80, TIERS)).toBeNull();
    expect(maxOpenOrdersFor(79, TIERS)).toBe(1);
    expect(maxOpenOrdersFor(59, TIERS)).toBe(0);
    expect(maxOpenOrdersFor(59, [...TIERS].reverse())).toBe(0);
    expect(maxOpenOrdersFor(10, [])).toBeNull();
  });

  it('lets a customer in good standing book any number of orders', () => {
    expect(bookingRefusal(bookingPolicy(100, 'normal', TIERS), 12)).toBeNull();
    expect(bookingRefusal(bookingPolicy(100, 'warned', TIERS), 12)).toBeNull();
  });

  it('limits a low score to one open order and says so', () => {
    const policy = bookingPolicy(75, 'normal', TIERS);
    expect(bookingRefusal(policy, 0)).toBeNull();
    expect(bookingRefusal(policy, 1)).toMatchObject({ code: 'CREDIT_OPEN_ORDER_LIMIT' });
    expect(bookingRefusal(policy, 1)?.message).toContain('最多可有 1 个');
    expect(restrictionText(policy)).toBe('同时最多 1 个进行中的订单');
  });

  it('refuses a very low score and a suspended account outright', () => {
    expect(bookingRefusal(bookingPolicy(50, 'normal', TIERS), 0)).toMatchObject({ code: 'CREDIT_SCORE_TOO_LOW' });
    expect(bookingRefusal(bookingPolicy(100, 'suspended', TIERS), 0)).toMatchObject({ code: 'CREDIT_ACCOUNT_SUSPENDED' });
    expect(restrictionText(bookingPolicy(100, 'suspended', TIERS))).toBe('账号已被限制预约');
  });

  it('adds a deposit tier: the strictest limit and the largest deposit of every tier the score falls under', () => {
    const tiers = [...TIERS, { below: 90, maxOpenOrders: null, depositFen: 5000 }, { below: 70, maxOpenOrders: null, depositFen: 8000 }];
    expect(bookingPolicy(95, 'normal', tiers)).toMatchObject({ maxOpenOrders: null, depositFen: 0 });
    expect(bookingPolicy(85, 'normal', tiers)).toMatchObject({ maxOpenOrders: null, depositFen: 5000 });
    expect(bookingPolicy(75, 'normal', tiers)).toMatchObject({ maxOpenOrders: 1, depositFen: 5000 });
    expect(bookingPolicy(65, 'normal', tiers)).toMatchObject({ maxOpenOrders: 1, depositFen: 8000 });
    expect(depositFor(65, TIERS)).toBe(0);
    expect(restrictionText(bookingPolicy(85, 'normal', tiers))).toBe('下单需支付押金 ¥50.00（服务完成后退还）');
    expect(restrictionText(bookingPolicy(75, 'normal', tiers))).toBe('同时最多 1 个进行中的订单；下单需支付押金 ¥50.00（服务完成后退还）');
    expect(bookingRefusal(bookingPolicy(85, 'normal', tiers), 9)).toBeNull();
  });
});
