/**
 * What approving a leave needs when it collides with assigned orders: the backend refuses while
 * any are left unless they go back to the pool (returnToPool), and refuses that too for orders
 * already under way. The operator must choose; nothing is stranded silently.
 */
import type { CollidingOrder } from '@/services/workforce-models';

export type CollisionChoice = 'reassign' | 'return_to_pool';

export type ApprovalPlan =
  | { canApprove: true; returnToPool: boolean; note: string }
  | { canApprove: false; note: string };

export function approvalPlan(collisions: Pick<CollidingOrder, 'orderNo' | 'canReturnToPool'>[], choice: CollisionChoice | null): ApprovalPlan {
  if (collisions.length === 0) return { canApprove: true, returnToPool: false, note: '请假时段内没有已派订单' };
  const stuck = collisions.filter((c) => !c.canReturnToPool);
  if (choice === null) return { canApprove: false, note: `请假时段内有 ${collisions.length} 个已派订单，请先选择处理方式` };
  if (choice === 'reassign') return { canApprove: false, note: `请先将 ${collisions.length} 个订单逐个改派，改派完成后即可批准` };
  if (stuck.length) {
    return { canApprove: false, note: `${stuck.map((c) => c.orderNo).join('、')} 已出发、服务中或待支付，无法退回派单池，请先改派或处理` };
  }
  return { canApprove: true, returnToPool: true, note: `批准后 ${collisions.length} 个订单将退回派单池，并通知调度与陪诊师` };
}
