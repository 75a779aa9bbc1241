import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { getAdminCities, getAdminOrdersBoard, getAdminOrdersById } from '@/services/generated';
import { BOARD_COLORS } from '../board-card';
import { boardOrder, orderDetail } from '../test-fixtures';
import OrderBoardPage from './index';

jest.mock('@umijs/max', () => ({
  useAccess: () => ({ canReadOrders: true, canReadCities: true }),
}));

jest.mock('@/services/generated', () => ({
  getAdminOrdersBoard: jest.fn(),
  getAdminOrdersById: jest.fn(),
  getAdminCities: jest.fn(),
}));

const board = jest.mocked(getAdminOrdersBoard);

describe("today's board", () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminCities).mockResolvedValue([{ id: 1, code: 'sh', name: '上海' }]);
    jest.mocked(getAdminOrdersById).mockImplementation((async ({ id }: { id: string }) => ({ ...orderDetail, id: Number(id) })) as never);
    board.mockResolvedValue({
      date: '2026-11-24',
      total: 3,
      unassigned: 1,
      late: 1,
      hours: [
        {
          hour: 9,
          orders: [
            boardOrder({ id: 1, orderNo: 'PZ-A', unassigned: true }),
            boardOrder({ id: 2, orderNo: 'PZ-B', status: 'dispatched', escortId: 5, escortName: '李陪诊', late: true }),
          ],
        },
        { hour: 14, orders: [boardOrder({ id: 3, orderNo: 'PZ-C', status: 'accepted', escortId: 6, escortName: '赵陪诊' })] },
      ],
    } as never);
  });

  it("asks for today's Shanghai date and shows the counts and one row per hour", async () => {
    render(
      <App>
        <OrderBoardPage />
      </App>,
    );
    await screen.findByText('PZ-A');
    expect(board).toHaveBeenCalledWith({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), cityId: undefined }, { skipErrorHandler: true });
    expect(screen.getByText('未派单', { selector: '.ant-statistic-title' })).toBeInTheDocument();
    expect(screen.getByText('可能迟到', { selector: '.ant-statistic-title' })).toBeInTheDocument();
    expect(within(screen.getByTestId('board-hour-9')).getByText('09:00')).toBeInTheDocument();
    expect(within(screen.getByTestId('board-hour-14')).getByText('PZ-C')).toBeInTheDocument();
  });

  it('frames unassigned cards orange and late ones red, each with its tag', async () => {
    render(
      <App>
        <OrderBoardPage />
      </App>,
    );
    await screen.findByText('PZ-A');
    const unassigned = screen.getByTestId('board-card-1');
    const late = screen.getByTestId('board-card-2');
    const normal = screen.getByTestId('board-card-3');
    expect(unassigned.style.border).toContain(BOARD_COLORS.unassigned);
    expect(within(unassigned).getByText('未派单')).toBeInTheDocument();
    expect(late.style.border).toContain(BOARD_COLORS.late);
    expect(within(late).getByText('可能迟到')).toBeInTheDocument();
    expect(within(normal).queryByText('未派单')).toBeNull();
    expect(within(normal).queryByText('可能迟到')).toBeNull();
  });

  it('opens the shared order drawer when a card is clicked', async () => {
    render(
      <App>
        <OrderBoardPage />
      </App>,
    );
    fireEvent.click(await screen.findByText('PZ-B'));
    await waitFor(() => expect(getAdminOrdersById).toHaveBeenCalledWith({ id: '2' }, { skipErrorHandler: true }));
    expect(await screen.findByText('状态时间线')).toBeInTheDocument();
  });
});

