/**
 * The rebuild, usable without the application (the `analytics:rebuild` and `datagen` scripts) and
 * by AnalyticsService. Recomputes every rollup except the quote counter (quotes are stored nowhere
 * else, so that counter is raw data itself) from the raw tables in one transaction, and drops the
 * outbox rows it covers.
 *
 * It streams the raw rows once, in primary-key pages, through the same contribution functions the
 * incremental path uses, and adds the cells into the tables day by day as they settle (a later
 * cell for the same key is simply added: the writes are additive upserts). GROUP BY in SQL over
 * computed day keys needs on-disk temporary tables on millions of orders; this needs one pass and
 * memory for a few weeks of keys. The raw SQL in rollup-sql.ts stays the independent definition
 * the tests compare both paths with.
 */
import { DataSource, EntityManager } from 'typeorm';
import {
  Cell,
  CustomerFacts,
  MEASURES,
  EscortCell,
  ReasonCell,
  ageColumn,
  cellKey,
  complaintContribution,
  complaintReason,
  reviewContribution,
  customerContribution,
  ledgerContribution,
  orderContribution,
  shanghaiDay,
  withPaidOrder,
} from './rollup-measures';
import { SqlDialect } from './rollup-sql';

export interface RebuildResult {
  dailyRows: number;
  cityRows: number;
  customers: number;
  ms: number;
}

type Run = <T>(work: (m: EntityManager) => Promise<T>) => Promise<T>;

const PAGE = 10_000;
/** Days kept in memory behind the newest day seen before they are written out. */
const SETTLE_DAYS = 20;
const UPSERT_ROWS = 200;

/** Cells grouped by day, so settled days can be written and forgotten. */
class Accumulator {
  private days = new Map<string, Map<string, Cell>>();
  constructor(private flushDay: (cells: Cell[]) => Promise<void>) {}

  add(cells: Cell[]) {
    for (const c of cells) {
      let day = this.days.get(c.day);
      if (!day) this.days.set(c.day, (day = new Map()));
      const k = `${cellKey(c)}|${c.measure}`;
      const prev = day.get(k);
      if (prev) prev.value += c.value;
      else day.set(k, { ...c });
    }
  }

  async flushBefore(day: string | null) {
    const due = [...this.days.keys()].filter(d => day === null || d < day).sort();
    let batch: Cell[] = [];
    for (const d of due) {
      batch.push(...[...this.days.get(d)!.values()].filter(c => c.value !== 0));
      this.days.delete(d);
      if (batch.length >= 20_000) {
        await this.flushDay(batch);
        batch = [];
      }
    }
    if (batch.length) await this.flushDay(batch);
  }
}

const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export async function rebuildRollups(ds: DataSource, run: Run, d: SqlDialect, log: (msg: string) => void = () => undefined): Promise<RebuildResult> {
  const t0 = Date.now();
  await run(async m => {
    const [{ maxId }] = await m.query('SELECT MAX(id) AS maxId FROM analytics_outbox');
    if (maxId !== null) await m.query('DELETE FROM analytics_outbox WHERE id <= ?', [maxId]);
    for (const t of REBUILT_TABLES) await m.query(`DELETE FROM ${t}`);
    const acc = new Accumulator(cells => upsertCells(m, d, 'analytics_daily', ['day', 'city_id', 'category_code', 'hospital_id'], cells));

    // Orders, with the patient's birth date for the age groups; their dimensions are kept for the ledger pass.
    let t = Date.now();
    const dims = new Map<number, { cityId: number; categoryCode: string; hospitalId: number }>();
    const customers = new Map<number, CustomerFacts>();
    let after = 0;
    let orders = 0;
    let newest = '';
    for (;;) {
      const rows: any[] = await m.query(
        `SELECT o.id, o.customer_id, o.city_id, o.category_code, o.hospital_id, o.preferred_escort_id, o.escort_id, o.status, o.start_at, o.duration_minutes,
           o.paid_at, o.assigned_at, o.first_assigned_at, o.completed_at, o.cancelled_at, o.created_at, p.id AS patient_row, p.birth_date
         FROM orders o LEFT JOIN patients p ON p.id = o.patient_id WHERE o.id > ? ORDER BY o.id LIMIT ${PAGE}`,
        [after]
      );
      if (!rows.length) break;
      for (const r of rows) {
        const o = {
          id: Number(r.id),
          customerId: Number(r.customer_id),
          cityId: Number(r.city_id),
          categoryCode: r.category_code,
          hospitalId: r.hospital_id === null ? null : Number(r.hospital_id),
          preferredEscortId: r.preferred_escort_id === null ? null : Number(r.preferred_escort_id),
          escortId: r.escort_id === null ? null : Number(r.escort_id),
          status: r.status,
          startAt: r.start_at,
          durationMinutes: Number(r.duration_minutes),
          paidAt: r.paid_at,
          assignedAt: r.assigned_at,
          firstAssignedAt: r.first_assigned_at,
          completedAt: r.completed_at,
          cancelledAt: r.cancelled_at,
          createdAt: r.created_at,
        };
        const od = { cityId: o.cityId, categoryCode: o.categoryCode, hospitalId: o.hospitalId ?? 0 };
        dims.set(o.id, od);
        const cells = orderContribution(o);
        const created = shanghaiDay(o.createdAt);
        if (r.patient_row !== null) cells.push({ ...od, day: created, measure: ageColumn(r.birth_date, o.createdAt), value: 1 });
        acc.add(cells);
        if (o.paidAt) customers.set(o.customerId, withPaidOrder(customers.get(o.customerId) ?? null, { orderId: o.id, paidAt: o.paidAt, ...od }));
        if (created > newest) newest = created;
      }
      after = Number(rows[rows.length - 1].id);
      orders += rows.length;
      await acc.flushBefore(minusDays(newest, SETTLE_DAYS));
    }
    await acc.flushBefore(null);
    log(`  orders: ${orders} in ${Date.now() - t} ms`);

    // Ledger entries with their lines, by entry id.
    t = Date.now();
    let entries = 0;
    let lastEntry = 0;
    newest = '';
    for (;;) {
      const ids: { id: number }[] = await m.query(`SELECT id FROM ledger_entries WHERE id > ? ORDER BY id LIMIT ${PAGE}`, [lastEntry]);
      if (!ids.length) break;
      const upTo = Number(ids[ids.length - 1].id);
      const rows: any[] = await m.query(
        `SELECT e.id, e.source_type, e.created_at, e.order_id, l.account, l.amount_fen, l.order_id AS line_order
         FROM ledger_entries e JOIN ledger_lines l ON l.entry_id = e.id WHERE e.id > ? AND e.id <= ? ORDER BY e.id`,
        [lastEntry, upTo]
      );
      let i = 0;
      while (i < rows.length) {
        const e = rows[i];
        const lines: { account: string; amountFen: number; orderId: number | null }[] = [];
        for (; i < rows.length && rows[i].id === e.id; i++) lines.push({ account: rows[i].account, amountFen: Number(rows[i].amount_fen), orderId: rows[i].line_order === null ? null : Number(rows[i].line_order) });
        const od = e.order_id === null ? undefined : dims.get(Number(e.order_id));
        if (!od) continue;
        acc.add(ledgerContribution({ sourceType: e.source_type, createdAt: e.created_at, lines }, od));
        const day = shanghaiDay(e.created_at);
        if (day > newest) newest = day;
      }
      lastEntry = upTo;
      entries += ids.length;
      await acc.flushBefore(minusDays(newest, SETTLE_DAYS));
    }
    await acc.flushBefore(null);
    log(`  ledger entries: ${entries} in ${Date.now() - t} ms`);

    // Reviews and service complaints (both far fewer than orders), with their order's dimensions.
    t = Date.now();
    const escort = new Map<string, { key: (string | number)[]; measure: string; value: number }>();
    const reasons = new Map<string, { key: (string | number)[]; measure: string; value: number }>();
    const addEscort = (cells: EscortCell[]) => {
      for (const [day, cityId, escortId, measure, value] of cells) {
        const k = `${day}|${cityId}|${escortId}|${measure}`;
        const e = escort.get(k);
        if (e) e.value += value;
        else escort.set(k, { key: [day, cityId, escortId], measure, value });
      }
    };
    const addReasons = (cells: ReasonCell[]) => {
      for (const [day, cityId, categoryCode, hospitalId, reason, value] of cells) {
        const k = `${day}|${cityId}|${categoryCode}|${hospitalId}|${reason}`;
        const e = reasons.get(k);
        if (e) e.value += value;
        else reasons.set(k, { key: [day, cityId, categoryCode, hospitalId, reason], measure: 'complaint_count', value });
      }
    };
    let reviews = 0;
    for (let last = 0; ; ) {
      const rows: any[] = await m.query(
        `SELECT r.id, r.created_at, r.overall, r.escort_id, r.order_id FROM reviews r WHERE r.id > ? ORDER BY r.id LIMIT ${PAGE}`,
        [last]
      );
      if (!rows.length) break;
      for (const r of rows) {
        const od = dims.get(Number(r.order_id));
        if (!od) continue;
        const c = reviewContribution({ ...od, createdAt: r.created_at, overall: Number(r.overall), escortId: r.escort_id === null ? null : Number(r.escort_id) });
        acc.add(c.cells);
        addEscort(c.escort);
      }
      last = Number(rows[rows.length - 1].id);
      reviews += rows.length;
    }
    let complaints = 0;
    for (let last = 0; ; ) {
      const rows: any[] = await m.query(
        `SELECT t.id, t.created_at, t.escort_id, t.order_id, t.opener_type, rv.tags FROM tickets t LEFT JOIN reviews rv ON rv.id = t.review_id
         WHERE t.id > ? AND t.type = 'service_complaint' AND t.order_id IS NOT NULL ORDER BY t.id LIMIT ${PAGE}`,
        [last]
      );
      if (!rows.length) break;
      for (const r of rows) {
        const od = dims.get(Number(r.order_id));
        if (!od) continue;
        const c = complaintContribution({
          ...od,
          createdAt: r.created_at,
          escortId: r.escort_id === null ? null : Number(r.escort_id),
          reason: complaintReason(r.opener_type, parseTagList(r.tags)),
        });
        acc.add(c.cells);
        addEscort(c.escort);
        addReasons(c.reasons);
      }
      last = Number(rows[rows.length - 1].id);
      complaints += rows.length;
    }
    await acc.flushBefore(null);
    const escortRows = [...escort.values()].filter(e => e.value !== 0);
    await upsertRows(m, d, 'analytics_escort_daily', ['day', 'city_id', 'escort_id'], escortRows);
    await upsertRows(m, d, 'analytics_escort_monthly', ['month', 'city_id', 'escort_id'], escortRows.map(e => ({ ...e, key: [String(e.key[0]).slice(0, 7), e.key[1], e.key[2]] })));
    await upsertRows(m, d, 'analytics_complaint_daily', ['day', 'city_id', 'category_code', 'hospital_id', 'reason'], [...reasons.values()]);
    await fillComplaintMonthly(m);
    log(`  reviews: ${reviews}, complaints: ${complaints} in ${Date.now() - t} ms`);

    // Customers: their facts, and new / repeat customers on their first paid order's key.
    t = Date.now();
    const facts = [...customers.entries()];
    for (let i = 0; i < facts.length; i += 1000) {
      const chunk = facts.slice(i, i + 1000);
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      const params = chunk.flatMap(([id, f]) => [id, f.firstOrderId, dt(d, f.firstPaidAt), f.cityId, f.categoryCode, f.hospitalId, f.paidOrders]);
      await m.query(`INSERT INTO analytics_customers (customer_id, first_order_id, first_paid_at, city_id, category_code, hospital_id, paid_orders) VALUES ${values}`, params);
      acc.add(chunk.flatMap(([, f]) => customerContribution(f)));
    }
    await acc.flushBefore(null);
    log(`  customers: ${facts.length} in ${Date.now() - t} ms`);

    // The coarser tables from the fine one.
    t = Date.now();
    const cols = MEASURES.join(', ');
    const sums = MEASURES.map(ms => `SUM(${ms})`).join(', ');
    await m.query(`INSERT INTO analytics_daily_city (day, city_id, category_code, ${cols}) SELECT day, city_id, category_code, ${sums} FROM analytics_daily GROUP BY day, city_id, category_code`);
    await m.query(`INSERT INTO analytics_monthly (month, city_id, category_code, hospital_id, ${cols}) SELECT SUBSTR(day, 1, 7), city_id, category_code, hospital_id, ${sums} FROM analytics_daily GROUP BY SUBSTR(day, 1, 7), city_id, category_code, hospital_id`);
    await m.query(`INSERT INTO analytics_monthly_city (month, city_id, category_code, ${cols}) SELECT SUBSTR(day, 1, 7), city_id, category_code, ${sums} FROM analytics_daily_city GROUP BY SUBSTR(day, 1, 7), city_id, category_code`);
    await fillDailyTotal(m);
    await fillHospitalTables(m);
    log(`  city and monthly tables: ${Date.now() - t} ms`);
    const now = new Date().toISOString();
    await writeState(m, d, 'rebuilt_at', now);
    await writeState(m, d, 'refreshed_at', now);
  });
  const count = async (t: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return { dailyRows: await count('analytics_daily'), cityRows: await count('analytics_daily_city'), customers: await count('analytics_customers'), ms: Date.now() - t0 };
}

/** Every table the rebuild recomputes (not the quote counter, which is raw data itself). */
export const REBUILT_TABLES = [
  'analytics_daily',
  'analytics_daily_city',
  'analytics_daily_total',
  'analytics_monthly',
  'analytics_monthly_city',
  'analytics_customers',
  'analytics_escort_daily',
  'analytics_escort_monthly',
  'analytics_complaint_daily',
  'analytics_complaint_monthly',
  'analytics_hospital_daily',
  'analytics_hospital_monthly',
];

/** analytics_daily_total from analytics_daily_city (also used to add the table to a database rebuilt before it existed). */
export async function fillDailyTotal(m: EntityManager | DataSource): Promise<void> {
  const cols = MEASURES.join(', ');
  const sums = MEASURES.map(ms => `SUM(${ms})`).join(', ');
  await m.query('DELETE FROM analytics_daily_total');
  await m.query(`INSERT INTO analytics_daily_total (day, city_id, ${cols}) SELECT day, city_id, ${sums} FROM analytics_daily_city GROUP BY day, city_id`);
}

/** The narrow per-hospital start counts from analytics_daily (also run by the migration that adds them). */
export async function fillHospitalTables(m: EntityManager | DataSource): Promise<void> {
  await m.query('DELETE FROM analytics_hospital_daily');
  await m.query('DELETE FROM analytics_hospital_monthly');
  await m.query(
    'INSERT INTO analytics_hospital_daily (day, city_id, hospital_id, start_count) SELECT day, city_id, hospital_id, SUM(start_count) FROM analytics_daily WHERE hospital_id > 0 GROUP BY day, city_id, hospital_id HAVING SUM(start_count) <> 0'
  );
  await m.query(
    'INSERT INTO analytics_hospital_monthly (month, city_id, hospital_id, start_count) SELECT SUBSTR(day, 1, 7), city_id, hospital_id, SUM(start_count) FROM analytics_hospital_daily GROUP BY SUBSTR(day, 1, 7), city_id, hospital_id'
  );
}

/** Complaints by month × city × reason from analytics_complaint_daily (also run by the migration that adds the table). */
export async function fillComplaintMonthly(m: EntityManager | DataSource): Promise<void> {
  await m.query('DELETE FROM analytics_complaint_monthly');
  await m.query(
    'INSERT INTO analytics_complaint_monthly (month, city_id, reason, complaint_count) SELECT SUBSTR(day, 1, 7), city_id, reason, SUM(complaint_count) FROM analytics_complaint_daily GROUP BY SUBSTR(day, 1, 7), city_id, reason HAVING SUM(complaint_count) <> 0'
  );
}

function parseTagList(v: unknown): string[] | null {
  if (v === null || v === undefined) return null;
  try {
    const parsed = JSON.parse(String(v));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A datetime parameter: SQLite keeps datetimes as text, written the way TypeORM writes them so comparisons agree. */
export function dt(d: SqlDialect, v: Date | string): Date | string {
  const date = v instanceof Date ? v : new Date(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : v.replace(' ', 'T') + 'Z');
  return d === 'sqlite' ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
}

/** Adds cells into a rollup table, many rows per statement, keys in a fixed order (no lock-order deadlocks between appliers). */
export async function upsertCells(m: EntityManager, d: SqlDialect, table: string, keyCols: string[], cells: Cell[]): Promise<void> {
  if (!cells.length) return;
  const keyOf = (c: Cell): (string | number)[] =>
    keyCols.length === 4 ? [c.day, c.cityId, c.categoryCode, c.hospitalId] : keyCols.length === 3 ? [c.day, c.cityId, c.categoryCode] : [c.day, c.cityId];
  await upsertRows(m, d, table, keyCols, cells.map(c => ({ key: keyOf(c), measure: c.measure, value: c.value })));
}

/** Adds (key, measure, value) changes into any rollup table keyed by `keyCols`. */
export async function upsertRows(m: EntityManager, d: SqlDialect, table: string, keyCols: string[], changes: { key: (string | number)[]; measure: string; value: number }[]): Promise<void> {
  if (!changes.length) return;
  const rows = new Map<string, { key: (string | number)[]; measures: Map<string, number> }>();
  for (const c of changes) {
    const k = c.key.join('|');
    const row = rows.get(k) ?? { key: c.key, measures: new Map() };
    row.measures.set(c.measure, (row.measures.get(c.measure) ?? 0) + c.value);
    rows.set(k, row);
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  for (let i = 0; i < sorted.length; i += UPSERT_ROWS) {
    const chunk = sorted.slice(i, i + UPSERT_ROWS);
    const measures = [...new Set(chunk.flatMap(r => [...r.measures.keys()]))];
    const cols = [...keyCols, ...measures];
    const params: (string | number)[] = [];
    for (const r of chunk) params.push(...r.key, ...measures.map(ms => r.measures.get(ms) ?? 0));
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    const values = chunk.map(() => tuple).join(', ');
    const sql =
      d === 'mysql'
        ? `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values} ON DUPLICATE KEY UPDATE ${measures.map(ms => `${ms} = ${ms} + VALUES(${ms})`).join(', ')}`
        : `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values} ON CONFLICT(${keyCols.join(', ')}) DO UPDATE SET ${measures.map(ms => `${ms} = ${ms} + excluded.${ms}`).join(', ')}`;
    await m.query(sql, params);
  }
}

const keyCol = (d: SqlDialect) => (d === 'mysql' ? '`key`' : '"key"');

export async function readState(ds: DataSource | EntityManager, d: SqlDialect, key: string): Promise<string | null> {
  const rows = await ds.query(`SELECT value FROM analytics_state WHERE ${keyCol(d)} = ?`, [key]);
  return rows[0]?.value ?? null;
}

export async function writeState(m: EntityManager, d: SqlDialect, key: string, value: string): Promise<void> {
  const q = keyCol(d);
  const sql =
    d === 'mysql'
      ? `INSERT INTO analytics_state (${q}, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)`
      : `INSERT INTO analytics_state (${q}, value) VALUES (?, ?) ON CONFLICT(${q}) DO UPDATE SET value = excluded.value`;
  await m.query(sql, [key, value]);
}
