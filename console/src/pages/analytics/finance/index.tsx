import { Segmented } from 'antd';
import { useCallback, useState } from 'react';
import { getAdminAnalyticsFinance } from '@/services/generated';
import { financeCharts, financeStats } from '../charts';
import DashboardPage from '../components/dashboard-page';
import type { AnalyticsQuery, FinanceDashboard } from '../types';

const load = (q: AnalyticsQuery) => getAdminAnalyticsFinance<FinanceDashboard>(q);

export default function FinanceDashboardPage() {
  const [granularity, setGranularity] = useState<'day' | 'month'>('day');
  const build = useCallback((d: FinanceDashboard) => ({ stats: financeStats(d), charts: financeCharts(d, granularity) }), [granularity]);
  return (
    <DashboardPage
      title="财务看板"
      load={load}
      build={build}
      extra={
        <Segmented
          style={{ marginTop: 12 }}
          value={granularity}
          onChange={v => setGranularity(v as 'day' | 'month')}
          options={[
            { label: '按日', value: 'day' },
            { label: '按月', value: 'month' },
          ]}
        />
      }
    />
  );
}
