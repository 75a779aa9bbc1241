/**
 * 我的反馈 (the customer's tickets, docs/quality.md): the four types and the backend's enum, the
 * status labels, the new-ticket checks and body, the thread as the page shows it, and what the
 * customer may do now (reply, 确认解决, 重新打开 within the window). Tested without Taro.
 */

export type TicketType = 'service_complaint' | 'app_problem' | 'suggestion' | 'billing'
export type TicketStatus = 'open' | 'in_progress' | 'resolved' | 'closed'

export const TICKET_TYPES: { value: TicketType; label: string; hint: string }[] = [
  { value: 'service_complaint', label: '服务投诉', hint: '陪诊师迟到、态度、服务不到位等' },
  { value: 'app_problem', label: '使用问题', hint: '小程序打不开、支付、登录等问题' },
  { value: 'suggestion', label: '建议', hint: '希望增加的服务或功能' },
  { value: 'billing', label: '费用问题', hint: '收费、退款、补差款有疑问' },
]

export function ticketTypeLabel(type: string): string {
  return TICKET_TYPES.find((t) => t.value === type)?.label ?? '反馈'
}

export const TICKET_STATUS: Record<TicketStatus, { label: string; tone: 'warning' | 'primary' | 'success' | 'muted' }> = {
  open: { label: '待处理', tone: 'warning' },
  in_progress: { label: '处理中', tone: 'primary' },
  resolved: { label: '已解决', tone: 'success' },
  closed: { label: '已关闭', tone: 'muted' },
}

export function ticketStatus(status: string): { label: string; tone: 'warning' | 'primary' | 'success' | 'muted' } {
  return TICKET_STATUS[status as TicketStatus] ?? { label: status, tone: 'muted' }
}

export const TICKET_TEXT_MAX = 2000
export const TICKET_REPLY_MAX = 4000
export const TITLE_MAX = 30
/** The backend's settings.quality.reopenDays default; the backend decides, this is for the wording. */
export const REOPEN_DAYS = 7

export interface TicketDraft {
  type: TicketType | ''
  content: string
  orderId: number | null
}

export function validateTicket(draft: TicketDraft): string | null {
  if (!TICKET_TYPES.some((t) => t.value === draft.type)) return '请选择反馈类型'
  const text = draft.content.trim()
  if (!text) return '请描述遇到的问题'
  if (text.length < 5) return '请再多写几个字，方便客服了解情况'
  if (text.length > TICKET_TEXT_MAX) return `内容最多 ${TICKET_TEXT_MAX} 个字`
  return null
}

/**
 * The title the support inbox lists: the first line of what the customer wrote (the form asks
 * for one text only), cut to TITLE_MAX characters.
 */
export function ticketTitle(content: string): string {
  const first = content.trim().split(/\r?\n/)[0].trim()
  const chars = Array.from(first)
  return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX - 1).join('')}…` : first
}

export interface NewTicketBody {
  type: TicketType
  title: string
  content: string
  orderId?: number
}

export function ticketBody(draft: TicketDraft): NewTicketBody {
  const body: NewTicketBody = { type: draft.type as TicketType, title: ticketTitle(draft.content), content: draft.content.trim() }
  if (draft.orderId) body.orderId = draft.orderId
  return body
}

/** A prefilled type when the form opens from an order's 投诉/反馈 button or with ?type=. */
export function initialTicketType(param: string | undefined, fromOrder: boolean): TicketType | '' {
  if (param && TICKET_TYPES.some((t) => t.value === param)) return param as TicketType
  return fromOrder ? 'service_complaint' : ''
}

export interface ThreadMessage {
  id: number
  kind: string
  authorType: string
  authorName: string
  content: string
  photos?: string[]
  createdAt: string
}

export type ThreadItem =
  | { id: number; side: 'mine' | 'staff'; name: string; content: string; photos: string[]; at: string }
  | { id: number; side: 'event'; content: string; at: string }

/**
 * The conversation as bubbles: the customer's replies on the right, support's on the left (as
 * 客服), events as small centred lines. Anything else (an internal note, should one ever arrive)
 * is not shown.
 */
export function threadItems(messages: readonly ThreadMessage[]): ThreadItem[] {
  const items: ThreadItem[] = []
  for (const m of messages) {
    if (m.kind === 'event') items.push({ id: m.id, side: 'event', content: m.content, at: m.createdAt })
    else if (m.kind === 'reply') {
      const mine = m.authorType === 'customer'
      items.push({ id: m.id, side: mine ? 'mine' : 'staff', name: mine ? '我' : m.authorType === 'staff' ? '客服' : m.authorName || '客服', content: m.content, photos: m.photos ?? [], at: m.createdAt })
    }
  }
  return items
}

export interface TicketState {
  status: string
  resolvedAt: string | null
  availableActions: string[]
}

export interface TicketOffer {
  canReply: boolean
  canClose: boolean
  canReopen: boolean
  /** Until when reopening is possible (resolved or closed, still in the window). */
  reopenUntil: Date | null
  /** Why 重新打开 is not offered for a resolved or closed ticket. */
  reopenBlocked: string | null
}

/** What the detail offers, from the backend's availableActions (the backend decides; this words it). */
export function ticketOffer(t: TicketState, reopenDays = REOPEN_DAYS): TicketOffer {
  const ended = t.status === 'resolved' || t.status === 'closed'
  const canReopen = t.availableActions.includes('reopen')
  const until = t.resolvedAt ? new Date(new Date(t.resolvedAt).getTime() + reopenDays * 86_400_000) : null
  return {
    canReply: t.status === 'open' || t.status === 'in_progress',
    canClose: t.availableActions.includes('close'),
    canReopen,
    reopenUntil: ended && canReopen ? until : null,
    reopenBlocked: ended && !canReopen ? `已解决超过 ${reopenDays} 天，不能重新打开；如仍有问题，请提交新的反馈` : null,
  }
}

/** The ticket's order reference as a short line. */
export function orderLine(orderNo: string | null | undefined): string | null {
  return orderNo ? `关联订单 ${orderNo}` : null
}
