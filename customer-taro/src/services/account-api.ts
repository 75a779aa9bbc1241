import { http } from './request'
import type { Page, PatientView } from './order-api'

export interface InboxMessage {
  id: number
  event: string
  title: string
  body: string
  orderId: number | null
  read: boolean
  createdAt: string
}

export type ConsentKind = 'terms' | 'privacy' | 'health_data'

export interface LegalDocument {
  kind: ConsentKind
  title: string
  version: string
  paragraphs: string[]
}

export interface ConsentState {
  kind: ConsentKind
  title: string
  currentVersion: string
  granted: boolean
  answeredAt: string | null
}

/** The customer's own data: patients, inbox, consents (docs/api-hospitals-patients.md). */
export const accountApi = {
  patients: () => http.get<PatientView[]>('/api/app/patients'),
  patient: (id: number) => http.get<PatientView>(`/api/app/patients/${id}`),
  createPatient: (body: Record<string, unknown>) => http.post<PatientView>('/api/app/patients', body),
  updatePatient: (id: number, body: Record<string, unknown>) => http.request<PatientView>(`/api/app/patients/${id}`, { method: 'PUT', data: body }),
  deletePatient: (id: number) => http.request<unknown>(`/api/app/patients/${id}`, { method: 'DELETE' }),
  messages: (page = 1) => http.get<Page<InboxMessage> & { unread?: number }>('/api/app/notifications', { page, pageSize: 20 }),
  unreadCount: () => http.get<{ unread: number } | number>('/api/app/notifications/unread-count'),
  readMessage: (id: number) => http.post<unknown>(`/api/app/notifications/${id}/read`),
  readAll: () => http.post<unknown>('/api/app/notifications/read-all'),
  legalDocuments: () => http.get<LegalDocument[]>('/api/app/legal-documents', undefined, { auth: false }),
  consents: () => http.get<ConsentState[]>('/api/app/consents'),
  answerConsent: (kind: ConsentKind, version: string, granted: boolean) =>
    http.post<ConsentState>('/api/app/consents', { kind, version, granted }),
}
