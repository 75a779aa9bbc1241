import { DataSource } from 'typeorm';
import { familySelects, customerFactsSelect, complaintReasonSelect, escortSelects, SqlDialect } from '../../src/modules/analytics/rollup-sql';
import { ESCORT_MEASURES } from '../../src/modules/analytics/analytics-rollup.entity';
import { MEASURES } from '../../src/modules/analytics/rollup-measures';

export type Rollup = Map<string, Record<string, number>>;

export function dialectOf(ds: DataSource): SqlDialect {
  return ds.options.type === 'mysql' || ds.options.type === 'mariadb' ? 'mysql' : 'sqlite';
}

function addInto(map: Rollup, key: string, measures: Record<string, number>) {
  const row = map.get(key) ?? {};
  for (const [m, v] of Object.entries(measures)) row[m] = (row[m] ?? 0) + v;
  map.set(key, row);
}

/** Drops zero measures and rows that are all zero (retractions leave such rows behind). */
function prune(map: Rollup): Rollup {
  const out: Rollup = new Map();
  for (const [k, row] of map) {
    const kept = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== 0));
    if (Object.keys(kept).length) out.set(k, kept);
  }
  return out;
}

/** The rollup as a raw GROUP BY over the business tables says it should be. */
export async function rawRollup(ds: DataSource, withHospital: boolean, byMonth = false): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const f of familySelects(dialectOf(ds))) {
    for (const r of await ds.query(f.sql)) {
      const key = [byMonth ? r.day.slice(0, 7) : r.day, Number(r.city_id), r.category_code, ...(withHospital ? [Number(r.hospital_id)] : [])].join('|');
      addInto(map, key, Object.fromEntries(f.measures.map(m => [m, Number(r[m] ?? 0)])));
    }
  }
  return prune(map);
}

/** The raw day × city totals (every service and hospital), from the raw day × city × service GROUP BY. */
export async function rawTotals(ds: DataSource): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const [key, row] of await rawRollup(ds, false)) {
    const [day, city] = key.split('|');
    addInto(map, `${day}|${city}`, row);
  }
  return prune(map);
}

/** Paid bookings per (day or month, city, hospital) from the raw GROUP BY, and as kept in the narrow hospital tables. */
export async function rawHospitalStarts(ds: DataSource, byMonth = false): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const [key, row] of await rawRollup(ds, true, byMonth)) {
    const [period, city, , hospital] = key.split('|');
    if (Number(hospital) > 0 && row.start_count) addInto(map, `${period}|${city}|${hospital}`, { start_count: row.start_count });
  }
  return prune(map);
}

export async function tableHospitalStarts(ds: DataSource, table: 'analytics_hospital_daily' | 'analytics_hospital_monthly'): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const r of await ds.query(`SELECT * FROM ${table}`)) addInto(map, `${r.day ?? r.month}|${Number(r.city_id)}|${Number(r.hospital_id)}`, { start_count: Number(r.start_count) });
  return prune(map);
}

/** The per-escort table as the raw reviews and tickets say it should be (by day or by month). */
export async function rawEscort(ds: DataSource, byMonth = false): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const f of escortSelects(dialectOf(ds))) {
    for (const r of await ds.query(f.sql)) {
      addInto(map, [byMonth ? r.day.slice(0, 7) : r.day, Number(r.city_id), Number(r.escort_id)].join('|'), Object.fromEntries(f.measures.map(m => [m, Number(r[m] ?? 0)])));
    }
  }
  return prune(map);
}

export async function tableEscort(ds: DataSource, table: 'analytics_escort_daily' | 'analytics_escort_monthly'): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const r of await ds.query(`SELECT * FROM ${table}`)) {
    addInto(map, [r.day ?? r.month, Number(r.city_id), Number(r.escort_id)].join('|'), Object.fromEntries(ESCORT_MEASURES.map(m => [m, Number(r[m] ?? 0)])));
  }
  return prune(map);
}

/** Complaints by reason: raw (`raw`) or as kept. */
export async function complaintReasons(ds: DataSource, raw: boolean): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const r of await ds.query(raw ? complaintReasonSelect(dialectOf(ds)) : 'SELECT * FROM analytics_complaint_daily')) {
    addInto(map, [r.day, Number(r.city_id), r.category_code, Number(r.hospital_id), r.reason].join('|'), { complaint_count: Number(r.complaint_count) });
  }
  return prune(map);
}

/** Complaints by month × city × reason: raw (`raw`) or as kept in analytics_complaint_monthly. */
export async function complaintReasonsMonthly(ds: DataSource, raw: boolean): Promise<Rollup> {
  const map: Rollup = new Map();
  if (raw) for (const r of await ds.query(complaintReasonSelect(dialectOf(ds)))) addInto(map, [String(r.day).slice(0, 7), Number(r.city_id), r.reason].join('|'), { complaint_count: Number(r.complaint_count) });
  else for (const r of await ds.query('SELECT * FROM analytics_complaint_monthly')) addInto(map, [r.month, Number(r.city_id), r.reason].join('|'), { complaint_count: Number(r.complaint_count) });
  return prune(map);
}

/** What a rollup table holds. */
export async function tableRollup(ds: DataSource, table: 'analytics_daily' | 'analytics_daily_city' | 'analytics_daily_total' | 'analytics_monthly' | 'analytics_monthly_city'): Promise<Rollup> {
  const map: Rollup = new Map();
  for (const r of await ds.query(`SELECT * FROM ${table}`)) {
    const key =
      table === 'analytics_daily_total'
        ? [r.day, Number(r.city_id)].join('|')
        : [r.day ?? r.month, Number(r.city_id), r.category_code, ...(table.endsWith('_city') ? [] : [Number(r.hospital_id)])].join('|');
    addInto(map, key, Object.fromEntries(MEASURES.map(m => [m, Number(r[m] ?? 0)])));
  }
  return prune(map);
}

/** Every (key, measure) where the two disagree, readable in a failure message. */
export function differences(expected: Rollup, actual: Rollup, limit = 20): string[] {
  const out: string[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key) ?? {};
    const a = actual.get(key) ?? {};
    for (const m of new Set([...Object.keys(e), ...Object.keys(a)])) {
      if ((e[m] ?? 0) !== (a[m] ?? 0)) out.push(`${key} ${m}: raw ${e[m] ?? 0}, rollup ${a[m] ?? 0}`);
    }
    if (out.length >= limit) break;
  }
  return out;
}

export async function customerFactsDiff(ds: DataSource): Promise<string[]> {
  const raw = await ds.query(customerFactsSelect());
  const kept = await ds.query('SELECT * FROM analytics_customers');
  const norm = (r: any) =>
    `${r.customer_id}:${r.first_order_id}:${new Date(typeof r.first_paid_at === 'string' && !/Z$/.test(r.first_paid_at) ? r.first_paid_at.replace(' ', 'T') + 'Z' : r.first_paid_at).getTime()}:${r.city_id}:${r.category_code}:${Number(r.hospital_id)}:${Number(r.paid_orders)}`;
  const a = new Set(raw.map(norm));
  const b = new Set(kept.map(norm));
  return [...[...a].filter(x => !b.has(x)).map(x => `raw only ${x}`), ...[...b].filter(x => !a.has(x)).map(x => `rollup only ${x}`)].slice(0, 20);
}
