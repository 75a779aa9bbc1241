import * as fs from 'fs';
import * as path from 'path';
import { billFen, billMilliFen, parseTradeBill, splitCsvLine, TradeBillFormatError, writeTradeBill } from './wechatpay-trade-bill';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../test/reconciliation/fixtures', name), 'utf8');

describe('the trade bill parser', () => {
  it('reads yuan text with a leading backtick into fen by its digits: "0.10", "1,234.50", negatives, blanks', () => {
    expect(billFen('`0.10', 'x', 1)).toBe(10);
    expect(billFen('`1,234.50', 'x', 1)).toBe(123450);
    expect(billFen('`-50.00', 'x', 1)).toBe(-5000);
    expect(billFen('`0.07', 'x', 1)).toBe(7);
    // 0.1 + 0.2 in floats is 0.30000000000000004; in fen it is 30.
    expect(billFen('`0.1', 'x', 1) + billFen('`0.2', 'x', 1)).toBe(30);
    expect(billFen('`', 'x', 1)).toBe(0);
    expect(billFen('', 'x', 1)).toBe(0);
    expect(billFen('`90071992547409.91', 'x', 1)).toBe(9007199254740991);
  });

  it('refuses amounts that would lose money or are not amounts', () => {
    for (const bad of ['`1.234', '`1e3', '`¥5.00', '`12,34.00', '`.5', '`abc', '`90071992547409.92']) {
      expect(() => billFen(bad, '金额', 7)).toThrow(TradeBillFormatError);
    }
  });

  it('reads the fee with five decimals into thousandths of a fen', () => {
    expect(billMilliFen('`0.00060', 'fee', 1)).toBe(60);
    expect(billMilliFen('`7.40700', 'fee', 1)).toBe(740700);
    expect(billMilliFen('`-0.00006', 'fee', 1)).toBe(-6);
    expect(() => billMilliFen('`0.000001', 'fee', 1)).toThrow(TradeBillFormatError);
  });

  it('splits CSV lines with quoted fields holding commas', () => {
    expect(splitCsvLine('`a,"`1,234.50",`c,,"x""y"')).toEqual(['`a', '`1,234.50', '`c', '', 'x"y']);
  });

  it('parses the tricky fixture: BOM, CRLF, quoted thousands, a refund row with a negative fee, the summary checked against the rows', () => {
    const bill = parseTradeBill(fixture('tradebill-tricky.csv'));
    expect(bill.rows.map(r => [r.outTradeNo, r.tradeState, r.settlementFen, r.refundFen, r.feeMilliFen])).toEqual([
      ['PZ2611200800000001-01', 'SUCCESS', 10, 0, 60],
      ['PZ2611200900000002-01', 'SUCCESS', 123450, 0, 740700],
      ['PZ2611200800000001-01', 'REFUND', 0, 10, -60],
      ['PZ2611202300000004-01', 'SUCCESS', 19900, 0, 119400],
    ]);
    expect(bill.rows[2]).toMatchObject({ outRefundNo: 'PZ2611200800000001-01-R01', refundId: '50300000012026112000000000001', refundStatus: 'SUCCESS' });
    expect(bill.rows[3].tradeTime.toISOString()).toBe('2026-11-20T15:59:59.000Z');
    expect(bill.rows[0]).toMatchObject({ refundId: '', outRefundNo: '' });
    expect(bill.summary).toEqual({ count: 4, settlementTotalFen: 143360, refundTotalFen: 10, rechargeRefundTotalFen: 0, feeTotalMilliFen: 860100, orderTotalFen: 143360, requestedRefundTotalFen: 10 });
  });

  it('parses negative refund amounts as written', () => {
    const bill = parseTradeBill(fixture('tradebill-planted.csv'));
    expect(bill.rows.filter(r => r.tradeState === 'REFUND').map(r => r.refundFen)).toEqual([-5000, 3000]);
    expect(bill.summary.refundTotalFen).toBe(-2000);
  });

  it('refuses a bill whose summary does not add up, that has no summary, or lacks a column', () => {
    const text = fixture('tradebill-tricky.csv');
    expect(() => parseTradeBill(text.replace('`4,"`1,433.60"', '`4,"`1,433.61"'))).toThrow(/应结订单总金额/);
    expect(() => parseTradeBill(text.replace('`4,"`1,433.60"', '`5,"`1,433.60"'))).toThrow(/总交易单数/);
    expect(() => parseTradeBill(text.split('总交易单数')[0])).toThrow(/summary/);
    expect(() => parseTradeBill(text.replace('商户退款单号', '退款单'))).toThrow(/商户退款单号/);
    expect(() => parseTradeBill('')).toThrow(/empty/);
    expect(() => parseTradeBill(text.replace('`2026-11-20 08:15:02', '`20/11/2026'))).toThrow(/交易时间/);
  });

  it('writes a bill in the same format that reads back to the same fen', () => {
    const text = writeTradeBill([
      { tradeTime: new Date('2026-11-20T01:00:00Z'), appId: 'wx1', mchId: '1900000109', transactionId: '42001', outTradeNo: 'PZ1-01', openid: '', tradeState: 'SUCCESS', settlementFen: 123450, description: '门诊, 陪诊', feeMilliFen: 740700, rate: '0.60%', orderFen: 123450 },
      { tradeTime: new Date('2026-11-20T02:00:00Z'), appId: 'wx1', mchId: '1900000109', transactionId: '42001', outTradeNo: 'PZ1-01', openid: '', tradeState: 'REFUND', settlementFen: 0, refundId: '503', outRefundNo: 'PZ1-01-R01', refundFen: 10, refundStatus: 'SUCCESS', description: 'x', feeMilliFen: -60, rate: '0.60%', orderFen: 0, requestedRefundFen: 10 },
    ]);
    expect(text.split('\r\n')[1]).toMatch(/^`2026-11-20 09:00:00,`wx1,`1900000109,/);
    const bill = parseTradeBill(text);
    expect(bill.rows.map(r => [r.settlementFen, r.refundFen, r.feeMilliFen, r.description])).toEqual([
      [123450, 0, 740700, '门诊  陪诊'],
      [0, 10, -60, 'x'],
    ]);
    expect(bill.summary).toMatchObject({ count: 2, settlementTotalFen: 123450, refundTotalFen: 10, feeTotalMilliFen: 740640 });
  });
});
