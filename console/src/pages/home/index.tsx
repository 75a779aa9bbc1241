import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { Button, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { getAdminDashboardToday } from '@/services/generated';
import type { DashboardToday } from '@/services/models';
import ActivityChart from './components/activity-chart';

type CountKey = Exclude<keyof DashboardToday, 'date'>;

const CARDS: { key: CountKey; title: string; sub?: { key: CountKey; title: string } }[] = [
  { key: 'customersTotal', title: '客户总数', sub: { key: 'customersNewToday', title: '今日新增' } },
  { key: 'escortsTotal', title: '陪诊师', sub: { key: 'escortsActive', title: '在岗' } },
  { key: 'hospitalsTotal', title: '合作医院' },
  { key: 'serviceItemsTotal', title: '服务项目' },
];

const ACTIVITY: { key: CountKey; label: string }[] = [
  { key: 'staffLoginsToday', label: '员工登录' },
  { key: 'failedLoginsToday', label: '登录失败' },
  { key: 'smsSentToday', label: '短信发送' },
  { key: 'auditEventsToday', label: '审计事件' },
];

export default function HomePage() {
  const [data, setData] = useState<DashboardToday | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setFailed(false);
    try {
      setData(await getAdminDashboardToday<DashboardToday>());
    } catch {
      // The request layer already showed the backend's message.
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <PageContainer
      title="今日概览"
      subTitle={data ? `${data.date}（北京时间）` : undefined}
      extra={
        <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
          刷新
        </Button>
      }
    >
      {failed && !data ? (
        <Result status="warning" title="看板数据加载失败" extra={<Button onClick={load}>重试</Button>} />
      ) : (
        <>
          <StatisticCard.Group direction="row" loading={loading && !data}>
            {CARDS.map((card) => (
              <StatisticCard
                key={card.key}
                statistic={{
                  title: card.title,
                  value: data ? data[card.key] : 0,
                  description:
                    card.sub && data ? (
                      <StatisticCard.Statistic title={card.sub.title} value={data[card.sub.key]} />
                    ) : undefined,
                }}
              />
            ))}
          </StatisticCard.Group>
          <ProCard title="今日活动" style={{ marginTop: 16 }} loading={loading && !data}>
            {data && <ActivityChart bars={ACTIVITY.map((a) => ({ label: a.label, value: data[a.key] }))} />}
          </ProCard>
        </>
      )}
    </PageContainer>
  );
}
