/** The backend's order statuses (docs/orders.md) and what the customer reads for each: one map. */
export const ORDER_STATUSES = [
  'pending_payment',
  'pending_dispatch',
  'dispatched',
  'accepted',
  'departed',
  'in_service',
  'completed',
  'cancelled',
  'closed',
  'refunding',
  'refunded',
] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]

export type StatusTone = 'warning' | 'active' | 'done' | 'muted'

const STATUS_VIEW: Record<OrderStatus, { label: string; tone: StatusTone }> = {
  pending_payment: { label: '待支付', tone: 'warning' },
  pending_dispatch: { label: '待派单', tone: 'active' },
  dispatched: { label: '待接单', tone: 'active' },
  accepted: { label: '已接单', tone: 'active' },
  departed: { label: '已出发', tone: 'active' },
  in_service: { label: '服务中', tone: 'active' },
  completed: { label: '已完成', tone: 'done' },
  cancelled: { label: '已取消', tone: 'muted' },
  closed: { label: '已关闭', tone: 'muted' },
  refunding: { label: '退款中', tone: 'warning' },
  refunded: { label: '已退款', tone: 'muted' },
}

function isKnown(status: string): status is OrderStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_VIEW, status)
}

/** A status the app does not know yet (a newer backend) still shows something sensible. */
export function orderStatusLabel(status: string): string {
  return isKnown(status) ? STATUS_VIEW[status].label : '处理中'
}

export function orderStatusTone(status: string): StatusTone {
  return isKnown(status) ? STATUS_VIEW[status].tone : 'muted'
}

/** Once an order leaves pending_payment, the payment has been settled one way or another. */
export function isAwaitingPayment(status: string): boolean {
  return status === 'pending_payment'
}

/** Statuses that mean the money arrived and the order went on. */
export function isPaidStatus(status: string): boolean {
  return ['pending_dispatch', 'dispatched', 'accepted', 'departed', 'in_service', 'completed'].includes(status)
}
