import { Tag } from 'antd';
import { ORDER_STATUS } from '@/constants/orders';
import { enumLabel } from '@/constants/enums';

/** The order status as a coloured tag, from the one status map. */
export default function OrderStatusTag({ status }: { status: string }) {
  const entry = (ORDER_STATUS as Record<string, { color: string } | undefined>)[status];
  return <Tag color={entry?.color}>{enumLabel(ORDER_STATUS, status)}</Tag>;
}
