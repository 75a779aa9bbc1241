import { getAdminAnalyticsCustomers } from '@/services/generated';
import { customersCharts, customersStats } from '../charts';
import DashboardPage from '../components/dashboard-page';
import type { AnalyticsQuery, CustomersDashboard } from '../types';

const load = (q: AnalyticsQuery) => getAdminAnalyticsCustomers<CustomersDashboard>(q);
const build = (d: CustomersDashboard) => ({ stats: customersStats(d), charts: customersCharts(d) });

export default function CustomersDashboardPage() {
  return <DashboardPage title="客户看板" load={load} build={build} />;
}
