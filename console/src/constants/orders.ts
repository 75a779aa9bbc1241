/**
 * Order enums as the backend defines them (backend/src/modules/orders/order-transitions.ts and the
 * order entities). One map per enum: the label people read, the colour of its Tag, and for the
 * status the ProTable badge. orders.test.ts compares these with the backend's own lists.
 */
import type { EnumEntry } from './enums';

/** The status union comes from the generated client (the OpenAPI enum of the list filter). */
export type OrderStatus = NonNullable<API.GetAdminOrdersParams['status']>;

export const ORDER_STATUS = {
  pending_payment: { label: '待支付', color: 'gold', status: 'Warning' },
  pending_dispatch: { label: '待派单', color: 'orange', status: 'Warning' },
  dispatched: { label: '待接单', color: 'blue', status: 'Processing' },
  accepted: { label: '已接单', color: 'cyan', status: 'Processing' },
  departed: { label: '已出发', color: 'geekblue', status: 'Processing' },
  in_service: { label: '服务中', color: 'purple', status: 'Processing' },
  completed: { label: '已完成', color: 'green', status: 'Success' },
  cancelled: { label: '已取消', color: 'default', status: 'Default' },
  closed: { label: '已关闭', color: 'default', status: 'Default' },
  refunding: { label: '退款中', color: 'magenta', status: 'Processing' },
  refunded: { label: '已退款', color: 'volcano', status: 'Default' },
} as const satisfies Record<OrderStatus, EnumEntry>;

/** Every status, in the order of the state machine (filters list them in this order). */
export const ORDER_STATUSES = Object.keys(ORDER_STATUS) as OrderStatus[];

/** Actions of the backend's transition table (ORDER_TRANSITIONS). */
export type OrderAction =
  | 'pay'
  | 'pay_preassigned'
  | 'cancel_unpaid'
  | 'expire'
  | 'assign'
  | 'reassign'
  | 'accept'
  | 'decline'
  | 'redispatch'
  | 'depart'
  | 'start'
  | 'complete'
  | 'cancel_paid'
  | 'cancel_forfeit'
  | 'refund_succeeded';

/** Labels of the transition table's actions, as its `label`s read. */
export const ORDER_ACTION_LABEL: Record<OrderAction, string> = {
  pay: '支付成功',
  pay_preassigned: '支付成功（已指定陪诊师）',
  cancel_unpaid: '取消未支付订单',
  expire: '超时未支付关闭',
  assign: '派单',
  reassign: '改派',
  accept: '陪诊师接单',
  decline: '陪诊师拒单',
  redispatch: '退回派单池',
  depart: '陪诊师出发',
  start: '开始服务',
  complete: '完成服务',
  cancel_paid: '取消并退款',
  cancel_forfeit: '取消（无可退金额）',
  refund_succeeded: '退款成功',
};

/** Status-log rows that are not transitions: creation and the reschedule steps. */
export const ORDER_LOG_ACTION_LABEL: Record<string, string> = {
  ...ORDER_ACTION_LABEL,
  create: '下单',
  reschedule: '改约',
  reschedule_request: '申请改约',
  reschedule_accept: '陪诊师同意改约',
  reschedule_decline: '陪诊师未接受改约',
};

/** Statuses in which the backend accepts a reschedule (OrderService.requestReschedule). */
export const RESCHEDULABLE_STATUSES: readonly OrderStatus[] = ['pending_payment', 'pending_dispatch', 'dispatched', 'accepted'];

export const RESCHEDULE_STATUS = {
  pending: { label: '待陪诊师确认', color: 'orange' },
  accepted: { label: '已改约', color: 'green' },
  declined: { label: '陪诊师未接受', color: 'red' },
  cancelled: { label: '已撤销', color: 'default' },
} satisfies Record<string, EnumEntry>;

export const EXTRA_CHARGE_STATUS = {
  pending: { label: '待客户确认', color: 'orange' },
  confirmed: { label: '已确认', color: 'green' },
  rejected: { label: '已拒绝', color: 'red' },
} satisfies Record<string, EnumEntry>;

export const PATIENT_RELATION = {
  self: { label: '本人', color: 'blue' },
  parent: { label: '父母', color: 'purple' },
  spouse: { label: '配偶', color: 'magenta' },
  child: { label: '子女', color: 'cyan' },
  other: { label: '其他', color: 'default' },
} satisfies Record<string, EnumEntry>;
