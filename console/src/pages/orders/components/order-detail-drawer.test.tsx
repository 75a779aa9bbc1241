import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import {
  getAdminOrdersById,
  getAdminOrdersByIdCancelPreview,
  postAdminOrdersByIdCancel,
  postAdminOrdersByIdNotes,
  postAdminOrdersByIdReschedule,
  getAdminOrdersByIdMoney,
} from '@/services/generated';
import { payment, refund } from '@/pages/finance/test-fixtures';
import { orderDetail } from '../test-fixtures';
import OrderDetailDrawer from './order-detail-drawer';

let mockAccess: Record<string, boolean> = {};

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
}));

jest.mock('@/services/generated', () => ({
  getAdminOrdersById: jest.fn(),
  getAdminOrdersByIdCancelPreview: jest.fn(),
  postAdminOrdersByIdCancel: jest.fn(),
  postAdminOrdersByIdNotes: jest.fn(),
  postAdminOrdersByIdAssign: jest.fn(),
  postAdminOrdersByIdComplete: jest.fn(),
  postAdminOrdersByIdReschedule: jest.fn(),
  getAdminEscorts: jest.fn(),
  getAdminOrdersByIdMoney: jest.fn(),
}));

const detail = jest.mocked(getAdminOrdersById);
const OPS = { canReadOrders: true, canWriteOrders: true, canDispatchOrders: true, canReadEscorts: true };

async function openDrawer(access: Record<string, boolean>, onChanged = jest.fn()) {
  mockAccess = access;
  render(
    <App>
      <OrderDetailDrawer orderId={42} onClose={jest.fn()} onChanged={onChanged} />
    </App>,
  );
  await screen.findByText(`订单 ${orderDetail.orderNo}`);
  return onChanged;
}

function sectionOf(title: string): HTMLElement {
  return screen.getByText(title).closest('section') as HTMLElement;
}

function submitDialog(title: RegExp, button: RegExp) {
  const dialog = screen.getByText(title).closest('.ant-modal') as HTMLElement;
  fireEvent.click(within(dialog).getByText(button).closest('button') as HTMLButtonElement);
}

describe('order detail drawer', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    detail.mockResolvedValue(orderDetail as never);
  });

  it('shows the header, facts, timeline, price lines, masked patient, reschedules, extra charges and notes', async () => {
    await openDrawer(OPS);
    expect(detail).toHaveBeenCalledWith({ id: '42' }, { skipErrorHandler: true });
    expect(screen.getAllByText('待派单').length).toBeGreaterThan(0);
    expect(screen.getByText('2026-11-24 09:00–13:00（240 分钟）')).toBeInTheDocument();
    expect(screen.getByText('复旦大学附属中山医院 / 心内科')).toBeInTheDocument();

    const timeline = within(sectionOf('状态时间线'));
    expect(timeline.getByText('下单')).toBeInTheDocument();
    expect(timeline.getByText('支付成功')).toBeInTheDocument();
    expect(timeline.getByText('改约')).toBeInTheDocument();
    expect(timeline.getByText(/员工 王运营 · 2026-11-23 11:00:00/)).toBeInTheDocument();
    expect(timeline.getByText('改约：2026-11-24 08:00 → 2026-11-24 09:00')).toBeInTheDocument();

    const prices = within(sectionOf('价格明细'));
    expect(prices.getByText('¥198.00')).toBeInTheDocument();
    expect(prices.getByText('¥60.00')).toBeInTheDocument();
    expect(prices.getByText('-¥20.00')).toBeInTheDocument();
    expect(prices.getByTestId('price-total')).toHaveTextContent('¥238.00');

    const patient = within(sectionOf('就诊人'));
    for (const text of ['张建国', '父母', '男', '76 岁', '139****5678', '310***********0011']) {
      expect(patient.getByText(text)).toBeInTheDocument();
    }
    expect(patient.getByText(/^有/)).toBeInTheDocument();

    expect(within(sectionOf('改约记录')).getByText('已改约')).toBeInTheDocument();
    expect(within(sectionOf('代垫费用')).getByText('¥45.50')).toBeInTheDocument();
    expect(within(sectionOf('员工备注')).getByText('已电话确认需要轮椅')).toBeInTheDocument();
  });

  it('offers the actions the backend allows and the user may take', async () => {
    await openDrawer(OPS);
    // Plain DOM query: role queries are slow over a drawer this size in jsdom.
    const buttons = Array.from(screen.getByTestId('order-actions').querySelectorAll('button'));
    expect(buttons.map((b) => b.textContent?.replace(/\s/g, ''))).toEqual([
      '派单',
      '改约',
      '取消订单',
      '添加备注',
    ]);
  });

  it('shows the money timeline with each ledger entry and the sum of its lines to those who read payments', async () => {
    jest.mocked(getAdminOrdersByIdMoney).mockResolvedValue({
      payments: [payment],
      refunds: [{ ...refund, status: 'succeeded' }],
      postpay: { orderId: 42, orderStatus: 'completed', state: 'unpaid', chargedFen: 1250, paidFen: 0, dueFen: 1250, awaitingConfirmationFen: 0, payable: true, charges: [], payments: [] },
      ledgerEntries: [
        {
          id: 2,
          sourceType: 'refund',
          sourceId: '5',
          orderId: 42,
          memo: '',
          createdAt: '2026-11-24T07:00:00.000Z',
          lines: [
            { account: 'refunds', amountFen: 4550, orderId: 42, escortId: null },
            { account: 'customer_payments_clearing', amountFen: -4500, orderId: 42, escortId: null },
          ],
        },
        {
          id: 1,
          sourceType: 'payment_capture',
          sourceId: '7',
          orderId: 42,
          memo: '',
          createdAt: '2026-11-23T02:56:30.000Z',
          lines: [
            { account: 'customer_payments_clearing', amountFen: 23800, orderId: 42, escortId: null },
            { account: 'customer_prepayments', amountFen: -23800, orderId: 42, escortId: null },
          ],
        },
      ],
    });
    await openDrawer({ ...OPS, canReadPayments: true });
    expect(getAdminOrdersByIdMoney).toHaveBeenCalledWith({ id: '42' }, { skipErrorHandler: true });
    const money = await screen.findByTestId('order-money');
    await within(money).findByText(payment.outTradeNo);
    expect(within(money).getByText('支付成功')).toBeInTheDocument();
    expect(within(money).getByText(refund.outRefundNo)).toBeInTheDocument();
    expect(within(money).getByText('退款成功')).toBeInTheDocument();
    const [paid, refunded] = within(money).getAllByTestId('ledger-entry');
    expect(paid).toHaveTextContent('payment_capture');
    expect(within(money).getByTestId('postpay-balance')).toHaveTextContent('待支付补差款');
    expect(within(money).getByTestId('postpay-balance')).toHaveTextContent('待支付 ¥12.50');
    expect(paid).toHaveTextContent('¥238.00');
    expect(within(paid).getByTestId('entry-sum')).toHaveTextContent('合计 ¥0.00已平衡');
    expect(within(refunded).getByTestId('entry-sum')).toHaveTextContent('合计 ¥0.50不平衡');
  });

  it('leaves the money timeline out for someone who cannot read payments', async () => {
    await openDrawer(OPS);
    expect(screen.queryByTestId('order-money')).toBeNull();
    expect(getAdminOrdersByIdMoney).not.toHaveBeenCalled();
  });

  it('shows no action to someone who may only read orders', async () => {
    await openDrawer({ canReadOrders: true });
    expect(screen.queryByTestId('order-actions')).toBeNull();
  });

  it('cancels with the previewed penalty waived, then reloads itself and its opener', async () => {
    jest.mocked(getAdminOrdersByIdCancelPreview).mockResolvedValue({
      paidFen: 23800,
      penaltyBp: 2000,
      penaltyFen: 4760,
      refundFen: 19040,
      hoursBefore: 2,
      needsRefund: true,
    });
    jest.mocked(postAdminOrdersByIdCancel).mockResolvedValue({ ...orderDetail, status: 'refunding' } as never);
    const onChanged = await openDrawer(OPS);

    fireEvent.click(screen.getByText('取消订单').closest('button') as HTMLButtonElement);
    expect(await screen.findByText(/^¥47\.60（开始前 2 小时档，20%）$/)).toBeInTheDocument();
    expect(screen.getByText('¥190.40')).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('请填写取消原因（客户可见）'), { target: { value: '医院临时停诊' } });
    fireEvent.click(screen.getByText('免除违约金（如平台原因）'));
    await waitFor(() => expect(screen.getAllByText('¥238.00').length).toBeGreaterThan(1));
    expect(screen.getByText('¥0.00（已免除）')).toBeInTheDocument();

    submitDialog(/^取消订单 PZ/, /确认取消/);
    await waitFor(() =>
      expect(postAdminOrdersByIdCancel).toHaveBeenCalledWith({ id: '42' }, { reason: '医院临时停诊', waivePenalty: true }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(detail).toHaveBeenCalledTimes(2);
  });

  it('refuses to cancel without a reason', async () => {
    jest.mocked(getAdminOrdersByIdCancelPreview).mockResolvedValue({
      paidFen: 23800,
      penaltyBp: 0,
      penaltyFen: 0,
      refundFen: 23800,
      hoursBefore: 24,
      needsRefund: true,
    });
    await openDrawer(OPS);
    fireEvent.click(screen.getByText('取消订单').closest('button') as HTMLButtonElement);
    await screen.findByText('退款金额');
    submitDialog(/^取消订单 PZ/, /确认取消/);
    expect(await screen.findByText('请填写取消原因')).toBeInTheDocument();
    expect(postAdminOrdersByIdCancel).not.toHaveBeenCalled();
  });

  it('adds a staff note', async () => {
    jest.mocked(postAdminOrdersByIdNotes).mockResolvedValue({} as never);
    await openDrawer(OPS);
    fireEvent.click(screen.getByText('添加备注').closest('button') as HTMLButtonElement);
    fireEvent.change(await screen.findByPlaceholderText('仅员工可见'), { target: { value: '客户改为下午' } });
    submitDialog(/^添加备注 PZ/, /^保存备注$/);
    await waitFor(() => expect(postAdminOrdersByIdNotes).toHaveBeenCalledWith({ id: '42' }, { content: '客户改为下午' }));
  });

  it('reschedules to the picked Shanghai time whatever the browser zone, offering 退回派单池 only with redispatch', async () => {
    jest.mocked(postAdminOrdersByIdReschedule).mockResolvedValue({ applied: false, pendingEscort: true, order: orderDetail } as never);
    await openDrawer(OPS);
    fireEvent.click(screen.getByText('改 约').closest('button') as HTMLButtonElement);
    await screen.findByDisplayValue('2026-11-24 09:00');
    expect(screen.queryByText('退回派单池')).toBeNull();
    fireEvent.change(screen.getByLabelText('改约原因'), { target: { value: '客户改期' } });
    submitDialog(/^改约 PZ/, /确认改约/);
    await waitFor(() =>
      expect(postAdminOrdersByIdReschedule).toHaveBeenCalledWith(
        { id: '42' },
        { startAt: '2026-11-24T01:00:00.000Z', reason: '客户改期', redispatch: false },
      ),
    );
    expect(await screen.findByText('改约申请已发送，待陪诊师确认')).toBeInTheDocument();
  });

  it('offers 退回派单池 when rescheduling an assigned order', async () => {
    detail.mockResolvedValue({ ...orderDetail, status: 'accepted', escortId: 5, escortName: '李静', availableActions: ['reassign', 'redispatch', 'cancel_paid'] } as never);
    await openDrawer(OPS);
    fireEvent.click(screen.getByText('改 约').closest('button') as HTMLButtonElement);
    expect(await screen.findByText('退回派单池')).toBeInTheDocument();
  });

  it('says why the order could not be loaded', async () => {
    const { ApiError } = jest.requireActual('@/utils/api-error');
    detail.mockRejectedValue(new ApiError({ status: 404, errorCode: 'NOT_FOUND', errorMessage: '订单不存在' }));
    mockAccess = OPS;
    render(
      <App>
        <OrderDetailDrawer orderId={999} onClose={jest.fn()} />
      </App>,
    );
    expect(await screen.findByText('订单不存在')).toBeInTheDocument();
    expect(screen.getByText('订单加载失败')).toBeInTheDocument();
  });
});
