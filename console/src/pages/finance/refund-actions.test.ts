import { REFUND_STATUSES, type RefundStatus } from '@/constants/finance';
import { parseRefundYuan, refundButtons } from './refund-actions';

const ALL = { canWriteRefunds: true, canApproveRefunds: true };
const NONE = { canWriteRefunds: false, canApproveRefunds: false };

function buttonsByStatus(access: typeof ALL) {
  return Object.fromEntries(REFUND_STATUSES.map((status) => [status, refundButtons({ status }, access)]));
}

describe('refundButtons', () => {
  it('offers approve and reject for a refund awaiting approval, and retry for a failed one', () => {
    expect(buttonsByStatus(ALL)).toEqual({
      awaiting_approval: ['approve', 'reject'],
      pending: [],
      processing: [],
      succeeded: [],
      failed: ['retry'],
      rejected: [],
    });
  });

  it('lets only approvers approve or reject', () => {
    expect(refundButtons({ status: 'awaiting_approval' }, { canWriteRefunds: true, canApproveRefunds: false })).toEqual([]);
    expect(refundButtons({ status: 'awaiting_approval' }, { canWriteRefunds: false, canApproveRefunds: true })).toEqual([
      'approve',
      'reject',
    ]);
  });

  it('lets only those who may request refunds retry a failed one', () => {
    expect(refundButtons({ status: 'failed' }, { canWriteRefunds: false, canApproveRefunds: true })).toEqual([]);
    expect(refundButtons({ status: 'failed' }, { canWriteRefunds: true, canApproveRefunds: false })).toEqual(['retry']);
  });

  it('shows nothing to someone who may only read', () => {
    for (const status of REFUND_STATUSES) expect(refundButtons({ status: status as RefundStatus }, NONE)).toEqual([]);
  });
});

describe('parseRefundYuan', () => {
  it.each([
    ['238', 23800],
    ['19.9', 1990],
    ['0.29', 29],
    ['0.01', 1],
    [' 45.50 ', 4550],
  ])('reads "%s" yuan as %i fen', (text, fen) => {
    expect(parseRefundYuan(text)).toEqual({ fen });
  });

  it('asks for an amount when the field is empty', () => {
    expect(parseRefundYuan('')).toEqual({ error: '请填写退款金额' });
    expect(parseRefundYuan(undefined)).toEqual({ error: '请填写退款金额' });
  });

  it.each(['-1', '1.234', '¥5', '1e3', 'abc', '.5'])('refuses "%s" as not a yuan amount', (text) => {
    expect(parseRefundYuan(text)).toEqual({ error: '请输入金额（元），最多两位小数' });
  });

  it('refuses a zero refund', () => {
    expect(parseRefundYuan('0')).toEqual({ error: '退款金额至少 ¥0.01' });
    expect(parseRefundYuan('0.00')).toEqual({ error: '退款金额至少 ¥0.01' });
  });
});
