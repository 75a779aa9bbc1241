import { distanceMeters, rankCandidates, rankTop, scoreParts, scoreTotal, SCORE_WEIGHTS, type CandidateFacts, type RankingContext } from './ranking';
import type { AvailabilityResult } from './availability';

const free: AvailabilityResult = { available: true, overridable: false, reasons: [], missingQualifications: [] };
const offShift: AvailabilityResult = { available: false, overridable: true, reasons: ['outside_shift'], missingQualifications: [] };
const onLeave: AvailabilityResult = { available: false, overridable: false, reasons: ['on_leave'], missingQualifications: [] };

const ctx: RankingContext = { categoryCode: 'outpatient', requiredQualifications: ['basic_escort'] };

function facts(escortId: number, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    escortId,
    availability: free,
    distanceMeters: 5_000,
    skills: ['outpatient'],
    validQualifications: ['basic_escort'],
    ratingAverage: 4.5,
    ratingCount: 10,
    todayLoad: 0,
    servedCustomerBefore: false,
    ...overrides,
  };
}

describe('distanceMeters', () => {
  it('is zero for the same point', () => {
    expect(distanceMeters(31_197_845, 121_438_526, 31_197_845, 121_438_526)).toBe(0);
  });
  it('measures about 111 km per degree of latitude', () => {
    expect(distanceMeters(31_000_000, 121_000_000, 32_000_000, 121_000_000)).toBeGreaterThan(111_000);
    expect(distanceMeters(31_000_000, 121_000_000, 32_000_000, 121_000_000)).toBeLessThan(111_400);
  });
  it('measures a short hop across Shanghai (about 2.6 km)', () => {
    // 瑞金医院 (31.2125, 121.4707) to 中山医院 (31.1981, 121.4489): about 2.6 km
    const d = distanceMeters(31_212_500, 121_470_700, 31_198_100, 121_448_900);
    expect(d).toBeGreaterThan(2_500);
    expect(d).toBeLessThan(2_800);
  });
});

describe('scoreParts', () => {
  it('gives every part its full weight to an ideal candidate at the door', () => {
    expect(scoreParts(facts(1, { distanceMeters: 0, ratingAverage: 5, ratingCount: 1000, servedCustomerBefore: true }), ctx)).toEqual({
      availability: SCORE_WEIGHTS.availability,
      distance: SCORE_WEIGHTS.distance,
      skills: SCORE_WEIGHTS.skills,
      credentials: SCORE_WEIGHTS.credentials,
      rating: SCORE_WEIGHTS.rating,
      load: SCORE_WEIGHTS.load,
      familiarity: SCORE_WEIGHTS.familiarity,
    });
  });
  it.each([
    ['at the door', 0, 25],
    ['10 km away', 10_000, 13],
    ['20 km away', 20_000, 0],
    ['50 km away', 50_000, 0],
    ['at an unknown distance', null, SCORE_WEIGHTS.distanceUnknown],
  ])('scores distance %s', (_label, meters, points) => {
    expect(scoreParts(facts(1, { distanceMeters: meters }), ctx).distance).toBe(points);
  });
  it.each([
    ['no reviews yet (the prior alone)', null, 0, 15],
    ['a single 1-star review (pulled toward the prior)', 1, 1, 9],
    ['many 3-star reviews', 3, 1000, 0],
    ['many 5-star reviews', 5, 1000, 20],
  ])('scores rating with %s', (_label, average, count, points) => {
    expect(scoreParts(facts(1, { ratingAverage: average, ratingCount: count }), ctx).rating).toBe(points);
  });
  it.each([
    [0, 10],
    [1, 7],
    [3, 1],
    [4, 0],
    [9, 0],
  ])('scores a load of %i orders that day as %i', (load, points) => {
    expect(scoreParts(facts(1, { todayLoad: load }), ctx).load).toBe(points);
  });
  it('scores skills only when the category is among them, and credentials only when all required are held', () => {
    expect(scoreParts(facts(1, { skills: ['errand'] }), ctx).skills).toBe(0);
    expect(scoreParts(facts(1, { validQualifications: [] }), ctx).credentials).toBe(0);
    expect(scoreParts(facts(1, { validQualifications: [] }), { ...ctx, requiredQualifications: [] }).credentials).toBe(SCORE_WEIGHTS.credentials);
  });
  it('gives no availability points to an unavailable escort', () => {
    expect(scoreParts(facts(1, { availability: onLeave }), ctx).availability).toBe(0);
  });
});

describe('rankCandidates', () => {
  it('puts available escorts first, then those a dispatcher could override, then the rest, whatever their scores', () => {
    const ranked = rankCandidates(
      [
        facts(1, { availability: onLeave, distanceMeters: 0, servedCustomerBefore: true }),
        facts(2, { availability: offShift, distanceMeters: 0 }),
        facts(3, { distanceMeters: 19_000, ratingCount: 0 }),
      ],
      ctx
    );
    expect(ranked.map(r => [r.facts.escortId, r.tier])).toEqual([
      [3, 'available'],
      [2, 'overridable'],
      [1, 'unavailable'],
    ]);
  });
  it('orders by total score within a tier, and the total is the sum of the parts', () => {
    const ranked = rankCandidates([facts(1, { todayLoad: 3 }), facts(2, { servedCustomerBefore: true }), facts(3)], ctx);
    expect(ranked.map(r => r.facts.escortId)).toEqual([2, 3, 1]);
    for (const r of ranked) expect(r.score).toBe(Object.values(r.parts).reduce((a, b) => a + b, 0));
  });
  it('breaks equal scores by distance, then by id, so the order is stable', () => {
    const ranked = rankCandidates([facts(9, { distanceMeters: 5_010 }), facts(7), facts(5)], ctx);
    expect(ranked.map(r => r.facts.escortId)).toEqual([5, 7, 9]);
  });
  it('prefers the customer’s previous escort over a slightly closer stranger', () => {
    const ranked = rankCandidates([facts(1, { distanceMeters: 2_000 }), facts(2, { distanceMeters: 6_000, servedCustomerBefore: true })], ctx);
    expect(ranked[0].facts.escortId).toBe(2);
  });
  it('does not change the input', () => {
    const input = [facts(2), facts(1)];
    rankCandidates(input, ctx);
    expect(input.map(f => f.escortId)).toEqual([2, 1]);
  });
});

describe('rankTop', () => {
  /** A deterministic spread of candidates with many ties. */
  function spread(n: number, seed: number): CandidateFacts[] {
    let x = seed;
    const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tiers = [free, offShift, onLeave];
    return Array.from({ length: n }, (_, i) =>
      facts(i + 1, {
        availability: tiers[Math.floor(rand() * 3)],
        distanceMeters: rand() < 0.2 ? null : Math.floor(rand() * 4) * 5_000,
        skills: rand() < 0.5 ? ['outpatient'] : [],
        ratingCount: Math.floor(rand() * 3),
        todayLoad: Math.floor(rand() * 3),
        servedCustomerBefore: rand() < 0.1,
      })
    );
  }

  it.each([
    [1, 0],
    [5, 1],
    [20, 2],
    [300, 3],
  ])('gives the same first %i as sorting everything, with the tier counts (seed %i)', (limit, seed) => {
    const all = spread(500, seed + 7);
    const full = rankCandidates(all, ctx);
    const { top, counts } = rankTop(all, ctx, limit);
    expect(top.map(r => [r.facts.escortId, r.score, r.tier])).toEqual(full.slice(0, limit).map(r => [r.facts.escortId, r.score, r.tier]));
    expect(top.map(r => r.parts)).toEqual(full.slice(0, limit).map(r => r.parts));
    expect(counts).toEqual({
      available: full.filter(r => r.tier === 'available').length,
      overridable: full.filter(r => r.tier === 'overridable').length,
      unavailable: full.filter(r => r.tier === 'unavailable').length,
    });
  });

  it('sums the same total as the parts', () => {
    for (const c of spread(200, 11)) expect(scoreTotal(c, ctx)).toBe(Object.values(scoreParts(c, ctx)).reduce((a, b) => a + b, 0));
  });

  it('counts every tier even when asked for none', () => {
    expect(rankTop([facts(1), facts(2, { availability: onLeave })], ctx, 0)).toEqual({ top: [], counts: { available: 1, overridable: 0, unavailable: 1 } });
  });
});
