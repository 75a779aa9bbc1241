import type { TicketPriority } from '../settings/settings-defaults';

/**
 * Tickets: types, statuses and the one table of who may move a ticket where.
 *
 *   open ──start / first staff reply──▶ in_progress ──resolve──▶ resolved ──close──▶ closed
 *     └────────────────resolve─────────────────────────▲   ▲          │                │
 *                                                          └─ reopen (within N days of resolving) ─┘ → open
 */
export const TICKET_TYPES = ['service_complaint', 'app_problem', 'suggestion', 'billing'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_TYPE_LABELS: Record<TicketType, string> = {
  service_complaint: '服务投诉',
  app_problem: '使用问题',
  suggestion: '建议',
  billing: '费用问题',
};

export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已关闭',
};

export const TICKET_PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

export type TicketAction = 'start' | 'resolve' | 'close' | 'reopen';
export type TicketActorType = 'staff' | 'opener';

export const TICKET_TRANSITIONS: Record<TicketAction, { from: TicketStatus[]; to: TicketStatus; actors: TicketActorType[]; label: string }> = {
  start: { from: ['open'], to: 'in_progress', actors: ['staff'], label: '开始处理' },
  resolve: { from: ['open', 'in_progress'], to: 'resolved', actors: ['staff'], label: '解决' },
  close: { from: ['resolved'], to: 'closed', actors: ['staff', 'opener'], label: '关闭' },
  reopen: { from: ['resolved', 'closed'], to: 'open', actors: ['staff', 'opener'], label: '重新打开' },
};

export type TransitionCheck = { ok: true; to: TicketStatus } | { ok: false; reason: 'wrong_status' | 'not_allowed' | 'reopen_window_passed' };

/** Whether `actor` may take `action` on a ticket in `status`; reopening also needs the window still open. */
export function checkTicketTransition(
  action: TicketAction,
  status: TicketStatus,
  actor: TicketActorType,
  context: { resolvedAt?: Date | null; reopenDays?: number; now?: Date } = {}
): TransitionCheck {
  const rule = TICKET_TRANSITIONS[action];
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'not_allowed' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'wrong_status' };
  if (action === 'reopen' && !withinReopenWindow(context.resolvedAt ?? null, context.reopenDays ?? 0, context.now ?? new Date())) {
    return { ok: false, reason: 'reopen_window_passed' };
  }
  return { ok: true, to: rule.to };
}

/** A ticket may be reopened until `reopenDays` whole days after it was resolved. */
export function withinReopenWindow(resolvedAt: Date | null, reopenDays: number, now: Date): boolean {
  if (!resolvedAt) return false;
  return now.getTime() < resolvedAt.getTime() + reopenDays * 86_400_000;
}

/** Actions the actor could take now (the console shows these as buttons). */
export function availableTicketActions(status: TicketStatus, actor: TicketActorType, resolvedAt: Date | null, reopenDays: number, now = new Date()): TicketAction[] {
  return (Object.keys(TICKET_TRANSITIONS) as TicketAction[]).filter(a => checkTicketTransition(a, status, actor, { resolvedAt, reopenDays, now }).ok);
}

// ---------------------------------------------------------------- SLA

/** When the first answer is due: opened + the priority's hours. */
export function slaDueAt(openedAt: Date, priority: TicketPriority, hours: Record<TicketPriority, number>): Date {
  return new Date(openedAt.getTime() + hours[priority] * 3_600_000);
}

/**
 * met = answered in time; breached = answered, but late; overdue = not answered and past due;
 * due_soon = not answered, less than a quarter of the allowance (at most an hour) left;
 * pending = not answered, time left. Resolving counts as answering (it sets firstRespondedAt).
 */
export type SlaState = 'met' | 'breached' | 'overdue' | 'due_soon' | 'pending';
export const SLA_STATE_LABELS: Record<SlaState, string> = {
  met: '按时响应',
  breached: '响应超时',
  overdue: '已超时',
  due_soon: '即将超时',
  pending: '待响应',
};

export function slaState(t: { createdAt: Date; slaDueAt: Date; firstRespondedAt: Date | null; status: TicketStatus }, now: Date): SlaState {
  const due = t.slaDueAt.getTime();
  if (t.firstRespondedAt) return t.firstRespondedAt.getTime() <= due ? 'met' : 'breached';
  if (now.getTime() > due) return 'overdue';
  const allowance = due - t.createdAt.getTime();
  const soon = Math.min(allowance / 4, 3_600_000);
  return due - now.getTime() <= soon ? 'due_soon' : 'pending';
}

/** Minutes until the first answer is due (negative when overdue); null once answered. */
export function slaMinutesLeft(t: { slaDueAt: Date; firstRespondedAt: Date | null }, now: Date): number | null {
  if (t.firstRespondedAt) return null;
  return Math.floor((t.slaDueAt.getTime() - now.getTime()) / 60_000);
}

/** TK + yymmddHHMM (Shanghai) + 4 random digits. */
export function newTicketNo(now: Date, random: number): string {
  const sh = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  const stamp = sh.slice(2, 4) + sh.slice(5, 7) + sh.slice(8, 10) + sh.slice(11, 13) + sh.slice(14, 16);
  return `TK${stamp}${String(random).padStart(4, '0')}`;
}

// ---------------------------------------------------------------- the opener's view of the thread

/**
 * Event texts written by the service. Staff see every event; the opener (customer or escort) sees
 * only what happened to their request: not who on staff handles it, not its internal priority, and
 * not a penalty charged to the escort (that is between the platform and the escort).
 */
export const EVENT_TEXT = {
  assigned: (staffName: string) => `指派给 ${staffName}`,
  priority: (priority: string) => `优先级调整为 ${priority}`,
  resolved: (compensationFen: number, penaltyFen: number) => {
    const extras = [compensationFen > 0 ? `赔偿 ${(compensationFen / 100).toFixed(2)} 元` : '', penaltyFen > 0 ? `处罚陪诊师 ${(penaltyFen / 100).toFixed(2)} 元` : ''].filter(Boolean);
    return `已解决${extras.length ? `（${extras.join('，')}）` : ''}`;
  },
};

const STAFF_ONLY_EVENT = /^(指派给 |优先级调整为 )/;
const PENALTY_PART = /^处罚陪诊师 /;

export interface ThreadMessage {
  kind: string;
  authorType: string;
  authorName: string;
  content: string;
}

/**
 * One message as the opener may see it, or null when it is for staff only: internal notes,
 * assignment and priority events are dropped, a penalty is cut out of the resolution event, and
 * staff names show as 客服. Applied when reading, so rows written before this rule are covered too.
 */
export function forOpener<M extends ThreadMessage>(m: M): M | null {
  if (m.kind !== 'reply' && m.kind !== 'event') return null;
  let content = m.content;
  if (m.kind === 'event' && m.authorType !== 'customer' && m.authorType !== 'escort') {
    if (STAFF_ONLY_EVENT.test(content)) return null;
    const resolved = content.match(/^已解决（(.*)）$/);
    if (resolved) {
      const parts = resolved[1].split('，').filter(p => !PENALTY_PART.test(p));
      content = `已解决${parts.length ? `（${parts.join('，')}）` : ''}`;
    }
  }
  return { ...m, content, authorName: m.authorType === 'staff' ? '客服' : m.authorName };
}
