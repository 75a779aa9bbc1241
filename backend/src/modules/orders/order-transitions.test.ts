import { availableActions, checkTransition, ORDER_ACTIONS, ORDER_STATUSES, ORDER_TRANSITIONS, TERMINAL_STATUSES } from './order-transitions';

const staff = (...perms: string[]) => ({ type: 'staff' as const, permissions: new Set(perms) });

describe('the order transition table', () => {
  it('names only known statuses', () => {
    for (const rule of Object.values(ORDER_TRANSITIONS)) {
      expect(ORDER_STATUSES).toContain(rule.to);
      rule.from.forEach(s => expect(ORDER_STATUSES).toContain(s));
    }
  });
  it('lets nothing leave a terminal status', () => {
    for (const status of TERMINAL_STATUSES) {
      for (const type of ['customer', 'escort', 'system'] as const) expect(availableActions(status, { type })).toEqual([]);
      expect(availableActions(status, staff('order:write', 'order:dispatch'))).toEqual([]);
    }
  });
  it('lets every non-terminal status go somewhere', () => {
    for (const status of ORDER_STATUSES.filter(s => !TERMINAL_STATUSES.includes(s))) {
      expect(ORDER_ACTIONS.some(a => ORDER_TRANSITIONS[a].from.includes(status))).toBe(true);
    }
  });
  it('lets only the system record a payment', () => {
    expect(checkTransition('pay', 'pending_payment', { type: 'system' })).toEqual({ ok: true, to: 'pending_dispatch' });
    expect(checkTransition('pay', 'pending_payment', { type: 'customer' })).toEqual({ ok: false, reason: 'actor_not_allowed' });
    expect(checkTransition('pay', 'pending_payment', staff('order:write'))).toEqual({ ok: false, reason: 'actor_not_allowed' });
  });
  it('refuses a payment for an order that is no longer pending payment', () => {
    expect(checkTransition('pay', 'cancelled', { type: 'system' })).toEqual({ ok: false, reason: 'wrong_status' });
    expect(checkTransition('pay', 'closed', { type: 'system' })).toEqual({ ok: false, reason: 'wrong_status' });
  });
  it('needs the dispatch permission for staff to assign', () => {
    expect(checkTransition('assign', 'pending_dispatch', staff('order:write'))).toEqual({ ok: false, reason: 'permission_missing' });
    expect(checkTransition('assign', 'pending_dispatch', staff('order:dispatch'))).toEqual({ ok: true, to: 'dispatched' });
  });
  it('lets escorts move their own work forward but never cancel', () => {
    expect(availableActions('dispatched', { type: 'escort' })).toEqual(['accept', 'decline']);
    expect(availableActions('accepted', { type: 'escort' })).toEqual(['depart', 'start']);
    expect(availableActions('in_service', { type: 'escort' })).toEqual(['complete']);
    expect(availableActions('pending_dispatch', { type: 'escort' })).toEqual([]);
  });
  it('lets a customer cancel before the service starts, not after', () => {
    expect(availableActions('accepted', { type: 'customer' })).toEqual(['cancel_paid', 'cancel_forfeit']);
    expect(availableActions('in_service', { type: 'customer' })).toEqual(['complete']);
  });
});
