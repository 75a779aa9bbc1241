import { customersCharts, describeFilters, financeCharts, financeStats, operationsCharts, operationsStats, percent, qualityCharts, qualityStats, shanghaiTime, toCsv, yuan } from './charts';
import type { CustomersDashboard, FinanceDashboard, OperationsDashboard, QualityDashboard } from './types';

const filters = { from: '2026-03-01', to: '2026-03-02', cityIds: [1] };
const refreshedAt = '2026-03-02T02:00:00.000Z';

const operations: OperationsDashboard = {
  refreshedAt,
  filters,
  daily: [
    { day: '2026-03-01', created: 10, paid: 8, completed: 5, cancelled: 1, unassignedAtStart: 0 },
    { day: '2026-03-02', created: 12, paid: 9, completed: 6, cancelled: 2, unassignedAtStart: 1 },
  ],
  totals: { created: 22, paid: 17, completed: 11, cancelled: 3, completionRate: 0.6471, cancellationRate: 0.1364 },
  serviceMix: [
    { categoryCode: 'outpatient', label: '门诊陪诊', paid: 12 },
    { categoryCode: 'errand', label: '同城代办', paid: 5 },
  ],
  busiestHospitals: [{ hospitalId: 3, name: '瑞金医院', orders: 9 }],
  heatmap: Array.from({ length: 7 * 24 }, (_, i) => ({ weekday: Math.floor(i / 24) + 1, hour: i % 24, count: i === 9 ? 4 : 0 })),
  dispatchLatency: { samples: 10, medianMinutes: 12.5, p90Minutes: 75, buckets: [{ fromMinutes: 0, toMinutes: 5, count: 3 }, { fromMinutes: 2880, toMinutes: null, count: 1 }] },
  unassignedAtStart: { total: 1, starts: 17, rate: 0.0588 },
  utilization: { bookedHours: 40, shiftHours: 160, rate: 0.25 },
  escortsByStatus: [{ status: 'active', label: '在岗（已签约）', count: 7 }],
};

describe('dashboard chart specs', () => {
  it('formats fen as yuan without floating point and rates as percentages', () => {
    expect(yuan(1234567)).toBe('12345.67');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(-250)).toBe('-2.50');
    expect(percent(0.6471)).toBe('64.7%');
    expect(percent(null)).toBe('—');
  });

  it('shows times in Shanghai', () => {
    expect(shanghaiTime(refreshedAt)).toBe('2026-03-02 10:00');
  });

  it('draws the daily orders as four lines whose table holds the same numbers', () => {
    const spec = operationsCharts(operations).find(c => c.key === 'orders-daily')!;
    const series = spec.option.series as { name: string; data: number[] }[];
    expect(series.map(s => s.name)).toEqual(['下单', '支付', '完成', '取消']);
    expect(series[0].data).toEqual([10, 12]);
    expect(spec.rows).toEqual([
      { day: '2026-03-01', s0: '10', s1: '8', s2: '5', s3: '1' },
      { day: '2026-03-02', s0: '12', s1: '9', s2: '6', s3: '2' },
    ]);
  });

  it('puts the heatmap cells at [hour, weekday index, count] and tabulates weekdays by hour', () => {
    const spec = operationsCharts(operations).find(c => c.key === 'heatmap')!;
    const data = (spec.option.series as { data: number[][] }[])[0].data;
    expect(data).toContainEqual([9, 0, 4]);
    expect(spec.rows[0]).toMatchObject({ weekday: '周一', h9: 4, h10: 0 });
    expect((spec.option.visualMap as { max: number }).max).toBe(4);
  });

  it('labels the open-ended latency bucket and states median and P90 in the note', () => {
    const spec = operationsCharts(operations).find(c => c.key === 'dispatch-latency')!;
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['0–5', '≥2880']);
    expect(spec.note).toContain('中位数 12.5 分钟');
    expect(spec.note).toContain('P90 1.3 小时');
  });

  it('gives the headline figures the page shows', () => {
    expect(operationsStats(operations).find(s => s.key === 'created')!.value).toBe('22');
    expect(operationsStats(operations).find(s => s.key === 'utilization')!.value).toBe('25.0%');
  });

  it('exports CSV with a BOM, Chinese headers and quoted commas', () => {
    const csv = toCsv([{ key: 'a', title: '医院' }, { key: 'b', title: '数量' }], [{ a: '瑞金医院,总院', b: 3 }]);
    expect(csv).toBe('\uFEFF医院,数量\r\n"瑞金医院,总院",3\r\n');
  });

  it('describes the filters in words', () => {
    const names = { cities: new Map([[1, '上海']]), categories: new Map([['outpatient', '门诊陪诊']]), hospitals: new Map([[3, '瑞金医院']]) };
    expect(describeFilters({ ...filters, categoryCode: 'outpatient', hospitalId: 3 }, names)).toBe('2026-03-01 至 2026-03-02 · 上海 · 门诊陪诊 · 瑞金医院');
    expect(describeFilters({ ...filters, cityIds: null }, names)).toBe('2026-03-01 至 2026-03-02 · 全部城市 · 全部服务');
  });

  it('builds the finance lines in yuan by day or by month', () => {
    const finance: FinanceDashboard = {
      refreshedAt,
      filters,
      daily: [
        { day: '2026-02-28', gmvFen: 10000, refundFen: 0, platformRevenueFen: 3000, escortPayableFen: 7000 },
        { day: '2026-03-01', gmvFen: 20050, refundFen: 1000, platformRevenueFen: 0, escortPayableFen: 0 },
      ],
      monthly: [
        { month: '2026-02', gmvFen: 10000, refundFen: 0, platformRevenueFen: 3000, escortPayableFen: 7000 },
        { month: '2026-03', gmvFen: 20050, refundFen: 1000, platformRevenueFen: 0, escortPayableFen: 0 },
      ],
      totals: { gmvFen: 30050, refundFen: 1000, platformRevenueFen: 3000, escortPayableFen: 7000, refundRate: 0.0333 },
      refundRateByService: [{ categoryCode: 'outpatient', label: '门诊陪诊', gmvFen: 30050, refundFen: 1000, refundRate: 0.0333 }],
    };
    const byDay = financeCharts(finance, 'day')[0];
    expect((byDay.option.series as { data: number[] }[])[0].data).toEqual([100, 200.5]);
    expect(byDay.rows[1]).toMatchObject({ day: '2026-03-01', s0: '200.50' });
    const byMonth = financeCharts(finance, 'month')[0];
    expect(byMonth.columns[0].title).toBe('月份');
    expect(byMonth.rows.map(r => r.day)).toEqual(['2026-02', '2026-03']);
    expect(financeStats(finance).find(s => s.key === 'gmv')!.value).toBe('300.50');
    expect((financeCharts(finance)[1].option.series as { data: number[] }[])[0].data).toEqual([3.3]);
  });

  it('shows the funnel with each step against the one before', () => {
    const customers: CustomersDashboard = {
      refreshedAt,
      filters,
      daily: [{ day: '2026-03-01', newCustomers: 3, repeatCustomers: 1 }],
      totals: { newCustomers: 3, repeatCustomers: 1, repeatRate: 0.3333 },
      funnel: [
        { stage: 'quote', label: '询价', count: 40 },
        { stage: 'order', label: '下单', count: 20 },
        { stage: 'paid', label: '支付', count: 15 },
        { stage: 'completed', label: '完成', count: 12 },
      ],
      cityDistribution: [{ cityId: 1, name: '上海', newCustomers: 3, paidOrders: 15 }],
      ageGroups: [
        { group: 'age_60_79', label: '60–79 岁', count: 9 },
        { group: 'age_u18', label: '18 岁以下', count: 0 },
      ],
    };
    const funnel = customersCharts(customers).find(c => c.key === 'funnel')!;
    expect(funnel.rows.map(r => r.rate)).toEqual(['—', '50.0%', '75.0%', '80.0%']);
    const ages = customersCharts(customers).find(c => c.key === 'age-groups')!;
    expect(ages.rows).toEqual([{ label: '60–79 岁', value: 9, share: '100.0%' }]);
  });

  it('builds the quality charts from reviews and complaints: rates in percent, reasons, the escort ranking table', () => {
    const quality: QualityDashboard = {
      refreshedAt,
      filters,
      reviewsConnected: true,
      ticketsConnected: true,
      daily: [
        { day: '2026-03-01', completed: 4, reviews: 2, goodRate: 0.5, badRate: 0.5, complaintsPer100: 25 },
        { day: '2026-03-02', completed: 0, reviews: 0, goodRate: null, badRate: null, complaintsPer100: null },
      ],
      totals: { completed: 4, reviews: 2, complaints: 1, complaintsPer100: 25, goodRate: 0.5, badRate: 0.5, avgRating: 3 },
      ratingDistribution: [1, 2, 3, 4, 5].map(star => ({ star, count: star === 1 || star === 5 ? 1 : 0 })),
      topComplaintReasons: [{ reason: '迟到', count: 1 }],
      escortRanking: [{ escortId: 7, name: '王芳', reviews: 3, avgRating: 4.67, goodRate: 0.6667, badRate: 0, complaints: 1 }],
    };
    const charts = qualityCharts(quality);
    expect(charts.map(c => c.key)).toEqual(['ratings', 'good-bad-rate', 'complaints-per-100', 'complaint-reasons', 'escort-ranking', 'completed-daily']);
    expect(charts.find(c => c.key === 'good-bad-rate')!.rows).toEqual([
      { day: '2026-03-01', s0: '50%', s1: '50%' },
      { day: '2026-03-02', s0: '—', s1: '—' },
    ]);
    expect(charts.find(c => c.key === 'complaint-reasons')!.rows).toEqual([{ label: '迟到', value: 1 }]);
    expect(charts.find(c => c.key === 'escort-ranking')!.rows).toEqual([{ label: '王芳', value: '4.67', reviews: 3, goodRate: '66.7%', badRate: '0.0%', complaints: 1 }]);
    expect(qualityStats(quality).map(s => s.value)).toEqual(['4', '2', '3.00', '50.0%', '25']);
  });
});
