/**
 * The escort's next step on a task, by status: the workbench shows one main button (and decline
 * while the task waits for an answer). The backend's transition table decides in the end.
 */
export type EscortStep = 'accept' | 'decline' | 'depart' | 'start' | 'complete'

export const ESCORT_STEP_LABELS: Record<EscortStep, string> = {
  accept: '接单',
  decline: '拒单',
  depart: '出发',
  start: '开始服务',
  complete: '完成服务',
}

export function escortSteps(status: string): EscortStep[] {
  switch (status) {
    case 'dispatched':
      return ['accept', 'decline']
    case 'accepted':
      return ['depart', 'start']
    case 'departed':
      return ['start']
    case 'in_service':
      return ['complete']
    default:
      return []
  }
}

/** The six digits the customer reads out; anything else is refused before it is sent. */
export function normalizeVerificationCode(raw: string): string | null {
  const digits = raw.replace(/\s+/g, '')
  return /^\d{6}$/.test(digits) ? digits : null
}

export const LEAVE_TYPES: { value: string; label: string }[] = [
  { value: 'personal', label: '事假' },
  { value: 'sick', label: '病假' },
  { value: 'annual', label: '年假' },
  { value: 'other', label: '其他' },
]

export const LEAVE_STATUS: Record<string, { label: string; tone: string }> = {
  pending: { label: '待审批', tone: 'warning' },
  approved: { label: '已批准', tone: 'done' },
  rejected: { label: '已驳回', tone: 'danger' },
  cancelled: { label: '已撤回', tone: 'muted' },
  withdrawn: { label: '已撤回', tone: 'muted' },
}

export function leaveStatusOf(status: string) {
  return LEAVE_STATUS[status] ?? { label: status, tone: 'muted' }
}

/** A leave request's body from the form's Shanghai dates (whole days, end inclusive → exclusive). */
export function leaveBody(type: string, fromDate: string, toDate: string, reason: string): { body: { type: string; startAt: string; endAt: string; reason: string } } | { error: string } {
  if (!fromDate || !toDate) return { error: '请选择请假日期' }
  if (toDate < fromDate) return { error: '结束日期不能早于开始日期' }
  if (reason.trim().length < 2) return { error: '请填写请假原因（至少 2 个字）' }
  const end = new Date(new Date(`${toDate}T00:00:00+08:00`).getTime() + 24 * 3600_000)
  return { body: { type, startAt: `${fromDate}T00:00:00+08:00`, endAt: end.toISOString(), reason: reason.trim() } }
}
