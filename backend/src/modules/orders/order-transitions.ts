/**
 * The order state machine: every status an order can have, every action that moves it, who may
 * take each action. `OrderService.transition()` is the only code that changes `orders.status`, and
 * it consults this table before its compare-and-swap.
 *
 *   pending_payment ──pay──────────────▶ pending_dispatch ──assign──▶ dispatched ──accept──▶ accepted
 *         │        └─pay_preassigned──────────────────────────────────▲    │ decline ▲ reassign  │ depart
 *         ├─cancel_unpaid─▶ cancelled                                 │    ▼         │           ▼
 *         └─expire────────▶ closed                       pending_dispatch ◀─┘      departed ──start──▶ in_service
 *                                                                                                     │ complete
 *   paid and not yet in service ──cancel_paid──▶ refunding ──refund_succeeded──▶ refunded            ▼
 *                               └─cancel_forfeit (nothing to refund)──▶ cancelled                 completed
 */

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
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待支付',
  pending_dispatch: '待派单',
  dispatched: '待接单',
  accepted: '已接单',
  departed: '已出发',
  in_service: '服务中',
  completed: '已完成',
  cancelled: '已取消',
  closed: '已关闭',
  refunding: '退款中',
  refunded: '已退款',
};

/** Who acts. Staff actions also need the named permission. */
export type OrderActorType = 'customer' | 'escort' | 'staff' | 'system';

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

export interface TransitionRule {
  from: readonly OrderStatus[];
  to: OrderStatus;
  actors: readonly OrderActorType[];
  /** Staff permission needed when a staff member takes the action. */
  staffPermission?: string;
  label: string;
}

/** Paid, not yet in service: the states a paid order can be cancelled from. */
const PAID_BEFORE_SERVICE = ['pending_dispatch', 'dispatched', 'accepted', 'departed'] as const;

export const ORDER_TRANSITIONS: Record<OrderAction, TransitionRule> = {
  pay: { from: ['pending_payment'], to: 'pending_dispatch', actors: ['system'], label: '支付成功' },
  pay_preassigned: { from: ['pending_payment'], to: 'dispatched', actors: ['system'], label: '支付成功（已指定陪诊师）' },
  cancel_unpaid: { from: ['pending_payment'], to: 'cancelled', actors: ['customer', 'staff'], staffPermission: 'order:write', label: '取消未支付订单' },
  expire: { from: ['pending_payment'], to: 'closed', actors: ['system'], label: '超时未支付关闭' },
  assign: { from: ['pending_dispatch'], to: 'dispatched', actors: ['staff', 'system'], staffPermission: 'order:dispatch', label: '派单' },
  reassign: { from: ['dispatched', 'accepted'], to: 'dispatched', actors: ['staff'], staffPermission: 'order:dispatch', label: '改派' },
  accept: { from: ['dispatched'], to: 'accepted', actors: ['escort'], label: '陪诊师接单' },
  decline: { from: ['dispatched'], to: 'pending_dispatch', actors: ['escort', 'system'], label: '陪诊师拒单' },
  redispatch: { from: ['dispatched', 'accepted'], to: 'pending_dispatch', actors: ['staff', 'system'], staffPermission: 'order:dispatch', label: '退回派单池' },
  depart: { from: ['accepted'], to: 'departed', actors: ['escort'], label: '陪诊师出发' },
  start: { from: ['accepted', 'departed'], to: 'in_service', actors: ['escort'], label: '开始服务' },
  complete: { from: ['in_service'], to: 'completed', actors: ['escort', 'customer', 'staff'], staffPermission: 'order:write', label: '完成服务' },
  cancel_paid: { from: PAID_BEFORE_SERVICE, to: 'refunding', actors: ['customer', 'staff'], staffPermission: 'order:write', label: '取消并退款' },
  cancel_forfeit: { from: PAID_BEFORE_SERVICE, to: 'cancelled', actors: ['customer', 'staff'], staffPermission: 'order:write', label: '取消（无可退金额）' },
  refund_succeeded: { from: ['refunding'], to: 'refunded', actors: ['system'], label: '退款成功' },
};

export const ORDER_ACTIONS = Object.keys(ORDER_TRANSITIONS) as OrderAction[];

/** Statuses in which the order holds the escort's time (a claim exists). */
export const CLAIM_HOLDING_STATUSES: readonly OrderStatus[] = ['pending_payment', 'dispatched', 'accepted', 'departed', 'in_service'];

/** Statuses after which nothing more happens to the order's status. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ['completed', 'cancelled', 'closed', 'refunded'];

export type TransitionCheck =
  | { ok: true; to: OrderStatus }
  | { ok: false; reason: 'wrong_status' | 'actor_not_allowed' | 'permission_missing' };

/**
 * Whether `actor` may take `action` on an order now in `status`. Pure: the service still does the
 * compare-and-swap, because the status may change between this check and the write.
 */
export function checkTransition(
  action: OrderAction,
  status: OrderStatus,
  actor: { type: OrderActorType; permissions?: ReadonlySet<string> }
): TransitionCheck {
  const rule = ORDER_TRANSITIONS[action];
  if (!rule.actors.includes(actor.type)) return { ok: false, reason: 'actor_not_allowed' };
  if (actor.type === 'staff' && rule.staffPermission && !actor.permissions?.has(rule.staffPermission)) {
    return { ok: false, reason: 'permission_missing' };
  }
  if (!rule.from.includes(status)) return { ok: false, reason: 'wrong_status' };
  return { ok: true, to: rule.to };
}

/** The actions an actor could take on an order in this status (for the console's buttons). */
export function availableActions(status: OrderStatus, actor: { type: OrderActorType; permissions?: ReadonlySet<string> }): OrderAction[] {
  return ORDER_ACTIONS.filter(action => checkTransition(action, status, actor).ok);
}
