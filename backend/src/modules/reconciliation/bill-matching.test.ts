import * as fs from 'fs';
import * as path from 'path';
import { matchTradeBill, OurPayment, OurRefund } from './bill-matching';
import { parseTradeBill } from '../payments/wechatpay-trade-bill';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../test/reconciliation/fixtures', name), 'utf8');
const at = (s: string) => new Date(`${s}+08:00`);

describe('matching a day’s bill against our payments and refunds', () => {
  const day = { from: at('2026-11-21T00:00:00'), to: at('2026-11-22T00:00:00') };
  const payments: OurPayment[] = [
    { outTradeNo: 'PZ2611210800000001-01', transactionId: '4200000002202611210000000001', amountFen: 19900, status: 'succeeded', paidAt: at('2026-11-21T08:00:00') },
    // Planted: the channel says 150.00, we recorded 149.90.
    { outTradeNo: 'PZ2611210900000002-01', transactionId: '4200000002202611210000000002', amountFen: 14990, status: 'succeeded', paidAt: at('2026-11-21T09:00:00') },
    // Planted: the channel took the money, we closed the payment.
    { outTradeNo: 'PZ2611211100000004-01', transactionId: null, amountFen: 12000, status: 'closed', paidAt: null },
    // Paid here a second before midnight of the 20th, listed by the channel on the 21st: a match, not a mismatch.
    { outTradeNo: 'PZ2611201400000006-01', transactionId: '4200000002202611210000000006', amountFen: 123450, status: 'succeeded', paidAt: at('2026-11-20T23:59:59') },
    // Planted: we recorded money on the 21st the bill does not list.
    { outTradeNo: 'PZ2611211500000007-01', transactionId: '4200000002202611210000000007', amountFen: 6600, status: 'succeeded', paidAt: at('2026-11-21T15:00:00') },
    // Another day's payment that is not in this bill: not ours to flag today.
    { outTradeNo: 'PZ2611220900000008-01', transactionId: '4200000002202611220000000008', amountFen: 100, status: 'succeeded', paidAt: at('2026-11-22T09:00:00') },
  ];
  const refunds: OurRefund[] = [
    { outRefundNo: 'PZ2611210800000001-01-R01', outTradeNo: 'PZ2611210800000001-01', channelRefundId: '50300000022026112100000000001', amountFen: 5000, status: 'succeeded', succeededAt: at('2026-11-21T12:00:05') },
    // Planted: finished at the channel, still processing here.
    { outRefundNo: 'PZ2611200700000009-01-R01', outTradeNo: 'PZ2611200700000009-01', channelRefundId: null, amountFen: 3000, status: 'processing', succeededAt: null },
    // Planted: succeeded here on the 21st, absent from the bill.
    { outRefundNo: 'PZ2611211500000007-01-R01', outTradeNo: 'PZ2611211500000007-01', channelRefundId: '503000000299', amountFen: 600, status: 'succeeded', succeededAt: at('2026-11-21T18:00:00') },
  ];

  it('finds exactly the mismatches planted in the fixture and matches everything else', () => {
    const outcome = matchTradeBill(parseTradeBill(fixture('tradebill-planted.csv')).rows, { payments, refunds }, day);
    const found = outcome.items.filter(i => i.result !== 'matched').map(i => [i.kind, i.key, i.result, i.ourFen, i.theirFen]);
    expect(found).toEqual([
      ['payment', 'PZ2611210900000002-01', 'amount_mismatch', 14990, 15000],
      ['payment', 'PZ2611211000000003-01', 'missing_ours', null, 8880],
      ['payment', 'PZ2611211100000004-01', 'status_mismatch', 12000, 12000],
      ['refund', 'PZ2611200700000009-01-R01', 'status_mismatch', 3000, 3000],
      ['payment', 'PZ2611211500000007-01', 'missing_theirs', 6600, null],
      ['refund', 'PZ2611211500000007-01-R01', 'missing_theirs', 600, null],
    ]);
    expect(outcome.items.filter(i => i.result === 'matched').map(i => i.key).sort()).toEqual(['PZ2611201400000006-01', 'PZ2611210800000001-01', 'PZ2611210800000001-01-R01']);
    expect(outcome.counts).toEqual({ matched: 3, missing_ours: 1, missing_theirs: 2, amount_mismatch: 1, status_mismatch: 2 });
    expect(outcome.totals).toEqual({ theirPaidFen: 179230, theirRefundedFen: 8000, ourPaidFen: 19900 + 14990 + 6600, ourRefundedFen: 5600 });
  });

  it('matches a clean day completely and flags a row the bill lists twice', () => {
    const rows = parseTradeBill(fixture('tradebill-planted.csv')).rows.slice(0, 1);
    const clean = matchTradeBill(rows, { payments: payments.slice(0, 1), refunds: [] }, day);
    expect(clean.counts).toMatchObject({ matched: 1, missing_ours: 0, missing_theirs: 0 });
    const twice = matchTradeBill([rows[0], rows[0]], { payments: payments.slice(0, 1), refunds: [] }, day);
    expect(twice.items.map(i => i.result)).toEqual(['matched', 'missing_ours']);
  });

  it('sees a different transaction id for the same number as a status mismatch', () => {
    const rows = parseTradeBill(fixture('tradebill-planted.csv')).rows.slice(0, 1);
    const outcome = matchTradeBill(rows, { payments: [{ ...payments[0], transactionId: '4200000000000000000000000000' }], refunds: [] }, day);
    expect(outcome.items[0]).toMatchObject({ result: 'status_mismatch', detail: expect.stringContaining('微信订单号不同') });
  });
});
