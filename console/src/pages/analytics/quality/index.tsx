import { getAdminAnalyticsQuality } from '@/services/generated';
import { qualityCharts, qualityStats } from '../charts';
import DashboardPage from '../components/dashboard-page';
import type { AnalyticsQuery, QualityDashboard } from '../types';

const load = (q: AnalyticsQuery) => getAdminAnalyticsQuality<QualityDashboard>(q);
const build = (d: QualityDashboard) => ({ stats: qualityStats(d), charts: qualityCharts(d) });

export default function QualityDashboardPage() {
  return <DashboardPage title="服务质量" load={load} build={build} />;
}
