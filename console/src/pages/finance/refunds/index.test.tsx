import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import {
  getAdminRefunds,
  postAdminOrdersByIdRefunds,
  postAdminRefundsByIdApprove,
  postAdminRefundsByIdReject,
} from '@/services/generated';
import { refund } from '../test-fixtures';
import RefundListPage from './index';

let mockAccess: Record<string, boolean> = {};

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
}));

jest.mock('@/services/generated', () => ({
  getAdminRefunds: jest.fn(),
  postAdminOrdersByIdRefunds: jest.fn(),
  postAdminRefundsByIdApprove: jest.fn(),
  postAdminRefundsByIdReject: jest.fn(),
  postAdminRefundsByIdRetry: jest.fn(),
}));

const list = jest.mocked(getAdminRefunds);
const FINANCE = { canReadPayments: true, canWriteRefunds: true, canApproveRefunds: true };

function renderPage(access: Record<string, boolean>) {
  mockAccess = access;
  render(
    <App>
      <RefundListPage />
    </App>,
  );
}

function dialogOf(title: string): HTMLElement {
  return screen.getByText(title).closest('.ant-modal') as HTMLElement;
}

describe('refund list', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    list.mockResolvedValue({ list: [refund], total: 1, page: 1, pageSize: 20 });
  });

  it('opens on the refunds awaiting approval and lists them in yuan with Shanghai times', async () => {
    renderPage(FINANCE);
    const row = (await screen.findByText(refund.outRefundNo)).closest('tr') as HTMLElement;
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ status: 'awaiting_approval', page: 1, pageSize: 20 }));
    expect(row).toHaveTextContent('¥45.50');
    expect(row).toHaveTextContent('待审批');
    expect(row).toHaveTextContent('王运营');
    expect(row).toHaveTextContent('2026-11-24 14:00:00');
    expect(within(row).getByText('批准')).toBeInTheDocument();
    expect(within(row).getByText('驳回')).toBeInTheDocument();
  });

  it('loads another status when its tab is chosen', async () => {
    renderPage(FINANCE);
    await screen.findByText(refund.outRefundNo);
    list.mockResolvedValue({ list: [{ ...refund, status: 'failed' }], total: 1, page: 1, pageSize: 20 });
    fireEvent.click(screen.getByText('退款失败'));
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'failed' })));
    const row = (await screen.findByText('重试')).closest('tr') as HTMLElement;
    expect(within(row).queryByText('批准')).toBeNull();
  });

  it('shows no buttons to someone who may only read', async () => {
    renderPage({ canReadPayments: true });
    const row = (await screen.findByText(refund.outRefundNo)).closest('tr') as HTMLElement;
    expect(within(row).queryByText('批准')).toBeNull();
    expect(screen.queryByText('发起退款')).toBeNull();
  });

  it('approves after confirming, then reloads', async () => {
    jest.mocked(postAdminRefundsByIdApprove).mockResolvedValue({ ...refund, status: 'pending' });
    renderPage(FINANCE);
    const row = (await screen.findByText(refund.outRefundNo)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByText('批准'));
    fireEvent.click((await screen.findByText('确认批准')).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminRefundsByIdApprove).toHaveBeenCalledWith({ id: '5' }, { reason: '' }));
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('rejects with a reason', async () => {
    jest.mocked(postAdminRefundsByIdReject).mockResolvedValue({ ...refund, status: 'rejected' });
    renderPage(FINANCE);
    const row = (await screen.findByText(refund.outRefundNo)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByText('驳回'));
    const dialog = await waitFor(() => dialogOf(`驳回退款 ${refund.outRefundNo}`));
    fireEvent.change(within(dialog).getByLabelText('驳回原因'), { target: { value: ' 客户已改约，无需退款 ' } });
    fireEvent.click(within(dialog).getByText('确认驳回').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminRefundsByIdReject).toHaveBeenCalledWith({ id: '5' }, { reason: '客户已改约，无需退款' }));
  });

  it('requests a refund in fen from the yuan typed, without float error', async () => {
    jest.mocked(postAdminOrdersByIdRefunds).mockResolvedValue(refund);
    renderPage(FINANCE);
    await screen.findByText(refund.outRefundNo);
    fireEvent.click(screen.getByText('发起退款').closest('button') as HTMLButtonElement);
    const dialog = await waitFor(() => screen.getByText('提交退款申请').closest('.ant-modal') as HTMLElement);
    fireEvent.change(within(dialog).getByLabelText('订单 ID'), { target: { value: '42' } });
    fireEvent.change(within(dialog).getByLabelText('退款金额（元）'), { target: { value: '0.29' } });
    fireEvent.change(within(dialog).getByLabelText('退款原因'), { target: { value: '少收服务时长' } });
    fireEvent.click(within(dialog).getByText('提交退款申请').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminOrdersByIdRefunds).toHaveBeenCalledWith({ id: '42' }, { amountFen: 29, reason: '少收服务时长' }));
  });

  it('refuses an amount with three decimals before anything is sent', async () => {
    renderPage(FINANCE);
    await screen.findByText(refund.outRefundNo);
    fireEvent.click(screen.getByText('发起退款').closest('button') as HTMLButtonElement);
    const dialog = await waitFor(() => screen.getByText('提交退款申请').closest('.ant-modal') as HTMLElement);
    fireEvent.change(within(dialog).getByLabelText('订单 ID'), { target: { value: '42' } });
    fireEvent.change(within(dialog).getByLabelText('退款金额（元）'), { target: { value: '1.234' } });
    fireEvent.change(within(dialog).getByLabelText('退款原因'), { target: { value: '测试' } });
    fireEvent.click(within(dialog).getByText('提交退款申请').closest('button') as HTMLButtonElement);
    expect(await within(dialog).findByText('请输入金额（元），最多两位小数')).toBeInTheDocument();
    expect(postAdminOrdersByIdRefunds).not.toHaveBeenCalled();
  });
});
