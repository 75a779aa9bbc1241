import { bearer, expectError, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { booking, startIn } from '../orders/order-fixtures';
import { completedOrder, qualityWorld, QualityWorld } from '../reviews/quality-fixtures';
import { paidOrder } from '../payments/payment-fixtures';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { LedgerEntry } from '../../src/modules/ledger/ledger-entry.entity';
import { LedgerLine } from '../../src/modules/ledger/ledger-line.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Refund } from '../../src/modules/payments/refund.entity';
import { Order } from '../../src/modules/orders/order.entity';
import { CreditEvent } from '../../src/modules/credit/credit-event.entity';

jest.setTimeout(300_000);

const DEPOSIT = 5000;

/**
 * The credit deposit (押金), through the real app, the sandbox channel and the ledger (SQLite here,
 * MariaDB with TEST_DB=mysql): a customer under the deposit tier pays it as its own quote line;
 * it goes back through RefundService when the order completes and is kept on a no-show or a late
 * cancellation, booked as platform revenue (`deposit_forfeit`); the books balance throughout.
 */
describe('credit deposit', () => {
  let t: TestApp;
  let w: QualityWorld;
  let finance: string;
  let ledger: LedgerService;

  beforeAll(async () => {
    t = await startTestApp();
    w = await qualityWorld(t);
    finance = await staffToken(t, 'finance');
    ledger = await t.app.getApplicationContext().getAsync(LedgerService);
    const quality = expectOk(await t.http().get('/api/admin/settings').set(bearer(w.adminToken))).quality;
    // Only a deposit tier here, so the open-order limits never get in the way of the flows below.
    expectOk(await t.http().post('/api/admin/settings/quality').set(bearer(w.adminToken)).send({ ...quality, creditTiers: [{ below: 90, maxOpenOrders: null, depositFen: DEPOSIT }] }));
    expectOk(await t.http().post(`/api/admin/credits/${w.customerId}/adjust`).set(bearer(w.supportToken)).send({ delta: -15, reason: '测试：多次临近取消' }));
  });
  afterAll(() => t.close());

  /** The payments job, then the sandbox's refund results (it completes refunds by itself, asynchronously). */
  const tick = async () => {
    await w.jobs.tick();
    await w.channel.idle();
  };
  const orderView = async (id: number) => expectOk(await t.http().get(`/api/app/orders/${id}`).set(bearer(w.customerToken)));
  const orderBooks = (orderId: number) => ledger.balances({ orderId });
  const refundsOf = (orderId: number) => t.dataSource.getRepository(Refund).find({ where: { orderId }, order: { id: 'ASC' } });
  /** The service's price: what was paid less the deposit. */
  const servicePrice = (o: { totalFen: number; depositFen: number }) => o.totalFen - o.depositFen;

  it('shows the deposit as its own quote line, adds it to what is paid, and tells the customer why', async () => {
    const quote = expectOk(await t.http().post('/api/app/orders/quote').set(bearer(w.customerToken)).send(booking(w)));
    const line = quote.lines.find((l: any) => l.kind === 'deposit');
    expect(line).toMatchObject({ kind: 'deposit', code: 'CREDIT_DEPOSIT', label: '押金', amountFen: DEPOSIT });
    expect(line.detail).toContain('服务完成后自动退还');
    expect(quote.depositFen).toBe(DEPOSIT);
    expect(quote.totalFen).toBe(quote.lines.reduce((s: number, l: any) => s + l.amountFen, 0));
    const credit = expectOk(await t.http().get('/api/app/credit').set(bearer(w.customerToken)));
    expect(credit).toMatchObject({ score: 85, depositFen: DEPOSIT, maxOpenOrders: null });
    expect(credit.restriction).toBe('下单需支付押金 ¥50.00（服务完成后退还）');

    const order = expectOk(await t.http().post('/api/app/orders').set(bearer(w.customerToken)).send(booking(w)));
    expect(order.totalFen).toBe(quote.totalFen);
    const view = await orderView(order.id);
    expect(view).toMatchObject({ depositFen: DEPOSIT, depositStatus: 'held', totalFen: quote.totalFen });
    expect(view.priceLines.map((l: any) => l.kind)).toContain('deposit');

    // A customer in good standing pays no deposit.
    const other = expectOk(await t.http().post('/api/app/orders/quote').set(bearer(w.otherCustomerToken)).send(booking(w, { patientId: w.otherPatientId })));
    expect(other.lines.map((l: any) => l.kind)).not.toContain('deposit');
    expect(other.depositFen).toBe(0);
  });

  it('gives the deposit back through RefundService when the order completes; revenue and the escort share never include it', async () => {
    const order = await completedOrder(t, w);
    expect(order.depositFen).toBe(DEPOSIT);
    expect(await orderView(order.id)).toMatchObject({ status: 'completed', depositStatus: 'refund_due' });
    let books = await orderBooks(order.id);
    // Recognised: the service's price split; the deposit still a prepayment.
    expect(-(books.platform_revenue + books.escort_payable)).toBe(servicePrice(order));
    expect(books.customer_prepayments).toBe(-DEPOSIT);
    const recognition = await t.dataSource.getRepository(LedgerEntry).findOneByOrFail({ sourceType: 'order_recognition', orderId: order.id });
    expect(Number(recognition.baseFen)).toBe(servicePrice(order));

    // Staff refunds cannot reach the deposit (it has its own way back).
    const tooMuch = await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(finance)).send({ amountFen: order.totalFen, reason: '全额退款' });
    expectError(tooMuch, 422, 'REFUND_EXCEEDS_PAID');
    expect(tooMuch.body.details).toMatchObject({ refundableFen: servicePrice(order) });

    await tick();
    const refunds = await refundsOf(order.id);
    expect(refunds.map(r => [r.source, r.amountFen, r.status, r.purposeKey])).toEqual([['deposit', DEPOSIT, 'succeeded', `deposit:${order.id}`]]);
    expect(await orderView(order.id)).toMatchObject({ depositStatus: 'refunded' });
    books = await orderBooks(order.id);
    expect(books.customer_prepayments).toBe(0);
    expect(books.customer_payments_clearing).toBe(servicePrice(order));
    expect(-(books.platform_revenue + books.escort_payable)).toBe(servicePrice(order));

    // Idempotent: another tick asks for nothing.
    await tick();
    expect(await refundsOf(order.id)).toHaveLength(1);
    // A partial staff refund after completion takes back from the recognised shares only.
    expectOk(await t.http().post(`/api/admin/orders/${order.id}/refunds`).set(bearer(finance)).send({ amountFen: 1000, reason: '服务瑕疵补偿' }));
    await w.channel.idle();
    books = await orderBooks(order.id);
    expect(-(books.platform_revenue + books.escort_payable)).toBe(servicePrice(order) - 1000);
  });

  it('keeps the deposit on a no-show: platform revenue as its own entry, the service price by the cancellation rules, a no-show on the credit record', async () => {
    const { order } = await paidOrder(t, w, { startAt: startIn(30 * 60).toISOString() });
    const preview = expectOk(await t.http().get(`/api/admin/orders/${order.id}/cancel-preview`).query({ noShow: 'true' }).set(bearer(w.opsToken)));
    // Thirty hours ahead: the service's price is free to cancel; the deposit is kept all the same.
    expect(preview).toMatchObject({ depositFen: DEPOSIT, depositForfeitFen: DEPOSIT, penaltyFen: DEPOSIT, refundFen: servicePrice(order) });
    expectError(await t.http().post(`/api/admin/orders/${order.id}/cancel`).set(bearer(w.opsToken)).send({ reason: '客户未到场', noShow: true, waivePenalty: true }), 422, 'CANCEL_NO_SHOW_WAIVED');
    expectOk(await t.http().post(`/api/admin/orders/${order.id}/cancel`).set(bearer(w.opsToken)).send({ reason: '客户未到场', noShow: true }));
    const after = await orderView(order.id);
    expect(after).toMatchObject({ status: 'refunding', depositStatus: 'forfeited', penaltyFen: DEPOSIT, refundDueFen: servicePrice(order) });
    const forfeit = await t.dataSource.getRepository(LedgerEntry).findOneByOrFail({ sourceType: 'deposit_forfeit', orderId: order.id });
    const lines = await t.dataSource.getRepository(LedgerLine).find({ where: { entryId: forfeit.id }, order: { id: 'ASC' } });
    expect(lines.map(l => [l.account, Number(l.amountFen)])).toEqual([
      ['customer_prepayments', DEPOSIT],
      ['platform_revenue', -DEPOSIT],
    ]);
    const noShow = await t.dataSource.getRepository(CreditEvent).findOneByOrFail({ customerId: w.customerId, kind: 'no_show', orderId: order.id });
    expect(noShow.actorType).toBe('staff');

    await tick();
    expect((await refundsOf(order.id)).map(r => [r.source, r.amountFen, r.status])).toEqual([['order_cancel', servicePrice(order), 'succeeded']]);
    expect(await orderView(order.id)).toMatchObject({ status: 'refunded', depositStatus: 'forfeited' });
    const books = await orderBooks(order.id);
    expect(books).toMatchObject({ platform_revenue: -DEPOSIT, customer_prepayments: 0, refunds: 0, escort_payable: 0 });
  });

  it('keeps the deposit on a late cancellation by the customer, and gives it back with an early one', async () => {
    const late = (await paidOrder(t, w, { startAt: startIn(5 * 60).toISOString() })).order;
    expectOk(await t.http().post(`/api/app/orders/${late.id}/cancel`).set(bearer(w.customerToken)).send({ reason: '临时有事' }));
    const penalty = Math.round(servicePrice(late) * 0.2);
    expect(await orderView(late.id)).toMatchObject({ depositStatus: 'forfeited', penaltyFen: penalty + DEPOSIT, refundDueFen: servicePrice(late) - penalty });

    const early = (await paidOrder(t, w, { startAt: startIn(40 * 60).toISOString() })).order;
    expectOk(await t.http().post(`/api/app/orders/${early.id}/cancel`).set(bearer(w.customerToken)).send({ reason: '改天再约' }));
    expect(await orderView(early.id)).toMatchObject({ depositStatus: 'returned', penaltyFen: 0, refundDueFen: early.totalFen });

    await tick();
    expect(await orderView(late.id)).toMatchObject({ status: 'refunded' });
    expect(await orderView(early.id)).toMatchObject({ status: 'refunded' });
    expect((await orderBooks(late.id)).platform_revenue).toBe(-(penalty + DEPOSIT));
    expect((await orderBooks(early.id)).platform_revenue).toBe(0);
    expect(await t.dataSource.getRepository(LedgerEntry).count({ where: { sourceType: 'deposit_forfeit', orderId: early.id } })).toBe(0);
  });

  it('keeps the finance invariant: payments − refunds = platform revenue + escort payable + unpaid balances, and the day balances', async () => {
    // One order left paid and open, its deposit still held.
    const open = (await paidOrder(t, w, { startAt: startIn(50 * 60).toISOString() })).order;
    expect(await orderView(open.id)).toMatchObject({ depositStatus: 'held' });
    await tick();
    const sum = (rows: { amountFen: number }[]) => rows.reduce((s, r) => s + Number(r.amountFen), 0);
    const received = sum(await t.dataSource.getRepository(Payment).find({ where: { status: 'succeeded' } }));
    const refunded = sum(await t.dataSource.getRepository(Refund).find({ where: { status: 'succeeded' } }));
    const b = await ledger.balances();
    const platformRevenue = -b.platform_revenue;
    const escortPayable = -b.escort_payable;
    const unpaidBalances = -(b.customer_prepayments + b.refunds);
    expect(received - refunded).toBe(platformRevenue + escortPayable + unpaidBalances);
    expect(b.customer_payments_clearing).toBe(received - refunded);
    // What is still unpaid for is exactly the open order (its price and its deposit).
    expect(unpaidBalances).toBe(open.totalFen);
    // Deposits kept are revenue booked as their own source, for finance's reports.
    const forfeited = await t.dataSource.getRepository(LedgerEntry).count({ where: { sourceType: 'deposit_forfeit' } });
    expect(forfeited).toBe(2);
    const orders = await t.dataSource.getRepository(Order).find({ where: { customerId: w.customerId, depositStatus: 'forfeited' } });
    expect(orders).toHaveLength(2);
    // The daily summary's difference stays zero today.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const summary = expectOk(await t.http().get(`/api/admin/finance/daily-summary?from=${today}&to=${today}`).set(bearer(finance)));
    expect(summary.total).toMatchObject({ receivedFen: received, refundedFen: refunded, differenceFen: 0 });
  });
});
