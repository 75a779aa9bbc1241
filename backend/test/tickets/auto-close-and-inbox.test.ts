import { bearer, expectOk } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { completedOrder, qualityWorld, QualityWorld, review } from '../reviews/quality-fixtures';
import { Ticket } from '../../src/modules/tickets/ticket.entity';
import { TicketMessage } from '../../src/modules/tickets/ticket-message.entity';
import { TicketJobs } from '../../src/modules/tickets/ticket-jobs';
import { TicketService } from '../../src/modules/tickets/ticket.service';
import { Notification } from '../../src/modules/notifications/notification.entity';

jest.setTimeout(180_000);

const DAY = 86_400_000;

/**
 * Tickets close by themselves once the reopen window after their resolution has passed (the job
 * runs with a chosen clock, as the order and payment jobs do), and the people involved hear of
 * what happens in their inbox: customers (and escorts) when staff answer or resolve their
 * ticket, escorts when their order is reviewed or a penalty is applied.
 */
describe('tickets: auto-close after the reopen window, and inbox notifications', () => {
  let t: TestApp;
  let w: QualityWorld;
  let jobs: TicketJobs;

  beforeAll(async () => {
    t = await startTestApp();
    w = await qualityWorld(t);
    jobs = await t.app.getApplicationContext().getAsync(TicketJobs);
  });
  afterAll(() => t.close());

  const open = (body: object, token = w.customerToken) => t.http().post('/api/app/tickets').set(bearer(token)).send(body);
  const admin = (path: string, body: object = {}) => t.http().post(`/api/admin/tickets${path}`).set(bearer(w.supportToken)).send(body);
  const row = (id: number) => t.dataSource.getRepository(Ticket).findOneByOrFail({ id });
  const inboxOf = (type: 'customer' | 'escort', id: number, event: string) =>
    t.dataSource.getRepository(Notification).find({ where: { recipientType: type, recipientId: id, event }, order: { id: 'ASC' } });

  it('closes a resolved ticket once the 7-day reopen window has passed, not before, and only once', async () => {
    const tk = expectOk(await open({ type: 'suggestion', title: '建议增加语音客服', content: '打字不方便' }));
    expectOk(await admin(`/${tk.id}/resolve`, { resolution: '已转产品评估' }));
    const resolvedAt = (await row(tk.id)).resolvedAt as Date;
    // Six days and 23 hours later: still resolved (the customer may still reopen it).
    expect(await jobs.tick(new Date(resolvedAt.getTime() + 7 * DAY - 3_600_000))).toEqual({ autoClosed: 0 });
    expect(await row(tk.id)).toMatchObject({ status: 'resolved', closedAt: null });
    const at = new Date(resolvedAt.getTime() + 7 * DAY + 1000);
    expect(await jobs.tick(at)).toEqual({ autoClosed: 1 });
    const closed = await row(tk.id);
    expect(closed.status).toBe('closed');
    expect(new Date(closed.closedAt as Date).getTime()).toBe(at.getTime());
    // Again later: nothing more.
    expect(await jobs.tick(new Date(at.getTime() + DAY))).toEqual({ autoClosed: 0 });
    const events = await t.dataSource.getRepository(TicketMessage).find({ where: { ticketId: tk.id, kind: 'event' } });
    expect(events.filter(e => e.content.includes('自动关闭'))).toHaveLength(1);
    expect(events.find(e => e.content.includes('自动关闭'))).toMatchObject({ authorType: 'system', content: '解决后 7 天内未重新打开，自动关闭' });
  });

  it('leaves a ticket reopened inside the window alone, and counts a new resolution from its own time', async () => {
    const tk = expectOk(await open({ type: 'app_problem', title: '无法上传照片', content: '上传一直转圈' }));
    expectOk(await admin(`/${tk.id}/resolve`, { resolution: '请更新到最新版本' }));
    // The customer reopens it inside the window; eight days after the first resolution it is still open.
    expectOk(await t.http().post(`/api/app/tickets/${tk.id}/reopen`).set(bearer(w.customerToken)).send({ reason: '更新后还是不行' }));
    const first = (await row(tk.id)).resolvedAt as Date;
    expect(await jobs.tick(new Date(first.getTime() + 8 * DAY))).toMatchObject({ autoClosed: 0 });
    expect((await row(tk.id)).status).toBe('open');
    // Resolved again now: the window starts again from this resolution.
    expectOk(await admin(`/${tk.id}/resolve`, { resolution: '已修复上传问题' }));
    const second = (await row(tk.id)).resolvedAt as Date;
    expect(await jobs.tick(new Date(second.getTime() + 3 * DAY))).toEqual({ autoClosed: 0 });
    expect(await jobs.tick(new Date(second.getTime() + 7 * DAY))).toEqual({ autoClosed: 1 });
    expect((await row(tk.id)).status).toBe('closed');
  });

  it('closes each due ticket exactly once when two passes run at the same time', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const tk = expectOk(await open({ type: 'suggestion', title: `并发关闭 ${i}`, content: '内容' }));
      expectOk(await admin(`/${tk.id}/resolve`, { resolution: '已处理' }));
      await t.dataSource.getRepository(Ticket).update({ id: tk.id }, { resolvedAt: new Date(Date.now() - 10 * DAY) });
      ids.push(tk.id);
    }
    const service = await t.app.getApplicationContext().getAsync(TicketService);
    const [a, b] = await Promise.all([service.autoCloseResolved(), service.autoCloseResolved()]);
    expect(a + b).toBe(4);
    for (const id of ids) {
      expect((await row(id)).status).toBe('closed');
      expect(await t.dataSource.getRepository(TicketMessage).count({ where: { ticketId: id, kind: 'event', authorType: 'system' } })).toBeGreaterThanOrEqual(1);
      const autoEvents = (await t.dataSource.getRepository(TicketMessage).find({ where: { ticketId: id, kind: 'event' } })).filter(m => m.content.includes('自动关闭'));
      expect(autoEvents).toHaveLength(1);
    }
  });

  it('tells the customer when staff reply (not for internal notes) and when their ticket is resolved', async () => {
    const tk = expectOk(await open({ type: 'billing', title: '发票抬头错了', content: '请帮忙重开发票' }));
    expectOk(await admin(`/${tk.id}/messages`, { content: '内部：转财务', internal: true }));
    expect(await inboxOf('customer', w.customerId, 'ticket_replied')).toHaveLength(0);
    expectOk(await admin(`/${tk.id}/messages`, { content: '已为您重新开具，请查收邮箱。' }));
    const replied = await inboxOf('customer', w.customerId, 'ticket_replied');
    expect(replied).toHaveLength(1);
    expect(replied[0]).toMatchObject({ title: '客服回复了您的工单', body: `工单 ${tk.ticketNo}「发票抬头错了」有新的回复：已为您重新开具，请查收邮箱。` });
    expectOk(await admin(`/${tk.id}/resolve`, { resolution: '发票已重开' }));
    const resolved = await inboxOf('customer', w.customerId, 'ticket_resolved');
    expect(resolved.map(n => n.body)).toContain(`工单 ${tk.ticketNo}「发票抬头错了」已解决：发票已重开。如仍有问题，可在 7 天内重新打开。`);
    // It shows in the customer's inbox through the API.
    const inbox = expectOk(await t.http().get('/api/app/notifications').set(bearer(w.customerToken)));
    expect(inbox.list.map((n: any) => n.event)).toEqual(expect.arrayContaining(['ticket_replied', 'ticket_resolved']));
    // Nobody else hears of it.
    expect(await inboxOf('customer', w.otherCustomerId, 'ticket_replied')).toHaveLength(0);
  });

  it('tells an escort who opened a ticket when staff answer it', async () => {
    const tk = expectOk(await t.http().post('/api/escort/tickets').set(bearer(w.escortToken)).send({ type: 'app_problem', title: '接单页面闪退', content: '安卓手机' }));
    expectOk(await admin(`/${tk.id}/messages`, { content: '请清除缓存后重试' }));
    const mine = expectOk(await t.http().get('/api/escort/notifications').set(bearer(w.escortToken)));
    expect(mine.list.find((n: any) => n.event === 'ticket_replied')).toMatchObject({ body: expect.stringContaining('请清除缓存后重试') });
  });

  it('tells the escort when a review of their order arrives and when a penalty is applied', async () => {
    const order = await completedOrder(t, w);
    expectOk(await t.http().post(`/api/app/orders/${order.id}/review`).set(bearer(w.customerToken)).send(review({ overall: 4, content: '很准时，讲解清楚' })));
    const reviewed = await inboxOf('escort', w.escortId, 'review_received');
    expect(reviewed.map(n => [n.body, n.orderId])).toContainEqual([`订单 ${order.orderNo} 收到了客户评价：4 星，「很准时，讲解清楚」`, order.id]);

    const tk = expectOk(await open({ type: 'service_complaint', title: '陪诊师未按时到达', content: '迟到 40 分钟', orderId: order.id }));
    expectOk(await admin(`/${tk.id}/resolve`, { resolution: '情况属实，已处理', penaltyFen: 3000, penaltyReason: '迟到 40 分钟' }));
    const penalties = await inboxOf('escort', w.escortId, 'penalty_applied');
    expect(penalties.map(n => n.body)).toContain(`因工单 ${tk.ticketNo}（订单 ${order.orderNo}），您被处罚 30.00 元，将在结算时扣除。原因：迟到 40 分钟`);
    // The customer hears of the resolution; the penalty stays between the platform and the escort.
    expect((await inboxOf('customer', w.customerId, 'penalty_applied')).length).toBe(0);
  });
});
