import { bearer, customerLogin, expectError, expectOk } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { completedOrder, qualityWorld, QualityWorld, review, XSS } from './quality-fixtures';
import { createOrder } from '../orders/order-fixtures';
import { Review } from '../../src/modules/reviews/review.entity';
import { ReviewStat } from '../../src/modules/reviews/review-stat.entity';
import { Ticket } from '../../src/modules/tickets/ticket.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { CreditEvent } from '../../src/modules/credit/credit-event.entity';

jest.setTimeout(180_000);

describe('reviews of completed orders', () => {
  let t: TestApp;
  let w: QualityWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await qualityWorld(t);
  });
  afterAll(() => t.close());

  const stat = (subjectType: 'escort' | 'hospital', subjectId: number) => t.dataSource.getRepository(ReviewStat).findOne({ where: { subjectType, subjectId } });
  const post = (orderId: number, body: object, token = w.customerToken) => t.http().post(`/api/app/orders/${orderId}/review`).set(bearer(token)).send(body);

  it('takes one review per completed order, with the hospital rated too, and counts it for the escort and the hospital', async () => {
    const order = await completedOrder(t, w);
    const escortBefore = await t.dataSource.getRepository(Escort).findOneByOrFail({ id: w.escortId });
    const statBefore = (await stat('escort', w.escortId)) ?? { reviewCount: 0, goodCount: 0, badCount: 0, overallSum: 0, punctualitySum: 0 };
    const hospitalBefore = (await stat('hospital', w.hospitalId)) ?? { reviewCount: 0, cleanlinessSum: 0 };
    // Not reviewed yet: 200 with data null (not a 404), for the app to show the form.
    const none = await t.http().get(`/api/app/orders/${order.id}/review`).set(bearer(w.customerToken));
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ success: true, data: null });
    const created = expectOk(await post(order.id, review({ hospital: { cleanliness: 4, staffAttitude: 5, signage: 3 }, anonymous: true })));
    expect(created).toMatchObject({ overall: 5, status: 'visible', hospital: { cleanliness: 4, staffAttitude: 5, signage: 3 }, appends: [], canAppend: true });

    expectError(await post(order.id, review({ overall: 1 })), 409, 'REVIEW_EXISTS');
    expect(await t.dataSource.getRepository(Review).count({ where: { orderId: order.id } })).toBe(1);

    expect(await stat('escort', w.escortId)).toMatchObject({
      reviewCount: statBefore.reviewCount + 1,
      goodCount: statBefore.goodCount + 1,
      badCount: statBefore.badCount,
      overallSum: statBefore.overallSum + 5,
      punctualitySum: statBefore.punctualitySum + 5,
    });
    expect(await stat('hospital', w.hospitalId)).toMatchObject({ reviewCount: hospitalBefore.reviewCount + 1, cleanlinessSum: hospitalBefore.cleanlinessSum + 4 });
    const escortAfter = await t.dataSource.getRepository(Escort).findOneByOrFail({ id: w.escortId });
    expect(escortAfter.ratingCount).toBe(escortBefore.ratingCount + 1);

    const pub = expectOk(await t.http().get(`/api/app/escorts/${w.escortId}/reviews`));
    expect(pub.list[0]).toMatchObject({ id: created.id, reviewerName: '匿名用户' });
    expect(pub.summary).toMatchObject({ reviewCount: statBefore.reviewCount + 1 });
    expect(JSON.stringify(pub)).not.toContain('customerId');
  });

  it('refuses a review before completion, of someone else’s order, and with stars out of range', async () => {
    const open = await createOrder(t, w, { startAt: new Date(Date.now() + 40 * 3_600_000 - ((Date.now() + 40 * 3_600_000) % 1_800_000)).toISOString() });
    expectError(await post(open.id, review()), 422, 'REVIEW_ORDER_NOT_COMPLETED');
    const done = await completedOrder(t, w);
    expectError(await post(done.id, review(), w.otherCustomerToken), 404, 'NOT_FOUND');
    expectError(await post(done.id, review({ overall: 6 })), 400, 'VALIDATION_FAILED');
    expectError(await post(done.id, review({ rogue: 1 })), 400, 'VALIDATION_FAILED');
  });

  it('appends later words without rewriting the review, up to three times', async () => {
    const order = await completedOrder(t, w);
    const r = expectOk(await post(order.id, review({ content: '第一次评价' })));
    const after = expectOk(await t.http().post(`/api/app/reviews/${r.id}/appends`).set(bearer(w.customerToken)).send({ content: '追评：复诊也很顺利' }));
    expect(after.content).toBe('第一次评价');
    expect(after.appends.map((a: any) => a.content)).toEqual(['追评：复诊也很顺利']);
    // There is no route that edits a review.
    expect((await t.http().put(`/api/app/reviews/${r.id}`).set(bearer(w.customerToken)).send({ content: '改掉' })).status).toBe(404);
    expect((await t.http().patch(`/api/app/orders/${order.id}/review`).set(bearer(w.customerToken)).send({ content: '改掉' })).status).toBe(404);
    expectError(await t.http().post(`/api/app/reviews/${r.id}/appends`).set(bearer(w.otherCustomerToken)).send({ content: 'x' }), 404, 'NOT_FOUND');
    for (let i = 0; i < 2; i++) expectOk(await t.http().post(`/api/app/reviews/${r.id}/appends`).set(bearer(w.customerToken)).send({ content: `追评 ${i}` }));
    expectError(await t.http().post(`/api/app/reviews/${r.id}/appends`).set(bearer(w.customerToken)).send({ content: '第四次' }), 422, 'REVIEW_APPEND_LIMIT');
    expect((await t.dataSource.getRepository(Review).findOneByOrFail({ id: r.id })).content).toBe('第一次评价');
  });

  it('lets the escort reply once', async () => {
    const order = await completedOrder(t, w);
    const r = expectOk(await post(order.id, review()));
    const replied = expectOk(await t.http().post(`/api/escort/reviews/${r.id}/reply`).set(bearer(w.escortToken)).send({ content: '谢谢您的认可' }));
    expect(replied.escortReply).toBe('谢谢您的认可');
    expectError(await t.http().post(`/api/escort/reviews/${r.id}/reply`).set(bearer(w.escortToken)).send({ content: '再回一次' }), 409, 'REVIEW_ALREADY_REPLIED');
    expectError(await t.http().post(`/api/escort/reviews/${r.id}/reply`).set(bearer(w.otherEscortToken)).send({ content: '不是我的' }), 404, 'NOT_FOUND');
    const mine = expectOk(await t.http().get('/api/escort/reviews').set(bearer(w.escortToken)));
    expect(mine.list.find((x: any) => x.id === r.id).escortReply).toBe('谢谢您的认可');
  });

  it('opens a follow-up ticket for a low score, once, and keeps the text exactly as written', async () => {
    const order = await completedOrder(t, w);
    const r = expectOk(await post(order.id, review({ overall: 2, punctuality: 1, content: `迟到四十分钟 ${XSS}` })));
    expect(r.content).toBe(`迟到四十分钟 ${XSS}`);
    const ticket = await t.dataSource.getRepository(Ticket).findOneByOrFail({ reviewId: r.id });
    expect(ticket).toMatchObject({ type: 'service_complaint', priority: 'high', status: 'open', openerType: 'system', orderId: order.id, escortId: w.escortId });
    const staffView = expectOk(await t.http().get(`/api/admin/reviews/${r.id}`).set(bearer(w.supportToken)));
    expect(staffView).toMatchObject({ followUpTicketId: ticket.id, escortName: '李静', customerPhoneMasked: expect.stringContaining('****') });
    const bad = await stat('escort', w.escortId);
    expect(bad!.badCount).toBeGreaterThanOrEqual(1);
  });

  it('lets staff hide a review with a reason (out of the public list and the statistics), charge abuse to credit, restore it and reply', async () => {
    const order = await completedOrder(t, w);
    const r = expectOk(await post(order.id, review({ overall: 1, content: '骂人的话 13812345678' })));
    const before = await stat('escort', w.escortId);
    expectError(await t.http().post(`/api/admin/reviews/${r.id}/hide`).set(bearer(w.adminToken)).send({ reason: 'nonsense' }), 400, 'VALIDATION_FAILED');
    const hidden = expectOk(await t.http().post(`/api/admin/reviews/${r.id}/hide`).set(bearer(w.supportToken)).send({ reason: 'abuse', note: '含辱骂与手机号', penalizeCustomer: true }));
    expect(hidden).toMatchObject({ status: 'hidden', hiddenReason: 'abuse', hiddenReasonLabel: '辱骂或人身攻击', hiddenBy: expect.any(String) });
    expectError(await t.http().post(`/api/admin/reviews/${r.id}/hide`).set(bearer(w.supportToken)).send({ reason: 'abuse' }), 409, 'REVIEW_ALREADY_HIDDEN');
    const after = await stat('escort', w.escortId);
    expect(after!.reviewCount).toBe(before!.reviewCount - 1);
    expect(after!.badCount).toBe(before!.badCount - 1);
    const pub = expectOk(await t.http().get(`/api/app/escorts/${w.escortId}/reviews`).query({ pageSize: 100 }));
    expect(pub.list.map((x: any) => x.id)).not.toContain(r.id);
    expect(await t.dataSource.getRepository(CreditEvent).findOne({ where: { customerId: w.customerId, kind: 'abusive_report' } })).toMatchObject({ delta: -20 });
    expect(await t.dataSource.getRepository(AuditLog).count({ where: { action: 'review.hide', targetId: String(r.id) } })).toBe(1);

    expectOk(await t.http().post(`/api/admin/reviews/${r.id}/restore`).set(bearer(w.supportToken)));
    expect((await stat('escort', w.escortId))!.reviewCount).toBe(before!.reviewCount);
    const replied = expectOk(await t.http().post(`/api/admin/reviews/${r.id}/reply`).set(bearer(w.supportToken)).send({ content: '已联系您处理' }));
    expect(replied.staffReply).toBe('已联系您处理');
    // Finance may not moderate.
    expectError(await t.http().post(`/api/admin/reviews/${r.id}/hide`).set(bearer(await (await import('../helpers/test-app')).staffToken(t, 'finance'))).send({ reason: 'spam' }), 403, 'FORBIDDEN');
  });

  it('lists reviews for staff with filters, and ranks escort performance with its parts', async () => {
    const low = expectOk(await t.http().get('/api/admin/reviews').query({ maxOverall: 2 }).set(bearer(w.opsToken)));
    expect(low.list.length).toBeGreaterThan(0);
    expect(low.list.every((r: any) => r.overall <= 2)).toBe(true);
    const ranking = expectOk(await t.http().get('/api/admin/quality/escort-performance').query({ days: 30 }).set(bearer(w.opsToken)));
    const me = ranking.find((r: any) => r.escortId === w.escortId);
    expect(me).toMatchObject({ escortName: '李静', completedInPeriod: expect.any(Number), complaints: expect.any(Number), late: expect.any(Number), declined: expect.any(Number) });
    expect(me.reviewCount).toBeGreaterThan(0);
    expect(ranking.map((r: any) => r.rank)).toEqual(ranking.map((_: any, i: number) => i + 1));
    const detail = expectOk(await t.http().get(`/api/admin/quality/escort-performance/${w.escortId}`).set(bearer(w.opsToken)));
    expect(detail.trend.length).toBeGreaterThan(0);
    const hospitals = expectOk(await t.http().get('/api/admin/quality/hospital-ratings').set(bearer(w.opsToken)));
    expect(hospitals.find((h: any) => h.hospitalId === w.hospitalId)).toMatchObject({ reviewCount: expect.any(Number), cleanliness: expect.any(Number) });
  });

  it('shows a customer their own reviews only', async () => {
    const other = await customerLogin(t, '13800000009');
    const none = expectOk(await t.http().get('/api/app/reviews').set(bearer(other.accessToken)));
    expect(none.total).toBe(0);
    const mine = expectOk(await t.http().get('/api/app/reviews').set(bearer(w.customerToken)));
    expect(mine.total).toBeGreaterThan(3);
  });
});
