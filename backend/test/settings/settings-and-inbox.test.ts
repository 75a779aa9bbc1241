import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { booking, orderWorld, OrderWorld } from '../orders/order-fixtures';
import { NotificationDelivery } from '../../src/modules/notifications/notification-delivery.entity';

jest.setTimeout(120_000);

describe('settings for booking, cancellation and notifications', () => {
  let t: TestApp;
  let w: OrderWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
  });
  afterAll(() => t.close());

  it('lets ops read the settings but only admins change them, with an audit row', async () => {
    const all = expectOk(await t.http().get('/api/admin/settings').set(bearer(w.opsToken)));
    expect(all.cancellation.tiers.length).toBe(3);
    expect(Object.keys(all.notifications.templates)).toContain('order_reminder');
    expectError(await t.http().post('/api/admin/settings/cancellation').set(bearer(w.opsToken)).send({ tiers: [{ hoursBefore: 0, penaltyBp: 0 }] }), 403, 'FORBIDDEN');
    const saved = expectOk(
      await t.http().post('/api/admin/settings/cancellation').set(bearer(w.adminToken)).send({ tiers: [{ hoursBefore: 12, penaltyBp: 0 }, { hoursBefore: 0, penaltyBp: 3000 }] })
    );
    expect(saved.tiers).toHaveLength(2);
    expect(expectOk(await t.http().get('/api/admin/settings').set(bearer(w.opsToken))).cancellation.tiers).toHaveLength(2);
    const audit = expectOk(await t.http().get('/api/admin/audit-logs?action=settings.update').set(bearer(w.adminToken)));
    expect(audit.list.some((a: any) => a.targetId === 'cancellation')).toBe(true);
  });

  it('refuses settings that do not fit, changing nothing', async () => {
    const before = await rowCounts(t);
    expectError(await t.http().post('/api/admin/settings/cancellation').set(bearer(w.adminToken)).send({ tiers: [{ hoursBefore: 2, penaltyBp: 12000 }] }), 400, 'VALIDATION_FAILED');
    expectError(await t.http().post('/api/admin/settings/booking').set(bearer(w.adminToken)).send({ maxDaysAhead: 3 }), 400, 'VALIDATION_FAILED');
    expectError(
      await t
        .http()
        .post('/api/admin/settings/booking')
        .set(bearer(w.adminToken))
        .send({ maxDaysAhead: 3, minLeadMinutes: 60, serviceStartFrom: '18:00', serviceStartUntil: '07:00', slotMinutes: 30, paymentWindowMinutes: 15 }),
      400,
      'VALIDATION_FAILED'
    );
    expectError(await t.http().post('/api/admin/settings/unknown').set(bearer(w.adminToken)).send({}), 404, 'NOT_FOUND');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('renders notifications from the edited templates and keeps each inbox to its owner', async () => {
    const all = expectOk(await t.http().get('/api/admin/settings').set(bearer(w.adminToken)));
    all.notifications.templates.order_created = { title: '下单成功', body: '订单 {orderNo}：{serviceName}', channels: ['in_app', 'sms'] };
    expectOk(await t.http().post('/api/admin/settings/notifications').set(bearer(w.adminToken)).send(all.notifications));
    const order = expectOk(await t.http().post('/api/app/orders').set(bearer(w.customerToken)).send(booking(w)));
    const inbox = expectOk(await t.http().get('/api/app/notifications?unreadOnly=true').set(bearer(w.customerToken)));
    const message = inbox.list.find((n: any) => n.orderId === order.id);
    expect(message).toMatchObject({ title: '下单成功', body: `订单 ${order.orderNo}：门诊陪诊（半天）`, read: false });
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    expectError(await t.http().post(`/api/app/notifications/${message.id}/read`).set(bearer(w.otherCustomerToken)), 404, 'NOT_FOUND');
    expect(expectOk(await t.http().post(`/api/app/notifications/${message.id}/read`).set(bearer(w.customerToken))).readAt).toBeTruthy();
    expectOk(await t.http().post('/api/app/notifications/read-all').set(bearer(w.customerToken)));
    expect(expectOk(await t.http().get('/api/app/notifications/unread-count').set(bearer(w.customerToken))).unread).toBe(0);
    // The SMS copy went through the outbox to the development channel after the commit.
    const deliveries = await t.dataSource.getRepository(NotificationDelivery).find({ where: { notificationId: message.id } });
    expect(deliveries.map(d => [d.channel, d.status])).toEqual([['sms', 'sent']]);
  });

  it('gives staff an inbox too: dispatchers hear when an escort declines', async () => {
    const { pay } = await import('../orders/order-fixtures');
    const order = expectOk(await t.http().post('/api/app/orders').set(bearer(w.customerToken)).send(booking(w, { startAt: new Date(Math.ceil((Date.now() + 40 * 3600_000) / 1800_000) * 1800_000).toISOString() })));
    await pay(t, order.id);
    expectOk(await t.http().post(`/api/admin/orders/${order.id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '距离近' }));
    expectOk(await t.http().post(`/api/escort/orders/${order.id}/decline`).set(bearer(w.escortToken)).send({ reason: '时间冲突' }));
    const inbox = expectOk(await t.http().get('/api/admin/notifications').set(bearer(w.opsToken)));
    expect(inbox.list.find((n: any) => n.orderId === order.id)).toMatchObject({ title: '陪诊师拒单' });
    const detail = expectOk(await t.http().get(`/api/admin/orders/${order.id}`).set(bearer(w.opsToken)));
    expect(detail).toMatchObject({ status: 'pending_dispatch', escortId: null });
  });
});
