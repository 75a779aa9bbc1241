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

/** The same measures without the hospital: what dashboards read when no hospital is chosen (far fewer rows). */
@Entity('analytics_daily_city')
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
