import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { confirmInSandbox, inProcessTransport, lastDelivery, paidOrder, paymentWorld, PaymentWorld, postCallback, repos } from './payment-fixtures';
import { LedgerEntry } from '../../src/modules/ledger/ledger-entry.entity';
import { LedgerLine } from '../../src/modules/ledger/ledger-line.entity';
import { rfc3339Shanghai } from '../../src/modules/payments/wechatpay-v3.gateway';

jest.setTimeout(300_000);

describe('postpay: the customer pays the balance of extra charges after the service', () => {
  let t: TestApp;
  let w: PaymentWorld;
  let financeToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
    financeToken = await staffToken(t, 'finance');
  });
  afterAll(() => t.close());
  // Orders in service hold the escort's time; finishing them frees it for the next test's order.
  const started: number[] = [];
  afterEach(async () => {
    await w.channel.idle();
    w.channel.transport = inProcessTransport(t);
    for (const id of started.splice(0)) await t.http().post(`/api/admin/orders/${id}/complete`).set(bearer(w.opsToken)).send({ reason: '测试结束' });
  });

  const entriesOf = (orderId: number) => t.dataSource.getRepository(LedgerEntry).find({ where: { orderId }, order: { id: 'ASC' } });
  const linesOf = (entryId: number) => t.dataSource.getRepository(LedgerLine).find({ where: { entryId }, order: { id: 'ASC' } });
  const balance = async (orderId: number, token = w.customerToken) => expectOk(await t.http().get(`/api/app/orders/${orderId}/postpay`).set(bearer(token)));
  const payBalance = (orderId: number, token = w.customerToken) => t.http().post(`/api/app/orders/${orderId}/postpay/pay`).set(bearer(token));

  /** A paid order taken into service by the escort. */
  async function inService() {
    const { order } = await paidOrder(t, w);
    started.push(order.id);
    expectOk(await t.http().post(`/api/admin/orders/${order.id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '距离近' }));
    for (const step of ['accept', 'depart', 'start']) expectOk(await t.http().post(`/api/escort/orders/${order.id}/${step}`).set(bearer(w.escortToken)));
    return order;
  }

  async function charge(orderId: number, amountFen: number, confirm = true) {
    const c = expectOk(await t.http().post(`/api/escort/orders/${orderId}/extra-charges`).set(bearer(w.escortToken)).send({ description: '代买药品', amountFen, receiptUrl: '/files/receipt.jpg' }));
    if (confirm) expectOk(await t.http().post(`/api/app/orders/${orderId}/extra-charges/${c.id}/confirm`).set(bearer(w.customerToken)));
    return c;
  }

  it('shows no balance without charges, waits for the customer to confirm a charge, then asks for exactly the confirmed amount', async () => {
    const order = await inService();
    expect(await balance(order.id)).toMatchObject({ state: 'none', chargedFen: 0, dueFen: 0, payable: false, charges: [], payments: [] });
    const c = await charge(order.id, 1250, false);
    expect(await balance(order.id)).toMatchObject({ state: 'awaiting_confirmation', dueFen: 0, awaitingConfirmationFen: 1250, payable: false });
    expectError(await payBalance(order.id), 409, 'POSTPAY_NOTHING_DUE');
    expectOk(await t.http().post(`/api/app/orders/${order.id}/extra-charges/${c.id}/confirm`).set(bearer(w.customerToken)));
    await charge(order.id, 999, false).then(r => t.http().post(`/api/app/orders/${order.id}/extra-charges/${r.id}/reject`).set(bearer(w.customerToken)));
    expect(await balance(order.id)).toMatchObject({ state: 'unpaid', chargedFen: 1250, paidFen: 0, dueFen: 1250, awaitingConfirmationFen: 0, payable: true });
  });

  it('pays the balance through the sandbox: one postpay payment, the callback applied once, the escort owed the outlay, the order status untouched', async () => {
    const order = await inService();
    await charge(order.id, 1250);
    const before = await rowCounts(t);
    const start = expectOk(await payBalance(order.id));
    expect(start).toMatchObject({ orderId: order.id, purpose: 'postpay', amountFen: 1250, outTradeNo: `${order.orderNo}-P01`, channel: 'sandbox' });
    expect(countChanges(before, await rowCounts(t))).toEqual({ payments: 1 });
    expect(await balance(order.id)).toMatchObject({ state: 'paying', dueFen: 1250 });

    const paid = await confirmInSandbox(t, start.sandboxPayUrl);
    expect(paid.notification).toMatchObject({ delivered: true, attempts: [{ status: 204 }] });
    expect(await balance(order.id)).toMatchObject({ state: 'paid', chargedFen: 1250, paidFen: 1250, dueFen: 0, payable: false, payments: [{ outTradeNo: `${order.orderNo}-P01`, status: 'succeeded', appliedToOrder: true }] });
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'in_service', paidFen: order.totalFen });

    const entries = await entriesOf(order.id);
    expect(entries.map(e => e.sourceType)).toEqual(['payment_capture', 'postpay_capture']);
    expect((await linesOf(entries[1].id)).map(l => [l.account, l.amountFen, l.escortId])).toEqual([
      ['customer_payments_clearing', 1250, null],
      ['escort_payable', -1250, w.escortId],
    ]);
    const money = expectOk(await t.http().get(`/api/admin/orders/${order.id}/money`).set(bearer(financeToken)));
    expect(money.postpay).toMatchObject({ state: 'paid', chargedFen: 1250, paidFen: 1250, dueFen: 0 });
    expect(money.payments.map((p: any) => p.purpose)).toEqual(['prepay', 'postpay']);
    // Staff refunds give back the service's price from the prepayment, never the escort's outlay.
    expect(money.summary.refundableFen).toBe(order.totalFen);
  });

  it('answers duplicate callbacks (10 in a row, 10 at once) with success and applies the money once', async () => {
    const order = await inService();
    await charge(order.id, 3000);
    const start = expectOk(await payBalance(order.id));
    await confirmInSandbox(t, start.sandboxPayUrl);
    const callback = lastDelivery(w, 'transaction');
    const before = await rowCounts(t);
    for (let i = 0; i < 10; i++) expect((await postCallback(t, 'transaction', callback)).status).toBe(204);
    const burst = await Promise.all(Array.from({ length: 10 }, () => postCallback(t, 'transaction', callback)));
    expect(burst.map(r => r.status)).toEqual(Array(10).fill(204));
    expect(countChanges(before, await rowCounts(t))).toEqual({ payment_events: 20 });
    expect(await repos(t).events.count({ where: { outTradeNo: start.outTradeNo, result: 'duplicate' } })).toBe(20);
    expect((await entriesOf(order.id)).filter(e => e.sourceType === 'postpay_capture')).toHaveLength(1);
    expect(await balance(order.id)).toMatchObject({ state: 'paid', paidFen: 3000, dueFen: 0 });
  });

  it('opens one payment for ten simultaneous taps, takes the money once for two simultaneous confirmations, and refuses a third attempt', async () => {
    const order = await inService();
    await charge(order.id, 4321);
    const taps = await Promise.all(Array.from({ length: 10 }, () => payBalance(order.id)));
    expect(taps.map(r => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(taps.map(r => r.body.data.outTradeNo)).size).toBe(1);
    expect(await repos(t).payments.count({ where: { orderId: order.id, purpose: 'postpay' } })).toBe(1);

    const url = taps[0].body.data.sandboxPayUrl;
    const confirms = await Promise.all([t.http().post(url), t.http().post(url)]);
    expect(confirms.map(r => r.status).sort()).toEqual([200, 409]);
    expect(confirms.find(r => r.status === 409)!.body.errorCode).toBe('SANDBOX_ALREADY_PAID');
    expectError(await payBalance(order.id), 409, 'POSTPAY_NOTHING_DUE');
    expect((await entriesOf(order.id)).filter(e => e.sourceType === 'postpay_capture')).toHaveLength(1);
    expect(await balance(order.id)).toMatchObject({ state: 'paid', paidFen: 4321 });
  });

  it('asks only for a charge confirmed after the balance was paid, under the next number', async () => {
    const order = await inService();
    await charge(order.id, 500);
    await confirmInSandbox(t, expectOk(await payBalance(order.id)).sandboxPayUrl);
    await charge(order.id, 180);
    expect(await balance(order.id)).toMatchObject({ state: 'unpaid', chargedFen: 680, paidFen: 500, dueFen: 180 });
    const second = expectOk(await payBalance(order.id));
    expect(second).toMatchObject({ amountFen: 180, outTradeNo: `${order.orderNo}-P02` });
    await confirmInSandbox(t, second.sandboxPayUrl);
    expect(await balance(order.id)).toMatchObject({ state: 'paid', paidFen: 680, dueFen: 0 });
  });

  it('replaces an open payment whose amount no longer matches the balance, closing it at the channel first', async () => {
    const order = await inService();
    await charge(order.id, 700);
    const first = expectOk(await payBalance(order.id));
    await charge(order.id, 300);
    const second = expectOk(await payBalance(order.id));
    // -P02 was tried first; the losing number is skipped, never reused.
    expect(second).toMatchObject({ amountFen: 1000, outTradeNo: expect.stringMatching(new RegExp(`^${order.orderNo}-P0[23]$`)) });
    expect(await repos(t).payments.findOneByOrFail({ id: first.paymentId })).toMatchObject({ status: 'closed', openOrderId: null });
    expect(w.channel.transactions.get(first.outTradeNo)?.state).toBe('CLOSED');
    expectError(await t.http().post(first.sandboxPayUrl), 409, 'SANDBOX_TRANSACTION_CLOSED');
  });

  it('applies a balance whose callback was lost when the customer taps pay again (ORDERPAID → query), and answers already paid', async () => {
    const order = await inService();
    await charge(order.id, 2222);
    const start = expectOk(await payBalance(order.id));
    w.channel.transport = async () => ({ status: 500, body: 'down' });
    const paid = await confirmInSandbox(t, start.sandboxPayUrl);
    expect(paid.notification.delivered).toBe(false);
    expect(await balance(order.id)).toMatchObject({ state: 'paying', dueFen: 2222 });
    w.channel.transport = inProcessTransport(t);
    expectError(await payBalance(order.id), 409, 'POSTPAY_ALREADY_PAID');
    expect(await balance(order.id)).toMatchObject({ state: 'paid', dueFen: 0 });
    // WeChat's retry arrives later: a duplicate.
    expect((await postCallback(t, 'transaction', lastDelivery(w, 'transaction'))).status).toBe(204);
    expect((await entriesOf(order.id)).filter(e => e.sourceType === 'postpay_capture')).toHaveLength(1);
  });

  it('refunds in full money that arrives for a balance already paid, and the ledger nets it to zero', async () => {
    const order = await inService();
    await charge(order.id, 800);
    await confirmInSandbox(t, expectOk(await payBalance(order.id)).sandboxPayUrl);
    // A second postpay transaction the channel took money for (say a payment we had thought closed).
    const outTradeNo = `${order.orderNo}-P09`;
    const inserted = await repos(t).payments.insert({
      orderId: order.id, outTradeNo, channel: 'sandbox', purpose: 'postpay', amountFen: 800, status: 'pending', openOrderId: null, channelTransactionId: null,
      prepayId: null, payerOpenid: null, appliedToOrder: false, expiresAt: new Date(Date.now() + 600_000), paidAt: null, closedAt: null, statusReason: '',
    });
    w.channel.transactions.set(outTradeNo, {
      outTradeNo, prepayId: 'wx-extra', appId: w.channel.keys.appId, mchId: w.channel.keys.mchId, description: 'x', totalFen: 800, payerOpenid: null,
      notifyUrl: 'http://127.0.0.1/api/open/payments/wechat/notify', expiresAt: new Date(Date.now() + 600_000), state: 'SUCCESS',
      transactionId: '4200009999000000000000000001', successTime: new Date(), createdAt: new Date(),
    });
    const resource = w.channel.transactionResource(w.channel.transactions.get(outTradeNo)!);
    expect(resource.success_time).toBe(rfc3339Shanghai(w.channel.transactions.get(outTradeNo)!.successTime!));
    expect((await postCallback(t, 'transaction', w.channel.notification('transaction', resource))).status).toBe(204);
    await w.channel.idle();
    const extra = await repos(t).payments.findOneByOrFail({ id: inserted.identifiers[0].id });
    expect(extra).toMatchObject({ status: 'succeeded', appliedToOrder: false });
    const refunds = await repos(t).refunds.find({ where: { paymentId: extra.id } });
    expect(refunds).toMatchObject([{ amountFen: 800, source: 'late_payment', status: 'succeeded' }]);
    expect(await balance(order.id)).toMatchObject({ state: 'paid', paidFen: 800, dueFen: 0 });
    const lines = await t.dataSource.getRepository(LedgerLine).find({ where: { orderId: order.id } });
    const prepaymentsOfExtra = lines.filter(l => l.account === 'customer_prepayments').reduce((s, l) => s + l.amountFen, 0);
    expect(prepaymentsOfExtra).toBe(-order.totalFen);
  });

  it('recognises only the service on completion; a later staff refund takes back service shares, never the reimbursement', async () => {
    const order = await inService();
    await charge(order.id, 1500);
    await confirmInSandbox(t, expectOk(await payBalance(order.id)).sandboxPayUrl);
    const mine = expectOk(await t.http().get(`/api/app/orders/${order.id}`).set(bearer(w.customerToken)));
    expectOk(await t.http().post(`/api/escort/orders/${order.id}/complete`).set(bearer(w.escortToken)).send({ code: mine.verificationCode }));
    // Still payable after completion; nothing is due.
    expect(await balance(order.id)).toMatchObject({ state: 'paid', payable: false });
    const entries = await entriesOf(order.id);
    expect(entries.map(e => e.sourceType)).toEqual(['payment_capture', 'postpay_capture', 'order_recognition']);
    const recognition = await linesOf(entries[2].id);
    expect(recognition.filter(l => l.account !== 'customer_prepayments').reduce((s, l) => s + l.amountFen, 0)).toBe(-order.totalFen);

    const refund = expectOk(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(financeToken)).send({ amountFen: 1000, reason: '服务投诉补偿' }));
    await w.channel.idle();
    expect(await repos(t).refunds.findOneByOrFail({ id: refund.id })).toMatchObject({ status: 'succeeded' });
    const reversal = (await entriesOf(order.id)).find(e => e.sourceType === 'refund')!;
    const escortBack = (await linesOf(reversal.id)).filter(l => l.account === 'escort_payable').reduce((s, l) => s + l.amountFen, 0);
    const escortShare = -recognition.filter(l => l.account === 'escort_payable').reduce((s, l) => s + l.amountFen, 0);
    // The split follows the recognised shares only (the 1500 reimbursement is not a share).
    expect(escortBack).toBe(Math.round((1000 * escortShare) / order.totalFen));
  });

  it('refuses the balance of an order not in service, of another customer, and of an unknown order', async () => {
    const { order } = await paidOrder(t, w);
    expectError(await payBalance(order.id), 409, 'POSTPAY_NOT_PAYABLE');
    expectError(await payBalance(order.id, w.otherCustomerToken), 404, 'NOT_FOUND');
    expectError(await t.http().get(`/api/app/orders/${order.id}/postpay`).set(bearer(w.otherCustomerToken)), 404, 'NOT_FOUND');
    expectError(await payBalance(99999999), 404, 'NOT_FOUND');
  });
});
