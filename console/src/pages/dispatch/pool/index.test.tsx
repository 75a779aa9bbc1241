import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { getAdminCities, getAdminDispatchPool, getAdminOrdersByIdCandidates } from '@/services/generated';
import { candidates, pool } from '../test-fixtures';
import DispatchPoolPage from './index';

jest.mock('@umijs/max', () => ({
  useAccess: () => ({ canDispatchOrders: true, canReadCities: true }),
}));

jest.mock('@/services/generated', () => ({
  getAdminDispatchPool: jest.fn(),
  getAdminOrdersByIdCandidates: jest.fn(),
  postAdminOrdersByIdAssign: jest.fn(),
  postAdminOrdersByIdReturnToPool: jest.fn(),
  getAdminCities: jest.fn(),
}));

function renderPage() {
  return render(
    <App>
      <DispatchPoolPage />
    </App>,
  );
}

describe('派单池', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminCities).mockResolvedValue([{ id: 1, code: 'sh', name: '上海' }] as never);
    jest.mocked(getAdminDispatchPool).mockResolvedValue(pool as never);
    jest.mocked(getAdminOrdersByIdCandidates).mockResolvedValue(candidates as never);
  });

  it('lists waiting orders with their SLA flags, and escorts late to set off', async () => {
    renderPage();
    const urgent = (await screen.findByText('PZ-URGENT')).closest('tr') as HTMLElement;
    expect(within(urgent).getByText('紧急')).toBeInTheDocument();
    expect(within(urgent).getByText('2 小时内开始')).toBeInTheDocument();
    expect(within(urgent).getByText('陪诊师拒单')).toBeInTheDocument();
    expect(within(urgent).getByText('1 小时 15 分钟')).toBeInTheDocument();
    expect(screen.getByText('陪诊师出发迟到')).toBeInTheDocument();
    expect(screen.getByText('PZ-LATE')).toBeInTheDocument();
  });

  it('opens the ranked candidates of an order from its 派单 button', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId('pool-assign-1'));
    await screen.findByText('派单 PZ-URGENT');
    expect(getAdminOrdersByIdCandidates).toHaveBeenCalledWith({ id: '1', limit: 20 }, { skipErrorHandler: true });
  });
});
