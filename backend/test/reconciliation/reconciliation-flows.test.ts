import * as fs from 'fs';
import * as path from 'path';
import { bearer, expectError, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { paidOrder, paymentWorld, PaymentWorld, repos } from '../payments/payment-fixtures';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { toShanghaiDateString } from '../../src/common/time';
import { ExportService } from '../../src/modules/settlements/export.service';

jest.setTimeout(300_000);

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const DAY_MS = 24 * 3600_000;

describe('reconciliation against the sandbox’s daily trade bill', () => {
  let t: TestApp;
  let w: PaymentWorld;
  let financeToken: string;
  let supportToken: string;
  const yesterday = toShanghaiDateString(new Date(Date.now() - DAY_MS));
  const today = toShanghaiDateString(new Date());
  const orders: { id: number; outTradeNo: string }[] = [];

  const fetchDay = (date: string, token = financeToken) => t.http().post(`/api/admin/reconciliation/days/${date}/fetch`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
    financeToken = await staffToken(t, 'finance');
    supportToken = await staffToken(t, 'support');
    for (let i = 0; i < 4; i++) {
      const { order, start } = await paidOrder(t, w);
      orders.push({ id: order.id, outTradeNo: start.outTradeNo });
    }
    expectOk(await t.http().post(`/api/admin/orders/${orders[0].id}/refunds`).set(bearer(financeToken)).send({ amountFen: 1001, reason: '部分退款' }));
    await w.channel.idle();
    // The money moved yesterday, on both sides: the channel's records and ours.
    const back = (d: Date | null) => (d ? new Date(new Date(d).getTime() - DAY_MS) : d);
    for (const tx of w.channel.transactions.values()) tx.successTime = back(tx.successTime);
    for (const r of w.channel.refunds.values()) r.successTime = back(r.successTime);
    for (const p of await repos(t).payments.find()) await repos(t).payments.update({ id: p.id }, { paidAt: back(p.paidAt) });
    for (const r of await repos(t).refunds.find()) await repos(t).refunds.update({ id: r.id }, { succeededAt: back(r.succeededAt) });
  });
  afterAll(() => t.close());

  it('downloads yesterday’s bill (hash checked) and matches every payment and refund', async () => {
    const report = expectOk(await fetchDay(yesterday));
    expect(report.run).toMatchObject({ billDate: yesterday, source: 'fetched', channel: 'sandbox', rowCount: 5, unexplained: 0 });
    expect(report.run.counts).toEqual({ matched: 5, missing_ours: 0, missing_theirs: 0, amount_mismatch: 0, status_mismatch: 0 });
    expect(report.run.totals.theirPaidFen).toBe(report.run.totals.ourPaidFen);
    expect(report.run.totals.theirRefundedFen).toBe(1001);
    expect(report.run.summary.refundTotalFen).toBe(1001);
    expect(report.items).toEqual([]);
    expect(w.channel.requests.filter(r => r.url.startsWith('/v3/bill/tradebill') || r.url.startsWith('/v3/billdownload/file')).length).toBe(2);
  });

  it('finds exactly the mismatches planted on either side, then keeps explanations across runs', async () => {
    const [a, b, c] = orders;
    // Theirs: one more fen on a, b never listed, and a payment we know nothing about.
    w.channel.transactions.get(a.outTradeNo)!.totalFen += 1;
    const bTx = w.channel.transactions.get(b.outTradeNo)!;
    w.channel.transactions.delete(b.outTradeNo);
    const stranger = { ...bTx, outTradeNo: 'PZ9999999999999999-01', transactionId: '4200000000999999999999999999', prepayId: 'wx-stranger' };
    w.channel.transactions.set(stranger.outTradeNo, stranger);
    // Ours: c's payment says closed though the channel took the money; the refund is still processing here.
    await repos(t).payments.update({ outTradeNo: c.outTradeNo }, { status: 'closed' });
    const refund = await repos(t).refunds.findOneOrFail({ where: {} });
    await repos(t).refunds.update({ id: refund.id }, { status: 'processing' });

    const report = expectOk(await fetchDay(yesterday));
    expect(report.run.counts).toEqual({ matched: 1, missing_ours: 1, missing_theirs: 1, amount_mismatch: 1, status_mismatch: 2 });
    expect(report.items.map((i: any) => [i.kind, i.outNo, i.result]).sort()).toEqual(
      [
        ['payment', a.outTradeNo, 'amount_mismatch'],
        ['payment', b.outTradeNo, 'missing_theirs'],
        ['payment', c.outTradeNo, 'status_mismatch'],
        ['payment', 'PZ9999999999999999-01', 'missing_ours'],
        ['refund', refund.outRefundNo, 'status_mismatch'],
      ].sort()
    );
    const amount = report.items.find((i: any) => i.result === 'amount_mismatch');
    expect(amount.theirFen - amount.ourFen).toBe(1);

    const explained = expectOk(await t.http().post(`/api/admin/reconciliation/items/${amount.id}/explain`).set(bearer(financeToken)).send({ note: '渠道侧调账，已与微信支付核实' }));
    expect(explained).toMatchObject({ explained: true, explanation: '渠道侧调账，已与微信支付核实', explainedByName: expect.any(String) });
    expectError(await t.http().post(`/api/admin/reconciliation/items/${amount.id}/explain`).set(bearer(financeToken)).send({ note: '再说明一次' }), 409, 'RECONCILIATION_ITEM_EXPLAINED');
    expectError(await t.http().post(`/api/admin/reconciliation/items/${amount.id}/explain`).set(bearer(supportToken)).send({ note: 'x' }), 403, 'FORBIDDEN');
    const audit = await t.dataSource.getRepository(AuditLog).find({ where: { action: 'reconciliation.explain', targetId: String(amount.id) } });
    expect(audit).toHaveLength(1);

    const again = expectOk(await fetchDay(yesterday));
    expect(again.run.id).toBeGreaterThan(report.run.id);
    expect(again.run.unexplained).toBe(4);
    expect(again.items.find((i: any) => i.result === 'amount_mismatch')).toMatchObject({ explained: true, explanation: '渠道侧调账，已与微信支付核实' });
    expect(expectOk(await t.http().get(`/api/admin/reconciliation/days/${yesterday}`).set(bearer(supportToken))).run.id).toBe(again.run.id);
  });

  it('imports a bill file and reports per day and for a range', async () => {
    const imported = expectOk(await t.http().post('/api/admin/reconciliation/days/2026-11-21/import').set(bearer(financeToken)).send({ content: fixture('tradebill-planted.csv') }));
    expect(imported.run).toMatchObject({ source: 'imported', rowCount: 7 });
    // None of the fixture's numbers exist in this database.
    expect(imported.run.counts).toMatchObject({ matched: 0, missing_ours: 7 });
    const range = expectOk(await t.http().get(`/api/admin/reconciliation/days?from=2026-11-01&to=${today}`).set(bearer(financeToken)));
    expect(range.list.map((d: any) => d.billDate)).toEqual(['2026-11-21', yesterday].filter((d, i, all) => all.indexOf(d) === i).sort());
    expect(range.reconciledDays).toBe(range.list.length);
    expect(range.counts.missing_ours).toBe(range.list.reduce((s: number, d: any) => s + d.counts.missing_ours, 0));
    expect(expectOk(await t.http().get('/api/admin/reconciliation/days/2026-10-01').set(bearer(financeToken)))).toEqual({ billDate: '2026-10-01', run: null, items: [] });
  });

  it('exports the report of a range: the newest run of each day, each mismatch with both sides and its explanation', async () => {
    const post = (body: object) => t.http().post('/api/admin/exports').set(bearer(financeToken)).send(body);
    const from = '2026-11-21T00:00:00+08:00';
    const to = new Date(new Date(`${today}T00:00:00+08:00`).getTime()).toISOString();
    const job = expectOk(await post({ kind: 'reconciliation', format: 'csv', from, to }));
    await (await t.app.getApplicationContext().getAsync(ExportService)).settled(job.id);
    expect(expectOk(await t.http().get(`/api/admin/exports/${job.id}`).set(bearer(financeToken)))).toMatchObject({ status: 'succeeded', rowsWritten: 12, totalRows: 12 });
    const csv = (await t.http().get(`/api/admin/exports/${job.id}/download`).set(bearer(financeToken))).text;
    const rows = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0].split(',').slice(0, 5)).toEqual(['账单日期', '类型', '商户单号', '通道交易号', '差异']);
    // 7 from the imported fixture day, 5 from yesterday's newest run (the older run's 5 are not repeated).
    const body = rows.slice(1, -1);
    expect(body).toHaveLength(12);
    expect(body.filter(r => r.startsWith('2026-11-21,'))).toHaveLength(7);
    const explained = body.find(r => r.includes('金额不符')) as string;
    expect(explained).toContain(',是,渠道侧调账，已与微信支付核实,');
    expect(body.filter(r => r.includes(',否,'))).toHaveLength(11);
    expect(rows[rows.length - 1]).toMatch(/^合计,/);
    // A range is required and bounded like the report.
    expectError(await post({ kind: 'reconciliation', format: 'csv' }), 400, 'VALIDATION_FAILED');
    expectError(await post({ kind: 'reconciliation', format: 'xlsx', from: '2026-01-01T00:00:00+08:00', to: '2026-12-31T00:00:00+08:00' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a malformed bill, a bill of another day, today’s bill, bad dates and people without the permission', async () => {
    const text = fixture('tradebill-planted.csv');
    expectError(await t.http().post('/api/admin/reconciliation/days/2026-11-21/import').set(bearer(financeToken)).send({ content: text.replace('`7,', '`8,') }), 422, 'BILL_FORMAT_INVALID');
    expectError(await t.http().post('/api/admin/reconciliation/days/2026-11-22/import').set(bearer(financeToken)).send({ content: text }), 422, 'BILL_DATE_MISMATCH');
    expectError(await t.http().post('/api/admin/reconciliation/days/2026-11-21/import').set(bearer(financeToken)).send({ content: text, extra: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await fetchDay(today), 422, 'BILL_NOT_READY');
    expectError(await fetchDay('2026-02-30'), 400, 'VALIDATION_FAILED');
    expectError(await t.http().get('/api/admin/reconciliation/days?from=2026-01-01&to=2026-12-31').set(bearer(financeToken)), 400, 'VALIDATION_FAILED');
    expectError(await t.http().get(`/api/admin/reconciliation/days/${yesterday}`).set(bearer(w.opsToken)), 403, 'FORBIDDEN');
    expectError(await fetchDay(yesterday, supportToken), 403, 'FORBIDDEN');
    expectError(await t.http().get(`/api/admin/reconciliation/days/${yesterday}`), 401, 'AUTH_REQUIRED');
  });
});
