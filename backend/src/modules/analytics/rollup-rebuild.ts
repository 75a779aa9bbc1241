/**
 * The rebuild, usable without the application (the `analytics:rebuild` and `datagen` scripts) and
 * by AnalyticsService. Recomputes every rollup except the quote counter (quotes are stored nowhere
 * else, so that counter is raw data itself) from the raw tables in one transaction, and drops the
 * outbox rows it covers. Meant for a quiet moment: on MySQL the INSERT … SELECT holds shared locks
 * on the rows it reads.
 */
import { DataSource, EntityManager } from 'typeorm';
import { MEASURES } from './rollup-measures';
import { SqlDialect, customerFactsSelect, familySelects, insertFamily } from './rollup-sql';

export interface RebuildResult {
  dailyRows: number;
  cityRows: number;
  customers: number;
  ms: number;
}

type Run = <T>(work: (m: EntityManager) => Promise<T>) => Promise<T>;

export async function rebuildRollups(ds: DataSource, run: Run, d: SqlDialect, log: (msg: string) => void = () => undefined): Promise<RebuildResult> {
  const t0 = Date.now();
  await run(async m => {
    const [{ maxId }] = await m.query('SELECT MAX(id) AS maxId FROM analytics_outbox');
    if (maxId !== null) await m.query('DELETE FROM analytics_outbox WHERE id <= ?', [maxId]);
    await m.query('DELETE FROM analytics_daily');
    await m.query('DELETE FROM analytics_daily_city');
    await m.query('DELETE FROM analytics_monthly');
    await m.query('DELETE FROM analytics_monthly_city');
    await m.query('DELETE FROM analytics_customers');
    for (const family of familySelects(d)) {
      const t = Date.now();
      await m.query(insertFamily(d, 'analytics_daily', family));
      log(`  ${family.measures.slice(0, 3).join(', ')}${family.measures.length > 3 ? ', …' : ''}: ${Date.now() - t} ms`);
    }
    const t = Date.now();
    await m.query(
      `INSERT INTO analytics_customers (customer_id, first_order_id, first_paid_at, city_id, category_code, hospital_id, paid_orders) SELECT * FROM (${customerFactsSelect()}) c`
    );
    const sums = MEASURES.map(ms => `SUM(${ms})`).join(', ');
    await m.query(
      `INSERT INTO analytics_daily_city (day, city_id, category_code, ${MEASURES.join(', ')}) SELECT day, city_id, category_code, ${sums} FROM analytics_daily GROUP BY day, city_id, category_code`
    );
    const cols = MEASURES.join(', ');
    await m.query(`INSERT INTO analytics_monthly (month, city_id, category_code, hospital_id, ${cols}) SELECT SUBSTR(day, 1, 7), city_id, category_code, hospital_id, ${sums} FROM analytics_daily GROUP BY SUBSTR(day, 1, 7), city_id, category_code, hospital_id`);
    await m.query(`INSERT INTO analytics_monthly_city (month, city_id, category_code, ${cols}) SELECT SUBSTR(day, 1, 7), city_id, category_code, ${sums} FROM analytics_daily_city GROUP BY SUBSTR(day, 1, 7), city_id, category_code`);
    log(`  analytics_customers, analytics_daily_city, monthly tables: ${Date.now() - t} ms`);
    const now = new Date().toISOString();
    await writeState(m, d, 'rebuilt_at', now);
    await writeState(m, d, 'refreshed_at', now);
  });
  const count = async (t: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return { dailyRows: await count('analytics_daily'), cityRows: await count('analytics_daily_city'), customers: await count('analytics_customers'), ms: Date.now() - t0 };
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
