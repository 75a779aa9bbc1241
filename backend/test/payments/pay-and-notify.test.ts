import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { createOrder } from '../orders/order-fixtures';
import { confirmInSandbox, inProcessTransport, lastDelivery, paidOrder, paymentWorld, PaymentWorld, postCallback, repos, startPay } from './payment-fixtures';
import { rsaVerify } from '../../src/modules/payments/wechatpay-crypto';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';

jest.setTimeout(180_000);

describe('paying an order through the sandbox channel', () => {
  let t: TestApp;
  let w: PaymentWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
  });
  afterAll(() => t.close());

  it('opens a payment for the order total and answers wx.requestPayment parameters signed by the merchant key', async () => {
    const order = await createOrder(t, w);
    const before = await rowCounts(t);
    const start = await startPay(t, w, order.id);
    expect(countChanges(before, await rowCounts(t))).toEqual({ payments: 1 });
    expect(start).toMatchObject({ orderId: order.id, amountFen: order.totalFen, channel: 'sandbox', outTradeNo: `${order.orderNo}-01` });
    const p = start.payParams;
    expect(p).toMatchObject({ appId: w.channel.keys.appId, package: `prepay_id=${start.prepayId}`, signType: 'RSA' });
    expect(rsaVerify(`${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, p.paySign, w.channel.keys.merchant.publicKey)).toBe(true);
    expect(start.sandboxPayUrl).toBe(`/api/sandbox-pay/transactions/${start.prepayId}/pay`);
    const row = await repos(t).payments.findOneByOrFail({ id: start.paymentId });
    expect(row).toMatchObject({ status: 'pending', openOrderId: order.id, amountFen: order.totalFen, prepayId: start.prepayId, payerOpenid: null, channelTransactionId: null });
    // The sandbox cashier shows what is being paid.
    expect(expectOk(await t.http().get(`/api/sandbox-pay/transactions/${start.prepayId}`))).toMatchObject({ amountFen: order.totalFen, state: 'NOTPAY', outTradeNo: start.outTradeNo });
  });

  it('reuses the open payment on a second tap, and replays the first answer for the same Idempotency-Key', async () => {
    const order = await createOrder(t, w);
    const first = await startPay(t, w, order.id);
    const second = await startPay(t, w, order.id);
    expect(second).toMatchObject({ paymentId: first.paymentId, outTradeNo: first.outTradeNo, prepayId: first.prepayId });
    expect(await repos(t).payments.count({ where: { orderId: order.id } })).toBe(1);

    const keyed = () => t.http().post(`/api/app/orders/${order.id}/pay`).set(bearer(w.customerToken)).set('Idempotency-Key', 'pay-key-0001');
    const a = expectOk(await keyed());
    const b = expectOk(await keyed());
    expect(b).toEqual(a);
    const other = await createOrder(t, w);
    expectError(await t.http().post(`/api/app/orders/${other.id}/pay`).set(bearer(w.customerToken)).set('Idempotency-Key', 'pay-key-0001'), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('opens exactly one payment when the customer taps pay ten times at once', async () => {
    const order = await createOrder(t, w);
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.http().post(`/api/app/orders/${order.id}/pay`).set(bearer(w.customerToken))));
    expect(responses.map(r => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map(r => r.body.data.outTradeNo)).size).toBe(1);
    expect(await repos(t).payments.count({ where: { orderId: order.id } })).toBe(1);
  });

  it('refuses to pay another customer’s order, a paid order, or one past its payment window', async () => {
    const order = await createOrder(t, w);
    expectError(await t.http().post(`/api/app/orders/${order.id}/pay`).set(bearer(w.otherCustomerToken)), 404, 'NOT_FOUND');
    expectError(await t.http().post(`/api/app/orders/${order.id}/pay`).set(bearer(w.escortToken)), 403, 'FORBIDDEN');
    expectError(await t.http().post('/api/app/orders/abc/pay').set(bearer(w.customerToken)), 400, 'VALIDATION_FAILED');
    const { order: paid } = await paidOrder(t, w);
    expectError(await t.http().post(`/api/app/orders/${paid.id}/pay`).set(bearer(w.customerToken)), 409, 'ORDER_NOT_PAYABLE');
    await repos(t).orders.update({ id: order.id }, { paymentDeadlineAt: new Date(Date.now() - 1000) });
    const before = await rowCounts(t);
    expectError(await t.http().post(`/api/app/orders/${order.id}/pay`).set(bearer(w.customerToken)), 409, 'ORDER_PAYMENT_EXPIRED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('applies a valid callback once: the payment succeeds, the order is paid, the event is stored raw and marked applied', async () => {
    const order = await createOrder(t, w);
    const start = await startPay(t, w, order.id);
    const before = await rowCounts(t);
    const paid = await confirmInSandbox(t, start.sandboxPayUrl);
    expect(paid.notification).toMatchObject({ delivered: true, attempts: [{ status: 204 }] });
    const changes = countChanges(before, await rowCounts(t));
    expect(changes).toMatchObject({ payment_events: 1, order_status_logs: 1 });
    // Besides the event and the order's move: the customer's "paid" message and its outside delivery,
    // and the capture in the ledger (one entry, two lines), and the rollup changes for the dashboards.
    expect(Object.keys(changes).sort()).toEqual(['analytics_outbox', 'ledger_entries', 'ledger_lines', 'notification_deliveries', 'notifications', 'order_status_logs', 'payment_events']);
    expect(changes).toMatchObject({ ledger_entries: 1, ledger_lines: 2 });
    const payment = await repos(t).payments.findOneByOrFail({ id: start.paymentId });
    expect(payment).toMatchObject({ status: 'succeeded', appliedToOrder: true, openOrderId: null, channelTransactionId: paid.transactionId });
    expect(payment.paidAt).not.toBeNull();
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_dispatch', paidFen: order.totalFen });
    const delivery = lastDelivery(w);
    const event = await repos(t).events.findOneOrFail({ where: { outTradeNo: start.outTradeNo }, order: { id: 'DESC' } });
    expect(event).toMatchObject({ kind: 'transaction', verified: true, applied: true, result: 'applied', paymentId: start.paymentId, eventType: 'TRANSACTION.SUCCESS', rawBody: delivery.body });
    expect(JSON.parse(event.rawHeaders)).toMatchObject({ 'wechatpay-serial': w.channel.keys.platform.serial, 'wechatpay-signature': delivery.headers['Wechatpay-Signature'] });
    const inbox = expectOk(await t.http().get('/api/app/notifications').set(bearer(w.customerToken)));
    expect(inbox.list.some((n: any) => n.orderId === order.id)).toBe(true);
    expect(expectOk(await t.http().get(`/api/app/orders/${order.id}/payments`).set(bearer(w.customerToken)))).toMatchObject({ payments: [{ status: 'succeeded', amountFen: order.totalFen }], refunds: [] });
  });

  it('answers success to the same callback sent 10 times in a row and 10 times at once, changing the status once', async () => {
    const { order, start } = await paidOrder(t, w);
    const callback = lastDelivery(w);
    const before = await rowCounts(t);
    for (let i = 0; i < 10; i++) expect((await postCallback(t, 'transaction', callback)).status).toBe(204);
    const burst = await Promise.all(Array.from({ length: 10 }, () => postCallback(t, 'transaction', callback)));
    expect(burst.map(r => r.status)).toEqual(Array(10).fill(204));
    expect(burst.every(r => r.text === '')).toBe(true);
    expect(countChanges(before, await rowCounts(t))).toEqual({ payment_events: 20 });
    expect(await repos(t).events.count({ where: { outTradeNo: start.outTradeNo, result: 'duplicate', applied: false } })).toBe(20);
    expect(await repos(t).events.count({ where: { outTradeNo: start.outTradeNo, applied: true } })).toBe(1);
    expect(await repos(t).logs.count({ where: { orderId: order.id, action: 'pay' } })).toBe(1);
  });

  it('applies once when the first callback races ten copies of itself', async () => {
    const order = await createOrder(t, w);
    const start = await startPay(t, w, order.id);
    // Hold the sandbox's own delivery back, then send eleven copies at once.
    w.channel.transport = async () => ({ status: 503, body: '' });
    await confirmInSandbox(t, start.sandboxPayUrl);
    const callback = lastDelivery(w);
    const responses = await Promise.all(Array.from({ length: 11 }, () => postCallback(t, 'transaction', callback)));
    w.channel.transport = inProcessTransport(t);
    expect(responses.map(r => r.status)).toEqual(Array(11).fill(204));
    expect(await repos(t).events.count({ where: { outTradeNo: start.outTradeNo, applied: true } })).toBe(1);
    expect(await repos(t).logs.count({ where: { orderId: order.id, action: 'pay' } })).toBe(1);
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_dispatch' });
    // WeChat's retry of the undelivered original is now a duplicate.
    expect(await w.channel.redeliverPending()).toBe(1);
    expect(await repos(t).logs.count({ where: { orderId: order.id, action: 'pay' } })).toBe(1);
  });

  describe('refusing callbacks that cannot be believed', () => {
    let order: any;
    let start: any;
    let resource: Record<string, any>;

    beforeAll(async () => {
      order = await createOrder(t, w);
      start = await startPay(t, w, order.id);
      const tx = w.channel.transactionByPrepayId(start.prepayId)!;
      // What a genuine success would carry (the sandbox has not taken the money).
      resource = { ...w.channel.transactionResource(tx), trade_state: 'SUCCESS', trade_state_desc: '支付成功', transaction_id: '4200000000000000000000000042', success_time: '2026-11-24T09:31:00+08:00' };
    });

    async function expectRejected(send: () => Promise<{ status: number; body: any; headers: Record<string, string> }>, status: number, reason: string) {
      const warn = jest.spyOn(w.notifications.logger, 'warn');
      const before = await rowCounts(t);
      const res = await send();
      expect({ status: res.status, body: res.body }).toEqual({ status, body: { code: 'FAIL', message: `rejected: ${reason}` } });
      // The stored event (marked rejected) and its audit row are the only writes.
      expect(countChanges(before, await rowCounts(t))).toEqual({ payment_events: 1, audit_logs: 1 });
      const event = await repos(t).events.findOneOrFail({ where: {}, order: { id: 'DESC' } });
      expect(event).toMatchObject({ result: 'rejected', applied: false, reason, requestId: res.headers['x-request-id'] });
      const audit = await t.dataSource.getRepository(AuditLog).findOneOrFail({ where: { action: 'payment.callback_rejected' }, order: { id: 'DESC' } });
      expect(audit).toMatchObject({ targetType: 'payment_event', targetId: String(event.id), requestId: res.headers['x-request-id'], actorType: 'system' });
      expect(JSON.parse(audit.after!)).toMatchObject({ reason });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('[security]'), 'transaction', reason, event.id, res.headers['x-request-id'], expect.anything(), expect.anything());
      warn.mockRestore();
      expect(await repos(t).payments.findOneByOrFail({ id: start.paymentId })).toMatchObject({ status: 'pending', channelTransactionId: null });
      expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_payment', paidFen: 0 });
    }

    const reEncode = (body: string, mutate: (bytes: Buffer) => void) => {
      const envelope = JSON.parse(body);
      const bytes = Buffer.from(envelope.resource.ciphertext, 'base64');
      mutate(bytes);
      envelope.resource.ciphertext = bytes.toString('base64');
      return JSON.stringify(envelope);
    };

    it('a bad signature', async () => {
      const n = w.channel.notification('transaction', resource);
      const other = w.channel.notification('transaction', { ...resource, amount: { total: 1, currency: 'CNY' } });
      await expectRejected(() => postCallback(t, 'transaction', { headers: { ...n.headers, 'Wechatpay-Signature': other.headers['Wechatpay-Signature'] }, body: n.body }), 401, 'bad_signature');
    });

    it('an unknown serial', async () => {
      const n = w.channel.notification('transaction', resource);
      await expectRejected(() => postCallback(t, 'transaction', { headers: { ...n.headers, 'Wechatpay-Serial': '7132D72A03E93CDDF8C03BBD1F37EEDF43B4C2D0' }, body: n.body }), 401, 'unknown_serial');
    });

    it('an old timestamp', async () => {
      const n = w.channel.notification('transaction', resource, { nowMs: Date.now() - 6 * 60_000 });
      await expectRejected(() => postCallback(t, 'transaction', n), 401, 'timestamp_out_of_window');
    });

    it('missing signature headers', async () => {
      const n = w.channel.notification('transaction', resource);
      await expectRejected(() => postCallback(t, 'transaction', { headers: { 'Content-Type': 'application/json' }, body: n.body }), 401, 'missing_headers');
    });

    it('a tampered ciphertext (the signature no longer covers it; re-signed, GCM still refuses it)', async () => {
      const n = w.channel.notification('transaction', resource);
      const tampered = reEncode(n.body, b => (b[10] ^= 0x20));
      await expectRejected(() => postCallback(t, 'transaction', { headers: n.headers, body: tampered }), 401, 'bad_signature');
      await expectRejected(() => postCallback(t, 'transaction', { headers: w.channel.signedHeaders(tampered), body: tampered }), 400, 'decrypt_failed');
    });

    it('a tampered authentication tag', async () => {
      const n = w.channel.notification('transaction', resource);
      const tampered = reEncode(n.body, b => (b[b.length - 1] ^= 0x01));
      await expectRejected(() => postCallback(t, 'transaction', { headers: w.channel.signedHeaders(tampered), body: tampered }), 400, 'decrypt_failed');
    });

    it('a different amount, even correctly signed', async () => {
      const n = w.channel.notification('transaction', { ...resource, amount: { total: order.totalFen - 1, payer_total: order.totalFen - 1, currency: 'CNY' } });
      await expectRejected(() => postCallback(t, 'transaction', n), 400, 'amount_mismatch');
    });

    it('a different merchant or app', async () => {
      await expectRejected(() => postCallback(t, 'transaction', w.channel.notification('transaction', { ...resource, mchid: '1230000109' })), 400, 'mchid_mismatch');
      await expectRejected(() => postCallback(t, 'transaction', w.channel.notification('transaction', { ...resource, appid: 'wx0000000000000000' })), 400, 'appid_mismatch');
    });

    it('an out_trade_no we never issued', async () => {
      await expectRejected(() => postCallback(t, 'transaction', w.channel.notification('transaction', { ...resource, out_trade_no: 'PZ0000000000000000-01' })), 404, 'unknown_out_trade_no');
    });

    it('a refund notice sent to the payment endpoint', async () => {
      const n = w.channel.notification('refund', { mchid: w.channel.keys.mchId, out_trade_no: start.outTradeNo, out_refund_no: 'X-R01', refund_status: 'SUCCESS', amount: { total: 1, refund: 1 } });
      await expectRejected(() => postCallback(t, 'transaction', n), 400, 'unsupported_event');
    });

    it('a body that is not JSON, which is still stored raw', async () => {
      const body = '{"id": "EV-broken", "resource": ';
      await expectRejected(() => t.http().post('/api/open/payments/wechat/notify').set(w.channel.signedHeaders(body)).send(body), 400, 'malformed_body');
      expect((await repos(t).events.findOneOrFail({ where: {}, order: { id: 'DESC' } })).rawBody).toBe(body);
    });

    it('and then still applies the genuine callback', async () => {
      const res = await postCallback(t, 'transaction', w.channel.notification('transaction', resource));
      expect(res.status).toBe(204);
      expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_dispatch' });
    });
  });

  it('keeps sending a callback we failed to answer until we answer success, as WeChat does', async () => {
    const order = await createOrder(t, w);
    const start = await startPay(t, w, order.id);
    const apply = jest.spyOn(w.payments, 'applyTransaction').mockRejectedValueOnce(new Error('database went away'));
    const first = await confirmInSandbox(t, start.sandboxPayUrl);
    apply.mockRestore();
    expect(first.notification).toMatchObject({ delivered: false, attempts: [{ status: 500 }] });
    expect(await repos(t).payments.findOneByOrFail({ id: start.paymentId })).toMatchObject({ status: 'pending' });
    expect(await repos(t).events.findOneOrFail({ where: { outTradeNo: start.outTradeNo }, order: { id: 'DESC' } })).toMatchObject({ result: 'received', applied: false, reason: 'error: database went away' });

    // WeChat's schedule, shortened: the retry comes by itself.
    w.channel.retryDelaysMs = [1];
    const second = await createOrder(t, w);
    const start2 = await startPay(t, w, second.id);
    const apply2 = jest.spyOn(w.payments, 'applyTransaction').mockRejectedValueOnce(new Error('database went away'));
    await confirmInSandbox(t, start2.sandboxPayUrl);
    apply2.mockRestore();
    const delivery = lastDelivery(w);
    for (let i = 0; i < 200 && !delivery.delivered; i++) await new Promise(resolve => setTimeout(resolve, 10));
    await w.channel.idle();
    w.channel.retryDelaysMs = [];
    expect(delivery.attempts.map(a => a.status)).toEqual([500, 204]);
    expect(await repos(t).orders.findOneByOrFail({ id: second.id })).toMatchObject({ status: 'pending_dispatch' });

    // And the first one, sent again by hand.
    expect(await w.channel.redeliverPending()).toBe(1);
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_dispatch' });
  });

  it('serves the sandbox only when PAYMENT_PROVIDER=sandbox outside production', async () => {
    const settings = w.provider.settings;
    const saved = { env: settings.env, provider: settings.paymentProvider };
    try {
      settings.env = 'production';
      expectError(await t.http().get('/api/sandbox-pay/transactions/wx1'), 404, 'NOT_FOUND');
      settings.env = saved.env;
      settings.paymentProvider = 'wechat';
      expectError(await t.http().post('/api/sandbox-pay/transactions/wx1/pay'), 404, 'NOT_FOUND');
    } finally {
      settings.env = saved.env;
      settings.paymentProvider = saved.provider;
    }
    expectError(await t.http().post('/api/sandbox-pay/transactions/wx-unknown/pay'), 404, 'NOT_FOUND');
  });
});
