import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminLeavesById, postAdminLeavesByIdApprove } from '@/services/generated';
import { leave } from '../../test-fixtures';
import LeaveReviewDrawer from './leave-review-drawer';

jest.mock('@/services/generated', () => ({
  getAdminLeavesById: jest.fn(),
  postAdminLeavesByIdApprove: jest.fn(),
  postAdminLeavesByIdReject: jest.fn(),
  getAdminOrdersByIdCandidates: jest.fn(),
  postAdminOrdersByIdAssign: jest.fn(),
}));


const button = (text: string) => screen.getByText(text).closest('button') as HTMLButtonElement;

describe('leave approval with a colliding order', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminLeavesById).mockResolvedValue(leave as never);
    jest.mocked(postAdminLeavesByIdApprove).mockResolvedValue({ ...leave, status: 'approved' } as never);
  });

  it('lists the order, will not approve until the operator chooses, then returns it to the pool with the approval', async () => {
    render(
      <App>
        <LeaveReviewDrawer leaveId={5} canDecide canDispatch onClose={() => undefined} onChanged={() => undefined} />
      </App>,
    );
    await screen.findByText('PZ-CLASH');
    expect(screen.getByText('改派')).toBeInTheDocument();
    expect(button('批准请假')).toBeDisabled();
    expect(screen.getByText('请假时段内有 1 个已派订单，请先选择处理方式')).toBeInTheDocument();

    fireEvent.click(screen.getByText(/先逐个改派/));
    expect(button('批准请假')).toBeDisabled();

    fireEvent.click(screen.getByText(/批准并将这些订单退回派单池/));
    expect(screen.getByText('批准后 1 个订单将退回派单池，并通知调度与陪诊师')).toBeInTheDocument();
    fireEvent.click(button('批准请假'));
    await waitFor(() => expect(postAdminLeavesByIdApprove).toHaveBeenCalledWith({ id: '5' }, { returnToPool: true, reason: '' }, { skipErrorHandler: true }));
  });
});
