/**
 * Which buttons the order drawer shows: the backend's `availableActions` (status × the user's
 * permissions, from its transition table) narrowed again by the console's own access flags, so a
 * stale detail or a missing permission never shows a button whose request would be refused.
 */
import { RESCHEDULABLE_STATUSES, type OrderAction, type OrderStatus } from '@/constants/orders';

export type OrderButton = 'cancel' | 'reschedule' | 'assign' | 'reassign' | 'complete' | 'note';

export const ORDER_BUTTON_LABEL: Record<OrderButton, string> = {
  cancel: '取消订单',
  reschedule: '改约',
  assign: '派单',
  reassign: '改派',
  complete: '人工完成',
  note: '添加备注',
};

export interface OrderButtonAccess {
  canWriteOrders: boolean;
  canDispatchOrders: boolean;
}

const CANCEL_ACTIONS: readonly OrderAction[] = ['cancel_unpaid', 'cancel_paid', 'cancel_forfeit'];

/** Buttons in display order. */
export function orderButtons(
  order: { status: OrderStatus; availableActions: readonly OrderAction[] },
  access: OrderButtonAccess,
): OrderButton[] {
  const can = (action: OrderAction) => order.availableActions.includes(action);
  const buttons: OrderButton[] = [];
  if (access.canDispatchOrders && can('assign')) buttons.push('assign');
  if (access.canDispatchOrders && can('reassign')) buttons.push('reassign');
  // Rescheduling is not a status transition, so the backend lists no action for it: the status decides.
  if (access.canWriteOrders && RESCHEDULABLE_STATUSES.includes(order.status)) buttons.push('reschedule');
  if (access.canWriteOrders && can('complete')) buttons.push('complete');
  if (access.canWriteOrders && CANCEL_ACTIONS.some(can)) buttons.push('cancel');
  // Notes are allowed in every status, finished orders included.
  if (access.canWriteOrders) buttons.push('note');
  return buttons;
}

/** Whether the reschedule form may offer "退回派单池" (needs the redispatch transition). */
export function canRedispatch(availableActions: readonly OrderAction[], access: OrderButtonAccess): boolean {
  return access.canDispatchOrders && availableActions.includes('redispatch');
}
