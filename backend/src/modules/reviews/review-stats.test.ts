import { escortDelta, hospitalDelta, hospitalOverall, isLowScore, monthlyTrend, performanceScore, summarise } from './review-stats';

const five = { overall: 5, attitude: 5, professionalism: 5, communication: 5, punctuality: 5 };
const bad = { overall: 2, attitude: 1, professionalism: 3, communication: 2, punctuality: 1 };

const add = (...ds: ReturnType<typeof escortDelta>[]) =>
  ds.reduce((acc, d) => Object.fromEntries(Object.keys(acc).map(k => [k, (acc as any)[k] + (d as any)[k]])) as any);

describe('review statistics', () => {
  it('averages each dimension and counts good and bad reviews', () => {
    const s = summarise(add(escortDelta(five), escortDelta(five), escortDelta(bad)));
    expect(s).toMatchObject({ reviewCount: 3, overall: 4, attitude: 3.67, punctuality: 3.67, goodRate: 66.7, badRate: 33.3 });
  });

  it('takes a hidden review back out exactly', () => {
    const s = summarise(add(escortDelta(five), escortDelta(bad), escortDelta(bad, -1)));
    expect(s).toMatchObject({ reviewCount: 1, overall: 5, badRate: 0, goodRate: 100 });
  });

  it('has no averages without reviews', () => {
    expect(summarise(null)).toMatchObject({ reviewCount: 0, overall: null, goodRate: null });
  });

  it('rates a hospital by the mean of cleanliness, staff attitude and signage', () => {
    expect(hospitalOverall({ cleanliness: 5, staffAttitude: 4, signage: 3 })).toBe(4);
    const s = summarise(hospitalDelta({ cleanliness: 5, staffAttitude: 4, signage: 3 }));
    expect(s).toMatchObject({ reviewCount: 1, cleanliness: 5, staffAttitude: 4, signage: 3, overall: 4, goodRate: 100 });
  });

  it('calls a review low when the overall or any dimension is at or below the threshold', () => {
    expect(isLowScore(five, 2)).toBe(false);
    expect(isLowScore({ ...five, punctuality: 2 }, 2)).toBe(true);
    expect(isLowScore({ ...five, overall: 3 }, 2)).toBe(false);
  });

  it('groups the trend by Shanghai month', () => {
    const trend = monthlyTrend([
      { overall: 5, createdAt: new Date('2025-01-31T17:00:00Z') }, // 2025-02-01 in Shanghai
      { overall: 3, createdAt: new Date('2025-02-10T00:00:00Z') },
      { overall: 4, createdAt: new Date('2025-01-15T00:00:00Z') },
    ]);
    expect(trend).toEqual([
      { month: '2025-01', reviewCount: 1, overall: 4 },
      { month: '2025-02', reviewCount: 2, overall: 4 },
    ]);
  });

  it('ranks by rating and takes points off for complaints, lateness and declines per order', () => {
    const summary = summarise(add(escortDelta(five), escortDelta(five), escortDelta(five)));
    expect(performanceScore({ ordersServed: 10, summary, complaints: 0, late: 0, declined: 0 }, 10)).toBe(100);
    expect(performanceScore({ ordersServed: 10, summary, complaints: 1, late: 2, declined: 0 }, 10)).toBe(98);
    // Too few reviews: a neutral four stars.
    expect(performanceScore({ ordersServed: 1, summary: summarise(escortDelta(bad)), complaints: 0, late: 0, declined: 0 }, 1)).toBe(80);
  });
});
