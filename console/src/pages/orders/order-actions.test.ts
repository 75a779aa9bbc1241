import {
  ORDER_STATUSES as BACKEND_STATUSES,
  availableActions,
  type OrderStatus as BackendStatus,
} from '../../../../backend/src/modules/orders/order-transitions';
import { STAFF_ROLES } from '../../../../backend/src/modules/users/roles';
import access from '@/access';
import { canRedispatch, orderButtons, type OrderButtonAccess } from './order-actions';

const ALL: OrderButtonAccess = { canWriteOrders: true, canDispatchOrders: true };
const NONE: OrderButtonAccess = { canWriteOrders: false, canDispatchOrders: false };

/** What the drawer shows a role for an order in `status`, the backend deciding availableActions. */
function buttonsFor(role: keyof typeof STAFF_ROLES, status: BackendStatus) {
  const permissions: string[] = [...STAFF_ROLES[role].permissions];
  const flags = access({
    currentUser: { id: 1, username: role, displayName: role, roles: [], permissions, cityIds: [], allCities: false },
  });
  const actions = availableActions(status, { type: 'staff', permissions: new Set(permissions) });
  return orderButtons({ status, availableActions: actions }, flags);
}

describe('orderButtons', () => {
  it('offers dispatch, reschedule, cancel and a note on a paid order waiting for an escort', () => {
    expect(orderButtons({ status: 'pending_dispatch', availableActions: ['assign', 'cancel_paid', 'cancel_forfeit'] }, ALL)).toEqual([
      'assign',
      'reschedule',
      'cancel',
      'note',
    ]);
  });

  it('offers 改派 rather than 派单 once an escort has the order', () => {
    const buttons = orderButtons({ status: 'accepted', availableActions: ['reassign', 'redispatch', 'cancel_paid'] }, ALL);
    expect(buttons).toContain('reassign');
    expect(buttons).not.toContain('assign');
  });

  it('offers 人工完成 only while the service runs, and no reschedule then', () => {
    expect(orderButtons({ status: 'in_service', availableActions: ['complete'] }, ALL)).toEqual(['complete', 'note']);
  });

  it('leaves only notes on a finished order', () => {
    expect(orderButtons({ status: 'completed', availableActions: [] }, ALL)).toEqual(['note']);
  });

  it('hides every button from a read-only user even if the detail lists actions', () => {
    expect(orderButtons({ status: 'pending_dispatch', availableActions: ['assign', 'cancel_paid'] }, NONE)).toEqual([]);
  });

  it('does not offer dispatch without order:dispatch, nor writes without order:write', () => {
    const support = { canWriteOrders: true, canDispatchOrders: false };
    expect(orderButtons({ status: 'pending_dispatch', availableActions: ['assign', 'cancel_paid'] }, support)).toEqual([
      'reschedule',
      'cancel',
      'note',
    ]);
    const dispatcher = { canWriteOrders: false, canDispatchOrders: true };
    expect(orderButtons({ status: 'pending_dispatch', availableActions: ['assign', 'cancel_paid'] }, dispatcher)).toEqual(['assign']);
  });

  it('never shows a button the backend did not list, for any status and role', () => {
    for (const role of Object.keys(STAFF_ROLES) as (keyof typeof STAFF_ROLES)[]) {
      for (const status of BACKEND_STATUSES) {
        const permissions = new Set<string>(STAFF_ROLES[role].permissions);
        const actions = availableActions(status, { type: 'staff', permissions });
        const buttons = buttonsFor(role, status);
        if (buttons.includes('assign')) expect(actions).toContain('assign');
        if (buttons.includes('reassign')) expect(actions).toContain('reassign');
        if (buttons.includes('complete')) expect(actions).toContain('complete');
        if (buttons.includes('cancel')) expect(actions.some((a) => a.startsWith('cancel_'))).toBe(true);
        if (buttons.length > 0) expect(permissions.has('order:write') || permissions.has('order:dispatch')).toBe(true);
      }
    }
  });

  it('gives each role what its permissions promise, with availableActions from the real transition table', () => {
    expect(buttonsFor('finance', 'pending_dispatch')).toEqual([]);
    expect(buttonsFor('support', 'pending_dispatch')).toEqual(['reschedule', 'cancel', 'note']);
    expect(buttonsFor('ops', 'pending_dispatch')).toEqual(['assign', 'reschedule', 'cancel', 'note']);
    expect(buttonsFor('ops', 'dispatched')).toEqual(['reassign', 'reschedule', 'cancel', 'note']);
    expect(buttonsFor('admin', 'pending_payment')).toEqual(['reschedule', 'cancel', 'note']);
    expect(buttonsFor('admin', 'departed')).toEqual(['cancel', 'note']);
    expect(buttonsFor('admin', 'in_service')).toEqual(['complete', 'note']);
    expect(buttonsFor('admin', 'refunding')).toEqual(['note']);
  });
});

describe('canRedispatch', () => {
  it('needs both the redispatch transition and order:dispatch', () => {
    expect(canRedispatch(['reassign', 'redispatch'], ALL)).toBe(true);
    expect(canRedispatch(['reassign', 'redispatch'], { canWriteOrders: true, canDispatchOrders: false })).toBe(false);
    expect(canRedispatch(['assign'], ALL)).toBe(false);
  });
});
