import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cityOptions, useCities } from '@/hooks/use-reference-data';
import { useInterval } from '@/hooks/use-interval';
import { getAdminOrdersBoard } from '@/services/generated';
import type { OrderBoard } from '@/services/models';
import { errorMessageOf } from '@/utils/api-error';
import { formatDateTime, shanghaiToday } from '@/utils/time';
import { BOARD_COLORS, hourLabel } from '../board-card';
import BoardOrderCard from '../components/board-order-card';
import OrderDetailDrawer from '../components/order-detail-drawer';

const REFRESH_MS = 60_000;

export default function OrderBoardPage() {
  const access = useAccess();
  const { data: cities } = useCities(access.canReadCities);
  const [date, setDate] = useState(() => shanghaiToday());
  const [cityId, setCityId] = useState<number | undefined>();
  const [board, setBoard] = useState<OrderBoard | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await getAdminOrdersBoard<OrderBoard>({ date, cityId }, { skipErrorHandler: true });
      if (ticket !== latest.current) return;
      setBoard(result);
      setError(null);
      setUpdatedAt(new Date().toISOString());
    } catch (e) {
      // A failed background refresh keeps the last board on screen, with the reason above it.
      if (ticket === latest.current) setError(errorMessageOf(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [date, cityId]);

  useEffect(() => {
    load();
  }, [load]);
  useInterval(load, REFRESH_MS);

  return (
    <PageContainer
      extra={
        <Space wrap>
          <DatePicker
            allowClear={false}
            value={dayjs(date)}
            onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))}
          />
          {cities.length > 0 && (
            <Select
              allowClear
              placeholder="全部城市"
              style={{ width: 140 }}
              value={cityId}
              options={cityOptions(cities)}
              onChange={(value) => setCityId(value)}
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
            刷新
          </Button>
          {updatedAt && <Typography.Text type="secondary">更新于 {formatDateTime(updatedAt, 'HH:mm:ss')}，每分钟自动刷新</Typography.Text>}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={`看板加载失败：${error}`} style={{ marginBottom: 16 }} />}
      <Spin spinning={loading && !board}>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Card>
              <Statistic title={`${date} 订单`} value={board?.total ?? 0} />
            </Card>
          </Col>
          <Col xs={24} sm={8}>
            <Card>
              <Statistic title="未派单" value={board?.unassigned ?? 0} valueStyle={{ color: BOARD_COLORS.unassigned }} />
            </Card>
          </Col>
          <Col xs={24} sm={8}>
            <Card>
              <Statistic title="可能迟到" value={board?.late ?? 0} valueStyle={{ color: BOARD_COLORS.late }} />
            </Card>
          </Col>
        </Row>
        <Card style={{ marginTop: 16 }} title="按小时（北京时间）">
          {board && board.hours.length === 0 && <Empty description="当天没有订单" />}
          {board?.hours.map((slot) => (
            <div
              key={slot.hour}
              data-testid={`board-hour-${slot.hour}`}
              style={{ display: 'flex', gap: 16, padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <Typography.Title level={5} style={{ width: 64, flex: 'none', margin: 0 }}>
                {hourLabel(slot.hour)}
              </Typography.Title>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
                {slot.orders.map((order) => (
                  <BoardOrderCard key={order.id} order={order} onOpen={setOpenId} />
                ))}
              </div>
            </div>
          ))}
        </Card>
      </Spin>
      <OrderDetailDrawer orderId={openId} onClose={() => setOpenId(null)} onChanged={load} />
    </PageContainer>
  );
}
