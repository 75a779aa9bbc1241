/**
 * Every query the dashboards send, EXPLAINed on MySQL/MariaDB over a generated data set: none may
 * read the orders table (or any other large raw table) by a full scan. The queries are captured
 * from the real service while it answers each dashboard under several filters, so a new query is
 * checked without being listed here. SQLite has no such planner check: the suite is skipped there.
 */
import { startTestApp, TestApp } from '../helpers/test-app';
import { generate } from '../../scripts/lib/datagen';
import { AnalyticsService } from '../../src/modules/analytics/analytics.service';
import { AnalyticsQueryService, DashboardFilters } from '../../src/modules/analytics/analytics-query.service';

const onMysql = process.env.TEST_DB === 'mysql';
/** Raw tables that grow with the business: a full scan of any of them fails the test. */
const LARGE = ['orders', 'ledger_entries', 'ledger_lines', 'payments', 'refunds', 'customers', 'patients', 'order_status_logs', 'reviews', 'tickets'];

(onMysql ? describe : describe.skip)('the dashboard queries on MySQL', () => {
  let t: TestApp;
  let query: AnalyticsQueryService;
  const captured: { sql: string; params: unknown[] }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await generate(t.dataSource, { orders: 6000, seed: 11, days: 120 });
    await t.dataSource.query('ANALYZE TABLE orders, ledger_entries, ledger_lines, reviews, tickets, analytics_daily, analytics_daily_city');
    const ctx = t.app.getApplicationContext();
    await (await ctx.getAsync(AnalyticsService)).rebuild();
    query = await ctx.getAsync(AnalyticsQueryService);
    const original = t.dataSource.query.bind(t.dataSource);
    (t.dataSource as any).query = (sql: string, params?: unknown[]) => {
      if (/^\s*SELECT/i.test(sql)) captured.push({ sql, params: params ?? [] });
      return original(sql, params);
    };
    const hospital = Number((await original('SELECT id FROM hospitals WHERE city_id = 1 ORDER BY id LIMIT 1'))[0].id);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const filters: DashboardFilters[] = [
      { from: '2026-01-01', to: today, cityIds: null },
      { from: '2026-01-01', to: today, cityIds: [1, 2] },
      { from: '2026-01-01', to: today, cityIds: [1], categoryCode: 'outpatient' },
      { from: '2026-01-01', to: today, cityIds: [1], hospitalId: hospital },
    ];
    for (const f of filters) {
      await query.operations(f);
      await query.customers(f);
      await query.finance(f);
      await query.quality(f);
    }
    await query.options([1]);
    (t.dataSource as any).query = original;
  }, 240_000);

  afterAll(async () => {
    await t.close();
  });

  it('captured the dashboards queries', () => {
    expect(captured.length).toBeGreaterThan(30);
    expect(captured.some(q => /FROM orders/.test(q.sql))).toBe(true);
  });

  it('never scans a large raw table in full', async () => {
    const scans: string[] = [];
    for (const q of captured) {
      const plan: { table: string; type: string; key: string | null }[] = await t.dataSource.query(`EXPLAIN ${q.sql}`, q.params);
      for (const row of plan) {
        if (row.type === 'ALL' && LARGE.includes(row.table)) scans.push(`${row.table} in: ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    expect(scans).toEqual([]);
    // The check itself sees a full scan when there is one.
    const control: { table: string; type: string }[] = await t.dataSource.query(`EXPLAIN SELECT COUNT(*) FROM orders WHERE cancel_reason = 'x'`);
    expect(control.some(r => r.table === 'orders' && r.type === 'ALL')).toBe(true);
  });

  it('reads the rollups by their primary key (a day range), not by a full scan', async () => {
    const scans: string[] = [];
    // The day-grain tables, including the day × city totals, the per-escort days and the complaint reasons.
    const dayTables = /^analytics_(daily|escort_daily|complaint_daily)/;
    const reads = captured.filter(c => /FROM analytics_(daily|escort_daily|complaint_daily)/.test(c.sql));
    for (const table of ['analytics_daily_total', 'analytics_escort_daily', 'analytics_complaint_daily']) expect(reads.some(q => q.sql.includes(`FROM ${table}`))).toBe(true);
    for (const q of reads) {
      const plan: { table: string; type: string; key: string | null }[] = await t.dataSource.query(`EXPLAIN ${q.sql}`, q.params);
      for (const row of plan) if (dayTables.test(row.table ?? '') && row.type === 'ALL') scans.push(q.sql.replace(/\s+/g, ' ').slice(0, 160));
    }
    expect(scans).toEqual([]);
  });
});
