import { approvalPlan } from './leave-approval';

const order = (orderNo: string, canReturnToPool = true) => ({ orderNo, canReturnToPool });

describe('leave approval plan', () => {
  it('approves a leave that collides with nothing straight away', () => {
    expect(approvalPlan([], null)).toEqual({ canApprove: true, returnToPool: false, note: '请假时段内没有已派订单' });
  });

  it('makes the operator choose before approving a leave with assigned orders', () => {
    expect(approvalPlan([order('PZ1'), order('PZ2')], null)).toEqual({ canApprove: false, note: '请假时段内有 2 个已派订单，请先选择处理方式' });
  });

  it('waits for every order to be reassigned when the operator reassigns first', () => {
    expect(approvalPlan([order('PZ1')], 'reassign').canApprove).toBe(false);
  });

  it('sends the orders back to the pool with the approval when chosen', () => {
    expect(approvalPlan([order('PZ1')], 'return_to_pool')).toEqual({
      canApprove: true,
      returnToPool: true,
      note: '批准后 1 个订单将退回派单池，并通知调度与陪诊师',
    });
  });

  it('names orders already under way, which cannot go back to the pool', () => {
    const plan = approvalPlan([order('PZ1'), order('PZ2', false)], 'return_to_pool');
    expect(plan).toEqual({ canApprove: false, note: 'PZ2 已出发、服务中或待支付，无法退回派单池，请先改派或处理' });
  });
});
