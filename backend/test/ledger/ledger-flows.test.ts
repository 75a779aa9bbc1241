import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { createOrder, startIn } from '../orders/order-fixtures';
import { inProcessTransport, lastDelivery, paidOrder, paymentWorld, PaymentWorld, postCallback, repos } from '../payments/payment-fixtures';
import { LedgerEntry } from '../../src/modules/ledger/ledger-entry.entity';
import { LedgerLine } from '../../src/modules/ledger/ledger-line.entity';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';
import { DEFAULT_SETTINGS } from '../../src/modules/settings/settings-defaults';
import { splitNet } from '../../src/modules/ledger/ledger-postings';
import { BUILT_IN_SHARE_BP } from '../../src/modules/commissions/commission-rules';

jest.setTimeout(300_000);

describe('the ledger and staff refunds, through real flows', () => {
  let t: TestApp;
  let w: PaymentWorld;
  let financeToken: string;
  let supportToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
    financeToken = await staffToken(t, 'finance');
    supportToken = await staffToken(t, 'support');
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await w.channel.idle();
    w.channel.refundMode = 'auto';
    w.channel.transport = inProcessTransport(t);
  });

  const entriesOf = (orderId: number) => t.dataSource.getRepository(LedgerEntry).find({ where: { orderId }, order: { id: 'ASC' } });
  const linesOf = (entryId: number) => t.dataSource.getRepository(LedgerLine).find({ where: { entryId }, order: { id: 'ASC' } });
  const money = async (orderId: number, token = financeToken) => expectOk(await t.http().get(`/api/admin/orders/${orderId}/money`).set(bearer(token)));

  async function complete(orderId: number) {
    expectOk(await t.http().post(`/api/admin/orders/${orderId}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '距离近' }));
    for (const step of ['accept', 'depart', 'start']) expectOk(await t.http().post(`/api/escort/orders/${orderId}/${step}`).set(bearer(w.escortToken)));
    const mine = expectOk(await t.http().get(`/api/app/orders/${orderId}`).set(bearer(w.customerToken)));
    expectOk(await t.http().post(`/api/escort/orders/${orderId}/complete`).set(bearer(w.escortToken)).send({ code: mine.verificationCode }));
  }

  it('pay, duplicated callbacks, a partial refund with duplicated callbacks and completion leave each entry once, and the money adds up', async () => {
    const { order } = await paidOrder(t, w);
    // WeChat sends the same callback again, twice at once: nothing more is posted.
    const callback = lastDelivery(w, 'transaction');
    const again = await Promise.all([postCallback(t, 'transaction', callback), postCallback(t, 'transaction', callback)]);
    expect(again.map(r => r.status)).toEqual([204, 204]);
    let entries = await entriesOf(order.id);
    expect(entries.map(e => e.sourceType)).toEqual(['payment_capture']);
    expect((await linesOf(entries[0].id)).map(l => [l.account, l.amountFen])).toEqual([
      ['customer_payments_clearing', order.totalFen],
      ['customer_prepayments', -order.totalFen],
    ]);

    w.channel.refundMode = 'manual';
    const refund = expectOk(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(financeToken)).send({ amountFen: 1001, reason: '服务时长缩短' }));
    expect(refund).toMatchObject({ status: 'processing', amountFen: 1001, source: 'manual', requestedByName: expect.any(String) });
    expectOk(await t.http().post(`/api/sandbox-pay/refunds/${refund.outRefundNo}/complete`).send({}));
    const refundCallback = lastDelivery(w, 'refund');
    expect((await Promise.all([postCallback(t, 'refund', refundCallback), postCallback(t, 'refund', refundCallback)])).map(r => r.status)).toEqual([204, 204]);

    await complete(order.id);
    entries = await entriesOf(order.id);
    expect(entries.map(e => e.sourceType)).toEqual(['payment_capture', 'refund', 'order_recognition']);
    const escort = await t.dataSource.getRepository(Escort).findOneByOrFail({ id: w.escortId });
    // No commission version saved in this test: the built-in share by level applies.
    const split = splitNet(order.totalFen - 1001, BUILT_IN_SHARE_BP[escort.level]);
    expect((await linesOf(entries[2].id)).map(l => [l.account, l.amountFen, l.escortId])).toEqual([
      ['customer_prepayments', order.totalFen, null],
      ['refunds', -1001, null],
      ['platform_revenue', -split.platformFen, null],
      ['escort_payable', -split.escortFen, w.escortId],
    ]);

    const view = await money(order.id);
    expect(view.summary).toEqual({
      totalFen: order.totalFen,
      paidFen: order.totalFen,
      refundedFen: 1001,
      refundInFlightFen: 0,
      refundableFen: order.totalFen - 1001,
      platformFen: split.platformFen,
      escortFen: split.escortFen,
    });
    expect(view.summary.platformFen + view.summary.escortFen + view.summary.refundedFen).toBe(view.summary.paidFen);
    expect(view.balances).toMatchObject({ customer_prepayments: 0, refunds: 0, customer_payments_clearing: order.totalFen - 1001 });
    for (const e of view.ledgerEntries) expect(e.lines.reduce((s: number, l: any) => s + l.amountFen, 0)).toBe(0);

    // A refund after completion takes the money back from both shares.
    w.channel.refundMode = 'auto';
    const late = expectOk(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(financeToken)).send({ amountFen: 999, reason: '投诉补偿' }));
    await w.channel.idle();
    expect(await repos(t).refunds.findOneByOrFail({ id: late.id })).toMatchObject({ status: 'succeeded' });
    const after = await money(order.id);
    expect(after.summary.platformFen + after.summary.escortFen + after.summary.refundedFen).toBe(order.totalFen);
    expect(after.summary.refundedFen).toBe(2000);
  });

  it('a paid order cancelled with a penalty closes: what was kept is platform revenue', async () => {
    const { order } = await paidOrder(t, w, { startAt: startIn(90).toISOString() });
    expectOk(await t.http().post(`/api/admin/orders/${order.id}/cancel`).set(bearer(w.opsToken)).send({ reason: '客户临时有事' }));
    await w.jobs.tick();
    await w.channel.idle();
    const view = await money(order.id);
    expect(view.status).toBe('refunded');
    expect(view.ledgerEntries.map((e: any) => e.sourceType)).toEqual(['payment_capture', 'refund', 'order_close']);
    expect(view.summary.escortFen).toBe(0);
    expect(view.summary.platformFen + view.summary.refundedFen).toBe(order.totalFen);
    expect(view.balances).toMatchObject({ customer_prepayments: 0, refunds: 0 });
  });

  it('a refund above the threshold waits for finance; its requester cannot approve it; another approver can', async () => {
    const { order } = await paidOrder(t, w);
    expect(order.totalFen).toBeGreaterThan(1);
    expectOk(await t.http().post('/api/admin/settings/finance').set(bearer(w.adminToken)).send({ ...DEFAULT_SETTINGS.finance, refundApprovalThresholdFen: 1 }));
    try {
      const before = await rowCounts(t);
      const r = expectOk(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(supportToken)).send({ amountFen: 2, reason: '大额退款' }));
      expect(r).toMatchObject({ status: 'awaiting_approval', submitAttempts: 0 });
      expect(countChanges(before, await rowCounts(t))).toEqual({ refunds: 1, audit_logs: 1 });
      expect(w.channel.requests.some(x => x.url === '/v3/refund/domestic/refunds' && JSON.parse(x.body).out_refund_no === r.outRefundNo)).toBe(false);

      // Support may ask for refunds but not approve them.
      expectError(await t.http().post(`/api/admin/refunds/${r.id}/approve`).set(bearer(supportToken)).send({}), 403, 'FORBIDDEN');
      const waiting = expectOk(await t.http().get('/api/admin/refunds').query({ status: 'awaiting_approval' }).set(bearer(financeToken)));
      expect(waiting.list.map((x: any) => x.id)).toContain(r.id);

      const approved = expectOk(await t.http().post(`/api/admin/refunds/${r.id}/approve`).set(bearer(financeToken)).send({ reason: '核实无误' }));
      expect(approved).toMatchObject({ reviewNote: '核实无误', reviewedByName: expect.any(String) });
      await w.channel.idle();
      expect(await repos(t).refunds.findOneByOrFail({ id: r.id })).toMatchObject({ status: 'succeeded' });
      expectError(await t.http().post(`/api/admin/refunds/${r.id}/reject`).set(bearer(financeToken)).send({ reason: '晚了' }), 409, 'REFUND_NOT_AWAITING_APPROVAL');

      const own = expectOk(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(financeToken)).send({ amountFen: 2, reason: '自己发起' }));
      expectError(await t.http().post(`/api/admin/refunds/${own.id}/approve`).set(bearer(financeToken)).send({}), 403, 'FORBIDDEN');
      expectError(await t.http().post(`/api/admin/refunds/${own.id}/reject`).set(bearer(w.adminToken)).send({}), 400, 'VALIDATION_FAILED');
      const rejected = expectOk(await t.http().post(`/api/admin/refunds/${own.id}/reject`).set(bearer(w.adminToken)).send({ reason: '不符合退款规则' }));
      expect(rejected).toMatchObject({ status: 'rejected', reviewNote: '不符合退款规则' });
      const actions = (await t.dataSource.getRepository(AuditLog).find({ where: { targetType: 'refund' } })).map(a => `${a.action}:${a.targetId}`);
      expect(actions).toEqual(expect.arrayContaining([`refund.create:${r.id}`, `refund.approve:${r.id}`, `refund.create:${own.id}`, `refund.reject:${own.id}`]));
      // A rejected refund holds nothing: the amount is refundable again.
      expect((await money(order.id)).summary.refundableFen).toBe(order.totalFen - 2);
    } finally {
      expectOk(await t.http().post('/api/admin/settings/finance').set(bearer(w.adminToken)).send(DEFAULT_SETTINGS.finance));
    }
  });

  it('refuses an over-refund with 422 REFUND_EXCEEDS_PAID and bad input with 400, writing nothing', async () => {
    const { order } = await paidOrder(t, w);
    const before = await rowCounts(t);
    const res = await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(financeToken)).send({ amountFen: order.totalFen + 1, reason: '多退' });
    expectError(res, 422, 'REFUND_EXCEEDS_PAID');
    expect(res.body.details ?? res.body.data ?? {}).toBeDefined();
    for (const body of [{ amountFen: 1.5, reason: 'x' }, { amountFen: 0, reason: 'x' }, { amountFen: 100 }, { amountFen: 100, reason: '' }, { amountFen: 100, reason: 'x', status: 'succeeded' }, { amountFen: '100', reason: 'x'.repeat(81) }]) {
      expectError(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(financeToken)).send(body), 400, 'VALIDATION_FAILED');
    }
    const unpaid = await createOrder(t, w);
    expectError(await t.http().post(`/api/admin/orders/${unpaid.id}/refunds`).set(bearer(financeToken)).send({ amountFen: 100, reason: '未支付' }), 422, 'ORDER_NOT_PAID');
    expectError(await t.http().post(`/api/admin/refunds/999999/retry`).set(bearer(financeToken)), 404, 'NOT_FOUND');
    // Only the unpaid order created above (its notification, its analytics outbox row): no refund, ledger, audit or event row.
    const changes = countChanges(before, await rowCounts(t));
    expect(Object.keys(changes).filter(k => !['orders', 'order_status_logs', 'notifications', 'notification_deliveries', 'analytics_outbox'].includes(k))).toEqual([]);
    expect(changes).toMatchObject({ orders: 1 });
  });

  it('retries a refused refund with the same out_refund_no', async () => {
    const { order } = await paidOrder(t, w);
    w.channel.faults.push({ method: 'POST', path: /^\/v3\/refund\/domestic\/refunds$/, answer: { status: 403, code: 'NO_AUTH', message: '商户无权限' } });
    const r = expectOk(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(financeToken)).send({ amountFen: 500, reason: '重试测试' }));
    expect(r).toMatchObject({ status: 'failed' });
    const failed = expectOk(await t.http().get('/api/admin/refunds').query({ status: 'failed', orderNo: order.orderNo }).set(bearer(financeToken)));
    expect(failed.list.map((x: any) => x.id)).toEqual([r.id]);
    const retried = expectOk(await t.http().post(`/api/admin/refunds/${r.id}/retry`).set(bearer(supportToken)));
    expect(retried.outRefundNo).toBe(r.outRefundNo);
    await w.channel.idle();
    expect(await repos(t).refunds.findOneByOrFail({ id: r.id })).toMatchObject({ status: 'succeeded', submitAttempts: 2 });
    expectError(await t.http().post(`/api/admin/refunds/${r.id}/retry`).set(bearer(supportToken)), 409, 'REFUND_NOT_FAILED');
    expect((await entriesOf(order.id)).map(e => e.sourceType)).toEqual(['payment_capture', 'refund']);
  });

  it('lists payments by order number and transaction id, shows one with its raw callbacks, and keeps them from ops', async () => {
    const { order, paid } = await paidOrder(t, w);
    const byNo = expectOk(await t.http().get('/api/admin/payments').query({ orderNo: order.orderNo }).set(bearer(financeToken)));
    expect(byNo).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(byNo.list[0]).toMatchObject({ orderId: order.id, orderNo: order.orderNo, status: 'succeeded', amountFen: order.totalFen, channelTransactionId: paid.transactionId });
    const byTx = expectOk(await t.http().get('/api/admin/payments').query({ channelTransactionId: paid.transactionId, status: 'succeeded' }).set(bearer(supportToken)));
    expect(byTx.list.map((p: any) => p.id)).toEqual([byNo.list[0].id]);
    const none = expectOk(await t.http().get('/api/admin/payments').query({ orderNo: order.orderNo, to: new Date(Date.now() - 86_400_000).toISOString() }).set(bearer(financeToken)));
    expect(none.total).toBe(0);
    const detail = expectOk(await t.http().get(`/api/admin/payments/${byNo.list[0].id}`).set(bearer(financeToken)));
    expect(detail.events.length).toBeGreaterThanOrEqual(1);
    expect(detail.events[0]).toMatchObject({ kind: 'transaction', result: 'applied', verified: true });
    expect(typeof detail.events[0].rawBody).toBe('string');
    expectError(await t.http().get('/api/admin/payments').set(bearer(w.opsToken)), 403, 'FORBIDDEN');
    expectError(await t.http().get(`/api/admin/orders/${order.id}/money`).set(bearer(w.opsToken)), 403, 'FORBIDDEN');
    expectError(await t.http().get('/api/admin/payments').query({ status: 'paid' }).set(bearer(financeToken)), 400, 'VALIDATION_FAILED');
  });
});
