import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { Alert, App, Button, Card, Col, DatePicker, Empty, List, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LIVE_STATUS, type LiveStatus } from '@/constants/workforce';
import { cityOptions, useCities } from '@/hooks/use-reference-data';
import { useInterval } from '@/hooks/use-interval';
import { getAdminDispatchBoard } from '@/services/generated';
import type { DispatchBoard } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { formatDateTime, shanghaiToday } from '@/utils/time';
import OrderDetailDrawer from '../../orders/components/order-detail-drawer';
import { BAR_COLORS } from '../board-chart';
import AssignCandidatesModal from '../components/assign-candidates-modal';
import BoardGantt from './board-gantt';

const REFRESH_MS = 60_000;

/** 派单日视图: escorts × hours for one city and day, unassigned orders beside it, click to assign. */
export default function DispatchBoardPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const { data: cities } = useCities(access.canReadCities);
  const [date, setDate] = useState(() => shanghaiToday());
  const [cityId, setCityId] = useState<number | undefined>();
  const [onlyWorking, setOnlyWorking] = useState(true);
  const [board, setBoard] = useState<DispatchBoard | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const latest = useRef(0);

  // The board is one city's: staff with one city need not pick, others start on their first.
  useEffect(() => {
    if (cityId === undefined && cities.length > 0) setCityId(cities[0].id);
  }, [cities, cityId]);

  const load = useCallback(async () => {
    // Staff who can list cities wait for the first one; staff with one city get theirs from the backend.
    if (cityId === undefined && access.canReadCities) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await getAdminDispatchBoard<DispatchBoard>({ date, cityId, onlyWorking, pageSize: 100 }, { skipErrorHandler: true });
      if (ticket !== latest.current) return;
      setBoard(result);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(errorMessageOf(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [date, cityId, onlyWorking, access.canReadCities]);

  useEffect(() => {
    load();
  }, [load]);
  useInterval(load, REFRESH_MS);

  return (
    <PageContainer
      extra={
        <Space wrap>
          <DatePicker allowClear={false} value={dayjs(date)} onChange={(v) => v && setDate(v.format('YYYY-MM-DD'))} />
          {cities.length > 1 && (
            <Select style={{ width: 140 }} value={cityId} options={cityOptions(cities)} onChange={(v) => setCityId(v)} />
          )}
          <Space size={4}>
            <Switch checked={onlyWorking} onChange={setOnlyWorking} size="small" />
            <span>只看当天有排班或订单的</span>
          </Space>
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
            刷新
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={`日视图加载失败：${error}`} style={{ marginBottom: 16 }} />}
      {board && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>
            {board.date}：陪诊师 {board.summary.escorts} 人，当天排班 {board.summary.working} 人，订单 {board.summary.orders} 单，未派{' '}
            {board.summary.unassigned} 单
          </Typography.Text>
          {(Object.keys(LIVE_STATUS) as LiveStatus[]).map((k) => (
            <Tag key={k} color={LIVE_STATUS[k].color}>
              {LIVE_STATUS[k].label} {board.summary.byLiveStatus[k] ?? 0}
            </Tag>
          ))}
        </Space>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={18}>
          <Card
            title="陪诊师 × 小时（北京时间）"
            extra={
              <Space size={4} wrap>
                <Tag color="#d9f7be" style={{ color: '#389e0d' }}>
                  排班
                </Tag>
                <Tag color="#ffccc7" style={{ color: '#cf1322' }}>
                  请假
                </Tag>
                <Tag color={BAR_COLORS.dispatched}>已派单</Tag>
                <Tag color={BAR_COLORS.accepted}>已接单</Tag>
                <Tag color={BAR_COLORS.in_service}>服务中</Tag>
                <Tag color={BAR_COLORS.late}>出发迟到</Tag>
              </Space>
            }
          >
            <Spin spinning={loading && !board}>
              {board && board.escorts.length === 0 && <Empty description="当天没有排班或订单的陪诊师" />}
              {board && board.escorts.length > 0 && <BoardGantt board={board} onOpenOrder={setOpenId} />}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Card title={`未派订单（${board?.unassigned.length ?? 0}）`} data-testid="board-unassigned">
            <List
              dataSource={board?.unassigned ?? []}
              locale={{ emptyText: '当天没有未派订单' }}
              renderItem={(o) => (
                <List.Item
                  key={o.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setAssigning(o.id)}
                  data-testid={`board-unassigned-${o.id}`}
                  actions={[
                    <Button key="assign" type="link" size="small">
                      派单
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={`${formatDateTime(o.startAt, 'HH:mm')}–${formatDateTime(o.endAt, 'HH:mm')} ${o.serviceName}`}
                    description={
                      <Space direction="vertical" size={0}>
                        <span>{o.orderNo}</span>
                        <span>{o.hospitalName || o.serviceAddress}</span>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <AssignCandidatesModal
        orderId={assigning}
        onClose={() => setAssigning(null)}
        onDone={(text) => {
          setAssigning(null);
          message.success(text);
          load();
        }}
      />
      <OrderDetailDrawer orderId={openId} onClose={() => setOpenId(null)} onChanged={load} />
    </PageContainer>
  );
}
