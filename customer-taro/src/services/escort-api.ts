import { http, tokenStore } from './request'
import type { LoginResult, SmsCodeSent } from './app-api'
import type { Page, OrderView } from './order-api'
import type { TimelineEntry } from '../logic/order-progress'
import type { IncomeMovement, StatementFigures, StatementItem, StatementPayout } from '../logic/statement'

export interface EscortProfile {
  id: number
  name: string
  phoneMasked: string
  status: string
  cityId: number
}

export interface EscortTask extends OrderView {
  serviceAddress?: string
  errand?: { tasks: string[] } | null
}

export interface EscortTaskDetail extends EscortTask {
  patient: {
    name: string
    gender: string
    age: number | null
    phone: string
    allergies: string
    chronicConditions: string
    medications: string
    emergencyContactName: string
    emergencyContactPhone: string
  } | null
  timeline: TimelineEntry[]
  availableActions: string[]
}

export interface EscortLeave {
  id: number
  type: string
  typeLabel?: string
  startAt: string
  endAt: string
  reason: string
  status: string
  statusLabel?: string
  decisionReason?: string
}

export interface EscortScheduleDay {
  date: string
  weekdayLabel: string
  ranges: { start: string; end: string }[]
  exceptions: { kind: string; note?: string }[]
}

export interface EscortIncome {
  commissionBp: number
  completedOrders: number
  totalFen: number
  monthFen: number
  todayFen: number
  recent: { orderId: number; orderNo: string; serviceName: string; completedAt: string | null; paidFen: number; shareFen: number }[]
}

/** One confirmed or paid statement of the escort (GET /api/escort/settlements). */
export interface EscortStatement extends StatementFigures {
  id: number
  runId: number
  periodKey: string
  cadence: string
  periodStart: string
  periodEnd: string
  runStatus: 'confirmed' | 'paid'
}

export interface EscortStatementDetail extends EscortStatement {
  itemCount: number
  payout: StatementPayout | null
}

export type EscortIncomeDetail = Page<IncomeMovement & { orderId: number | null; shareBp: number | null; baseFen: number | null }> & { owedFen: number }

const ESCORT = { audience: 'escort' } as const
const get = <T>(path: string, query?: Record<string, string | number | undefined>) => http.get<T>(path, query, ESCORT)
const post = <T>(path: string, body?: unknown) => http.post<T>(path, body, ESCORT)

export const escortApi = {
  sendSmsCode: (phone: string) =>
    http.post<SmsCodeSent>('/api/escort/auth/sms-code', { phone }, { ...ESCORT, auth: false }),
  smsLogin: (phone: string, code: string) =>
    http.post<LoginResult<EscortProfile>>('/api/escort/auth/sms-login', { phone, code }, { ...ESCORT, auth: false }),
  me: () => get<EscortProfile>('/api/escort/me'),
  tasks: (scope: 'today' | 'upcoming' | 'history') => get<Page<EscortTask>>('/api/escort/orders', { scope, pageSize: 50 }),
  task: (id: number) => get<EscortTaskDetail>(`/api/escort/orders/${id}`),
  accept: (id: number) => post<EscortTaskDetail>(`/api/escort/orders/${id}/accept`),
  decline: (id: number, reason: string) => post<{ id: number; status: string }>(`/api/escort/orders/${id}/decline`, { reason }),
  depart: (id: number) => post<EscortTaskDetail>(`/api/escort/orders/${id}/depart`),
  start: (id: number) => post<EscortTaskDetail>(`/api/escort/orders/${id}/start`),
  complete: (id: number, code: string) => post<EscortTaskDetail>(`/api/escort/orders/${id}/complete`, { code }),
  leaves: () => get<Page<EscortLeave>>('/api/escort/leaves', { pageSize: 50 }),
  requestLeave: (body: { type: string; startAt: string; endAt: string; reason: string }) => post<EscortLeave>('/api/escort/leaves', body),
  withdrawLeave: (id: number) => post<EscortLeave>(`/api/escort/leaves/${id}/withdraw`),
  schedule: (from: string, to: string) => get<{ days: EscortScheduleDay[] }>('/api/escort/schedule', { from, to }),
  income: () => get<EscortIncome>('/api/escort/income'),
  settlements: (page: number, pageSize = 20) => get<Page<EscortStatement>>('/api/escort/settlements', { page, pageSize }),
  settlement: (runId: number) => get<EscortStatementDetail>(`/api/escort/settlements/${runId}`),
  settlementItems: (runId: number, page: number, pageSize = 100) =>
    get<Page<StatementItem & { orderId: number | null; completedAt: string | null }>>(`/api/escort/settlements/${runId}/items`, { page, pageSize }),
  incomeDetail: (page: number, pageSize = 30) => get<EscortIncomeDetail>('/api/escort/income/detail', { page, pageSize }),
}

export const escortSession = {
  isLoggedIn: () => tokenStore.get('escort') !== null,
  save: (pair: Parameters<typeof tokenStore.set>[1]) => tokenStore.set('escort', pair),
  async logout() {
    const pair = tokenStore.get('escort')
    tokenStore.clear('escort')
    if (!pair) return
    try {
      await http.post('/api/auth/logout', { refreshToken: pair.refreshToken }, { ...ESCORT, auth: false })
    } catch {
      // The local tokens are already gone; a server that cannot be reached changes nothing here.
    }
  },
}
