import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalyticsService } from './analytics.service';
import { AGE_GROUPS, HOUR_COLUMNS, LATENCY_BOUNDS_MIN, LATENCY_COLUMNS, histogramQuantile } from './rollup-measures';
import { SERVICE_CATEGORIES } from '../catalog/catalog-codes';
import { Errors } from '../../common/errors';
import { MsInterval, ShiftExceptionFact, WeeklyRange, dateRangeInterval, dayRanges } from '../schedules/shift-calendar';
import { startOfShanghaiDay, toShanghaiDateString } from '../../common/time';

export interface DashboardFilters {
  from: string;
  to: string;
  /** null = every city (admin without a filter). */
  cityIds: number[] | null;
  categoryCode?: string;
  hospitalId?: number;
}

const MAX_RANGE_DAYS = 1100;
/** Fewer reviews than this say little about an escort: left out of the ranking. */
export const RANKING_MIN_REVIEWS = 3;
const DAY_MS = 86_400_000;

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
export function weekdayOf(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The filters with defaults (the last 30 days) and checked bounds. */
export function resolveRange(q: { from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  const today = toShanghaiDateString(now);
  const to = q.to ?? today;
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) throw Errors.validation('日期不正确');
  if (from > to) throw Errors.validation('开始日期不能晚于结束日期');
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_RANGE_DAYS) throw Errors.validation(`日期范围最长 ${MAX_RANGE_DAYS} 天`);
  return { from, to };
}

/**
 * Splits [from, to] (days, both included) into the whole calendar months inside it, read from the
 * monthly tables, and the partial months at either end, read from the daily ones.
 */
export function splitRange(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
  const firstFull = from.endsWith('-01') ? from : `${addDays(`${from.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
  const lastFull = addDays(to, 1).endsWith('-01') ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (firstFull > lastFull) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, addDays(firstFull, -1)]);
  if (to > lastFull) days.push([addDays(lastFull, 1), to]);
  return { months: [firstFull.slice(0, 7), lastFull.slice(0, 7)], days };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
const n = (v: unknown) => Number(v ?? 0);

/**
 * The dashboards' reads. Everything dated comes from the daily rollups (the city table without a
 * hospital filter, the hospital table with one); the few figures about "now" (escorts working,
 * today's unassigned starts) are read from the raw tables through indexes.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AnalyticsQueryService {
  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  analytics: AnalyticsService;

  /** Folds pending changes first, so a dashboard is current to the moment it is asked. */
  async refreshedAt(): Promise<string> {
    await this.analytics.ensureBuilt();
    if (await this.analytics.hasPending()) await this.analytics.applyPending();
    return new Date().toISOString();
  }

  private where(f: DashboardFilters, opts: { hospital?: boolean; category?: boolean; period?: 'day' | 'month'; range?: [string, string] } = {}): { sql: string; params: unknown[] } {
    const period = opts.period ?? 'day';
    const parts = [`${period} >= ?`, `${period} <= ?`];
    const params: unknown[] = [...(opts.range ?? [f.from, f.to])];
    if (f.cityIds) {
      if (!f.cityIds.length) parts.push('1 = 0');
      else {
        parts.push(`city_id IN (${f.cityIds.map(() => '?').join(', ')})`);
        params.push(...f.cityIds);
      }
    }
    if (f.categoryCode && opts.category !== false) {
      parts.push('category_code = ?');
      params.push(f.categoryCode);
    }
    if (f.hospitalId && opts.hospital !== false) {
      parts.push('hospital_id = ?');
      params.push(f.hospitalId);
    }
    return { sql: parts.join(' AND '), params };
  }

  /**
   * Sums per day (or per group) from the daily tables: the hospital grain only when a hospital is
   * chosen, the city × service grain when a service is, otherwise the day × city totals (~8 rows a day).
   */
  private async sums(f: DashboardFilters, measures: string[], groupBy: string | null, opts: { byHospital?: boolean } = {}) {
    const table = f.hospitalId || opts.byHospital ? 'analytics_daily' : f.categoryCode ? 'analytics_daily_city' : 'analytics_daily_total';
    return this.run(table, this.where(f), measures, groupBy);
  }

  /** Adds up the rows of a per-day answer (a total over the range, from the same scan). */
  private totalOf(rows: Record<string, any>[], measures: string[]): Record<string, number> {
    const t: Record<string, number> = Object.fromEntries(measures.map(m => [m, 0]));
    for (const r of rows) for (const m of measures) t[m] += n(r[m]);
    return t;
  }

  /**
   * Sums over the whole range, optionally per group (a dimension column): whole months from the
   * monthly tables, the partial months at the ends from the daily ones, added together here.
   */
  private async rangeSums(f: DashboardFilters, measures: string[], groupBy: string | null, opts: { byHospital?: boolean } = {}) {
    const fine = Boolean(f.hospitalId || opts.byHospital);
    const split = splitRange(f.from, f.to);
    const parts = await Promise.all([
      ...(split.months ? [this.run(fine ? 'analytics_monthly' : 'analytics_monthly_city', this.where(f, { period: 'month', range: split.months }), measures, groupBy)] : []),
      ...split.days.map(range => this.run(fine ? 'analytics_daily' : 'analytics_daily_city', this.where(f, { range }), measures, groupBy)),
    ]);
    const merged = new Map<string, Record<string, any>>();
    for (const rows of parts) {
      for (const r of rows) {
        const key = String(r.g ?? '');
        const into = merged.get(key) ?? { g: r.g, ...Object.fromEntries(measures.map(m => [m, 0])) };
        for (const m of measures) into[m] += n(r[m]);
        merged.set(key, into);
      }
    }
    if (!groupBy && !merged.size) return [Object.fromEntries(measures.map(m => [m, 0]))];
    return [...merged.values()];
  }

  private async run(table: string, w: { sql: string; params: unknown[] }, measures: string[], groupBy: string | null) {
    const select = measures.map(m => `SUM(${m}) AS ${m}`).join(', ');
    const sql = groupBy ? `SELECT ${groupBy} AS g, ${select} FROM ${table} WHERE ${w.sql} GROUP BY ${groupBy}` : `SELECT ${select} FROM ${table} WHERE ${w.sql}`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, w.params);
    return rows.map(r => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'g' ? v : n(v)]))) as Record<string, any>[];
  }

  private async names(table: 'cities' | 'hospitals', ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows: { id: number; name: string }[] = await this.dataSource.query(`SELECT id, name FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    return new Map(rows.map(r => [Number(r.id), r.name]));
  }

  private filled<T extends string>(days: string[], rows: Record<string, any>[], measures: T[]): ({ day: string } & Record<T, number>)[] {
    const by = new Map(rows.map(r => [String(r.g), r]));
    return days.map(day => ({ day, ...(Object.fromEntries(measures.map(m => [m, n(by.get(day)?.[m])])) as Record<T, number>) }));
  }

  // ---------------------------------------------------------------- operations

  async operations(f: DashboardFilters, now = new Date()) {
    const refreshedAt = await this.refreshedAt();
    const days = daysOf(f.from, f.to);
    const dailyMeasures = ['created_count', 'paid_count', 'completed_count', 'cancelled_count', 'unassigned_at_start'];
    // One scan of the days (series and heatmap), one of the range by category (totals and mix).
    const [daily, byCategory, hospitals, escorts] = await Promise.all([
      this.sums(f, [...dailyMeasures, ...HOUR_COLUMNS], 'day'),
      this.rangeSums(f, ['created_count', 'paid_count', 'cohort_paid', 'cohort_completed', 'cohort_cancelled', 'start_count', 'unassigned_at_start', 'booked_minutes', ...LATENCY_COLUMNS], 'category_code'),
      this.busiestHospitals(f),
      this.escortsNow(f.cityIds),
    ]);
    const totals: Record<string, number> = {};
    for (const r of byCategory) for (const [k, v] of Object.entries(r)) if (k !== 'g') totals[k] = (totals[k] ?? 0) + Number(v);
    const mix = byCategory;
    const dailyRows = this.filled(days, daily, dailyMeasures as any);
    // Today's unassigned starts come from the raw orders: the rollup counts every unassigned order of
    // the day, including those whose start has not come yet.
    const today = toShanghaiDateString(now);
    let unassignedTotal = n(totals?.unassigned_at_start);
    const todayRow = dailyRows.find(r => r.day === today);
    if (todayRow) {
      const live = await this.unassignedStartedToday(f, now);
      unassignedTotal += live - todayRow.unassigned_at_start;
      todayRow.unassigned_at_start = live;
    }
    const latencyCounts = LATENCY_COLUMNS.map(c => n(totals?.[c]));
    // Without a service or hospital filter the category scan already holds the booked minutes.
    const utilization = await this.utilization(f, days, f.categoryCode || f.hospitalId ? undefined : n(totals.booked_minutes));
    return {
      refreshedAt,
      filters: f,
      daily: dailyRows.map(r => ({ day: r.day, created: r.created_count, paid: r.paid_count, completed: r.completed_count, cancelled: r.cancelled_count, unassignedAtStart: r.unassigned_at_start })),
      totals: {
        created: n(totals?.created_count),
        paid: n(totals?.cohort_paid),
        completed: n(totals?.cohort_completed),
        cancelled: n(totals?.cohort_cancelled),
        completionRate: ratio(n(totals?.cohort_completed), n(totals?.cohort_paid)),
        cancellationRate: ratio(n(totals?.cohort_cancelled), n(totals?.created_count)),
      },
      serviceMix: mix
        .map(r => ({ categoryCode: String(r.g), label: SERVICE_CATEGORIES[r.g as keyof typeof SERVICE_CATEGORIES] ?? String(r.g), paid: r.paid_count }))
        .filter(r => r.paid > 0)
        .sort((a, b) => b.paid - a.paid),
      busiestHospitals: hospitals,
      heatmap: this.heatmap(daily),
      dispatchLatency: {
        samples: latencyCounts.reduce((a, b) => a + b, 0),
        medianMinutes: histogramQuantile(latencyCounts, 0.5),
        p90Minutes: histogramQuantile(latencyCounts, 0.9),
        buckets: latencyCounts.map((count, i) => ({ fromMinutes: LATENCY_BOUNDS_MIN[i], toMinutes: LATENCY_BOUNDS_MIN[i + 1] ?? null, count })),
      },
      unassignedAtStart: { total: unassignedTotal, starts: n(totals?.start_count), rate: ratio(unassignedTotal, n(totals?.start_count)) },
      utilization,
      escortsByStatus: escorts,
    };
  }

  private async busiestHospitals(f: DashboardFilters) {
    // Without a service filter the narrow per-hospital tables answer (whole months + partial days).
    const ranked = f.categoryCode ? await this.rangeSums(f, ['start_count'], 'hospital_id', { byHospital: true }) : await this.hospitalStarts(f);
    const rows = ranked
      .map(r => ({ hospitalId: Number(r.g), orders: n(r.start_count) }))
      .filter(r => r.hospitalId > 0 && r.orders > 0)
      .sort((a, b) => b.orders - a.orders || a.hospitalId - b.hospitalId)
      .slice(0, 10);
    const names = await this.names('hospitals', rows.map(r => r.hospitalId));
    return rows.map(r => ({ hospitalId: r.hospitalId, name: names.get(r.hospitalId) ?? `#${r.hospitalId}`, orders: r.orders }));
  }

  private async hospitalStarts(f: DashboardFilters) {
    const split = splitRange(f.from, f.to);
    const parts = await Promise.all([
      ...(split.months ? [this.run('analytics_hospital_monthly', this.where(f, { period: 'month', range: split.months, category: false }), ['start_count'], 'hospital_id')] : []),
      ...split.days.map(range => this.run('analytics_hospital_daily', this.where(f, { range, category: false }), ['start_count'], 'hospital_id')),
    ]);
    const by = new Map<string, { g: unknown; start_count: number }>();
    for (const rows of parts)
      for (const r of rows) {
        const into = by.get(String(r.g)) ?? { g: r.g, start_count: 0 };
        into.start_count += n(r.start_count);
        by.set(String(r.g), into);
      }
    return [...by.values()];
  }

  /** Paid bookings by the Shanghai weekday and hour of their start. */
  private heatmap(rows: Record<string, any>[]) {
    const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const r of rows) {
      const wd = weekdayOf(String(r.g));
      HOUR_COLUMNS.forEach((c, h) => (grid[wd - 1][h] += n(r[c])));
    }
    const cells: { weekday: number; hour: number; count: number }[] = [];
    grid.forEach((hours, i) => hours.forEach((count, hour) => cells.push({ weekday: i + 1, hour, count })));
    return cells;
  }

  /** Paid orders whose start passed today while nobody held them (same rule as the rollup's unassigned_at_start). */
  private async unassignedStartedToday(f: DashboardFilters, now: Date): Promise<number> {
    const start = startOfShanghaiDay(now);
    const params: unknown[] = [this.analytics.dt(start), this.analytics.dt(now)];
    let sql = `SELECT COUNT(*) AS n FROM orders WHERE status IN ('pending_dispatch', 'dispatched', 'accepted', 'departed', 'in_service', 'completed', 'cancelled', 'refunding', 'refunded')
      AND start_at >= ? AND start_at < ? AND paid_at IS NOT NULL AND (assigned_at IS NULL OR assigned_at > start_at) AND (cancelled_at IS NULL OR cancelled_at > start_at)`;
    if (f.cityIds) {
      if (!f.cityIds.length) return 0;
      sql += ` AND city_id IN (${f.cityIds.map(() => '?').join(', ')})`;
      params.push(...f.cityIds);
    }
    if (f.categoryCode) {
      sql += ' AND category_code = ?';
      params.push(f.categoryCode);
    }
    if (f.hospitalId) {
      sql += ' AND hospital_id = ?';
      params.push(f.hospitalId);
    }
    return n((await this.dataSource.query(sql, params))[0]?.n);
  }

  /**
   * Booked escort minutes (orders holding an escort) over shift minutes: the weekly templates of
   * active escorts summed over the range's weekdays, then corrected, escort by escort and only on
   * the days concerned, for dated shift exceptions (extra shifts, time off) and approved leave.
   * Long ranges stay cheap: the template part is one GROUP BY weekday, and the corrections touch
   * only the escorts and days that have an exception or a leave. Category and hospital filters do
   * not apply: an escort's shift serves every service.
   */
  private async utilization(f: DashboardFilters, days: string[], bookedKnown?: number) {
    const [booked] = bookedKnown !== undefined ? [{ booked_minutes: bookedKnown }] : await this.rangeSums({ ...f, categoryCode: undefined, hospitalId: undefined }, ['booked_minutes'], null);
    const params: unknown[] = [];
    let inCities = '';
    if (f.cityIds) {
      if (!f.cityIds.length) inCities = ' AND 1 = 0';
      else {
        inCities = ` AND e.city_id IN (${f.cityIds.map(() => '?').join(', ')})`;
        params.push(...f.cityIds);
      }
    }
    const rows: { weekday: number; minutes: unknown }[] = await this.dataSource.query(
      `SELECT s.weekday AS weekday, SUM(s.end_minute - s.start_minute) AS minutes FROM escort_weekly_shifts s JOIN escorts e ON e.id = s.escort_id WHERE e.status = 'active'${inCities} GROUP BY s.weekday`,
      params
    );
    const perWeekday = new Map(rows.map(r => [Number(r.weekday), n(r.minutes)]));
    const templateMinutes = days.reduce((sum, d) => sum + (perWeekday.get(weekdayOf(d)) ?? 0), 0);
    const shiftMinutes = Math.max(0, templateMinutes + (await this.shiftCorrections(f.from, f.to, inCities, params)));
    const bookedMinutes = n(booked?.booked_minutes);
    return { bookedHours: Math.round(bookedMinutes / 6) / 10, shiftHours: Math.round(shiftMinutes / 6) / 10, rate: ratio(bookedMinutes, shiftMinutes) };
  }

  /** Minutes to add to the template total (negative: time off, leave) for the exceptions and approved leave inside [from, to]. */
  private async shiftCorrections(from: string, to: string, inCities: string, cityParams: unknown[]): Promise<number> {
    const rangeStart = new Date(`${from}T00:00:00+08:00`);
    const rangeEnd = new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY_MS);
    const [exceptions, leaves]: [any[], any[]] = await Promise.all([
      this.dataSource.query(
        `SELECT x.escort_id, x.date, x.kind, x.start_minute, x.end_minute FROM escort_shift_exceptions x JOIN escorts e ON e.id = x.escort_id
         WHERE x.date >= ? AND x.date <= ? AND e.status = 'active'${inCities}`,
        [from, to, ...cityParams]
      ),
      this.dataSource.query(
        `SELECT l.escort_id, l.start_at, l.end_at FROM escort_leaves l JOIN escorts e ON e.id = l.escort_id
         WHERE l.status = 'approved' AND l.start_at < ? AND l.end_at > ? AND e.status = 'active'${inCities}`,
        [this.analytics.dt(rangeEnd), this.analytics.dt(rangeStart), ...cityParams]
      ),
    ]);
    if (!exceptions.length && !leaves.length) return 0;
    const escortIds = [...new Set([...exceptions, ...leaves].map(r => Number(r.escort_id)))];
    const weekly = new Map<number, WeeklyRange[]>();
    for (let i = 0; i < escortIds.length; i += 1000) {
      const chunk = escortIds.slice(i, i + 1000);
      const shifts: any[] = await this.dataSource.query(
        `SELECT escort_id, weekday, start_minute, end_minute FROM escort_weekly_shifts WHERE escort_id IN (${chunk.map(() => '?').join(', ')})`,
        chunk
      );
      for (const s of shifts) {
        const list = weekly.get(Number(s.escort_id)) ?? [];
        list.push({ weekday: Number(s.weekday), startMinute: Number(s.start_minute), endMinute: Number(s.end_minute) });
        weekly.set(Number(s.escort_id), list);
      }
    }
    const toMs = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : v.replace(' ', 'T') + 'Z'));
    // Per escort: the exception days and the leave intervals, clipped to the range.
    const byEscort = new Map<number, { exceptions: ShiftExceptionFact[]; leaves: MsInterval[] }>();
    const of = (id: number) => byEscort.get(id) ?? (byEscort.set(id, { exceptions: [], leaves: [] }), byEscort.get(id)!);
    for (const x of exceptions) of(Number(x.escort_id)).exceptions.push({ date: String(x.date), kind: x.kind, startMinute: x.start_minute === null ? null : Number(x.start_minute), endMinute: x.end_minute === null ? null : Number(x.end_minute) });
    for (const l of leaves) of(Number(l.escort_id)).leaves.push({ start: Math.max(toMs(l.start_at), rangeStart.getTime()), end: Math.min(toMs(l.end_at), rangeEnd.getTime()) });
    let correction = 0;
    for (const [escortId, e] of byEscort) {
      const template = weekly.get(escortId) ?? [];
      const dates = new Set(e.exceptions.map(x => x.date));
      for (const l of e.leaves) for (let t = l.start; t < l.end; t += DAY_MS) dates.add(toShanghaiDateString(new Date(t)));
      if (e.leaves.length) dates.add(toShanghaiDateString(new Date(e.leaves[e.leaves.length - 1].end - 1)));
      for (const date of dates) {
        if (date < from || date > to) continue;
        const baseMinutes = template.filter(r => r.weekday === weekdayOf(date)).reduce((a, r) => a + r.endMinute - r.startMinute, 0);
        let worked = 0;
        for (const r of dayRanges(date, template, e.exceptions)) {
          const iv = dateRangeInterval(date, r);
          let minutes = (iv.end - iv.start) / 60_000;
          for (const l of e.leaves) minutes -= Math.max(0, Math.min(iv.end, l.end) - Math.max(iv.start, l.start)) / 60_000;
          worked += Math.max(0, minutes);
        }
        correction += worked - baseMinutes;
      }
    }
    return Math.round(correction);
  }

  /** Escort accounts by status, and how many are on an order right now (departed or in service). */
  private async escortsNow(cityIds: number[] | null) {
    if (cityIds && !cityIds.length) return [];
    const inCities = cityIds ? ` AND city_id IN (${cityIds.map(() => '?').join(', ')})` : '';
    const params = cityIds ?? [];
    const [accounts, working] = await Promise.all([
      this.dataSource.query(`SELECT status, COUNT(*) AS n FROM escorts WHERE 1 = 1${inCities} GROUP BY status`, params),
      this.dataSource.query(`SELECT status, COUNT(DISTINCT escort_id) AS n FROM orders WHERE status IN ('departed', 'in_service')${inCities} GROUP BY status`, params),
    ]);
    const labels: Record<string, string> = { active: '在岗（已签约）', suspended: '已暂停', applicant: '申请中', departed: '前往服务中', in_service: '服务中' };
    return [...accounts, ...working].map((r: { status: string; n: unknown }) => ({ status: r.status, label: labels[r.status] ?? r.status, count: n(r.n) }));
  }

  // ---------------------------------------------------------------- customers

  async customers(f: DashboardFilters) {
    const refreshedAt = await this.refreshedAt();
    const days = daysOf(f.from, f.to);
    const ageCols = AGE_GROUPS.map(a => a.column);
    // One scan of the days answers the series and every total (funnel, age groups).
    const totalCols = ['new_customers', 'repeat_customers', 'created_count', 'cohort_paid', 'cohort_completed', ...ageCols];
    const [daily, byCity, quotes] = await Promise.all([this.sums(f, totalCols, 'day'), this.rangeSums(f, ['new_customers', 'paid_count'], 'city_id'), this.quotes(f)]);
    const totals = this.totalOf(daily, totalCols);
    const cityNames = await this.names('cities', byCity.map(r => Number(r.g)));
    const newCustomers = n(totals?.new_customers);
    return {
      refreshedAt,
      filters: f,
      daily: this.filled(days, daily, ['new_customers', 'repeat_customers']).map(r => ({ day: r.day, newCustomers: r.new_customers, repeatCustomers: r.repeat_customers })),
      totals: { newCustomers, repeatCustomers: n(totals?.repeat_customers), repeatRate: ratio(n(totals?.repeat_customers), newCustomers) },
      funnel: [
        { stage: 'quote', label: '询价', count: quotes },
        { stage: 'order', label: '下单', count: n(totals?.created_count) },
        { stage: 'paid', label: '支付', count: n(totals?.cohort_paid) },
        { stage: 'completed', label: '完成', count: n(totals?.cohort_completed) },
      ],
      cityDistribution: byCity
        .map(r => ({ cityId: Number(r.g), name: cityNames.get(Number(r.g)) ?? `#${r.g}`, newCustomers: r.new_customers, paidOrders: r.paid_count }))
        .filter(r => r.newCustomers > 0 || r.paidOrders > 0)
        .sort((a, b) => b.paidOrders - a.paidOrders),
      ageGroups: AGE_GROUPS.map(a => ({ group: a.column, label: a.label, count: n(totals?.[a.column]) })),
    };
  }

  private async quotes(f: DashboardFilters): Promise<number> {
    const w = this.where(f);
    return n((await this.dataSource.query(`SELECT SUM(quote_count) AS n FROM analytics_quote_daily WHERE ${w.sql}`, w.params))[0]?.n);
  }

  // ---------------------------------------------------------------- finance

  async finance(f: DashboardFilters) {
    const refreshedAt = await this.refreshedAt();
    const days = daysOf(f.from, f.to);
    const money = ['gmv_fen', 'refund_fen', 'platform_revenue_fen', 'escort_payable_fen'];
    const [daily, byService] = await Promise.all([this.sums(f, money, 'day'), this.rangeSums(f, ['gmv_fen', 'refund_fen'], 'category_code')]);
    const dailyRows = this.filled(days, daily, money as any).map(r => ({
      day: r.day,
      gmvFen: r.gmv_fen as number,
      refundFen: r.refund_fen as number,
      platformRevenueFen: r.platform_revenue_fen as number,
      escortPayableFen: r.escort_payable_fen as number,
    }));
    const months = new Map<string, { month: string; gmvFen: number; refundFen: number; platformRevenueFen: number; escortPayableFen: number }>();
    for (const r of dailyRows) {
      const month = r.day.slice(0, 7);
      const m = months.get(month) ?? { month, gmvFen: 0, refundFen: 0, platformRevenueFen: 0, escortPayableFen: 0 };
      m.gmvFen += r.gmvFen;
      m.refundFen += r.refundFen;
      m.platformRevenueFen += r.platformRevenueFen;
      m.escortPayableFen += r.escortPayableFen;
      months.set(month, m);
    }
    const totals = [...months.values()].reduce(
      (t, m) => ({ gmvFen: t.gmvFen + m.gmvFen, refundFen: t.refundFen + m.refundFen, platformRevenueFen: t.platformRevenueFen + m.platformRevenueFen, escortPayableFen: t.escortPayableFen + m.escortPayableFen }),
      { gmvFen: 0, refundFen: 0, platformRevenueFen: 0, escortPayableFen: 0 }
    );
    return {
      refreshedAt,
      filters: f,
      daily: dailyRows,
      monthly: [...months.values()],
      totals: { ...totals, refundRate: ratio(totals.refundFen, totals.gmvFen) },
      refundRateByService: byService
        .map(r => ({ categoryCode: String(r.g), label: SERVICE_CATEGORIES[r.g as keyof typeof SERVICE_CATEGORIES] ?? String(r.g), gmvFen: r.gmv_fen, refundFen: r.refund_fen, refundRate: ratio(r.refund_fen, r.gmv_fen) }))
        .filter(r => r.gmvFen > 0 || r.refundFen > 0)
        .sort((a, b) => b.gmvFen - a.gmvFen),
    };
  }

  // ---------------------------------------------------------------- quality

  /**
   * Quality from reviews (dated by the review) and service complaints (dated by the ticket): one
   * scan of the days for the series and totals, the complaint reasons and the per-escort figures
   * from their own small tables.
   */
  async quality(f: DashboardFilters) {
    const refreshedAt = await this.refreshedAt();
    const days = daysOf(f.from, f.to);
    const cols = ['completed_count', 'review_count', 'rating1_count', 'rating2_count', 'rating3_count', 'rating4_count', 'rating5_count', 'complaint_count'];
    const [daily, reasons, ranking] = await Promise.all([this.sums(f, cols, 'day'), this.complaintReasons(f), this.escortRanking(f)]);
    const t = this.totalOf(daily, cols);
    const reviews = n(t.review_count);
    const per100 = (complaints: number, completed: number) => (completed > 0 ? Math.round((complaints / completed) * 10000) / 100 : null);
    return {
      refreshedAt,
      filters: f,
      reviewsConnected: true,
      ticketsConnected: true,
      daily: this.filled(days, daily, cols as any).map(r => ({
        day: r.day,
        completed: r.completed_count,
        reviews: r.review_count,
        goodRate: ratio(r.rating4_count + r.rating5_count, r.review_count),
        badRate: ratio(r.rating1_count + r.rating2_count, r.review_count),
        complaintsPer100: per100(r.complaint_count, r.completed_count),
      })),
      totals: {
        completed: n(t.completed_count),
        reviews,
        complaints: n(t.complaint_count),
        complaintsPer100: per100(n(t.complaint_count), n(t.completed_count)),
        goodRate: ratio(n(t.rating4_count) + n(t.rating5_count), reviews),
        badRate: ratio(n(t.rating1_count) + n(t.rating2_count), reviews),
        avgRating: reviews > 0 ? Math.round(([1, 2, 3, 4, 5].reduce((a, s) => a + s * n(t[`rating${s}_count`]), 0) / reviews) * 100) / 100 : null,
      },
      ratingDistribution: [1, 2, 3, 4, 5].map(star => ({ star, count: n(t[`rating${star}_count`]) })),
      topComplaintReasons: reasons,
      escortRanking: ranking,
    };
  }

  /** The ten most frequent complaint reasons over the range under every filter. */
  private async complaintReasons(f: DashboardFilters): Promise<{ reason: string; count: number }[]> {
    // The day table is nearly one row per complaint; without a service or hospital filter whole months
    // come from the month × city × reason table and only the partial months from the day table.
    const split = f.categoryCode || f.hospitalId ? { months: null, days: [[f.from, f.to] as [string, string]] } : splitRange(f.from, f.to);
    const parts = await Promise.all([
      ...(split.months ? [this.run('analytics_complaint_monthly', this.where(f, { period: 'month', range: split.months }), ['complaint_count'], 'reason')] : []),
      ...split.days.map(range => this.run('analytics_complaint_daily', this.where(f, { range }), ['complaint_count'], 'reason')),
    ]);
    const by = new Map<string, number>();
    for (const rows of parts) for (const r of rows) by.set(String(r.g), (by.get(String(r.g)) ?? 0) + n(r.complaint_count));
    return [...by.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .filter(r => r.count > 0)
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1))
      .slice(0, 10);
  }

  /**
   * Escorts ranked by average overall rating (at least RANKING_MIN_REVIEWS reviews in the range),
   * then by reviews; the city filter applies, service and hospital do not (an escort serves all).
   */
  private async escortRanking(f: DashboardFilters) {
    const cityOnly = { ...f, categoryCode: undefined, hospitalId: undefined };
    const split = splitRange(f.from, f.to);
    const measures = ['review_count', 'rating_sum', 'good_count', 'bad_count', 'complaint_count'];
    const parts = await Promise.all([
      ...(split.months ? [this.run('analytics_escort_monthly', this.where(cityOnly, { period: 'month', range: split.months }), measures, 'escort_id')] : []),
      ...split.days.map(range => this.run('analytics_escort_daily', this.where(cityOnly, { range }), measures, 'escort_id')),
    ]);
    const by = new Map<number, Record<string, number>>();
    for (const rows of parts)
      for (const r of rows) {
        const id = Number(r.g);
        const into = by.get(id) ?? Object.fromEntries(measures.map(m => [m, 0]));
        for (const m of measures) into[m] += n(r[m]);
        by.set(id, into);
      }
    const ranked = [...by.entries()]
      .filter(([, r]) => r.review_count >= RANKING_MIN_REVIEWS)
      .map(([escortId, r]) => ({
        escortId,
        reviews: r.review_count,
        avgRating: Math.round((r.rating_sum / r.review_count) * 100) / 100,
        goodRate: ratio(r.good_count, r.review_count),
        badRate: ratio(r.bad_count, r.review_count),
        complaints: r.complaint_count,
      }))
      .sort((a, b) => b.avgRating - a.avgRating || b.reviews - a.reviews || a.complaints - b.complaints || a.escortId - b.escortId)
      .slice(0, 20);
    const names = await this.escortNames(ranked.map(r => r.escortId));
    return ranked.map(r => ({ ...r, name: names.get(r.escortId) ?? `#${r.escortId}` }));
  }

  private async escortNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows: { id: number; name: string }[] = await this.dataSource.query(`SELECT id, name FROM escorts WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    return new Map(rows.map(r => [Number(r.id), r.name]));
  }

  // ---------------------------------------------------------------- filter options

  async options(cityIds: number[] | null) {
    const inCities = cityIds ? (cityIds.length ? ` WHERE city_id IN (${cityIds.map(() => '?').join(', ')})` : ' WHERE 1 = 0') : '';
    const cities: { id: number; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM cities${cityIds ? (cityIds.length ? ` WHERE id IN (${cityIds.map(() => '?').join(', ')})` : ' WHERE 1 = 0') : ''} ORDER BY id`,
      cityIds ?? []
    );
    const hospitals: { id: number; name: string; city_id: number }[] = await this.dataSource.query(`SELECT id, name, city_id FROM hospitals${inCities} ORDER BY city_id, id LIMIT 2000`, cityIds ?? []);
    return {
      cities: cities.map(c => ({ id: Number(c.id), name: c.name })),
      categories: Object.entries(SERVICE_CATEGORIES).map(([code, label]) => ({ code, label })),
      hospitals: hospitals.map(h => ({ id: Number(h.id), name: h.name, cityId: Number(h.city_id) })),
    };
  }
}
