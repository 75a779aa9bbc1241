import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, customerLogin, expectError, expectOk } from '../helpers/http';
import { orderWorld, OrderWorld, pay, services, startIn } from '../orders/order-fixtures';
import { generate } from '../../scripts/lib/datagen';
import { AnalyticsService, sqliteDatetime } from '../../src/modules/analytics/analytics.service';

const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('the analytics dashboards API', () => {
  let t: TestApp;
  let w: OrderWorld;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
    admin = await staffToken(t, 'admin');
    await generate(t.dataSource, { orders: 800, seed: 3, days: 40 });
    await (await t.app.getApplicationContext().getAsync(AnalyticsService)).rebuild();
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  const get = async (path: string, query: Record<string, unknown> = {}, token = admin) => expectOk(await t.http().get(`/api/admin/analytics/${path}`).query(query).set(bearer(token)));
  const sum = async (measure: string, where = '1 = 1', params: unknown[] = [], table = 'analytics_daily_city') =>
    Number((await t.dataSource.query(`SELECT COALESCE(SUM(${measure}), 0) AS n FROM ${table} WHERE ${where}`, params))[0].n);

  it('answers the operations figures from the rollups, with the filters and the refresh time', async () => {
    const from = daysAgo(29);
    const to = shanghaiToday();
    const data = await get('operations', { from, to });
    expect(data.filters).toEqual({ from, to, cityIds: null });
    expect(Date.now() - Date.parse(data.refreshedAt)).toBeLessThan(60_000);
    expect(data.daily).toHaveLength(30);
    const range: [string, unknown[]] = ['day >= ? AND day <= ?', [from, to]];
    expect(data.totals.created).toBe(await sum('created_count', ...range));
    expect(data.daily.reduce((s: number, d: any) => s + d.paid, 0)).toBe(await sum('paid_count', ...range));
    expect(data.daily.reduce((s: number, d: any) => s + d.completed, 0)).toBe(await sum('completed_count', ...range));
    expect(data.totals.completionRate).toBeCloseTo(data.totals.completed / data.totals.paid, 3);
    expect(data.serviceMix.reduce((s: number, m: any) => s + m.paid, 0)).toBe(await sum('paid_count', ...range));
    expect(data.heatmap).toHaveLength(7 * 24);
    expect(data.heatmap.reduce((s: number, c: any) => s + c.count, 0)).toBe(await sum('start_count', ...range));
    expect(data.dispatchLatency.samples).toBeGreaterThan(0);
    expect(data.dispatchLatency.p90Minutes).toBeGreaterThanOrEqual(data.dispatchLatency.medianMinutes);
    expect(data.busiestHospitals.length).toBeGreaterThan(0);
    expect(data.utilization.shiftHours).toBeGreaterThan(0);
    expect(data.escortsByStatus.find((s: any) => s.status === 'active').count).toBeGreaterThan(0);
  });

  it('narrows by city, service and hospital', async () => {
    const all = await get('operations', { from: daysAgo(40) });
    const sh = await get('operations', { from: daysAgo(40), cityId: 1 });
    const bj = await get('operations', { from: daysAgo(40), cityId: 2 });
    expect(sh.totals.created + bj.totals.created).toBeLessThanOrEqual(all.totals.created);
    const outpatient = await get('operations', { from: daysAgo(40), cityId: 1, categoryCode: 'outpatient' });
    expect(outpatient.serviceMix.map((m: any) => m.categoryCode)).toEqual(['outpatient']);
    const top = sh.busiestHospitals[0];
    const one = await get('operations', { from: daysAgo(40), cityId: 1, hospitalId: top.hospitalId });
    expect(one.busiestHospitals).toEqual([top]);
    expect(one.totals.created).toBe(await sum('created_count', 'day >= ? AND city_id = 1 AND hospital_id = ?', [daysAgo(40), top.hospitalId], 'analytics_daily'));
  });

  it('shows a new order and its payment at once (the outbox is folded before each read)', async () => {
    const before = await get('operations', { cityId: 1 });
    const order = await (await services(t).orders()).create(w.customerId, { serviceItemId: w.outpatientItemId, cityId: 1, hospitalId: w.hospitalId, patientId: w.patientId, startAt: startIn(26 * 60), durationMinutes: 120 });
    await pay(t, order.id);
    const after = await get('operations', { cityId: 1 });
    expect(after.totals.created).toBe(before.totals.created + 1);
    expect(after.totals.paid).toBe(before.totals.paid + 1);
  });

  it('answers customers and finance consistently with the rollups', async () => {
    const from = daysAgo(39);
    const customers = await get('customers', { from });
    expect(customers.totals.newCustomers).toBe(await sum('new_customers', 'day >= ?', [from]));
    expect(customers.funnel.map((f: any) => f.stage)).toEqual(['quote', 'order', 'paid', 'completed']);
    expect(customers.funnel[1].count).toBeGreaterThanOrEqual(customers.funnel[2].count);
    expect(customers.ageGroups.reduce((s: number, a: any) => s + a.count, 0)).toBeGreaterThan(0);
    const finance = await get('finance', { from });
    expect(finance.totals.gmvFen).toBe(await sum('gmv_fen', 'day >= ?', [from]));
    expect(finance.monthly.reduce((s: number, m: any) => s + m.platformRevenueFen, 0)).toBe(finance.totals.platformRevenueFen);
    expect(finance.refundRateByService.length).toBeGreaterThan(0);
    const quality = await get('quality', { from });
    expect(quality.totals.completed).toBe(await sum('completed_count', 'day >= ?', [from]));
  });

  it('answers quality from the reviews and complaints (rating mix, complaints per 100, reasons, escort ranking)', async () => {
    const from = daysAgo(39);
    const quality = await get('quality', { from });
    // Against the raw reviews and tickets (every generated review and complaint falls inside the 40 days).
    const sinceDate = new Date(Date.parse(`${from}T00:00:00+08:00`));
    const since = String(t.dataSource.options.type).includes('sqlite') ? sqliteDatetime(sinceDate) : sinceDate;
    const raw = await t.dataSource.query('SELECT overall, COUNT(*) AS n FROM reviews WHERE created_at >= ? GROUP BY overall', [since]);
    const byStar = new Map(raw.map((r: any) => [Number(r.overall), Number(r.n)]));
    expect(quality.ratingDistribution.map((d: any) => d.count)).toEqual([1, 2, 3, 4, 5].map(s => byStar.get(s) ?? 0));
    expect(quality.totals.reviews).toBeGreaterThan(20);
    const complaints = Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM tickets WHERE type = 'service_complaint' AND order_id IS NOT NULL AND created_at >= ?`, [since]))[0].n);
    expect(quality.totals.complaints).toBe(complaints);
    expect(complaints).toBeGreaterThan(0);
    expect(quality.totals.complaintsPer100).toBeCloseTo((complaints / quality.totals.completed) * 100, 1);
    expect(quality.topComplaintReasons.reduce((s: number, r: any) => s + r.count, 0)).toBeLessThanOrEqual(complaints);
    expect(quality.topComplaintReasons[0].count).toBeGreaterThanOrEqual(quality.topComplaintReasons[quality.topComplaintReasons.length - 1].count);
    expect(quality.escortRanking.length).toBeGreaterThan(0);
    const best = quality.escortRanking[0];
    const [mine] = await t.dataSource.query('SELECT COUNT(*) AS n, SUM(overall) AS s FROM reviews WHERE escort_id = ? AND created_at >= ?', [best.escortId, since]);
    expect(best.reviews).toBe(Number(mine.n));
    expect(best.avgRating).toBeCloseTo(Number(mine.s) / Number(mine.n), 2);
    const day = quality.daily.find((d: any) => d.reviews > 0);
    expect(day.goodRate).toBeGreaterThanOrEqual(0);
  });

  it('takes dated time off and approved leave out of the shift minutes of utilization', async () => {
    const day = daysAgo(12);
    const q = { from: day, to: day, cityId: 1 };
    const at = (d: Date) => (String(t.dataSource.options.type).includes('sqlite') ? sqliteDatetime(d) : d);
    // An active escort of 上海 with a template on that weekday and nothing dated that day yet.
    const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const [escort] = await t.dataSource.query(
      `SELECT s.escort_id AS id, SUM(s.end_minute - s.start_minute) AS minutes FROM escort_weekly_shifts s JOIN escorts e ON e.id = s.escort_id
       WHERE e.status = 'active' AND e.city_id = 1 AND s.weekday = ?
         AND NOT EXISTS (SELECT 1 FROM escort_leaves l WHERE l.escort_id = s.escort_id AND l.status = 'approved')
         AND NOT EXISTS (SELECT 1 FROM escort_shift_exceptions x WHERE x.escort_id = s.escort_id)
       GROUP BY s.escort_id HAVING SUM(s.end_minute - s.start_minute) <= 1380 ORDER BY s.escort_id LIMIT 1`,
      [weekday]
    );
    const minutes = Number(escort.minutes);
    const before = (await get('operations', q)).utilization.shiftHours;
    // A whole day off.
    await t.dataSource.query(`INSERT INTO escort_shift_exceptions (escort_id, date, kind, start_minute, end_minute, note, created_by_name, created_at) VALUES (?, ?, 'off', NULL, NULL, '', '', ?)`, [escort.id, day, at(new Date())]);
    expect((await get('operations', q)).utilization.shiftHours).toBeCloseTo(before - minutes / 60, 1);
    await t.dataSource.query('DELETE FROM escort_shift_exceptions WHERE escort_id = ?', [escort.id]);
    // An extra hour outside the template adds one (a whole day off would take it away too, as in the schedules module).
    const ranges: any[] = await t.dataSource.query('SELECT start_minute, end_minute FROM escort_weekly_shifts WHERE escort_id = ? AND weekday = ?', [escort.id, weekday]);
    const free = [...Array(24).keys()].map(h => h * 60).find(m => ranges.every(r => Number(r.end_minute) <= m || Number(r.start_minute) >= m + 60))!;
    await t.dataSource.query(`INSERT INTO escort_shift_exceptions (escort_id, date, kind, start_minute, end_minute, note, created_by_name, created_at) VALUES (?, ?, 'extra', ?, ?, '', '', ?)`, [escort.id, day, free, free + 60, at(new Date())]);
    expect((await get('operations', q)).utilization.shiftHours).toBeCloseTo(before + 1, 1);
    await t.dataSource.query('DELETE FROM escort_shift_exceptions WHERE escort_id = ?', [escort.id]);
    // Approved leave over the whole day; a pending one changes nothing.
    const start = new Date(`${day}T00:00:00+08:00`);
    const end = new Date(start.getTime() + 86_400_000);
    const leave = (status: string) =>
      t.dataSource.query(`INSERT INTO escort_leaves (escort_id, city_id, type, start_at, end_at, reason, status, source, created_by_name, created_at, updated_at) VALUES (?, 1, 'personal', ?, ?, '', ?, 'staff', '', ?, ?)`, [
        escort.id, at(start), at(end), status, at(new Date()), at(new Date()),
      ]);
    await leave('pending');
    expect((await get('operations', q)).utilization.shiftHours).toBeCloseTo(before, 1);
    await leave('approved');
    expect((await get('operations', q)).utilization.shiftHours).toBeCloseTo(before - minutes / 60, 1);
    await t.dataSource.query('DELETE FROM escort_leaves WHERE escort_id = ? AND reason = ?', [escort.id, '']);
  });

  it('limits staff to their cities and the analytics permission', async () => {
    const ops = await staffToken(t, 'ops');
    const mine = await get('operations', { from: daysAgo(40) }, ops);
    expect(mine.filters.cityIds).toEqual([1]);
    const adminShanghai = await get('operations', { from: daysAgo(40), cityId: 1 });
    expect(mine.totals).toEqual(adminShanghai.totals);
    expectError(await t.http().get('/api/admin/analytics/operations').query({ cityId: 2 }).set(bearer(ops)), 403, 'CITY_SCOPE_FORBIDDEN');
    expect((await get('options', {}, ops)).cities.map((c: any) => c.id)).toEqual([1]);
    expectError(await t.http().get('/api/admin/analytics/finance').set(bearer(await staffToken(t, 'support'))), 403, 'FORBIDDEN');
    const { accessToken } = await customerLogin(t, '13200000009');
    expectError(await t.http().get('/api/admin/analytics/finance').set(bearer(accessToken)), 403, 'FORBIDDEN');
  });

  it('refuses a reversed or malformed range', async () => {
    expectError(await t.http().get('/api/admin/analytics/finance').query({ from: '2026-02-01', to: '2026-01-01' }).set(bearer(admin)), 400, 'VALIDATION_FAILED');
    expectError(await t.http().get('/api/admin/analytics/finance').query({ from: '2026/02/01' }).set(bearer(admin)), 400, 'VALIDATION_FAILED');
  });
});
