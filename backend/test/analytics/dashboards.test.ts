import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, customerLogin, expectError, expectOk } from '../helpers/http';
import { orderWorld, OrderWorld, pay, services, startIn } from '../orders/order-fixtures';
import { generate } from '../../scripts/lib/datagen';
import { AnalyticsService } from '../../src/modules/analytics/analytics.service';

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
    expect(quality.reviewsConnected).toBe(false);
    expect(quality.totals.completed).toBe(await sum('completed_count', 'day >= ?', [from]));
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
