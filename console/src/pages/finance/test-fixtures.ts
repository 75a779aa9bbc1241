/** Payments and refunds as the backend's admin routes answer them, for the finance page tests. */
import type { AdminPayment, AdminPaymentDetail, AdminRefund } from '@/services/models';

export const payment: AdminPayment = {
  id: 7,
  orderId: 42,
  orderNo: 'PZ2611240900123456',
  outTradeNo: 'PZ2611240900123456-01',
  channel: 'sandbox',
  amountFen: 23800,
  status: 'succeeded',
  channelTransactionId: '4200000001202611241234567890',
  createdAt: '2026-11-23T02:55:00.000Z',
  paidAt: '2026-11-23T02:56:30.000Z',
};

export const paymentDetail: AdminPaymentDetail = {
  ...payment,
  events: [
    {
      id: 91,
      kind: 'transaction',
      receivedAt: '2026-11-23T02:56:29.000Z',
      verified: false,
      applied: false,
      reason: 'bad_signature',
      headers: { 'wechatpay-serial': 'PUB_KEY_ID_1' },
      body: '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"}',
    },
    {
      id: 92,
      kind: 'transaction',
      receivedAt: '2026-11-23T02:56:30.000Z',
      verified: true,
      applied: true,
      reason: '',
      headers: '{"wechatpay-serial":"PUB_KEY_ID_1"}',
      body: 'not json',
    },
  ],
};

export const refund: AdminRefund = {
  id: 5,
  orderId: 42,
  orderNo: 'PZ2611240900123456',
  paymentId: 7,
  outRefundNo: 'PZ2611240900123456-01-R01',
  amountFen: 4550,
  reason: '服务缩短，部分退款',
  status: 'awaiting_approval',
  requestedBy: '王运营',
  createdAt: '2026-11-24T06:00:00.000Z',
};
