/**
 * What the order detail shows and offers for each status: the progress steps, which actions the
 * customer has, and whether the verification code is on screen. One place, tested without Taro.
 */
export interface TimelineEntry {
  action: string
  toStatus: string
  toStatusLabel: string
  actorName: string
  reason: string
  at: string
}

export type StepState = 'done' | 'current' | 'todo'

export interface ProgressStep {
  label: string
  state: StepState
  at: string | null
}

/** The happy path a customer follows; a status off the path (cancelled, refunded) ends the steps. */
const PATH: { status: string; label: string }[] = [
  { status: 'pending_payment', label: '下单' },
  { status: 'pending_dispatch', label: '已支付' },
  { status: 'dispatched', label: '已派单' },
  { status: 'accepted', label: '已接单' },
  { status: 'departed', label: '已出发' },
  { status: 'in_service', label: '服务中' },
  { status: 'completed', label: '已完成' },
]

const OFF_PATH = new Set(['cancelled', 'closed', 'refunding', 'refunded'])

/** The path's steps with when each was reached (the latest time from the status log). */
export function progressSteps(status: string, timeline: readonly TimelineEntry[]): ProgressStep[] {
  const reachedAt = new Map<string, string>()
  for (const t of timeline) reachedAt.set(t.toStatus, t.at)
  if (!reachedAt.has('pending_payment') && timeline.length) reachedAt.set('pending_payment', timeline[0].at)
  const index = PATH.findIndex((p) => p.status === status)
  if (OFF_PATH.has(status) || index < 0) {
    // Only the steps actually reached, then the end state from the log.
    return PATH.filter((p) => reachedAt.has(p.status)).map((p) => ({ label: p.label, state: 'done' as StepState, at: reachedAt.get(p.status) ?? null }))
  }
  return PATH.map((p, i) => ({
    label: p.label,
    state: i < index || status === 'completed' ? 'done' : i === index ? 'current' : 'todo',
    at: i <= index ? reachedAt.get(p.status) ?? null : null,
  }))
}

export type CustomerAction = 'pay' | 'cancel' | 'reschedule' | 'confirm_complete' | 'book_again'

const CANCELLABLE = ['pending_payment', 'pending_dispatch', 'dispatched', 'accepted', 'departed']
const RESCHEDULABLE = ['pending_payment', 'pending_dispatch', 'dispatched', 'accepted']

/** The buttons of the order detail, in the order they are shown. */
export function customerActions(status: string): CustomerAction[] {
  const actions: CustomerAction[] = []
  if (status === 'pending_payment') actions.push('pay')
  if (RESCHEDULABLE.includes(status)) actions.push('reschedule')
  if (CANCELLABLE.includes(status)) actions.push('cancel')
  if (status === 'in_service') actions.push('confirm_complete')
  if (['completed', 'cancelled', 'closed', 'refunded'].includes(status)) actions.push('book_again')
  return actions
}

/** The code is shown only while the escort serves; the backend sends it only then too. */
export function showsVerificationCode(status: string, code: string | null | undefined): code is string {
  return status === 'in_service' && typeof code === 'string' && code.length > 0
}

/** Whether an escort is assigned and the customer should see their card. */
export function showsEscortCard(status: string, escortName: string | null | undefined): boolean {
  return !!escortName && ['dispatched', 'accepted', 'departed', 'in_service', 'completed'].includes(status)
}

/** Statuses worth following live on the detail page (something will change without the customer). */
export function isLive(status: string): boolean {
  return ['pending_dispatch', 'dispatched', 'accepted', 'departed', 'in_service', 'refunding'].includes(status)
}

/** The 订单 tab's filters, matching the backend's `tab` values. */
export const ORDER_TABS = [
  { key: 'all', label: '全部' },
  { key: 'unpaid', label: '待支付' },
  { key: 'active', label: '进行中' },
  { key: 'done', label: '已结束' },
  { key: 'refund', label: '退款' },
] as const

export type OrderTabKey = (typeof ORDER_TABS)[number]['key']
