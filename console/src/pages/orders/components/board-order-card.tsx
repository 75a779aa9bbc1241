import { Card, Space, Tag, Typography } from 'antd';
import type { BoardOrder } from '@/services/models';
import { formatDateTime } from '@/utils/time';
import { boardCardAppearance } from '../board-card';
import { placeOf } from './order-detail-sections';
import OrderStatusTag from './order-status-tag';

const { Text } = Typography;

/** One order on the board; unassigned ones are framed orange, probably-late ones red. */
export default function BoardOrderCard({ order, onOpen }: { order: BoardOrder; onOpen(id: number): void }) {
  const look = boardCardAppearance(order);
  return (
    <Card
      size="small"
      hoverable
      data-testid={`board-card-${order.id}`}
      onClick={() => onOpen(order.id)}
      style={{ width: 260, border: `2px solid ${look.borderColor}` }}
      styles={{ body: { padding: 12 } }}
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Text strong>
            {formatDateTime(order.startAt, 'HH:mm')}–{formatDateTime(order.endAt, 'HH:mm')}
          </Text>
          <OrderStatusTag status={order.status} />
          {look.tags.map((t) => (
            <Tag key={t.key} color={t.color}>
              {t.label}
            </Tag>
          ))}
        </Space>
        <Text>{order.serviceName}</Text>
        <Text type="secondary" ellipsis>
          {placeOf(order)}
        </Text>
        <Text type="secondary">
          就诊人 {order.patientName || '-'} · 陪诊师 {order.escortId ? order.escortName || `#${order.escortId}` : '—'}
        </Text>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {order.orderNo}
        </Text>
      </Space>
    </Card>
  );
}
