/**
 * Ranking escorts for an order: a pure function of facts, with every part of the score returned so
 * the dispatcher sees why one escort is above another. Weights live here, in one table; changing
 * them changes this file's tests, nothing else.
 *
 * Order of the list: available escorts first, then those only a dispatcher override would allow
 * (outside their shift, tight travel time), then the rest; within each group by total score, then
 * by distance, then by id so equal candidates always come out in the same order.
 */
import type { AvailabilityResult } from './availability';

export const SCORE_WEIGHTS = {
  /** Free, in shift, qualified. */
  availability: 30,
  /** Full at the hospital's door, falling linearly to 0 at `distanceZeroKm`. */
  distance: 25,
  distanceZeroKm: 20,
  /** Points when the position is unknown (no base location or hospital coordinates). */
  distanceUnknown: 5,
  /** The escort lists the service's category among their skills. */
  skills: 15,
  /** Holds a valid credential for every required qualification. */
  credentials: 10,
  /** Bayesian rating: 3 stars or less 0, 5 stars full; `ratingPriorCount` reviews at `ratingPrior` are mixed in. */
  rating: 20,
  ratingPrior: 4.5,
  ratingPriorCount: 5,
  /** Full with nothing else that day, minus `loadStep` per order already held. */
  load: 10,
  loadStep: 3,
  /** Served this customer before (continuity for older patients). */
  familiarity: 10,
} as const;

export interface CandidateFacts {
  escortId: number;
  availability: AvailabilityResult;
  /** Metres from the escort's base to the hospital; null when either position is unknown. */
  distanceMeters: number | null;
  skills: readonly string[];
  /** Qualification codes the escort holds valid for the slot. */
  validQualifications: readonly string[];
  ratingAverage: number | null;
  ratingCount: number;
  /** Orders the escort already holds that Shanghai day. */
  todayLoad: number;
  /** Completed or current orders with this customer before. */
  servedCustomerBefore: boolean;
}

export interface RankingContext {
  categoryCode: string;
  requiredQualifications: readonly string[];
}

export interface ScoreParts {
  availability: number;
  distance: number;
  skills: number;
  credentials: number;
  rating: number;
  load: number;
  familiarity: number;
}

export type CandidateTier = 'available' | 'overridable' | 'unavailable';

export interface RankedCandidate<T extends CandidateFacts = CandidateFacts> {
  facts: T;
  tier: CandidateTier;
  score: number;
  parts: ScoreParts;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Great-circle distance in metres between two points given in micro-degrees (haversine). */
export function distanceMeters(aLatE6: number, aLngE6: number, bLatE6: number, bLngE6: number): number {
  const rad = (e6: number) => (e6 / 1e6) * (Math.PI / 180);
  const dLat = rad(bLatE6 - aLatE6);
  const dLng = rad(bLngE6 - aLngE6);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(aLatE6)) * Math.cos(rad(bLatE6)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** Each part of the score on its own, so the total can be summed without building the parts object. */
const PART = {
  availability: (c: CandidateFacts) => (c.availability.available ? SCORE_WEIGHTS.availability : 0),
  distance: (c: CandidateFacts) =>
    c.distanceMeters === null
      ? SCORE_WEIGHTS.distanceUnknown
      : Math.round(SCORE_WEIGHTS.distance * clamp01(1 - c.distanceMeters / (SCORE_WEIGHTS.distanceZeroKm * 1000))),
  skills: (c: CandidateFacts, ctx: RankingContext) => (c.skills.includes(ctx.categoryCode) ? SCORE_WEIGHTS.skills : 0),
  credentials: (c: CandidateFacts, ctx: RankingContext) => (ctx.requiredQualifications.every(q => c.validQualifications.includes(q)) ? SCORE_WEIGHTS.credentials : 0),
  rating: (c: CandidateFacts) => {
    const w = SCORE_WEIGHTS;
    const mean = (w.ratingPrior * w.ratingPriorCount + (c.ratingAverage ?? w.ratingPrior) * c.ratingCount) / (w.ratingPriorCount + c.ratingCount);
    return Math.round(w.rating * clamp01((mean - 3) / 2));
  },
  load: (c: CandidateFacts) => Math.max(0, SCORE_WEIGHTS.load - SCORE_WEIGHTS.loadStep * c.todayLoad),
  familiarity: (c: CandidateFacts) => (c.servedCustomerBefore ? SCORE_WEIGHTS.familiarity : 0),
};

export function scoreParts(c: CandidateFacts, ctx: RankingContext): ScoreParts {
  return {
    availability: PART.availability(c),
    distance: PART.distance(c),
    skills: PART.skills(c, ctx),
    credentials: PART.credentials(c, ctx),
    rating: PART.rating(c),
    load: PART.load(c),
    familiarity: PART.familiarity(c),
  };
}

/** The sum of scoreParts, without allocating them. */
export function scoreTotal(c: CandidateFacts, ctx: RankingContext): number {
  return PART.availability(c) + PART.distance(c) + PART.skills(c, ctx) + PART.credentials(c, ctx) + PART.rating(c) + PART.load(c) + PART.familiarity(c);
}

const TIER_ORDER: Record<CandidateTier, number> = { available: 0, overridable: 1, unavailable: 2 };

export function tierOf(a: AvailabilityResult): CandidateTier {
  return a.available ? 'available' : a.overridable ? 'overridable' : 'unavailable';
}

/** The list's order: tier, then score (higher first), then distance (unknown last), then id. */
function compareKeys(tierA: number, scoreA: number, distA: number, idA: number, tierB: number, scoreB: number, distB: number, idB: number): number {
  return tierA - tierB || scoreB - scoreA || distA - distB || idA - idB;
}
const distKey = (c: CandidateFacts) => c.distanceMeters ?? Number.MAX_SAFE_INTEGER;

/** Scores and sorts every candidate; the input is not changed. */
export function rankCandidates<T extends CandidateFacts>(candidates: readonly T[], ctx: RankingContext): RankedCandidate<T>[] {
  const ranked = candidates.map(facts => {
    const parts = scoreParts(facts, ctx);
    const score = Object.values(parts).reduce((sum, p) => sum + p, 0);
    return { facts, tier: tierOf(facts.availability), score, parts };
  });
  return ranked.sort((a, b) =>
    compareKeys(TIER_ORDER[a.tier], a.score, distKey(a.facts), a.facts.escortId, TIER_ORDER[b.tier], b.score, distKey(b.facts), b.facts.escortId)
  );
}

/**
 * Keeps the best `limit` candidates in rankCandidates' order as they are offered one by one, and
 * counts every tier. The caller may ask `wants(tier)` first and skip building a candidate that
 * could not make the list (counting it with `skip`), which is what lets dispatch rank thousands
 * of escorts while fully scoring only the contenders.
 */
export class TopCandidates<T extends CandidateFacts> {
  readonly counts: Record<CandidateTier, number> = { available: 0, overridable: 0, unavailable: 0 };
  private readonly best: Array<{ c: T; tier: number; score: number; dist: number }> = [];

  constructor(
    private readonly ctx: RankingContext,
    private readonly limit: number
  ) {}

  /** False when the list is full of candidates from a better tier than this one. */
  wants(tier: CandidateTier): boolean {
    if (this.limit <= 0) return false;
    return this.best.length < this.limit || TIER_ORDER[tier] <= this.best[this.best.length - 1].tier;
  }

  skip(tier: CandidateTier): void {
    this.counts[tier]++;
  }

  offer(c: T): void {
    const tierName = tierOf(c.availability);
    this.counts[tierName]++;
    if (!this.wants(tierName)) return;
    const tier = TIER_ORDER[tierName];
    const score = scoreTotal(c, this.ctx);
    const dist = distKey(c);
    const best = this.best;
    const worst = best[best.length - 1];
    if (best.length === this.limit && compareKeys(tier, score, dist, c.escortId, worst.tier, worst.score, worst.dist, worst.c.escortId) >= 0) return;
    let at = best.length;
    while (at > 0 && compareKeys(tier, score, dist, c.escortId, best[at - 1].tier, best[at - 1].score, best[at - 1].dist, best[at - 1].c.escortId) < 0) at--;
    best.splice(at, 0, { c, tier, score, dist });
    if (best.length > this.limit) best.pop();
  }

  result(): { top: RankedCandidate<T>[]; counts: Record<CandidateTier, number> } {
    return {
      top: this.best.map(b => ({ facts: b.c, tier: tierOf(b.c.availability), score: b.score, parts: scoreParts(b.c, this.ctx) })),
      counts: { ...this.counts },
    };
  }
}

/**
 * The first `limit` of `rankCandidates(candidates)` and how many fall in each tier, without
 * sorting or scoring in detail the thousands below the cut. Same order and ties as rankCandidates.
 */
export function rankTop<T extends CandidateFacts>(candidates: readonly T[], ctx: RankingContext, limit: number): { top: RankedCandidate<T>[]; counts: Record<CandidateTier, number> } {
  const top = new TopCandidates<T>(ctx, limit);
  for (const c of candidates) top.offer(c);
  return top.result();
}
