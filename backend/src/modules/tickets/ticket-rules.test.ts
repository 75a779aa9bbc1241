import { availableTicketActions, checkTicketTransition, newTicketNo, slaDueAt, slaMinutesLeft, slaState, withinReopenWindow } from './ticket-rules';

const HOURS = { urgent: 1, high: 4, normal: 24, low: 72 };
const t0 = new Date('2025-03-01T02:00:00Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

describe('ticket states', () => {
  it('lets staff start, resolve, close and reopen, and the opener only close and reopen', () => {
    expect(checkTicketTransition('start', 'open', 'staff')).toEqual({ ok: true, to: 'in_progress' });
    expect(checkTicketTransition('resolve', 'in_progress', 'staff')).toEqual({ ok: true, to: 'resolved' });
    expect(checkTicketTransition('resolve', 'open', 'opener')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(checkTicketTransition('close', 'resolved', 'opener')).toEqual({ ok: true, to: 'closed' });
    expect(checkTicketTransition('close', 'open', 'staff')).toEqual({ ok: false, reason: 'wrong_status' });
  });

  it('reopens a resolved or closed ticket only within the window after resolving', () => {
    const resolvedAt = t0;
    expect(checkTicketTransition('reopen', 'closed', 'opener', { resolvedAt, reopenDays: 7, now: hours(24 * 7 - 1) })).toEqual({ ok: true, to: 'open' });
    expect(checkTicketTransition('reopen', 'closed', 'opener', { resolvedAt, reopenDays: 7, now: hours(24 * 7) })).toEqual({ ok: false, reason: 'reopen_window_passed' });
    expect(checkTicketTransition('reopen', 'in_progress', 'staff', { resolvedAt, reopenDays: 7, now: t0 })).toEqual({ ok: false, reason: 'wrong_status' });
    expect(withinReopenWindow(null, 7, t0)).toBe(false);
  });

  it('lists the actions an actor can take now', () => {
    expect(availableTicketActions('open', 'staff', null, 7, t0)).toEqual(['start', 'resolve']);
    expect(availableTicketActions('resolved', 'opener', t0, 7, hours(1))).toEqual(['close', 'reopen']);
    expect(availableTicketActions('closed', 'opener', t0, 7, hours(24 * 8))).toEqual([]);
  });
});

describe('ticket SLA', () => {
  it('makes the first answer due by the priority’s hours', () => {
    expect(slaDueAt(t0, 'urgent', HOURS)).toEqual(hours(1));
    expect(slaDueAt(t0, 'normal', HOURS)).toEqual(hours(24));
  });

  it('calls an unanswered ticket pending, then due soon, then overdue', () => {
    const t = { createdAt: t0, slaDueAt: hours(24), firstRespondedAt: null, status: 'open' as const };
    expect(slaState(t, hours(1))).toBe('pending');
    expect(slaState(t, hours(23.5))).toBe('due_soon');
    expect(slaState(t, hours(25))).toBe('overdue');
    expect(slaMinutesLeft(t, hours(23))).toBe(60);
    expect(slaMinutesLeft(t, hours(25))).toBe(-60);
  });

  it('judges an answered ticket by when the answer came', () => {
    expect(slaState({ createdAt: t0, slaDueAt: hours(4), firstRespondedAt: hours(3), status: 'in_progress' }, hours(10))).toBe('met');
    expect(slaState({ createdAt: t0, slaDueAt: hours(4), firstRespondedAt: hours(5), status: 'in_progress' }, hours(10))).toBe('breached');
    expect(slaMinutesLeft({ slaDueAt: hours(4), firstRespondedAt: hours(3) }, hours(10))).toBeNull();
  });

  it('numbers tickets by Shanghai time', () => {
    expect(newTicketNo(t0, 42)).toBe('TK25030110000042');
  });
});
