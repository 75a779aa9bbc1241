import { Alert } from 'antd';
import { getAdminAnalyticsQuality } from '@/services/generated';
import { qualityCharts } from '../charts';
import DashboardPage from '../components/dashboard-page';
import type { AnalyticsQuery, QualityDashboard } from '../types';

const load = (q: AnalyticsQuery) => getAdminAnalyticsQuality<QualityDashboard>(q);
const build = (d: QualityDashboard) => ({
  stats: [
    { key: 'completed', title: '完成订单', value: String(d.totals.completed) },
    { key: 'reviews', title: '评价数', value: d.reviewsConnected ? String(d.totals.reviews) : '待接入' },
    { key: 'complaints-per-100', title: '每百单投诉', value: d.ticketsConnected && d.totals.complaintsPer100 !== null ? String(d.totals.complaintsPer100) : '待接入' },
  ],
  charts: qualityCharts(d),
});

export default function QualityDashboardPage() {
  return (
    <DashboardPage
      title="服务质量"
      load={load}
      build={build}
      banner={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="评价与投诉模块尚未接入"
          description="评分分布、好评/差评率趋势、每百单投诉、投诉原因排行与陪诊师排名将在评价、工单模块上线后显示；日汇总表已预留对应的计数列。"
        />
      }
    />
  );
}
