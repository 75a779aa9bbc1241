import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminOrdersByIdCandidates, postAdminOrdersByIdAssign } from '@/services/generated';
import { candidates } from '../test-fixtures';
import AssignCandidatesModal from './assign-candidates-modal';

jest.mock('@/services/generated', () => ({
  getAdminOrdersByIdCandidates: jest.fn(),
  postAdminOrdersByIdAssign: jest.fn(),
}));

const onDone = jest.fn();

// Role queries walk the whole accessibility tree, which is slow in jsdom on a busy machine.
const button = (text: string) => screen.getByText(text).closest('button') as HTMLButtonElement;

function renderModal() {
  return render(
    <App>
      <AssignCandidatesModal orderId={1} onClose={() => undefined} onDone={onDone} />
    </App>,
  );
}

describe('the candidates dialog', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminOrdersByIdCandidates).mockResolvedValue(candidates as never);
    jest.mocked(postAdminOrdersByIdAssign).mockResolvedValue({} as never);
  });

  it('assigns the top candidate with the suggested reason, showing the parts of each score', async () => {
    renderModal();
    await screen.findByText('派单 PZ-URGENT');
    expect(screen.getByTestId('score-1-distance')).toHaveTextContent('距离 22.5/25');
    expect(screen.getByText('请假中')).toBeInTheDocument();
    expect(screen.getByLabelText('派单原因')).toHaveValue('派单：系统推荐第一名');
    fireEvent.click(button('确认派单'));
    await waitFor(() =>
      expect(postAdminOrdersByIdAssign).toHaveBeenCalledWith({ id: '1' }, { escortId: 1, reason: '派单：系统推荐第一名', force: false }, { skipErrorHandler: true }),
    );
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('已派单给 李静'));
  });

  it('asks to confirm the exception before assigning an escort outside their shift, then sends force', async () => {
    renderModal();
    fireEvent.click(await screen.findByText('王强'));
    const confirm = button('确认派单');
    expect(confirm).toBeDisabled();
    expect(screen.getByText('请确认例外：不在排班时间内')).toBeInTheDocument();
    fireEvent.click(screen.getByText(/按例外派单/));
    expect(confirm).toBeEnabled();
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(postAdminOrdersByIdAssign).toHaveBeenCalledWith({ id: '1' }, { escortId: 2, reason: '派单：调度选择第 2 名', force: true }, { skipErrorHandler: true }),
    );
  });
});
