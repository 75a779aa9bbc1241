/**
 * Labels, colours and button rules for the quality pages, as plain functions (tested without
 * rendering). One map per enum, as the backend's codes arrive.
 */
export type TagStyle = { label: string; color: string };

export const TICKET_STATUS: Record<string, TagStyle> = {
  open: { label: '待处理', color: 'orange' },
  in_progress: { label: '处理中', color: 'blue' },
  resolved: { label: '已解决', color: 'green' },
  closed: { label: '已关闭', color: 'default' },
};

export const TICKET_TYPE: Record<string, TagStyle> = {
  service_complaint: { label: '服务投诉', color: 'red' },
  app_problem: { label: '使用问题', color: 'purple' },
  suggestion: { label: '建议', color: 'cyan' },
  billing: { label: '费用问题', color: 'gold' },
};

export const TICKET_PRIORITY: Record<string, TagStyle> = {
  urgent: { label: '紧急', color: 'red' },
  high: { label: '高', color: 'volcano' },
  normal: { label: '普通', color: 'blue' },
  low: { label: '低', color: 'default' },
};

export const SLA_STATE: Record<string, TagStyle> = {
  overdue: { label: '已超时', color: 'red' },
  due_soon: { label: '即将超时', color: 'orange' },
  pending: { label: '待响应', color: 'blue' },
  met: { label: '按时响应', color: 'green' },
  breached: { label: '响应超时', color: 'magenta' },
};

export const REVIEW_STATUS: Record<string, TagStyle> = {
  visible: { label: '显示中', color: 'green' },
  hidden: { label: '已隐藏', color: 'default' },
};

export const HIDE_REASONS: Record<string, string> = {
  abuse: '辱骂或人身攻击',
  personal_data: '含个人隐私信息',
  spam: '广告或刷评',
  irrelevant: '与服务无关',
  other: '其他',
};

export const CREDIT_STATUS: Record<string, TagStyle> = {
  normal: { label: '正常', color: 'green' },
  warned: { label: '已警告', color: 'orange' },
  suspended: { label: '已封禁', color: 'red' },
};

export const KB_AUDIENCE: Record<string, TagStyle> = {
  customer: { label: '帮助中心', color: 'blue' },
  staff: { label: '内部', color: 'purple' },
  escort: { label: '陪诊师培训', color: 'cyan' },
};

export const KB_STATUS: Record<string, TagStyle> = {
  draft: { label: '草稿', color: 'default' },
  published: { label: '已发布', color: 'green' },
  archived: { label: '已下线', color: 'orange' },
};

/** "还剩 2 小时 5 分" / "超时 40 分" / "已响应", from the backend's minutes left. */
export function slaText(minutesLeft: number | null | undefined): string {
  if (minutesLeft === null || minutesLeft === undefined) return '已响应';
  const abs = Math.abs(minutesLeft);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const span = h > 0 ? `${h} 小时${m ? ` ${m} 分` : ''}` : `${m} 分`;
  return minutesLeft < 0 ? `超时 ${span}` : `还剩 ${span}`;
}

/** ★★★★☆ for a 1-5 rating. */
export function stars(n: number | null | undefined): string {
  if (!n) return '—';
  const k = Math.max(0, Math.min(5, Math.round(n)));
  return '★'.repeat(k) + '☆'.repeat(5 - k);
}

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v}%`;
}

export function average(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(2);
}

export type TicketButton = 'start' | 'resolve' | 'close' | 'reopen';
export const TICKET_BUTTON_LABEL: Record<TicketButton, string> = { start: '开始处理', resolve: '解决', close: '关闭', reopen: '重新打开' };

/** The backend says which actions the ticket allows; only staff who may write tickets see them. */
export function ticketButtons(availableActions: string[], canWrite: boolean): TicketButton[] {
  if (!canWrite) return [];
  return (['start', 'resolve', 'close', 'reopen'] as TicketButton[]).filter((a) => availableActions.includes(a));
}

/** Compensation and penalties only make sense for complaints and billing tickets with an order. */
export function canCompensate(t: { type: string; orderId: number | null }): boolean {
  return (t.type === 'service_complaint' || t.type === 'billing') && t.orderId !== null;
}

/** The text inserted into a reply when support picks a knowledge-base article. */
export function articleSnippet(a: { title: string; summary: string; id: number }): string {
  return `【${a.title}】${a.summary ? a.summary : ''}（帮助中心文章 #${a.id}）`;
}

/** Review moderation buttons. */
export function reviewButtons(status: string, canModerate: boolean): ('hide' | 'restore' | 'reply')[] {
  if (!canModerate) return [];
  return status === 'visible' ? ['hide', 'reply'] : ['restore', 'reply'];
}

/** Credit buttons by standing. */
export function creditButtons(status: string, canWrite: boolean): ('adjust' | 'behaviour' | 'warn' | 'suspend' | 'restore')[] {
  if (!canWrite) return [];
  const base: ('adjust' | 'behaviour' | 'warn' | 'suspend' | 'restore')[] = ['adjust', 'behaviour'];
  if (status === 'normal') return [...base, 'warn', 'suspend'];
  if (status === 'warned') return [...base, 'suspend', 'restore'];
  return [...base, 'restore'];
}
