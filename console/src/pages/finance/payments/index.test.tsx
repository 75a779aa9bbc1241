import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { getAdminPayments, getAdminPaymentsById } from '@/services/generated';
import { payment, paymentDetail } from '../test-fixtures';
import PaymentListPage from './index';

jest.mock('@/services/generated', () => ({
  getAdminPayments: jest.fn(),
  getAdminPaymentsById: jest.fn(),
}));

const list = jest.mocked(getAdminPayments);

function renderPage() {
  render(
    <App>
      <PaymentListPage />
    </App>,
  );
}

describe('payment list', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    list.mockResolvedValue({
      list: [payment, { ...payment, id: 8, outTradeNo: 'PZ-9-01', orderNo: 'PZ-9', status: 'pending', channelTransactionId: null, paidAt: null, amountFen: 19990 }],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    jest.mocked(getAdminPaymentsById).mockResolvedValue(paymentDetail);
  });

  it('lists payments with status, yuan amount, channel transaction id and Shanghai times', async () => {
    renderPage();
    const row = (await screen.findByText(payment.outTradeNo)).closest('tr') as HTMLElement;
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ page: 1, pageSize: 20 }));
    expect(row).toHaveTextContent('支付成功');
    expect(row).toHaveTextContent('¥238.00');
    expect(row).toHaveTextContent('沙箱');
    expect(row).toHaveTextContent('4200000001202611241234567890');
    expect(row).toHaveTextContent('2026-11-23 10:56:30');
    const pending = screen.getByText('PZ-9-01').closest('tr') as HTMLElement;
    expect(pending).toHaveTextContent('待支付');
    expect(pending).toHaveTextContent('¥199.90');
  });

  it('opens the raw callbacks of a payment, with verified and applied tags and indented JSON', async () => {
    renderPage();
    fireEvent.click(await screen.findByText(payment.outTradeNo));
    expect(getAdminPaymentsById).toHaveBeenCalledWith({ id: '7' }, { skipErrorHandler: true });
    await screen.findByText('渠道回调（2）');
    const [rejected, applied] = screen.getAllByTestId('payment-event');
    expect(rejected).toHaveTextContent('未验签');
    expect(rejected).toHaveTextContent('已拒绝');
    expect(within(rejected).getByText('bad_signature')).toBeInTheDocument();
    expect(rejected.querySelectorAll('pre')[1].textContent).toBe('{\n  "id": "EV-1",\n  "event_type": "TRANSACTION.SUCCESS"\n}');
    expect(applied).toHaveTextContent('验签通过');
    expect(applied).toHaveTextContent('已生效');
    expect(applied.querySelectorAll('pre')[0].textContent).toBe('{\n  "wechatpay-serial": "PUB_KEY_ID_1"\n}');
    expect(applied.querySelectorAll('pre')[1].textContent).toBe('not json');
  });
});
