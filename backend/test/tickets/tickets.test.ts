import { bearer, escortLogin, expectError, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { completedOrder, qualityWorld, QualityWorld, XSS } from '../reviews/quality-fixtures';
import { Ticket } from '../../src/modules/tickets/ticket.entity';
import { Refund } from '../../src/modules/payments/refund.entity';
import { EscortPenalty } from '../../src/modules/tickets/escort-penalty.entity';
import { EscortPenaltyService } from '../../src/modules/tickets/escort-penalty.service';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';

jest.setTimeout(180_000);

describe('tickets: complaints, feedback and suggestions', () => {
  let t: TestApp;
  let w: QualityWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await qualityWorld(t);
  });
  afterAll(() => t.close());

  const open = (body: object, token = w.customerToken) => t.http().post('/api/app/tickets').set(bearer(token)).send(body);
  const admin = (path: string, body: object = {}, token = w.supportToken) => t.http().post(`/api/admin/tickets${path}`).set(bearer(token)).send(body);
  const tickets = () => t.dataSource.getRepository(Ticket);

  it('lets a customer open a complaint about their own order, prioritised by type with an SLA deadline', async () => {
    const order = await completedOrder(t, w);
    const tk = expectOk(await open({ type: 'service_complaint', title: '陪诊师迟到', content: `迟到半小时 ${XSS}`, orderId: order.id, photos: ['/uploads/a.jpg'] }));
    expect(tk).toMatchObject({ type: 'service_complaint', priority: 'high', status: 'open', orderNo: order.orderNo, slaState: 'pending', content: `迟到半小时 ${XSS}`, escortName: null });
    expect(Math.abs(new Date(tk.slaDueAt).getTime() - new Date(tk.createdAt).getTime() - 4 * 3_600_000)).toBeLessThan(1000);
    expect(tk.availableActions).toEqual([]);
    expectError(await open({ type: 'service_complaint', title: 'x', content: 'y', orderId: order.id }, w.otherCustomerToken), 404, 'NOT_FOUND');
    expectError(await open({ type: 'suggestion', title: 'x', content: 'y', priority: 'urgent' }), 400, 'VALIDATION_FAILED');
    expectError(await open({ type: 'suggestion', title: 'x', content: 'y', photos: ['javascript:alert(1)'] }), 400, 'VALIDATION_FAILED');
    const staffView = expectOk(await t.http().get(`/api/admin/tickets/${tk.id}`).set(bearer(w.supportToken)));
    expect(staffView).toMatchObject({ escortId: w.escortId, escortName: '李静', customerId: w.customerId, availableActions: ['start', 'resolve'] });
  });

  it('answers the SLA with the first staff reply, keeps internal notes from the customer, and flags overdue tickets', async () => {
    const tk = expectOk(await open({ type: 'app_problem', title: '支付页面打不开', content: '点击支付没反应' }));
    // Two hours past a 24-hour deadline.
    await tickets().update({ id: tk.id }, { createdAt: new Date(Date.now() - 26 * 3_600_000), slaDueAt: new Date(Date.now() - 2 * 3_600_000) });
    const overdue = expectOk(await t.http().get('/api/admin/tickets').query({ overdue: true }).set(bearer(w.supportToken)));
    expect(overdue.list.map((x: any) => x.id)).toContain(tk.id);
    expect(overdue.list.find((x: any) => x.id === tk.id)).toMatchObject({ slaState: 'overdue', slaMinutesLeft: expect.any(Number) });
    expect(overdue.list.find((x: any) => x.id === tk.id).slaMinutesLeft).toBeLessThan(0);
    const summary = expectOk(await t.http().get('/api/admin/tickets/sla-summary').set(bearer(w.supportToken)));
    expect(summary.overdue).toBeGreaterThanOrEqual(1);

    expectOk(await admin(`/${tk.id}/messages`, { content: '内部：可能是缓存问题', internal: true }));
    let row = await tickets().findOneByOrFail({ id: tk.id });
    expect(row.firstRespondedAt).toBeNull();
    expect(row.status).toBe('open');
    expectOk(await admin(`/${tk.id}/messages`, { content: '请更新小程序后重试', articleId: 1 }));
    row = await tickets().findOneByOrFail({ id: tk.id });
    expect(row.status).toBe('in_progress');
    expect(row.firstRespondedAt).not.toBeNull();
    expect(row.assigneeName).toBe('客服专员');

    const mine = expectOk(await t.http().get(`/api/app/tickets/${tk.id}`).set(bearer(w.customerToken)));
    expect(mine.messages.map((m: any) => m.content)).not.toContain('内部：可能是缓存问题');
    expect(mine.messages.find((m: any) => m.kind === 'reply')).toMatchObject({ authorName: '客服', content: '请更新小程序后重试' });
    expect(mine.slaState).toBe('breached');
    expectError(await t.http().post(`/api/app/tickets/${tk.id}/messages`).set(bearer(w.otherCustomerToken)).send({ content: '偷看' }), 404, 'NOT_FOUND');
    expectOk(await t.http().post(`/api/app/tickets/${tk.id}/messages`).set(bearer(w.customerToken)).send({ content: '还是不行' }));
  });

  it('moves open → in progress → resolved → closed, lets the customer reopen within 7 days and not after', async () => {
    const tk = expectOk(await open({ type: 'suggestion', title: '希望增加夜间服务', content: '晚上也需要陪诊' }));
    expect(tk.priority).toBe('low');
    expectError(await t.http().post(`/api/app/tickets/${tk.id}/close`).set(bearer(w.customerToken)).send({}), 409, 'TICKET_INVALID_TRANSITION');
    expectOk(await admin(`/${tk.id}/start`));
    expectError(await admin(`/${tk.id}/start`), 409, 'TICKET_INVALID_TRANSITION');
    const resolved = expectOk(await admin(`/${tk.id}/resolve`, { resolution: '已记录，将在下季度评估' }));
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已记录，将在下季度评估', availableActions: ['close', 'reopen'] });
    expectError(await t.http().post(`/api/app/tickets/${tk.id}/messages`).set(bearer(w.customerToken)).send({ content: '补充' }), 409, 'TICKET_RESOLVED');

    const closed = expectOk(await t.http().post(`/api/app/tickets/${tk.id}/close`).set(bearer(w.customerToken)).send({}));
    expect(closed.status).toBe('closed');
    const reopened = expectOk(await t.http().post(`/api/app/tickets/${tk.id}/reopen`).set(bearer(w.customerToken)).send({ reason: '没有回复具体时间' }));
    expect(reopened).toMatchObject({ status: 'open', reopenCount: 1 });

    expectOk(await admin(`/${tk.id}/resolve`, { resolution: '预计 6 月上线' }));
    // Resolved eight days ago: the window has passed for the customer and for staff.
    await tickets().update({ id: tk.id }, { resolvedAt: new Date(Date.now() - 8 * 86_400_000) });
    expectError(await t.http().post(`/api/app/tickets/${tk.id}/reopen`).set(bearer(w.customerToken)).send({}), 422, 'TICKET_REOPEN_WINDOW_PASSED');
    expectError(await admin(`/${tk.id}/reopen`), 422, 'TICKET_REOPEN_WINDOW_PASSED');
    expect(await t.dataSource.getRepository(AuditLog).count({ where: { action: 'ticket.resolve', targetId: String(tk.id) } })).toBe(2);
  });

  it('compensates the customer through the payments module once and records a penalty the settlement can read', async () => {
    const order = await completedOrder(t, w);
    const tk = expectOk(await open({ type: 'service_complaint', title: '服务态度差', content: '陪诊师不耐烦', orderId: order.id }));
    // Ops may handle tickets but not move money.
    const opsRes = await admin(`/${tk.id}/resolve`, { resolution: '赔偿', compensationFen: 1000 }, w.opsToken);
    expectError(opsRes, 403, 'FORBIDDEN');
    const before = await t.dataSource.getRepository(Refund).count({ where: { orderId: order.id } });
    const resolved = expectOk(
      await admin(`/${tk.id}/resolve`, { resolution: '向您致歉，已退还 20 元', compensationFen: 2000, penaltyFen: 5000, penaltyReason: '服务态度投诉属实' })
    );
    expect(resolved).toMatchObject({ status: 'resolved', compensationFen: 2000, compensationRefundId: expect.any(Number) });
    expect(resolved.penalty).toMatchObject({ escortId: w.escortId, amountFen: 5000, status: 'pending', reason: '服务态度投诉属实' });
    const refund = await t.dataSource.getRepository(Refund).findOneByOrFail({ id: resolved.compensationRefundId });
    expect(refund).toMatchObject({ orderId: order.id, amountFen: 2000, source: 'compensation', purposeKey: `ticket:${tk.id}`, requestedByType: 'staff' });
    expect(['processing', 'succeeded']).toContain(refund.status);
    expect(await t.dataSource.getRepository(Refund).count({ where: { orderId: order.id } })).toBe(before + 1);
    // The refund shows in finance's list like any staff refund.
    const financeToken = await staffToken(t, 'finance');
    const list = expectOk(await t.http().get('/api/admin/refunds').query({ orderNo: order.orderNo }).set(bearer(financeToken)));
    expect(list.list.map((r: any) => r.source)).toContain('compensation');

    const penalties = await (await t.app.getApplicationContext().getAsync(EscortPenaltyService)).pendingFor(w.escortId, new Date(Date.now() + 1000));
    expect(penalties.map(p => p.ticketId)).toContain(tk.id);
    const listed = expectOk(await t.http().get('/api/admin/escort-penalties').query({ escortId: w.escortId }).set(bearer(w.supportToken)));
    expect(listed.list[0]).toMatchObject({ escortName: '李静', amountFen: 5000 });
    expectError(await admin(`/${tk.id}/resolve`, { resolution: '再来一次', compensationFen: 2000 }), 409, 'TICKET_INVALID_TRANSITION');
    expect(await t.dataSource.getRepository(EscortPenalty).count({ where: { ticketId: tk.id } })).toBe(1);

    const voided = expectOk(await t.http().post(`/api/admin/escort-penalties/${listed.list[0].id}/void`).set(bearer(w.supportToken)).send({ reason: '复核后投诉不成立' }));
    expect(voided.status).toBe('void');
  });

  it('shows the customer the replies and what happened, never the notes, who handles it, the priority or the escort\'s penalty', async () => {
    const order = await completedOrder(t, w);
    const tk = expectOk(await open({ type: 'service_complaint', title: '陪诊师迟到', content: '迟到了四十分钟', orderId: order.id }));
    expectOk(await admin(`/${tk.id}/assign`, { assigneeId: 1 }));
    expectOk(await admin(`/${tk.id}/priority`, { priority: 'urgent' }));
    expectOk(await admin(`/${tk.id}/messages`, { content: '内部：陪诊师上月也被投诉过', internal: true }));
    expectOk(await admin(`/${tk.id}/messages`, { content: '您好，我们正在核实' }));
    expectOk(await admin(`/${tk.id}/resolve`, { resolution: '已核实，向您致歉并赔偿 10 元', compensationFen: 1000, penaltyFen: 3000 }));

    const staffView = expectOk(await t.http().get(`/api/admin/tickets/${tk.id}`).set(bearer(w.supportToken)));
    const staffTexts = staffView.messages.map((m: any) => m.content);
    expect(staffTexts).toEqual(expect.arrayContaining(['内部：陪诊师上月也被投诉过', '优先级调整为 urgent', '已解决（赔偿 10.00 元，处罚陪诊师 30.00 元）']));
    expect(staffTexts.some((c: string) => c.startsWith('指派给 '))).toBe(true);

    const mine = expectOk(await t.http().get(`/api/app/tickets/${tk.id}`).set(bearer(w.customerToken)));
    const texts = mine.messages.map((m: any) => m.content);
    expect(texts).toEqual(expect.arrayContaining(['您好，我们正在核实', '已解决（赔偿 10.00 元）', '已核实，向您致歉并赔偿 10 元']));
    expect(mine.messages.map((m: any) => m.kind).sort()).not.toContain('note');
    const body = JSON.stringify(mine);
    for (const hidden of ['内部：', '指派给', '优先级调整', '处罚', '30.00', staffView.assigneeName]) expect(body).not.toContain(hidden);
    expect(mine.messages.filter((m: any) => m.authorType === 'staff').every((m: any) => m.authorName === '客服')).toBe(true);
    expect(mine).toMatchObject({ assigneeId: null, assigneeName: '', escortId: null, escortName: null });
    expect(mine).not.toHaveProperty('penalty');
    const list = expectOk(await t.http().get('/api/app/tickets').set(bearer(w.customerToken)));
    expect(JSON.stringify(list.list.find((x: any) => x.id === tk.id))).not.toContain(staffView.assigneeName);
  });

  it('refuses compensation beyond what was paid, and for a ticket type that cannot carry it', async () => {
    const order = await completedOrder(t, w);
    const tk = expectOk(await open({ type: 'billing', title: '多收费', content: '请核对', orderId: order.id }));
    expectError(await admin(`/${tk.id}/resolve`, { resolution: '全退', compensationFen: order.totalFen + 1 }), 422, 'REFUND_EXCEEDS_PAID');
    expect((await tickets().findOneByOrFail({ id: tk.id })).status).toBe('open');
    const sug = expectOk(await open({ type: 'suggestion', title: '建议', content: '建议', orderId: order.id }));
    expectError(await admin(`/${sug.id}/resolve`, { resolution: 'x', compensationFen: 100 }), 422, 'TICKET_COMPENSATION_NOT_ALLOWED');
  });

  it('lets escorts open tickets and staff assign, reprioritise and see only their cities', async () => {
    const escort = await escortLogin(t, '13900000003');
    const tk = expectOk(await t.http().post('/api/escort/tickets').set(bearer(escort.accessToken)).send({ type: 'app_problem', title: '接单按钮无响应', content: '点击后一直转圈' }));
    expect(tk.status).toBe('open');
    expectOk(await t.http().get('/api/escort/tickets').set(bearer(escort.accessToken)));
    expectError(await t.http().get(`/api/app/tickets/${tk.id}`).set(bearer(w.customerToken)), 404, 'NOT_FOUND');
    const assigned = expectOk(await admin(`/${tk.id}/assign`, { assigneeId: 1 }));
    expect(assigned.assigneeId).toBe(1);
    const urgent = expectOk(await admin(`/${tk.id}/priority`, { priority: 'urgent' }));
    expect(Math.abs(new Date(urgent.slaDueAt).getTime() - new Date(urgent.createdAt).getTime() - 3_600_000)).toBeLessThan(1000);
    expectError(await t.http().get('/api/admin/tickets').set(bearer(await staffToken(t, 'finance'))), 403, 'FORBIDDEN');
  });
});
