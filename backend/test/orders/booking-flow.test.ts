import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { booking, createOrder, orderWorld, OrderWorld, pay, services, startIn } from './order-fixtures';
import { EscortTimeClaim } from '../../src/modules/orders/escort-time-claim.entity';
import { Order } from '../../src/modules/orders/order.entity';

jest.setTimeout(120_000);

describe('booking an escort, end to end', () => {
  let t: TestApp;
  let w: OrderWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
  });
  afterAll(() => t.close());

  const claimsOf = (orderId: number) => t.dataSource.getRepository(EscortTimeClaim).count({ where: { orderId } });

  it('quotes a visit with its price lines and says it can be booked', async () => {
    const q = expectOk(await t.http().post('/api/app/orders/quote').set(bearer(w.customerToken)).send(booking(w)));
    expect(q).toMatchObject({ bookable: true, reasonCode: null, suggestions: [], durationMinutes: 120, units: 1 });
    expect(q.lines[0]).toMatchObject({ kind: 'base' });
    expect(q.totalFen).toBe(q.lines.reduce((sum: number, l: any) => sum + l.amountFen, 0));
    expect(Number.isInteger(q.totalFen)).toBe(true);
  });

  it('takes a booking through payment, dispatch, the escort steps and the verification code', async () => {
    const created = await createOrder(t, w);
    expect(created).toMatchObject({ status: 'pending_payment', serviceName: '门诊陪诊（半天）', patientName: '张建国' });
    expect(created.orderNo).toMatch(/^PZ\d{16}$/);
    expect(created.priceLines.length).toBeGreaterThan(0);
    const id = created.id;

    await pay(t, id);
    let detail = expectOk(await t.http().get(`/api/admin/orders/${id}`).set(bearer(w.opsToken)));
    expect(detail).toMatchObject({ status: 'pending_dispatch', paidFen: created.totalFen });
    expect(detail.availableActions).toEqual(expect.arrayContaining(['assign', 'cancel_paid']));
    expect(detail.patient).toMatchObject({ name: '张建国', hasHealthNotes: true });
    expect(JSON.stringify(detail.patient)).not.toContain('青霉素');

    // Before assignment the escort cannot see the order at all.
    expectError(await t.http().get(`/api/escort/orders/${id}`).set(bearer(w.escortToken)), 404, 'NOT_FOUND');

    detail = expectOk(await t.http().post(`/api/admin/orders/${id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '距离近' }));
    expect(detail).toMatchObject({ status: 'dispatched', escortId: w.escortId, escortName: '李静' });
    expect(await claimsOf(id)).toBe(4);

    let task = expectOk(await t.http().get(`/api/escort/orders/${id}`).set(bearer(w.escortToken)));
    expect(task.patient).toMatchObject({ name: '张建国', allergies: '青霉素过敏' });
    expect(task.availableActions).toEqual(['accept', 'decline']);
    expectError(await t.http().get(`/api/escort/orders/${id}`).set(bearer(w.otherEscortToken)), 404, 'NOT_FOUND');

    task = expectOk(await t.http().post(`/api/escort/orders/${id}/accept`).set(bearer(w.escortToken)));
    expect(task.status).toBe('accepted');
    task = expectOk(await t.http().post(`/api/escort/orders/${id}/depart`).set(bearer(w.escortToken)));
    expect(task.status).toBe('departed');
    task = expectOk(await t.http().post(`/api/escort/orders/${id}/start`).set(bearer(w.escortToken)));
    expect(task.status).toBe('in_service');

    const mine = expectOk(await t.http().get(`/api/app/orders/${id}`).set(bearer(w.customerToken)));
    expect(mine.verificationCode).toMatch(/^\d{6}$/);
    const wrong = mine.verificationCode === '000000' ? '111111' : '000000';
    const res = await t.http().post(`/api/escort/orders/${id}/complete`).set(bearer(w.escortToken)).send({ code: wrong });
    expectError(res, 422, 'VERIFICATION_CODE_INVALID');
    expect(res.body.errorMessage).toContain('4 次');

    task = expectOk(await t.http().post(`/api/escort/orders/${id}/complete`).set(bearer(w.escortToken)).send({ code: mine.verificationCode }));
    expect(task.status).toBe('completed');
    expect(await claimsOf(id)).toBe(0);

    const done = expectOk(await t.http().get(`/api/app/orders/${id}`).set(bearer(w.customerToken)));
    expect(done.verificationCode).toBeNull();
    expect(done.timeline.map((e: any) => e.toStatus)).toEqual(['pending_payment', 'pending_dispatch', 'dispatched', 'accepted', 'departed', 'in_service', 'completed']);
    expect(done.timeline.map((e: any) => e.actorType)).toEqual(['customer', 'system', 'staff', 'escort', 'escort', 'escort', 'escort']);
    // After completion the escort no longer sees health notes.
    task = expectOk(await t.http().get(`/api/escort/orders/${id}`).set(bearer(w.escortToken)));
    expect(task.patient).toBeNull();

    const inbox = expectOk(await t.http().get('/api/app/notifications').set(bearer(w.customerToken)));
    expect(inbox.list.map((n: any) => n.title)).toEqual(
      expect.arrayContaining(['订单已提交', '预约成功', '已为您安排陪诊师', '陪诊师已确认', '陪诊师已出发', '服务已开始', '服务已完成'])
    );
    const started = inbox.list.find((n: any) => n.title === '服务已开始');
    expect(started.body).toContain(mine.verificationCode);
    const escortInbox = expectOk(await t.http().get('/api/escort/notifications').set(bearer(w.escortToken)));
    expect(escortInbox.list.map((n: any) => n.title)).toContain('新的派单');
  });

  it('locks the verification code after five wrong tries and lets the customer confirm instead', async () => {
    const { id } = await createOrder(t, w, { startAt: startIn(30 * 60).toISOString() });
    await pay(t, id);
    expectOk(await t.http().post(`/api/admin/orders/${id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '距离近' }));
    expectOk(await t.http().post(`/api/escort/orders/${id}/accept`).set(bearer(w.escortToken)));
    expectOk(await t.http().post(`/api/escort/orders/${id}/start`).set(bearer(w.escortToken)));
    const code = expectOk(await t.http().get(`/api/app/orders/${id}`).set(bearer(w.customerToken))).verificationCode;
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i++) {
      expectError(await t.http().post(`/api/escort/orders/${id}/complete`).set(bearer(w.escortToken)).send({ code: wrong }), 422, 'VERIFICATION_CODE_INVALID');
    }
    expectError(await t.http().post(`/api/escort/orders/${id}/complete`).set(bearer(w.escortToken)).send({ code: wrong }), 423, 'VERIFICATION_LOCKED');
    expectError(await t.http().post(`/api/escort/orders/${id}/complete`).set(bearer(w.escortToken)).send({ code }), 423, 'VERIFICATION_LOCKED');
    expectError(await t.http().post(`/api/escort/orders/${id}/complete`).set(bearer(w.escortToken)).send({ code: '12345' }), 400, 'VALIDATION_FAILED');
    const done = expectOk(await t.http().post(`/api/app/orders/${id}/confirm-complete`).set(bearer(w.customerToken)));
    expect(done.status).toBe('completed');
  });

  it('books an errand with its own details and no patient', async () => {
    const created = expectOk(
      await t
        .http()
        .post('/api/app/orders')
        .set(bearer(w.customerToken))
        .send({
          serviceItemId: w.errandItemId,
          cityId: 1,
          hospitalId: w.hospitalId,
          startAt: startIn(28 * 60).toISOString(),
          errand: { tasks: ['取 CT 报告'], materials: ['身份证复印件', '缴费凭证'], deliveryAddress: '上海市徐汇区漕溪北路 1 号' },
        })
    );
    expect(created).toMatchObject({ status: 'pending_payment', patientId: null, errand: { tasks: ['取 CT 报告'], materials: ['身份证复印件', '缴费凭证'] } });
  });

  it('records extra costs an escort laid out on an errand and lets the customer confirm them', async () => {
    const { id } = await createOrder(t, w, { startAt: startIn(34 * 60).toISOString() });
    await pay(t, id);
    expectOk(await t.http().post(`/api/admin/orders/${id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '距离近' }));
    expectOk(await t.http().post(`/api/escort/orders/${id}/accept`).set(bearer(w.escortToken)));
    expectOk(await t.http().post(`/api/escort/orders/${id}/start`).set(bearer(w.escortToken)));
    const before = await rowCounts(t);
    expectError(await t.http().post(`/api/escort/orders/${id}/extra-charges`).set(bearer(w.escortToken)).send({ description: '代买药', amountFen: -100 }), 400, 'VALIDATION_FAILED');
    expectError(await t.http().post(`/api/escort/orders/${id}/extra-charges`).set(bearer(w.escortToken)).send({ description: '代买药', amountFen: 12.5 }), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    const charge = expectOk(await t.http().post(`/api/escort/orders/${id}/extra-charges`).set(bearer(w.escortToken)).send({ description: '代买药', amountFen: 4650, receiptUrl: 'https://files.example/receipt.jpg' }));
    expect(charge).toMatchObject({ status: 'pending', amountFen: 4650 });
    expectError(await t.http().post(`/api/app/orders/${id}/extra-charges/${charge.id}/confirm`).set(bearer(w.otherCustomerToken)), 404, 'NOT_FOUND');
    expect(expectOk(await t.http().post(`/api/app/orders/${id}/extra-charges/${charge.id}/confirm`).set(bearer(w.customerToken)))).toMatchObject({ status: 'confirmed' });
    expectError(await t.http().post(`/api/app/orders/${id}/extra-charges/${charge.id}/reject`).set(bearer(w.customerToken)), 409, 'EXTRA_CHARGE_ANSWERED');
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const body = booking(w, { startAt: startIn(50 * 60).toISOString() });
    const send = (b: object) => t.http().post('/api/app/orders').set(bearer(w.customerToken)).set('Idempotency-Key', 'create-order-test-0001').send(b);
    const before = await t.dataSource.getRepository(Order).count();
    const first = expectOk(await send(body));
    const again = expectOk(await send(body));
    expect(again.id).toBe(first.id);
    expect(again.orderNo).toBe(first.orderNo);
    expect(await t.dataSource.getRepository(Order).count()).toBe(before + 1);
    expectError(await send({ ...body, durationMinutes: 180 }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await t.dataSource.getRepository(Order).count()).toBe(before + 1);
    // The same key from another customer is a different key.
    expectOk(await t.http().post('/api/app/orders').set(bearer(w.otherCustomerToken)).set('Idempotency-Key', 'create-order-test-0001').send({ ...body, patientId: w.otherPatientId }));
  });

  it('lists a customer’s orders by tab and never shows them another customer’s order', async () => {
    const { id } = await createOrder(t, w, { startAt: startIn(60 * 60).toISOString() });
    const unpaid = expectOk(await t.http().get('/api/app/orders?tab=unpaid').set(bearer(w.customerToken)));
    expect(unpaid.list.map((o: any) => o.id)).toContain(id);
    expect(unpaid.list.every((o: any) => o.status === 'pending_payment')).toBe(true);
    expectError(await t.http().get(`/api/app/orders/${id}`).set(bearer(w.otherCustomerToken)), 404, 'NOT_FOUND');
    expectError(await t.http().post(`/api/app/orders/${id}/cancel`).set(bearer(w.otherCustomerToken)).send({}), 404, 'NOT_FOUND');
  });

  it('lets the console filter orders and keeps city scope', async () => {
    const { id, orderNo } = await createOrder(t, w, { startAt: startIn(62 * 60).toISOString() });
    const byNo = expectOk(await t.http().get(`/api/admin/orders?orderNo=${orderNo}`).set(bearer(w.opsToken)));
    expect(byNo.list.map((o: any) => o.id)).toEqual([id]);
    expect(byNo.list[0].customerPhoneMasked).toBe('138****0001');
    const byPhone = expectOk(await t.http().get('/api/admin/orders?customerPhone=13800000001&pageSize=100').set(bearer(w.opsToken)));
    expect(byPhone.list.every((o: any) => o.customerId === w.customerId)).toBe(true);
    const { staffToken } = await import('../helpers/test-app');
    const bj = await staffToken(t, 'ops_bj');
    expect(expectOk(await t.http().get('/api/admin/orders').set(bearer(bj))).total).toBe(0);
    expectError(await t.http().get(`/api/admin/orders/${id}`).set(bearer(bj)), 403, 'CITY_SCOPE_FORBIDDEN');
    expectError(await t.http().post(`/api/admin/orders/${id}/cancel`).set(bearer(bj)).send({ reason: '测试越权' }), 403, 'CITY_SCOPE_FORBIDDEN');
    const finance = await staffToken(t, 'finance');
    expectError(await t.http().post(`/api/admin/orders/${id}/cancel`).set(bearer(finance)).send({ reason: '财务无权取消' }), 403, 'FORBIDDEN');
  });

  it('shows today’s board by hour with unassigned orders flagged', async () => {
    const { toShanghaiDateString } = await import('../../src/common/time');
    const start = startIn(24 * 60);
    const { id } = await createOrder(t, w, { startAt: start.toISOString() });
    await pay(t, id);
    const board = expectOk(await t.http().get(`/api/admin/orders/board?date=${toShanghaiDateString(start)}`).set(bearer(w.opsToken)));
    const all = board.hours.flatMap((h: any) => h.orders);
    expect(all.find((o: any) => o.id === id)).toMatchObject({ unassigned: true, late: false });
    expect(board.unassigned).toBeGreaterThanOrEqual(1);
  });

  it('records staff notes with an audit row', async () => {
    const { id } = await createOrder(t, w, { startAt: startIn(64 * 60).toISOString() });
    const note = expectOk(await t.http().post(`/api/admin/orders/${id}/notes`).set(bearer(w.opsToken)).send({ content: '家属要求陪诊师提前 10 分钟到达' }));
    expect(note).toMatchObject({ authorName: '上海运营' });
    const detail = expectOk(await t.http().get(`/api/admin/orders/${id}`).set(bearer(w.opsToken)));
    expect(detail.notes.map((n: any) => n.content)).toEqual(['家属要求陪诊师提前 10 分钟到达']);
    const audit = expectOk(await t.http().get(`/api/admin/audit-logs?targetType=order&targetId=${id}`).set(bearer(w.adminToken)));
    expect(audit.list.map((a: any) => a.action)).toContain('order.note');
  });

  it('runs the jobs: unpaid orders close after the payment window and release the escort', async () => {
    const start = startIn(70 * 60);
    const { id } = await createOrder(t, w, { startAt: start.toISOString(), preferredEscortId: w.escortId });
    expect(await claimsOf(id)).toBe(4);
    const jobs = await services(t).jobs();
    await jobs.tick(new Date(Date.now() + 14 * 60_000));
    expect((await t.dataSource.getRepository(Order).findOneByOrFail({ id })).status).toBe('pending_payment');
    expect((await jobs.tick(new Date(Date.now() + 16 * 60_000))).closed).toBeGreaterThanOrEqual(1);
    const closed = expectOk(await t.http().get(`/api/app/orders/${id}`).set(bearer(w.customerToken)));
    expect(closed.status).toBe('closed');
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'expire', actorType: 'system' });
    expect(await claimsOf(id)).toBe(0);
    // The time is free again for someone else.
    const again = expectOk(
      await t.http().post('/api/app/orders').set(bearer(w.otherCustomerToken)).send(booking(w, { startAt: start.toISOString(), preferredEscortId: w.escortId, patientId: w.otherPatientId }))
    );
    expect(again.status).toBe('pending_payment');
  });
});
