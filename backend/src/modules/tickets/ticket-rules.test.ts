import { availableTicketActions, checkTicketTransition, EVENT_TEXT, forOpener, newTicketNo, slaDueAt, slaMinutesLeft, slaState, withinReopenWindow } from './ticket-rules';

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

describe('the opener\'s view of the thread', () => {
  const staff = (kind: string, content: string) => ({ kind, authorType: 'staff', authorName: '客服专员', content });

  it('drops internal notes, assignment and priority events, and shows staff as 客服', () => {
    expect(forOpener(staff('note', '内部：客户情绪激动'))).toBeNull();
    expect(forOpener(staff('event', EVENT_TEXT.assigned('王主管')))).toBeNull();
    expect(forOpener(staff('event', EVENT_TEXT.priority('urgent')))).toBeNull();
    expect(forOpener(staff('reply', '您好，已为您核实'))).toEqual({ kind: 'reply', authorType: 'staff', authorName: '客服', content: '您好，已为您核实' });
    expect(forOpener(staff('event', '开始处理'))).toMatchObject({ content: '开始处理', authorName: '客服' });
  });

  it('cuts the escort penalty out of the resolution event and keeps the compensation', () => {
    expect(forOpener(staff('event', EVENT_TEXT.resolved(2000, 5000)))?.content).toBe('已解决（赔偿 20.00 元）');
    expect(forOpener(staff('event', EVENT_TEXT.resolved(0, 5000)))?.content).toBe('已解决');
    expect(forOpener(staff('event', EVENT_TEXT.resolved(0, 0)))?.content).toBe('已解决');
    expect(EVENT_TEXT.resolved(2000, 5000)).toBe('已解决（赔偿 20.00 元，处罚陪诊师 50.00 元）');
  });

  it('leaves the opener\'s own words alone, even when they look like an event', () => {
    const own = { kind: 'reply', authorType: 'customer', authorName: '客户', content: '指派给 谁都行，处罚陪诊师 1 元' };
    expect(forOpener(own)).toEqual(own);
    expect(forOpener({ ...own, kind: 'event', content: '重新打开：指派给 别人' })).toMatchObject({ content: '重新打开：指派给 别人' });
  });
});
