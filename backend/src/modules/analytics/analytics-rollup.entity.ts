import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MEASURES } from './rollup-measures';

const measureColumn = { type: 'bigint' as const, default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } };

/** Adds one BIGINT column per measure (the list lives in rollup-measures.ts, so the two never drift). */
function withMeasures(target: Function): void {
  for (const m of MEASURES) Column({ ...measureColumn, name: m })(target.prototype, m);
}

/**
 * Daily rollup by Shanghai day × city × service category × hospital (0 = none): sums and counts
 * only. Written only by AnalyticsService (outbox applier and rebuild).
 */
@Entity('analytics_daily')
@Index('idx_analytics_daily_hospital', ['hospitalId', 'day'])
// Covering index for the busiest-hospitals ranking: a day range reads narrow index entries, not the
// ~75-column rows.
@Index('idx_analytics_daily_rank', ['day', 'cityId', 'categoryCode', 'hospitalId', 'start_count'])
// The same ranking under a service filter: category and city lead, so one city's service over a range
// is one tight index range (the day-first index reads every city and service of those days).
@Index('idx_analytics_daily_cat_rank', ['categoryCode', 'cityId', 'day', 'hospitalId', 'start_count'])
export class AnalyticsDaily {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  @PrimaryColumn({ type: 'int', name: 'hospital_id' })
  hospitalId: number;
}
withMeasures(AnalyticsDaily);

/**
 * The same measures by day and city only (all services and hospitals): the per-day series read here
 * when neither a service nor a hospital is chosen, ~8 rows a day instead of ~50.
 */
@Entity('analytics_daily_total')
export class AnalyticsDailyTotal {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;
}
withMeasures(AnalyticsDailyTotal);

/** The same measures without the hospital: what dashboards read when no hospital is chosen (far fewer rows). */
@Entity('analytics_daily_city')
// The per-day series under a service filter: one service of some cities over a range without reading
// the other services' rows of those days.
@Index('idx_analytics_daily_city_cat', ['categoryCode', 'cityId', 'day'])
export class AnalyticsDailyCity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;
}
withMeasures(AnalyticsDailyCity);

/**
 * The same sums by calendar month (YYYY-MM): long ranges read whole months here and only the
 * partial months at either end from the daily tables, so a year is ~12 rows per key, not ~365.
 */
@Entity('analytics_monthly')
@Index('idx_analytics_monthly_hospital', ['hospitalId', 'month'])
@Index('idx_analytics_monthly_rank', ['month', 'cityId', 'categoryCode', 'hospitalId', 'start_count'])
@Index('idx_analytics_monthly_cat_rank', ['categoryCode', 'cityId', 'month', 'hospitalId', 'start_count'])
export class AnalyticsMonthly {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  @PrimaryColumn({ type: 'int', name: 'hospital_id' })
  hospitalId: number;
}
withMeasures(AnalyticsMonthly);

@Entity('analytics_monthly_city')
export class AnalyticsMonthlyCity {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;
}
withMeasures(AnalyticsMonthlyCity);

/**
 * Quotes asked for, counted as they happen. Quotes are not stored anywhere else, so this counter is
 * itself the raw data: the rebuild leaves it alone.
 */
@Entity('analytics_quote_daily')
export class AnalyticsQuoteDaily {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  @PrimaryColumn({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @Column({ ...measureColumn, name: 'quote_count' })
  quoteCount: number;
}

/**
 * Service complaints (tickets of type service_complaint about an order) by the day they were
 * opened, the order's city / service / hospital and a reason: the first tag of the low-score review
 * a follow-up was opened for, otherwise who opened it (see complaintReason in rollup-measures.ts).
 */
@Entity('analytics_complaint_daily')
export class AnalyticsComplaintDaily {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  @PrimaryColumn({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  reason: string;

  @Column({ ...measureColumn, name: 'complaint_count' })
  complaintCount: number;
}

const escortMeasure = (name: string) => Column({ ...measureColumn, name });

/**
 * Per escort and city: reviews (count, sum of overall stars, good = 4–5, bad = 1–2) by review day and
 * complaints by ticket day. The ranking applies the city filter only: an escort serves every service.
 */
@Entity('analytics_escort_daily')
export class AnalyticsEscortDaily {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'int', name: 'escort_id' })
  escortId: number;
}

/** The same by calendar month, so a long range reads whole months here. */
@Entity('analytics_escort_monthly')
export class AnalyticsEscortMonthly {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'int', name: 'escort_id' })
  escortId: number;
}

export const ESCORT_MEASURES = ['review_count', 'rating_sum', 'good_count', 'bad_count', 'complaint_count'] as const;
for (const m of ESCORT_MEASURES) {
  escortMeasure(m)(AnalyticsEscortDaily.prototype, m);
  escortMeasure(m)(AnalyticsEscortMonthly.prototype, m);
}

/**
 * Paid bookings by the day of their start per hospital (no service): the busiest-hospitals ranking
 * without a service filter reads these narrow rows (~1 per hospital a day) instead of the wide
 * hospital-grain rollup (~2 per hospital a day, ~75 columns).
 */
@Entity('analytics_hospital_daily')
export class AnalyticsHospitalDaily {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @Column({ ...measureColumn, name: 'start_count' })
  startCount: number;
}

@Entity('analytics_hospital_monthly')
export class AnalyticsHospitalMonthly {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @Column({ ...measureColumn, name: 'start_count' })
  startCount: number;
}

/**
 * Complaints by month × city × reason: the top-reasons list without a service or hospital filter
 * reads whole months here (a few dozen rows a month) instead of the day table, which is almost one
 * row per complaint.
 */
@Entity('analytics_complaint_monthly')
export class AnalyticsComplaintMonthly {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int', name: 'city_id' })
  cityId: number;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  reason: string;

  @Column({ ...measureColumn, name: 'complaint_count' })
  complaintCount: number;
}
