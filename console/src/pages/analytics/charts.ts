/**
 * The dashboards' page logic, free of React: API response → chart specs (an echarts option plus the
 * same figures as a table) and CSV. Every chart on the 数据分析 pages is built here, so what a
 * chart draws, what its table shows and what its CSV holds are one set of numbers.
 */
import type {
  AnalyticsFilters,
  CustomersDashboard,
  FinanceDashboard,
  OperationsDashboard,
  QualityDashboard,
} from './types';

export interface TableColumn {
  key: string;
  title: string;
}
export type TableRow = Record<string, string | number>;

export interface ChartSpec {
  key: string;
  title: string;
  /** A short note under the title: the definition, what the filters do not apply to. */
  note?: string;
  option: Record<string, unknown>;
  columns: TableColumn[];
  rows: TableRow[];
  height?: number;
}

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 12345 fen → "123.45" (yuan with two decimals, no float arithmetic on fen). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 0.1234 → "12.3%", null → "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function minutesLabel(m: number | null): string {
  if (m === null) return '—';
  if (m < 60) return `${m} 分钟`;
  return `${(m / 60).toFixed(1)} 小时`;
}

/** "2026-03-01T02:00:00.000Z" → "2026-03-01 10:00" (Shanghai). */
export function shanghaiTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** The filters in words, shown on every chart. */
export function describeFilters(f: AnalyticsFilters, names: { cities: Map<number, string>; categories: Map<string, string>; hospitals: Map<number, string> }): string {
  const parts = [`${f.from} 至 ${f.to}`];
  parts.push(f.cityIds === null ? '全部城市' : f.cityIds.map(id => names.cities.get(id) ?? `城市 ${id}`).join('、') || '无城市');
  parts.push(f.categoryCode ? names.categories.get(f.categoryCode) ?? f.categoryCode : '全部服务');
  if (f.hospitalId) parts.push(names.hospitals.get(f.hospitalId) ?? `医院 ${f.hospitalId}`);
  return parts.join(' · ');
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a BOM so Excel opens the Chinese headers correctly. */
export function toCsv(columns: TableColumn[], rows: TableRow[]): string {
  const lines = [columns.map(c => csvCell(c.title)).join(',')];
  for (const r of rows) lines.push(columns.map(c => csvCell(r[c.key] ?? '')).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const GRID = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true };

function lineChart(key: string, title: string, days: string[], series: { name: string; data: number[] }[], extra: Partial<ChartSpec> = {}, valueLabel = (v: number) => String(v)): ChartSpec {
  return {
    key,
    title,
    option: {
      grid: GRID,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: days, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(s => ({ type: 'line', name: s.name, data: s.data, showSymbol: days.length <= 31 })),
    },
    columns: [{ key: 'day', title: '日期' }, ...series.map((s, i) => ({ key: `s${i}`, title: s.name }))],
    rows: days.map((day, d) => ({ day, ...Object.fromEntries(series.map((s, i) => [`s${i}`, valueLabel(s.data[d])])) })),
    ...extra,
  };
}

function barChart(key: string, title: string, labels: string[], values: number[], opts: { horizontal?: boolean; valueTitle?: string; labelTitle?: string; note?: string; format?: (v: number) => string } = {}): ChartSpec {
  const category = { type: 'category', data: labels, ...(opts.horizontal ? { inverse: true } : {}) };
  const value = { type: 'value', minInterval: 1 };
  return {
    key,
    title,
    note: opts.note,
    option: {
      grid: GRID,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: opts.horizontal ? value : category,
      yAxis: opts.horizontal ? category : value,
      series: [{ type: 'bar', data: values, barMaxWidth: 28, label: { show: true, position: opts.horizontal ? 'right' : 'top' } }],
    },
    columns: [
      { key: 'label', title: opts.labelTitle ?? '项目' },
      { key: 'value', title: opts.valueTitle ?? '数量' },
    ],
    rows: labels.map((label, i) => ({ label, value: opts.format ? opts.format(values[i]) : values[i] })),
  };
}

function pieChart(key: string, title: string, items: { name: string; value: number }[], labelTitle: string, valueTitle: string): ChartSpec {
  const total = items.reduce((s, i) => s + i.value, 0);
  return {
    key,
    title,
    option: {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: items, label: { formatter: '{b} {d}%' } }],
    },
    columns: [
      { key: 'label', title: labelTitle },
      { key: 'value', title: valueTitle },
      { key: 'share', title: '占比' },
    ],
    rows: items.map(i => ({ label: i.name, value: i.value, share: percent(total ? i.value / total : null) })),
  };
}

// ---------------------------------------------------------------- operations

export function operationsCharts(d: OperationsDashboard): ChartSpec[] {
  const days = d.daily.map(r => r.day);
  const maxHeat = Math.max(1, ...d.heatmap.map(c => c.count));
  const latencyLabels = d.dispatchLatency.buckets.map(b => (b.toMinutes === null ? `≥${b.fromMinutes}` : `${b.fromMinutes}–${b.toMinutes}`));
  return [
    lineChart('orders-daily', '每日订单', days, [
      { name: '下单', data: d.daily.map(r => r.created) },
      { name: '支付', data: d.daily.map(r => r.paid) },
      { name: '完成', data: d.daily.map(r => r.completed) },
      { name: '取消', data: d.daily.map(r => r.cancelled) },
    ]),
    pieChart('service-mix', '服务结构（已支付订单）', d.serviceMix.map(m => ({ name: m.label, value: m.paid })), '服务类型', '支付订单数'),
    barChart('busiest-hospitals', '热门医院（服务单数）', d.busiestHospitals.map(h => h.name), d.busiestHospitals.map(h => h.orders), { horizontal: true, labelTitle: '医院', valueTitle: '服务单数' }),
    {
      key: 'heatmap',
      title: '预约时段热力图（开始时间，北京时间）',
      note: '已支付订单按服务开始的星期与小时统计',
      option: {
        grid: { left: 8, right: 24, top: 16, bottom: 56, containLabel: true },
        tooltip: { position: 'top' },
        xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}时`), splitArea: { show: true } },
        yAxis: { type: 'category', data: WEEKDAYS, splitArea: { show: true }, inverse: true },
        visualMap: { min: 0, max: maxHeat, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
        series: [{ type: 'heatmap', name: '订单', data: d.heatmap.map(c => [c.hour, c.weekday - 1, c.count]) }],
      },
      columns: [{ key: 'weekday', title: '星期' }, ...Array.from({ length: 24 }, (_, h) => ({ key: `h${h}`, title: `${h}时` }))],
      rows: WEEKDAYS.map((w, i) => ({ weekday: w, ...Object.fromEntries(d.heatmap.filter(c => c.weekday === i + 1).map(c => [`h${c.hour}`, c.count])) })),
      height: 320,
    },
    barChart('dispatch-latency', '派单时效分布（支付 → 首次派单，分钟）', latencyLabels, d.dispatchLatency.buckets.map(b => b.count), {
      labelTitle: '时长区间（分钟）',
      valueTitle: '订单数',
      note: `中位数 ${minutesLabel(d.dispatchLatency.medianMinutes)}，P90 ${minutesLabel(d.dispatchLatency.p90Minutes)}（由分桶直方图估算，误差不超过所在桶宽；客户指定陪诊师的订单不计）`,
    }),
    lineChart('unassigned-daily', '开始时仍未派单的订单', days, [{ name: '未派单开始', data: d.daily.map(r => r.unassignedAtStart) }], {
      note: '已支付、到服务开始时间仍无陪诊师（之前已取消的不计）；今天的数字按当前时间实时计算',
    }),
    barChart('escorts-status', '陪诊师状态（当前）', d.escortsByStatus.map(s => s.label), d.escortsByStatus.map(s => s.count), { labelTitle: '状态', valueTitle: '人数', note: '不受日期、服务类型和医院筛选影响' }),
  ];
}

export function operationsStats(d: OperationsDashboard): { key: string; title: string; value: string }[] {
  return [
    { key: 'created', title: '下单数', value: String(d.totals.created) },
    { key: 'paid', title: '支付数', value: String(d.totals.paid) },
    { key: 'completion-rate', title: '完成率（完成/支付）', value: percent(d.totals.completionRate) },
    { key: 'cancellation-rate', title: '取消率（取消/下单）', value: percent(d.totals.cancellationRate) },
    { key: 'latency-median', title: '派单时效中位数', value: minutesLabel(d.dispatchLatency.medianMinutes) },
    { key: 'latency-p90', title: '派单时效 P90', value: minutesLabel(d.dispatchLatency.p90Minutes) },
    { key: 'unassigned', title: '开始时未派单', value: String(d.unassignedAtStart.total) },
    { key: 'utilization', title: '陪诊师利用率（预约工时/排班工时）', value: percent(d.utilization.rate) },
  ];
}

// ---------------------------------------------------------------- customers

export function customersCharts(d: CustomersDashboard): ChartSpec[] {
  const days = d.daily.map(r => r.day);
  return [
    lineChart('new-customers', '每日新客', days, [{ name: '新客（首次支付）', data: d.daily.map(r => r.newCustomers) }], {
      note: '新客 = 首笔支付订单落在当天的客户，按该订单的城市、服务、医院归属',
    }),
    {
      key: 'funnel',
      title: '转化漏斗',
      note: '询价为报价请求次数；下单、支付、完成为区间内下单的订单及其后续状态',
      option: {
        tooltip: { trigger: 'item', formatter: '{b}: {c}' },
        series: [{ type: 'funnel', left: '10%', width: '80%', sort: 'none', label: { show: true, position: 'inside', formatter: '{b} {c}' }, data: d.funnel.map(f => ({ name: f.label, value: f.count })) }],
      },
      columns: [
        { key: 'label', title: '环节' },
        { key: 'value', title: '数量' },
        { key: 'rate', title: '较上一环节' },
      ],
      rows: d.funnel.map((f, i) => ({ label: f.label, value: f.count, rate: i === 0 ? '—' : percent(d.funnel[i - 1].count ? f.count / d.funnel[i - 1].count : null) })),
    },
    barChart('city-distribution', '城市分布（支付订单）', d.cityDistribution.map(c => c.name), d.cityDistribution.map(c => c.paidOrders), { labelTitle: '城市', valueTitle: '支付订单数' }),
    pieChart('age-groups', '就诊人年龄段（下单时）', d.ageGroups.filter(a => a.count > 0).map(a => ({ name: a.label, value: a.count })), '年龄段', '订单数'),
  ];
}

export function customersStats(d: CustomersDashboard) {
  return [
    { key: 'new-customers', title: '新客数', value: String(d.totals.newCustomers) },
    { key: 'repeat-customers', title: '其中复购客户', value: String(d.totals.repeatCustomers) },
    { key: 'repeat-rate', title: '复购率', value: percent(d.totals.repeatRate) },
  ];
}

// ---------------------------------------------------------------- finance

export function financeCharts(d: FinanceDashboard, granularity: 'day' | 'month' = 'day'): ChartSpec[] {
  const rows = granularity === 'day' ? d.daily.map(r => ({ label: r.day, ...r })) : d.monthly.map(r => ({ label: r.month, ...r }));
  const labels = rows.map(r => r.label);
  const toYuan = (fen: number) => Number(yuan(fen));
  const money = lineChart(
    'money',
    granularity === 'day' ? '每日资金（元）' : '每月资金（元）',
    labels,
    [
      { name: 'GMV', data: rows.map(r => toYuan(r.gmvFen)) },
      { name: '退款', data: rows.map(r => toYuan(r.refundFen)) },
      { name: '平台收入', data: rows.map(r => toYuan(r.platformRevenueFen)) },
      { name: '陪诊师应付', data: rows.map(r => toYuan(r.escortPayableFen)) },
    ],
    { note: 'GMV 为支付入账；平台收入与陪诊师应付在订单完成时确认，取消订单的违约金计入平台收入' },
    v => v.toFixed(2)
  );
  money.columns[0].title = granularity === 'day' ? '日期' : '月份';
  return [
    money,
    barChart('refund-rate', '各服务退款率', d.refundRateByService.map(s => s.label), d.refundRateByService.map(s => Math.round((s.refundRate ?? 0) * 1000) / 10), {
      labelTitle: '服务类型',
      valueTitle: '退款率（%）',
      note: '退款金额 / 支付金额（同一时间段）',
    }),
  ];
}

export function financeStats(d: FinanceDashboard) {
  return [
    { key: 'gmv', title: 'GMV（元）', value: yuan(d.totals.gmvFen) },
    { key: 'refund', title: '退款（元）', value: yuan(d.totals.refundFen) },
    { key: 'platform-revenue', title: '平台收入（元）', value: yuan(d.totals.platformRevenueFen) },
    { key: 'escort-payable', title: '陪诊师应付（元）', value: yuan(d.totals.escortPayableFen) },
    { key: 'refund-rate', title: '退款率', value: percent(d.totals.refundRate) },
  ];
}

// ---------------------------------------------------------------- quality

export function qualityCharts(d: QualityDashboard): ChartSpec[] {
  const days = d.daily.map(r => r.day);
  const pct = (v: number | null) => (v === null ? (null as unknown as number) : Math.round(v * 1000) / 10);
  const ranking = barChart('escort-ranking', '陪诊师评分排名（前 20）', d.escortRanking.map(e => e.name), d.escortRanking.map(e => e.avgRating), {
    horizontal: true,
    note: '所选时间内至少 3 条评价的陪诊师，按平均评分排序；只按城市筛选（陪诊师服务所有服务类型与医院）',
  });
  ranking.height = Math.max(300, d.escortRanking.length * 26);
  ranking.columns = [
    { key: 'label', title: '陪诊师' },
    { key: 'value', title: '平均评分' },
    { key: 'reviews', title: '评价数' },
    { key: 'goodRate', title: '好评率' },
    { key: 'badRate', title: '差评率' },
    { key: 'complaints', title: '投诉' },
  ];
  ranking.rows = d.escortRanking.map(e => ({ label: e.name, value: e.avgRating.toFixed(2), reviews: e.reviews, goodRate: percent(e.goodRate), badRate: percent(e.badRate), complaints: e.complaints }));
  return [
    barChart('ratings', '评分分布', d.ratingDistribution.map(r => `${r.star} 星`), d.ratingDistribution.map(r => r.count), {
      labelTitle: '评分',
      valueTitle: '评价数',
      note: d.reviewsConnected ? '按评价日期；隐藏的评价也计入' : '评价模块接入后显示（汇总表已预留评分列）',
    }),
    lineChart(
      'good-bad-rate',
      '好评率 / 差评率趋势（%）',
      days,
      [
        { name: '好评率（4–5 星）', data: d.daily.map(r => pct(r.goodRate)) },
        { name: '差评率（1–2 星）', data: d.daily.map(r => pct(r.badRate)) },
      ],
      { note: '当日评价中的占比' },
      v => (v === null || v === undefined ? '—' : `${v}%`)
    ),
    lineChart(
      'complaints-per-100',
      '每百单投诉',
      days,
      [{ name: '每百单投诉', data: d.daily.map(r => (r.complaintsPer100 === null ? (null as unknown as number) : r.complaintsPer100)) }],
      { note: '服务投诉工单数（按开单日期）/ 当日完成订单 × 100' },
      v => (v === null || v === undefined ? '—' : String(v))
    ),
    barChart('complaint-reasons', '投诉原因排行', d.topComplaintReasons.map(r => r.reason), d.topComplaintReasons.map(r => r.count), {
      horizontal: true,
      labelTitle: '原因',
      valueTitle: '投诉数',
      note: '差评回访取评价的第一个标签，其余按发起方',
    }),
    ranking,
    lineChart('completed-daily', '每日完成订单（评价与投诉的分母）', days, [{ name: '完成', data: d.daily.map(r => r.completed) }]),
  ];
}

export function qualityStats(d: QualityDashboard) {
  return [
    { key: 'completed', title: '完成订单', value: String(d.totals.completed) },
    { key: 'reviews', title: '评价数', value: String(d.totals.reviews) },
    { key: 'avg-rating', title: '平均评分', value: d.totals.avgRating === null ? '—' : d.totals.avgRating.toFixed(2) },
    { key: 'good-rate', title: '好评率', value: percent(d.totals.goodRate) },
    { key: 'complaints-per-100', title: '每百单投诉', value: d.totals.complaintsPer100 === null ? '—' : String(d.totals.complaintsPer100) },
  ];
}
