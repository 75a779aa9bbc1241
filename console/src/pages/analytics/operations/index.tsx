import { getAdminAnalyticsOperations } from '@/services/generated';
import { operationsCharts, operationsStats } from '../charts';
import DashboardPage from '../components/dashboard-page';
import type { AnalyticsQuery, OperationsDashboard } from '../types';

const load = (q: AnalyticsQuery) => getAdminAnalyticsOperations<OperationsDashboard>(q);
const build = (d: OperationsDashboard) => ({ stats: operationsStats(d), charts: operationsCharts(d) });

export default function OperationsDashboardPage() {
  return <DashboardPage title="运营看板" load={load} build={build} />;
}
