import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { Alert, Button, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getAdminAnalyticsOptions } from '@/services/generated';
import { describeFilters, shanghaiTime, type ChartSpec } from '../charts';
import type { AnalyticsFilters, AnalyticsOptions, AnalyticsQuery } from '../types';
import ChartCard from './chart-card';
import FilterBar from './filter-bar';

export interface Stat {
  key: string;
  title: string;
  value: string;
}

interface Props<T extends { refreshedAt: string; filters: AnalyticsFilters }> {
  title: string;
  load: (q: AnalyticsQuery) => Promise<T>;
  build: (data: T) => { stats: Stat[]; charts: ChartSpec[] };
  banner?: ReactNode;
  extra?: ReactNode;
  defaultDays?: number;
}

/** A dashboard: filters, headline figures, then one card per chart. */
export default function DashboardPage<T extends { refreshedAt: string; filters: AnalyticsFilters }>({ title, load, build, banner, extra, defaultDays = 30 }: Props<T>) {
  const [query, setQuery] = useState<AnalyticsQuery>(() => ({ from: dayjs().subtract(defaultDays - 1, 'day').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') }));
  const [options, setOptions] = useState<AnalyticsOptions | null>(null);
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    getAdminAnalyticsOptions<AnalyticsOptions>().then(setOptions, () => setOptions(null));
  }, []);

  const refresh = useCallback(async () => {
    setLoading(true);
    setFailed(false);
    try {
      setData(await load(query));
    } catch {
      // The request layer already showed the backend's message.
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [load, query]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const names = useMemo(
    () => ({
      cities: new Map((options?.cities ?? []).map(c => [c.id, c.name])),
      categories: new Map((options?.categories ?? []).map(c => [c.code, c.label])),
      hospitals: new Map((options?.hospitals ?? []).map(h => [h.id, h.name])),
    }),
    [options]
  );
  const built = useMemo(() => (data ? build(data) : null), [data, build]);

  return (
    <PageContainer
      title={title}
      subTitle={data ? `数据更新于 ${shanghaiTime(data.refreshedAt)}（北京时间）` : undefined}
      extra={
        <Button icon={<ReloadOutlined />} onClick={refresh} loading={loading}>
          刷新
        </Button>
      }
    >
      <ProCard style={{ marginBottom: 16 }}>
        <FilterBar options={options} value={query} onChange={setQuery} />
        {extra}
      </ProCard>
      {banner}
      {failed && !data ? (
        <Result status="warning" title="看板数据加载失败" extra={<Button onClick={refresh}>重试</Button>} />
      ) : !data || !built ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : (
        <Spin spinning={loading}>
          <ProCard gutter={[16, 16]} wrap ghost style={{ marginBottom: 16 }}>
            {built.stats.map(s => (
              <ProCard key={s.key} colSpan={{ xs: 12, md: 6 }} ghost>
                <div data-testid={`stat-${s.key}`}>
                  <StatisticCard bordered statistic={{ title: s.title, value: s.value }} />
                </div>
              </ProCard>
            ))}
          </ProCard>
          {built.charts.length === 0 ? <Alert type="info" message="所选范围内没有数据" /> : null}
          <ProCard gutter={[16, 16]} wrap ghost>
            {built.charts.map(spec => (
              <ProCard key={spec.key} colSpan={{ xs: 24, xl: spec.key === 'heatmap' || spec.key === 'orders-daily' || spec.key === 'money' ? 24 : 12 }} ghost>
                <ChartCard spec={spec} filtersText={describeFilters(data.filters, names)} refreshedText={shanghaiTime(data.refreshedAt)} fileSuffix={`${data.filters.from}_${data.filters.to}`} />
              </ProCard>
            ))}
          </ProCard>
        </Spin>
      )}
    </PageContainer>
  );
}
