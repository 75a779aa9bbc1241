import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { Alert, App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { POOL_FLAG, POOL_URGENCY } from '@/constants/workforce';
import { cityOptions, useCities } from '@/hooks/use-reference-data';
import { useInterval } from '@/hooks/use-interval';
import { getAdminDispatchPool } from '@/services/generated';
import type { LateOrder, Pool, PoolRow } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { formatDateTime } from '@/utils/time';
import AssignCandidatesModal from '../components/assign-candidates-modal';
import ReturnToPoolModal from '../components/return-to-pool-modal';
import { poolFlags, waitingText } from '../dispatch-format';

const REFRESH_MS = 60_000;

/** 派单池: paid orders nobody holds, soonest first, with SLA flags; and escorts late to set off. */
export default function DispatchPoolPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const { data: cities } = useCities(access.canReadCities);
  const [cityId, setCityId] = useState<number | undefined>();
  const [pool, setPool] = useState<Pool | null>(null);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<number | null>(null);
  const [returning, setReturning] = useState<LateOrder | null>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await getAdminDispatchPool<Pool>({ cityId, page, pageSize: 20 }, { skipErrorHandler: true });
      if (ticket !== latest.current) return;
      setPool(result);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(errorMessageOf(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [cityId, page]);

  useEffect(() => {
    load();
  }, [load]);
  useInterval(load, REFRESH_MS);

  const done = (text: string) => {
    setAssigning(null);
    setReturning(null);
    message.success(text);
    load();
  };

  const columns: ColumnsType<PoolRow> = [
    {
      title: '紧急度',
      dataIndex: 'urgency',
      width: 80,
      render: (_, r) => <Tag color={POOL_URGENCY[r.urgency].color}>{POOL_URGENCY[r.urgency].label}</Tag>,
    },
    { title: '订单号', dataIndex: 'orderNo', width: 190 },
    {
      title: '服务时间',
      dataIndex: 'startAt',
      width: 160,
      render: (_, r) => `${formatDateTime(r.startAt, 'MM-DD HH:mm')}–${formatDateTime(r.endAt, 'HH:mm')}`,
    },
    { title: '服务', dataIndex: 'serviceName' },
    { title: '医院 / 地址', key: 'place', render: (_, r) => r.hospitalName || r.serviceAddress || '-' },
    {
      title: 'SLA',
      key: 'flags',
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {poolFlags(r).map((f) => (
            <Tag key={f} color={POOL_FLAG[f].color}>
              {POOL_FLAG[f].label}
              {f === 'declined' && r.declines > 1 ? ` ×${r.declines}` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '已等待', dataIndex: 'waitingMinutes', width: 120, render: (_, r) => waitingText(r.waitingMinutes) },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" onClick={() => setAssigning(r.id)} data-testid={`pool-assign-${r.id}`}>
          派单
        </Button>
      ),
    },
  ];

  const lateColumns: ColumnsType<LateOrder> = [
    { title: '订单号', dataIndex: 'orderNo', width: 190 },
    { title: '陪诊师', dataIndex: 'escortName', width: 100 },
    { title: '开始', dataIndex: 'startAt', width: 120, render: (_, r) => formatDateTime(r.startAt, 'MM-DD HH:mm') },
    {
      title: '距开始',
      dataIndex: 'minutesToStart',
      width: 110,
      render: (_, r) => (r.minutesToStart <= 0 ? <Tag color="red">已开始</Tag> : `${r.minutesToStart} 分钟`),
    },
    { title: '状态', dataIndex: 'statusLabel', width: 100 },
    {
      title: '操作',
      key: 'actions',
      render: (_, r) => (
        <Space>
          <Button type="link" onClick={() => setAssigning(r.id)}>
            改派
          </Button>
          <Button type="link" danger onClick={() => setReturning(r)}>
            退回派单池
          </Button>
        </Space>
      ),
    },
  ];

  const s = pool?.summary;
  return (
    <PageContainer
      extra={
        <Space wrap>
          {cities.length > 0 && (
            <Select
              allowClear
              placeholder="全部城市"
              style={{ width: 140 }}
              value={cityId}
              options={cityOptions(cities)}
              onChange={(value) => {
                setCityId(value);
                setPage(1);
              }}
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
            刷新
          </Button>
          <Typography.Text type="secondary">每分钟自动刷新</Typography.Text>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={`派单池加载失败：${error}`} style={{ marginBottom: 16 }} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title="待派单" value={s?.unassigned ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title="2 小时内开始" value={s?.within2h ?? 0} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title="24 小时内开始" value={s?.within24h ?? 0} valueStyle={{ color: '#d46b08' }} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title="陪诊师拒单" value={s?.declined ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title="退回派单池" value={s?.returned ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title="出发迟到" value={s?.lateToDepart ?? 0} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
      </Row>
      <Card title="待派订单（按开始时间）">
        <Table<PoolRow>
          rowKey="id"
          size="middle"
          loading={loading && !pool}
          columns={columns}
          dataSource={pool?.list ?? []}
          scroll={{ x: 1100 }}
          rowClassName={(r) => `pool-row-${r.urgency}`}
          pagination={{ current: page, pageSize: 20, total: pool?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 单` }}
          locale={{ emptyText: '派单池是空的' }}
        />
      </Card>
      {pool && pool.lateToDepart.length > 0 && (
        <Card title="陪诊师出发迟到" style={{ marginTop: 16 }}>
          <Table<LateOrder> rowKey="id" size="small" columns={lateColumns} dataSource={pool.lateToDepart} pagination={false} />
        </Card>
      )}
      <AssignCandidatesModal orderId={assigning} onClose={() => setAssigning(null)} onDone={done} />
      <ReturnToPoolModal order={returning} onClose={() => setReturning(null)} onDone={done} />
    </PageContainer>
  );
}
