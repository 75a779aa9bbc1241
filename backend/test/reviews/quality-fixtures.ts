import { bearer, expectOk } from '../helpers/http';
import { staffToken, TestApp } from '../helpers/test-app';
import { paidOrder, paymentWorld, PaymentWorld } from '../payments/payment-fixtures';
import { startIn } from '../orders/order-fixtures';

export interface QualityWorld extends PaymentWorld {
  supportToken: string;
}

export async function qualityWorld(t: TestApp): Promise<QualityWorld> {
  const w = await paymentWorld(t);
  return { ...w, supportToken: await staffToken(t, 'support') };
}

let slot = 0;
/** Each order of a test run gets its own start, so one escort can take them all. */
export function nextStart(): string {
  slot += 1;
  return startIn(26 * 60 + slot * 180).toISOString();
}

/** An order paid through the sandbox, served by the escort and completed (staff completion). */
export async function completedOrder(t: TestApp, w: QualityWorld, overrides: Record<string, unknown> = {}) {
  const { order } = await paidOrder(t, w, { startAt: nextStart(), ...overrides });
  expectOk(await t.http().post(`/api/admin/orders/${order.id}/assign`).set(bearer(w.opsToken)).send({ escortId: w.escortId, reason: '测试' }));
  expectOk(await t.http().post(`/api/escort/orders/${order.id}/accept`).set(bearer(w.escortToken)));
  expectOk(await t.http().post(`/api/escort/orders/${order.id}/start`).set(bearer(w.escortToken)));
  expectOk(await t.http().post(`/api/admin/orders/${order.id}/complete`).set(bearer(w.opsToken)).send({ reason: '客户确认完成' }));
  return order;
}

export const FIVE = { overall: 5, attitude: 5, professionalism: 5, communication: 5, punctuality: 5 };
export const XSS = '<img src=x onerror=alert(1)> <script>alert(1)</script>';

export function review(overrides: Record<string, unknown> = {}) {
  return { ...FIVE, tags: ['耐心细致'], content: '陪诊师很专业，全程陪同挂号、检查。', ...overrides };
}
