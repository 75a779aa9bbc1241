import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminCities, getAdminOrders, getAdminOrdersById } from '@/services/generated';
import { orderDetail, orderRow } from '../test-fixtures';
import OrderListPage from './index';

let mockSearch = new URLSearchParams();
const mockSetSearch = jest.fn();

jest.mock('@umijs/max', () => ({
  useAccess: () => ({ canReadOrders: true, canWriteOrders: true, canDispatchOrders: true, canReadCities: true }),
  useSearchParams: () => [mockSearch, mockSetSearch],
}));

jest.mock('@/services/generated', () => ({
  getAdminOrders: jest.fn(),
  getAdminOrdersById: jest.fn(),
  getAdminCities: jest.fn(),
}));

const list = jest.mocked(getAdminOrders);

function renderPage() {
  render(
    <App>
      <OrderListPage />
    </App>,
  );
}

describe('order list', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    mockSearch = new URLSearchParams();
    jest.mocked(getAdminCities).mockResolvedValue([{ id: 1, code: 'sh', name: '上海' }]);
    jest.mocked(getAdminOrdersById).mockResolvedValue(orderDetail as never);
    list.mockResolvedValue({
      list: [orderRow, { ...orderRow, id: 43, orderNo: 'PZ-2', status: 'completed', escortId: 5, escortName: '李陪诊', totalFen: 19900 }],
      total: 2,
      page: 1,
      pageSize: 20,
    } as never);
  });

  it('lists orders with masked phone, Shanghai start time, yuan amount and status tag', async () => {
    renderPage();
    const row = (await screen.findByText(orderRow.orderNo)).closest('tr') as HTMLElement;
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ page: 1, pageSize: 20 }));
    expect(row).toHaveTextContent('138****0001');
    expect(row).toHaveTextContent('2026-11-24 09:00');
    expect(row).toHaveTextContent('¥238.00');
    expect(row).toHaveTextContent('待派单');
    expect(row).toHaveTextContent('未派单');
    expect(row).toHaveTextContent('复旦大学附属中山医院 / 心内科');
    const done = screen.getByText('PZ-2').closest('tr') as HTMLElement;
    expect(done).toHaveTextContent('已完成');
    expect(done).toHaveTextContent('李陪诊');
  });

  it('opens the detail drawer when a row is clicked', async () => {
    renderPage();
    fireEvent.click(await screen.findByText(orderRow.orderNo));
    await waitFor(() => expect(getAdminOrdersById).toHaveBeenCalledWith({ id: '42' }, { skipErrorHandler: true }));
    expect(await screen.findByText('价格明细')).toBeInTheDocument();
  });

  it('opens the order named in ?orderId= (a notification link) and clears it on close', async () => {
    mockSearch = new URLSearchParams('orderId=42');
    renderPage();
    await waitFor(() => expect(getAdminOrdersById).toHaveBeenCalledWith({ id: '42' }, { skipErrorHandler: true }));
    await screen.findByText('状态时间线');
    fireEvent.click(document.querySelector('.ant-drawer-close') as HTMLElement);
    expect(mockSetSearch).toHaveBeenCalledWith(new URLSearchParams(), { replace: true });
  });
});
