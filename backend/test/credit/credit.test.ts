import { bearer, expectError, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { booking, createOrder, orderWorld, OrderWorld, pay, startIn } from '../orders/order-fixtures';
import { CreditEvent } from '../../src/modules/credit/credit-event.entity';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';

jest.setTimeout(180_000);

describe('customer credit and booking restrictions', () => {
  let t: TestApp;
  let w: OrderWorld;
  let support: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
    support = await staffToken(t, 'support');
  });
  afterAll(() => t.close());

  const events = (customerId: number) => t.dataSource.getRepository(CreditEvent).find({ where: { customerId }, order: { id: 'ASC' } });
  const book = (token: string, hoursAhead: number) =>
    t
      .http()
      .post('/api/app/orders')
      .set(bearer(token))
      .send(booking(w, { startAt: startIn(hoursAhead * 60).toISOString(), patientId: token === w.customerToken ? w.patientId : w.otherPatientId }));

  it('starts everyone at the initial score with no restriction', async () => {
    const mine = expectOk(await t.http().get('/api/app/credit').set(bearer(w.customerToken)));
    expect(mine).toMatchObject({ score: 100, status: 'normal', maxOpenOrders: null, restriction: '无限制', statusReason: '' });
  });

  it('costs points for a late cancellation, once per order', async () => {
    const o = await createOrder(t, w, { startAt: startIn(90).toISOString() });
    await pay(t, o.id);
    expectOk(await t.http().post(`/api/app/orders/${o.id}/cancel`).set(bearer(w.customerToken)).send({ reason: '临时有事' }));
    const list = await events(w.customerId);
    expect(list.map(e => [e.kind, e.delta, e.scoreAfter, e.orderId])).toEqual([['late_cancel', -5, 95, o.id]]);
  });

  it('lets staff adjust with a reason (audited) and refuses an adjustment without one', async () => {
    expectError(await t.http().post(`/api/admin/credits/${w.otherCustomerId}/adjust`).set(bearer(support)).send({ delta: -10 }), 400, 'VALIDATION_FAILED');
    const after = expectOk(await t.http().post(`/api/admin/credits/${w.otherCustomerId}/adjust`).set(bearer(support)).send({ delta: -25, reason: '多次爽约未到场' }));
    expect(after).toMatchObject({ score: 75, maxOpenOrders: 1, restriction: '同时最多 1 个进行中的订单' });
    expect(await t.dataSource.getRepository(AuditLog).count({ where: { action: 'credit.staff_adjust', targetId: String(w.otherCustomerId) } })).toBe(1);
    const history = expectOk(await t.http().get(`/api/admin/credits/${w.otherCustomerId}/events`).set(bearer(support)));
    expect(history.list[0]).toMatchObject({ kind: 'staff_adjust', kindLabel: '人工调整', delta: -25, scoreAfter: 75, reason: '多次爽约未到场' });
    const low = expectOk(await t.http().get('/api/admin/credits').query({ scoreBelow: 80 }).set(bearer(support)));
    expect(low.list.map((c: any) => c.customerId)).toContain(w.otherCustomerId);
    expect(low.list[0].phoneMasked).toMatch(/\*\*\*\*/);
  });

  it('enforces the tier at booking: one open order below 80, none below 60, with a clear code and message', async () => {
    expectOk(await book(w.otherCustomerToken, 30));
    const refused = await book(w.otherCustomerToken, 34);
    expectError(refused, 422, 'CREDIT_OPEN_ORDER_LIMIT');
    expect(refused.body.errorMessage).toContain('最多可有 1 个进行中的订单');
    expectOk(await t.http().post(`/api/admin/credits/${w.otherCustomerId}/behaviours`).set(bearer(support)).send({ kind: 'no_show', reason: '预约后未到医院' }));
    // 65: still one open order at most.
    expectError(await book(w.otherCustomerToken, 38), 422, 'CREDIT_OPEN_ORDER_LIMIT');
    expectOk(await t.http().post(`/api/admin/credits/${w.otherCustomerId}/behaviours`).set(bearer(support)).send({ kind: 'no_show', reason: '第二次未到' }));
    const tooLow = await book(w.otherCustomerToken, 38);
    expectError(tooLow, 422, 'CREDIT_SCORE_TOO_LOW');
    expect(tooLow.body.errorMessage).toContain('信用分为 55');
  });

  it('warns and suspends an account (booking refused), and restores it', async () => {
    expectOk(await t.http().post(`/api/admin/credits/${w.customerId}/warn`).set(bearer(support)).send({ reason: '提供虚假就诊信息' }));
    expectOk(await book(w.customerToken, 42));
    const suspended = expectOk(await t.http().post(`/api/admin/credits/${w.customerId}/suspend`).set(bearer(support)).send({ reason: '恶意差评多次' }));
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: '恶意差评多次', maxOpenOrders: 0 });
    expectError(await t.http().post(`/api/admin/credits/${w.customerId}/suspend`).set(bearer(support)).send({ reason: '再来' }), 409, 'CREDIT_ALREADY_SUSPENDED');
    expectError(await book(w.customerToken, 46), 422, 'CREDIT_ACCOUNT_SUSPENDED');
    const mine = expectOk(await t.http().get('/api/app/credit').set(bearer(w.customerToken)));
    expect(mine).toMatchObject({ status: 'suspended', statusReason: '' });
    expectOk(await t.http().post(`/api/admin/credits/${w.customerId}/restore`).set(bearer(support)).send({ reason: '申诉通过' }));
    expectOk(await book(w.customerToken, 50));
    expect((await events(w.customerId)).map(e => e.kind)).toEqual(['late_cancel', 'warning', 'suspend', 'restore']);
  });

  it('keeps credit changes to staff with credit:write', async () => {
    const finance = await staffToken(t, 'finance');
    expectError(await t.http().post(`/api/admin/credits/${w.customerId}/adjust`).set(bearer(finance)).send({ delta: 5, reason: 'x' }), 403, 'FORBIDDEN');
    expectError(await t.http().post(`/api/admin/credits/999999/adjust`).set(bearer(support)).send({ delta: 5, reason: 'x' }), 404, 'NOT_FOUND');
  });
});
