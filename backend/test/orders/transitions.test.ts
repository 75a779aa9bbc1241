import { startTestApp, TestApp } from '../helpers/test-app';
import { createOrder, orderWorld, OrderWorld, services } from './order-fixtures';
import { Order } from '../../src/modules/orders/order.entity';
import { OrderStatusLog } from '../../src/modules/orders/order-status-log.entity';
import { ORDER_ACTIONS, ORDER_STATUSES, ORDER_TRANSITIONS, OrderActorType, checkTransition } from '../../src/modules/orders/order-transitions';
import { OrderActor } from '../../src/modules/orders/order.service';
import { AppError } from '../../src/common/errors';

jest.setTimeout(300_000);

/**
 * Every (status, action, actor) combination against the real database: the table's answer is
 * what `transition()` does, an allowed move changes the row and logs it, a forbidden one changes
 * nothing.
 */
describe('OrderService.transition on every status, action and actor', () => {
  let t: TestApp;
  let w: OrderWorld;
  let orderId: number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await orderWorld(t);
    orderId = (await createOrder(t, w)).id;
  });
  afterAll(() => t.close());

  const actors: Record<string, OrderActor> = {
    customer: { type: 'customer', id: 0, name: '客户' },
    escort: { type: 'escort', id: 0, name: '陪诊师' },
    system: { type: 'system', id: null, name: '系统' },
    'staff with every order permission': { type: 'staff', id: 1, name: '运营', permissions: new Set(['order:read', 'order:write', 'order:dispatch']), cityIds: null },
    'staff without order permissions': { type: 'staff', id: 2, name: '财务', permissions: new Set(['order:read']), cityIds: null },
  };

  const cases = ORDER_STATUSES.flatMap(status => ORDER_ACTIONS.flatMap(action => Object.keys(actors).map(actor => [status, action, actor] as const)));

  it(`covers ${ORDER_STATUSES.length} statuses × ${ORDER_ACTIONS.length} actions × 5 actors`, async () => {
    const orders = await services(t).orders();
    const repo = t.dataSource.getRepository(Order);
    const logs = t.dataSource.getRepository(OrderStatusLog);
    let allowed = 0;
    for (const [status, action, actorName] of cases) {
      const base = actors[actorName];
      await repo.update({ id: orderId }, { status });
      const order = await repo.findOneByOrFail({ id: orderId });
      const actor = { ...base, id: base.type === 'customer' ? order.customerId : base.id } as OrderActor;
      const expected = checkTransition(action, status, { type: actor.type as OrderActorType, permissions: actor.permissions });
      const logsBefore = await logs.count({ where: { orderId } });
      let error: unknown = null;
      try {
        await t.dataSource.transaction(m => orders.transition(m, order, action, actor));
      } catch (err) {
        error = err;
      }
      const after = await repo.findOneByOrFail({ id: orderId });
      const logsAfter = await logs.count({ where: { orderId } });
      const label = `${status} --${action}--> by ${actorName}`;
      if (expected.ok) {
        allowed++;
        expect({ label, error, status: after.status, logged: logsAfter - logsBefore }).toEqual({ label, error: null, status: ORDER_TRANSITIONS[action].to, logged: 1 });
      } else {
        const code = expected.reason === 'wrong_status' ? 'ORDER_INVALID_TRANSITION' : 'ORDER_ACTION_FORBIDDEN';
        expect({ label, code: (error as AppError)?.code, status: after.status, logged: logsAfter - logsBefore }).toEqual({ label, code, status, logged: 0 });
      }
    }
    // The table really allows some moves and forbids most: the test is not vacuous either way.
    expect(allowed).toBeGreaterThan(20);
    expect(cases.length - allowed).toBeGreaterThan(500);
  });

  it('refuses a transition whose expected status is stale (the compare-and-swap)', async () => {
    const orders = await services(t).orders();
    const repo = t.dataSource.getRepository(Order);
    await repo.update({ id: orderId }, { status: 'pending_payment' });
    const stale = await repo.findOneByOrFail({ id: orderId });
    await repo.update({ id: orderId }, { status: 'cancelled' });
    await expect(t.dataSource.transaction(m => orders.transition(m, stale, 'pay', actors.system))).rejects.toMatchObject({ code: 'ORDER_INVALID_TRANSITION', status: 409 });
    expect((await repo.findOneByOrFail({ id: orderId })).status).toBe('cancelled');
  });
});
