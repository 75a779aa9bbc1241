import { bearer, countChanges, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { createOrder, pay, startIn } from '../orders/order-fixtures';
import { confirmInSandbox, inProcessTransport, lastDelivery, paidOrder, paymentWorld, PaymentWorld, postCallback, repos, STAFF_ACTOR, startPay } from './payment-fixtures';
import { AppError } from '../../src/common/errors';

jest.setTimeout(300_000);

const minutesLater = (m: number) => new Date(Date.now() + m * 60_000);

describe('refunds, and payments racing cancellations', () => {
  let t: TestApp;
  let w: PaymentWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await w.channel.idle();
    w.channel.refundMode = 'auto';
    w.channel.transport = inProcessTransport(t);
  });

  const refundRequests = (outRefundNo: string) => w.channel.requests.filter(r => r.url === '/v3/refund/domestic/refunds' && JSON.parse(r.body).out_refund_no === outRefundNo);

  async function refundError(p: Promise<unknown>): Promise<AppError> {
    try {
      await p;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('expected the refund to be refused');
  }

  it('refunds part, then the rest, and refuses a fen more (422 REFUND_EXCEEDS_PAID, nothing written)', async () => {
    const { order, start } = await paidOrder(t, w);
    const part = await w.refunds.refund(order.id, 3000, '服务时长缩短', STAFF_ACTOR);
    expect(part).toMatchObject({ amountFen: 3000, status: 'processing', outRefundNo: `${start.outTradeNo}-R01`, source: 'manual', requestedByType: 'staff' });
    await w.channel.idle();
    expect(await repos(t).refunds.findOneByOrFail({ id: part.id })).toMatchObject({ status: 'succeeded' });
    // A partial refund leaves the order where it was.
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_dispatch' });

    const rest = await w.refunds.refund(order.id, order.totalFen - 3000, '全额退款', STAFF_ACTOR);
    expect(rest).toMatchObject({ outRefundNo: `${start.outTradeNo}-R02`, status: 'processing' });
    await w.channel.idle();
    expect(await repos(t).refunds.findOneByOrFail({ id: rest.id })).toMatchObject({ status: 'succeeded' });

    const before = await rowCounts(t);
    const err = await refundError(w.refunds.refund(order.id, 1, '再退一分', STAFF_ACTOR));
    expect(err).toMatchObject({ status: 422, code: 'REFUND_EXCEEDS_PAID', details: { paidFen: order.totalFen, refundedFen: order.totalFen, refundableFen: 0, requestedFen: 1 } });
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect(await refundError(w.refunds.refund(order.id, 0, '零', STAFF_ACTOR))).toMatchObject({ status: 422, code: 'REFUND_AMOUNT_INVALID' });
    expect(await refundError(w.refunds.refund(order.id, 1.5, '小数', STAFF_ACTOR))).toMatchObject({ status: 422, code: 'REFUND_AMOUNT_INVALID' });
    const unpaid = await createOrder(t, w);
    expect(await refundError(w.refunds.refund(unpaid.id, 100, '未支付', STAFF_ACTOR))).toMatchObject({ status: 422, code: 'ORDER_NOT_PAID' });
  });

  it('keeps ten simultaneous refunds of 40% each within what was paid', async () => {
    const { order } = await paidOrder(t, w);
    const share = Math.floor(order.totalFen * 0.4);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => w.refunds.refund(order.id, share, '并发退款', STAFF_ACTOR)));
    const accepted = results.filter(r => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(accepted.length).toBe(2);
    expect(new Set(refused.map(r => r.reason.code))).toEqual(new Set(['REFUND_EXCEEDS_PAID']));
    await w.channel.idle();
    const rows = await repos(t).refunds.find({ where: { orderId: order.id } });
    expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(2 * share);
    expect(new Set(rows.map(r => r.outRefundNo)).size).toBe(2);
  });

  it('saves the refund number before calling the channel, and a retry after a timeout sends the same number', async () => {
    const { order } = await paidOrder(t, w);
    w.channel.faults.push({ method: 'POST', path: /^\/v3\/refund\/domestic\/refunds$/, answer: 'network' });
    const pending = await w.refunds.refund(order.id, 1000, '网络超时重试', STAFF_ACTOR);
    expect(pending).toMatchObject({ status: 'pending', submitAttempts: 1 });
    expect(pending.lastError).toMatch(/NETWORK_ERROR/);
    expect(refundRequests(pending.outRefundNo)).toHaveLength(1);
    expect(w.channel.refunds.has(pending.outRefundNo)).toBe(false);

    expect(await w.refunds.retryPendingRefunds(minutesLater(2))).toBe(1);
    await w.channel.idle();
    expect(await repos(t).refunds.findOneByOrFail({ id: pending.id })).toMatchObject({ status: 'succeeded', submitAttempts: 2, outRefundNo: pending.outRefundNo });
    expect(refundRequests(pending.outRefundNo)).toHaveLength(2);

    // The channel did the refund but its answer was lost: asking again is the same refund, not a second one.
    w.channel.refundMode = 'manual';
    w.channel.faults.push({ method: 'POST', path: /^\/v3\/refund\/domestic\/refunds$/, answer: 'network', afterWork: true });
    const lost = await w.refunds.refund(order.id, 500, '应答丢失', STAFF_ACTOR);
    expect(lost.status).toBe('pending');
    expect(w.channel.refunds.get(lost.outRefundNo)).toMatchObject({ status: 'PROCESSING', amountFen: 500 });
    await w.refunds.retryPendingRefunds(minutesLater(2));
    expect(await repos(t).refunds.findOneByOrFail({ id: lost.id })).toMatchObject({ status: 'processing' });
    expect(refundRequests(lost.outRefundNo)).toHaveLength(2);
    expect([...w.channel.refunds.values()].filter(r => r.outRefundNo === lost.outRefundNo)).toHaveLength(1);
  });

  it('applies a refund callback once, however often it comes', async () => {
    const { order } = await paidOrder(t, w);
    w.channel.refundMode = 'manual';
    const r = await w.refunds.refund(order.id, 2000, '部分退款', STAFF_ACTOR);
    expect(r.status).toBe('processing');
    const before = await rowCounts(t);
    const done = expectOk(await t.http().post(`/api/sandbox-pay/refunds/${r.outRefundNo}/complete`).send({}));
    expect(done).toMatchObject({ status: 'SUCCESS', notification: { delivered: true, attempts: [{ status: 204 }] } });
    expect(await repos(t).refunds.findOneByOrFail({ id: r.id })).toMatchObject({ status: 'succeeded', channelRefundId: done.refundId, userReceivedAccount: '支付用户零钱' });
    const callback = lastDelivery(w, 'refund');
    const again = await Promise.all([postCallback(t, 'refund', callback), postCallback(t, 'refund', callback)]);
    expect(again.map(x => x.status)).toEqual([204, 204]);
    // Three events stored, one refund entry posted (two lines) and its analytics outbox row: the duplicates post nothing.
    expect(countChanges(before, await rowCounts(t))).toEqual({ payment_events: 3, ledger_entries: 1, ledger_lines: 2, analytics_outbox: 1 });
    const events = await repos(t).events.find({ where: { outRefundNo: r.outRefundNo }, order: { id: 'ASC' } });
    expect(events.map(e => [e.result, e.applied])).toEqual([
      ['applied', true],
      ['duplicate', false],
      ['duplicate', false],
    ]);
  });

  it('rejects a refund callback for another amount or an unknown refund number, and records a channel failure', async () => {
    const { order, start } = await paidOrder(t, w);
    w.channel.refundMode = 'manual';
    const r = await w.refunds.refund(order.id, 1500, '部分退款', STAFF_ACTOR);
    const resource = { ...w.channel.refundResource(w.channel.refunds.get(r.outRefundNo)!, 'refund_status'), refund_status: 'SUCCESS' };
    const before = await rowCounts(t);
    const wrongAmount = await postCallback(t, 'refund', w.channel.notification('refund', { ...resource, amount: { total: order.totalFen, refund: 1600 } }));
    expect({ status: wrongAmount.status, body: wrongAmount.body }).toEqual({ status: 400, body: { code: 'FAIL', message: 'rejected: amount_mismatch' } });
    const unknown = await postCallback(t, 'refund', w.channel.notification('refund', { ...resource, out_refund_no: `${start.outTradeNo}-R99` }));
    expect(unknown.status).toBe(404);
    const otherMerchant = await postCallback(t, 'refund', w.channel.notification('refund', { ...resource, mchid: '1230000109' }));
    expect(otherMerchant.body).toEqual({ code: 'FAIL', message: 'rejected: mchid_mismatch' });
    expect(countChanges(before, await rowCounts(t))).toEqual({ payment_events: 3, audit_logs: 3 });
    expect(await repos(t).refunds.findOneByOrFail({ id: r.id })).toMatchObject({ status: 'processing' });

    // The channel gives up on it (the payer's account is closed): failed, and its amount is refundable again.
    await w.channel.completeRefund(r.outRefundNo, 'ABNORMAL');
    expect(await repos(t).refunds.findOneByOrFail({ id: r.id })).toMatchObject({ status: 'failed', lastError: 'channel: ABNORMAL' });
    const retry = await w.refunds.refund(order.id, order.totalFen, '改为全额', STAFF_ACTOR);
    expect(retry.outRefundNo).toBe(`${start.outTradeNo}-R02`);
  });

  it('refunds refundDueFen when a paid order is cancelled, and then marks the order refunded', async () => {
    // Ten hours ahead: the 20% tier keeps the penalty, the rest goes back.
    const { order, start } = await paidOrder(t, w, { startAt: startIn(10 * 60).toISOString() });
    const cancelled = expectOk(await t.http().post(`/api/app/orders/${order.id}/cancel`).set(bearer(w.customerToken)).send({ reason: '不需要了' }));
    expect(cancelled).toMatchObject({ status: 'refunding' });
    const due = cancelled.refundDueFen;
    expect(due).toBe(order.totalFen - Math.round(order.totalFen * 0.2));

    w.channel.refundMode = 'manual';
    const first = await w.jobs.tick();
    expect(first.refundsRequested).toBe(1);
    const refund = await repos(t).refunds.findOneByOrFail({ purposeKey: `order_cancel:${order.id}` });
    expect(refund).toMatchObject({ amountFen: due, status: 'processing', source: 'order_cancel', requestedByType: 'system', outRefundNo: `${start.outTradeNo}-R01` });
    // Running the job again (or in a second process) asks nothing more.
    expect((await w.jobs.tick()).refundsRequested).toBe(0);
    expect(await repos(t).refunds.count({ where: { orderId: order.id } })).toBe(1);
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'refunding' });

    await w.channel.completeRefund(refund.outRefundNo);
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'refunded' });
    expect(await repos(t).logs.count({ where: { orderId: order.id, action: 'refund_succeeded' } })).toBe(1);
    const mine = expectOk(await t.http().get(`/api/app/orders/${order.id}/payments`).set(bearer(w.customerToken)));
    expect(mine.refunds).toEqual([expect.objectContaining({ amountFen: due, status: 'succeeded' })]);
  });

  it('walks every refunding order: ones stuck without a channel payment never hide the others', async () => {
    // Paid outside the payments module (as the demo data is): nothing to refund through a channel.
    const stuck = await createOrder(t, w, { startAt: startIn(70 * 60).toISOString() });
    await pay(t, stuck.id);
    expectOk(await t.http().post(`/api/app/orders/${stuck.id}/cancel`).set(bearer(w.customerToken)).send({}));
    const due: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { order } = await paidOrder(t, w, { startAt: startIn((72 + i) * 60).toISOString() });
      expectOk(await t.http().post(`/api/app/orders/${order.id}/cancel`).set(bearer(w.customerToken)).send({}));
      due.push(order.id);
    }
    expect(await w.refunds.requestDueRefunds(1)).toBe(3);
    await w.channel.idle();
    for (const id of due) expect(await repos(t).orders.findOneByOrFail({ id })).toMatchObject({ status: 'refunded' });
    expect(await repos(t).orders.findOneByOrFail({ id: stuck.id })).toMatchObject({ status: 'refunding' });
    expect(await w.refunds.requestDueRefunds(1)).toBe(0);
  });

  it('records money that arrives for a cancelled order and refunds it in full automatically', async () => {
    const order = await createOrder(t, w);
    const start = await startPay(t, w, order.id);
    expectOk(await t.http().post(`/api/app/orders/${order.id}/cancel`).set(bearer(w.customerToken)).send({ reason: '下错单' }));
    const paid = await confirmInSandbox(t, start.sandboxPayUrl);
    expect(paid.notification.delivered).toBe(true);
    await w.channel.idle();
    expect(await repos(t).payments.findOneByOrFail({ id: start.paymentId })).toMatchObject({ status: 'succeeded', appliedToOrder: false, channelTransactionId: paid.transactionId });
    const refund = await repos(t).refunds.findOneByOrFail({ purposeKey: `late_payment:${start.paymentId}` });
    expect(refund).toMatchObject({ amountFen: order.totalFen, source: 'late_payment', status: 'succeeded' });
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'cancelled', paidFen: 0 });
    expect(await repos(t).logs.count({ where: { orderId: order.id, action: 'pay' } })).toBe(0);
    // That money never counts as the order's payment.
    expect(await refundError(w.refunds.refund(order.id, 1, 'x', STAFF_ACTOR))).toMatchObject({ code: 'ORDER_NOT_PAID' });
  });

  it('gives each order exactly one outcome when its payment callback races the customer’s cancel, and the money always comes back', async () => {
    const n = 20;
    const orders: { id: number; totalFen: number; paymentId: number; callback: { headers: Record<string, string>; body: string } }[] = [];
    // The money is taken first and its callback held back, so the callback and the cancel reach us as equals.
    w.channel.transport = async () => ({ status: 503, body: '' });
    for (let i = 0; i < n; i++) {
      const o = await createOrder(t, w, { startAt: startIn((30 + i) * 60).toISOString() });
      const s = await startPay(t, w, o.id);
      await confirmInSandbox(t, s.sandboxPayUrl);
      orders.push({ id: o.id, totalFen: o.totalFen, paymentId: s.paymentId, callback: lastDelivery(w) });
    }
    w.channel.transport = inProcessTransport(t);
    const answers = await Promise.all(
      orders.flatMap((o, i) => {
        const callback = () => postCallback(t, 'transaction', o.callback);
        const cancel = () => t.http().post(`/api/app/orders/${o.id}/cancel`).set(bearer(w.customerToken)).send({ reason: '抢跑' });
        return i % 2 ? [cancel(), callback()] : [callback(), cancel()];
      })
    );
    // Both always succeed: the callback is applied (or refunded), the cancel cancels (refunding when paid).
    expect(answers.map(a => a.status).sort()).toEqual([...Array(n).fill(200), ...Array(n).fill(204)].sort());
    await w.channel.idle();
    await w.jobs.tick();
    await w.channel.idle();
    const outcomes: Record<string, number> = {};
    for (const o of orders) {
      const logs = await repos(t).logs.find({ where: { orderId: o.id }, order: { id: 'ASC' } });
      const leftUnpaid = logs.filter(l => l.fromStatus === 'pending_payment');
      expect(leftUnpaid).toHaveLength(1);
      const order = await repos(t).orders.findOneByOrFail({ id: o.id });
      const payment = await repos(t).payments.findOneByOrFail({ id: o.paymentId });
      const refunds = await repos(t).refunds.find({ where: { orderId: o.id } });
      expect(payment.status).toBe('succeeded');
      expect(refunds.map(r => r.status)).toEqual(['succeeded']);
      expect(refunds[0].amountFen).toBe(o.totalFen);
      if (leftUnpaid[0].action === 'pay') {
        // Paid first, then cancelled (free, a day ahead): refunded through the cancellation refund.
        expect(order.status).toBe('refunded');
        expect(payment.appliedToOrder).toBe(true);
        expect(refunds[0].source).toBe('order_cancel');
      } else {
        expect(leftUnpaid[0].action).toBe('cancel_unpaid');
        expect(order.status).toBe('cancelled');
        expect(payment.appliedToOrder).toBe(false);
        expect(refunds[0].source).toBe('late_payment');
      }
      outcomes[order.status] = (outcomes[order.status] ?? 0) + 1;
    }
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(n);
    // WeChat's own retries of the callbacks held back above arrive late: all duplicates, nothing moves.
    const before = await rowCounts(t);
    expect(await w.channel.redeliverPending()).toBe(n);
    expect(countChanges(before, await rowCounts(t))).toEqual({ payment_events: n });
  });

  describe('the job for callbacks that never came', () => {
    it('finds a payment whose callback was lost and applies it as a callback would', async () => {
      const order = await createOrder(t, w);
      const start = await startPay(t, w, order.id);
      w.channel.transport = async () => {
        throw new Error('notify URL unreachable');
      };
      const paid = await confirmInSandbox(t, start.sandboxPayUrl);
      expect(paid.notification).toMatchObject({ delivered: false, attempts: [{ status: null }] });
      expect(await repos(t).payments.findOneByOrFail({ id: start.paymentId })).toMatchObject({ status: 'pending' });

      // Too recent: left for its callback.
      expect((await w.jobs.tick(new Date())).paymentsApplied).toBe(0);
      const before = await rowCounts(t);
      const tick = await w.jobs.tick(minutesLater(6));
      expect(tick.paymentsApplied).toBe(1);
      expect(countChanges(before, await rowCounts(t))).toMatchObject({ order_status_logs: 1 });
      expect(await repos(t).payments.findOneByOrFail({ id: start.paymentId })).toMatchObject({ status: 'succeeded', channelTransactionId: paid.transactionId, appliedToOrder: true });
      expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_dispatch' });

      // The callback finally arrives: a duplicate.
      w.channel.transport = inProcessTransport(t);
      expect(await w.channel.redeliverPending()).toBe(1);
      expect(await repos(t).logs.count({ where: { orderId: order.id, action: 'pay' } })).toBe(1);
      expect((await repos(t).events.findOneOrFail({ where: { outTradeNo: start.outTradeNo }, order: { id: 'DESC' } })).result).toBe('duplicate');
    });

    it('closes the payment of an order that expired unpaid, at the channel first', async () => {
      const order = await createOrder(t, w);
      const start = await startPay(t, w, order.id);
      await repos(t).orders.update({ id: order.id }, { paymentDeadlineAt: new Date(Date.now() - 1000) });
      const { OrderJobs } = await import('../../src/modules/orders/order-jobs');
      await (await t.app.getApplicationContext().getAsync(OrderJobs)).tick();
      expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'closed' });
      const tick = await w.jobs.tick(minutesLater(6));
      expect(tick.paymentsClosed).toBeGreaterThanOrEqual(1);
      expect(await repos(t).payments.findOneByOrFail({ id: start.paymentId })).toMatchObject({ status: 'closed', openOrderId: null });
      expect(w.channel.transactionByPrepayId(start.prepayId)!.state).toBe('CLOSED');
      expect(w.channel.requests.some(r => r.url === `/v3/pay/transactions/out-trade-no/${start.outTradeNo}/close`)).toBe(true);
    });

    it('asks about a processing refund whose callback never came', async () => {
      const { order } = await paidOrder(t, w);
      w.channel.refundMode = 'manual';
      const r = await w.refunds.refund(order.id, 800, '回调丢失', STAFF_ACTOR);
      w.channel.transport = async () => ({ status: 502, body: '' });
      await w.channel.completeRefund(r.outRefundNo);
      expect(await repos(t).refunds.findOneByOrFail({ id: r.id })).toMatchObject({ status: 'processing' });
      expect((await w.jobs.tick(minutesLater(11))).refundsSettled).toBe(1);
      expect(await repos(t).refunds.findOneByOrFail({ id: r.id })).toMatchObject({ status: 'succeeded' });
    });
  });
});
