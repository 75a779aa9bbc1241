import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminCities, getAdminDispatchBoard, getAdminOrdersByIdCandidates } from '@/services/generated';
import { candidates, dispatchBoard } from '../test-fixtures';
import DispatchBoardPage from './index';

jest.mock('@umijs/max', () => ({
  useAccess: () => ({ canDispatchOrders: true, canReadCities: true }),
}));

jest.mock('@/services/generated', () => ({
  getAdminDispatchBoard: jest.fn(),
  getAdminCities: jest.fn(),
  getAdminOrdersByIdCandidates: jest.fn(),
  postAdminOrdersByIdAssign: jest.fn(),
  getAdminOrdersById: jest.fn(),
}));

// The chart itself is echarts (tested as an option in board-chart.test.ts); here a stand-in lists the bars.
jest.mock('./board-gantt', () => ({
  __esModule: true,
  default: ({ board, onOpenOrder }: { board: { escorts: { orders: { orderId: number; orderNo: string }[] }[] }; onOpenOrder(id: number): void }) => (
    <div>
      {board.escorts.flatMap((e) => e.orders).map((o) => (
        <button key={o.orderId} type="button" onClick={() => onOpenOrder(o.orderId)}>
          {o.orderNo}
        </button>
      ))}
    </div>
  ),
}));

describe('派单日视图', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminCities).mockResolvedValue([{ id: 1, code: 'sh', name: '上海' }] as never);
    jest.mocked(getAdminDispatchBoard).mockResolvedValue(dispatchBoard as never);
    jest.mocked(getAdminOrdersByIdCandidates).mockResolvedValue(candidates as never);
  });

  it('asks for the first city’s day and shows the bars, the live-status counts and the unassigned orders', async () => {
    render(
      <App>
        <DispatchBoardPage />
      </App>,
    );
    await screen.findByText('PZ-BAR');
    expect(getAdminDispatchBoard).toHaveBeenCalledTimes(1);
    expect(getAdminDispatchBoard).toHaveBeenCalledWith(
      { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), cityId: 1, onlyWorking: true, pageSize: 100 },
      { skipErrorHandler: true },
    );
    expect(screen.getByText('已派单待出发 1')).toBeInTheDocument();
    expect(screen.getByText('PZ-WAITING')).toBeInTheDocument();
  });

  it('opens the candidates when an unassigned order is clicked', async () => {
    render(
      <App>
        <DispatchBoardPage />
      </App>,
    );
    fireEvent.click(await screen.findByText('PZ-WAITING'));
    await waitFor(() => expect(getAdminOrdersByIdCandidates).toHaveBeenCalledWith({ id: '8', limit: 20 }, { skipErrorHandler: true }));
  });
});
