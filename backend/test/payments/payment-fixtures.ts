import { bearer, expectOk } from '../helpers/http';
import { TestApp } from '../helpers/test-app';
import { createOrder, orderWorld, OrderWorld } from '../orders/order-fixtures';
import { PaymentGatewayProvider } from '../../src/modules/payments/payment-gateway.provider';
import { NotificationTransport, SandboxDelivery, SandboxPayChannel } from '../../src/modules/payments/sandbox-pay-channel';
import { PaymentService } from '../../src/modules/payments/payment.service';
import { RefundService } from '../../src/modules/payments/refund.service';
import { PaymentNotificationService } from '../../src/modules/payments/payment-notification.service';
import { PaymentJobs } from '../../src/modules/payments/payment-jobs';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Refund } from '../../src/modules/payments/refund.entity';
import { PaymentEvent } from '../../src/modules/payments/payment-event.entity';
import { Order } from '../../src/modules/orders/order.entity';
import { OrderStatusLog } from '../../src/modules/orders/order-status-log.entity';
import { SYSTEM_ACTOR, OrderActor } from '../../src/modules/orders/order.service';

/**
 * Delivers the sandbox's callbacks to the app in process, byte for byte (the tests never listen
 * on a port): the same headers and body WeChat would POST to the notify URL.
 */
export function inProcessTransport(t: TestApp): NotificationTransport {
  return async (url, req) => {
    const res = await t.http().post(new URL(url).pathname).set(req.headers).send(req.body);
    return { status: res.status, body: res.text };
  };
}

export interface PaymentWorld extends OrderWorld {
  channel: SandboxPayChannel;
  payments: PaymentService;
  refunds: RefundService;
  notifications: PaymentNotificationService;
  jobs: PaymentJobs;
  provider: PaymentGatewayProvider;
}

export async function paymentWorld(t: TestApp): Promise<PaymentWorld> {
  const w = await orderWorld(t);
  const ctx = t.app.getApplicationContext();
  const provider = await ctx.getAsync(PaymentGatewayProvider);
  const channel = provider.sandbox;
  if (!channel) throw new Error('the sandbox channel is not active in tests');
  channel.transport = inProcessTransport(t);
  // No timers in tests: a test that wants a retry calls redeliverPending() (or sets its own delays).
  channel.retryDelaysMs = [];
  return {
    ...w,
    channel,
    provider,
    payments: await ctx.getAsync(PaymentService),
    refunds: await ctx.getAsync(RefundService),
    notifications: await ctx.getAsync(PaymentNotificationService),
    jobs: await ctx.getAsync(PaymentJobs),
  };
}

export const STAFF_ACTOR: OrderActor = { type: 'staff', id: 1, name: '财务', cityIds: null, permissions: new Set() };
export { SYSTEM_ACTOR };

/** The customer taps "pay": POST /api/app/orders/:id/pay. */
export async function startPay(t: TestApp, w: PaymentWorld, orderId: number, token = w.customerToken) {
  return expectOk(await t.http().post(`/api/app/orders/${orderId}/pay`).set(bearer(token)));
}

/** The payer confirms in the sandbox cashier; the sandbox sends the callback and answers how it went. */
export async function confirmInSandbox(t: TestApp, sandboxPayUrl: string) {
  return expectOk(await t.http().post(sandboxPayUrl));
}

/** An order created, prepaid and paid through the sandbox (callback applied). */
export async function paidOrder(t: TestApp, w: PaymentWorld, overrides: Record<string, unknown> = {}) {
  const order = await createOrder(t, w, overrides);
  const start = await startPay(t, w, order.id);
  const paid = await confirmInSandbox(t, start.sandboxPayUrl);
  if (!paid.notification.delivered) throw new Error(`callback not accepted: ${JSON.stringify(paid.notification)}`);
  return { order, start, paid };
}

export function lastDelivery(w: PaymentWorld, kind: SandboxDelivery['kind'] = 'transaction'): SandboxDelivery {
  const d = [...w.channel.deliveries].reverse().find(x => x.kind === kind);
  if (!d) throw new Error(`no ${kind} callback sent yet`);
  return d;
}

/** Sends a callback (captured, or crafted) to one of our notify endpoints, as WeChat would. */
export function postCallback(t: TestApp, kind: 'transaction' | 'refund', n: { headers: Record<string, string>; body: string }) {
  const path = kind === 'transaction' ? '/api/open/payments/wechat/notify' : '/api/open/payments/wechat/refund-notify';
  return t.http().post(path).set(n.headers).send(n.body);
}

export const repos = (t: TestApp) => ({
  payments: t.dataSource.getRepository(Payment),
  refunds: t.dataSource.getRepository(Refund),
  events: t.dataSource.getRepository(PaymentEvent),
  orders: t.dataSource.getRepository(Order),
  logs: t.dataSource.getRepository(OrderStatusLog),
});
