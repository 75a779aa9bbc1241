/**
 * Pure review arithmetic: what one review adds to the running sums, averages and rates from them,
 * the monthly trend, when a review is low enough to open a follow-up, and the performance ranking.
 */

export interface EscortRatings {
  overall: number;
  attitude: number;
  professionalism: number;
  communication: number;
  punctuality: number;
}

export interface HospitalRatings {
  cleanliness: number;
  staffAttitude: number;
  signage: number;
}

export interface StatSums {
  reviewCount: number;
  goodCount: number;
  badCount: number;
  overallSum: number;
  attitudeSum: number;
  professionalismSum: number;
  communicationSum: number;
  punctualitySum: number;
  cleanlinessSum: number;
  staffAttitudeSum: number;
  signageSum: number;
}

export const GOOD_AT_LEAST = 4;
export const BAD_AT_MOST = 2;

const ZERO: StatSums = {
  reviewCount: 0,
  goodCount: 0,
  badCount: 0,
  overallSum: 0,
  attitudeSum: 0,
  professionalismSum: 0,
  communicationSum: 0,
  punctualitySum: 0,
  cleanlinessSum: 0,
  staffAttitudeSum: 0,
  signageSum: 0,
};

/** What one review adds to its escort's sums (sign -1 takes it away again when it is hidden). */
export function escortDelta(r: EscortRatings, sign: 1 | -1 = 1): StatSums {
  return {
    ...ZERO,
    reviewCount: sign,
    goodCount: r.overall >= GOOD_AT_LEAST ? sign : 0,
    badCount: r.overall <= BAD_AT_MOST ? sign : 0,
    overallSum: sign * r.overall,
    attitudeSum: sign * r.attitude,
    professionalismSum: sign * r.professionalism,
    communicationSum: sign * r.communication,
    punctualitySum: sign * r.punctuality,
  };
}

/** A hospital's overall for one review: the rounded mean of its three ratings. */
export function hospitalOverall(h: HospitalRatings): number {
  return Math.round((h.cleanliness + h.staffAttitude + h.signage) / 3);
}

export function hospitalDelta(h: HospitalRatings, sign: 1 | -1 = 1): StatSums {
  const overall = hospitalOverall(h);
  return {
    ...ZERO,
    reviewCount: sign,
    goodCount: overall >= GOOD_AT_LEAST ? sign : 0,
    badCount: overall <= BAD_AT_MOST ? sign : 0,
    overallSum: sign * overall,
    cleanlinessSum: sign * h.cleanliness,
    staffAttitudeSum: sign * h.staffAttitude,
    signageSum: sign * h.signage,
  };
}

const avg = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
const rate = (k: number, n: number) => (n > 0 ? Math.round((k / n) * 1000) / 10 : null);

export interface StatSummary {
  reviewCount: number;
  /** Averages to two decimals; null without reviews. */
  overall: number | null;
  attitude: number | null;
  professionalism: number | null;
  communication: number | null;
  punctuality: number | null;
  cleanliness: number | null;
  staffAttitude: number | null;
  signage: number | null;
  /** Percent to one decimal. */
  goodRate: number | null;
  badRate: number | null;
}

export function summarise(s: StatSums | null | undefined): StatSummary {
  const x = s ?? ZERO;
  const n = x.reviewCount;
  return {
    reviewCount: n,
    overall: avg(x.overallSum, n),
    attitude: avg(x.attitudeSum, n),
    professionalism: avg(x.professionalismSum, n),
    communication: avg(x.communicationSum, n),
    punctuality: avg(x.punctualitySum, n),
    cleanliness: avg(x.cleanlinessSum, n),
    staffAttitude: avg(x.staffAttitudeSum, n),
    signage: avg(x.signageSum, n),
    goodRate: rate(x.goodCount, n),
    badRate: rate(x.badCount, n),
  };
}

/** Low enough for a follow-up: the overall or any escort dimension at or below the threshold. */
export function isLowScore(r: EscortRatings, threshold: number): boolean {
  return [r.overall, r.attitude, r.professionalism, r.communication, r.punctuality].some(v => v <= threshold);
}

/** Monthly average overall (Shanghai months, oldest first) of the reviews given. */
export function monthlyTrend(reviews: { overall: number; createdAt: Date }[]): { month: string; reviewCount: number; overall: number }[] {
  const buckets = new Map<string, { n: number; sum: number }>();
  for (const r of reviews) {
    const month = new Date(r.createdAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const b = buckets.get(month) ?? { n: 0, sum: 0 };
    b.n++;
    b.sum += r.overall;
    buckets.set(month, b);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, b]) => ({ month, reviewCount: b.n, overall: Math.round((b.sum / b.n) * 100) / 100 }));
}

export interface PerformanceFacts {
  escortId: number;
  ordersServed: number;
  summary: StatSummary;
  complaints: number;
  late: number;
  declined: number;
}

/**
 * A single number to rank escorts by, shown with its parts: the average rating (out of 5) scaled
 * to 100, minus points for complaints, lateness and declines per order served in the period.
 * Escorts with fewer than 3 reviews rank on a neutral 4 stars, so one early review decides nothing.
 */
export function performanceScore(f: Omit<PerformanceFacts, 'escortId'>, completedInPeriod: number): number {
  const rating = f.summary.reviewCount >= 3 && f.summary.overall !== null ? f.summary.overall : 4;
  const base = rating * 20;
  const per = Math.max(completedInPeriod, 1);
  const penalty = (f.complaints * 10 + f.late * 5 + f.declined * 2) / per;
  return Math.max(0, Math.round((base - penalty) * 10) / 10);
}
