import { http } from './request'
import type { BookingRules, PenaltyTier } from '../logic/slots'
import type { TimelineEntry } from '../logic/order-progress'

/** Shapes of the booking and payment endpoints the customer app uses (docs/orders.md, docs/payments.md). */
export interface ServiceItemView {
  id: number
  code: string
  name: string
  description: string
  includes?: string[]
  preparation?: string[]
  pricingUnit: string
  unitLabel: string
  unitPriceFen: number
  minDurationMinutes?: number
  maxDurationMinutes?: number
  defaultDurationMinutes: number
  isErrand: boolean
}

export interface ServiceCategoryView {
  code: string
  name: string
  items: ServiceItemView[]
}

export interface HospitalView {
  id: number
  name: string
  alias?: string
  grade?: string
  address?: string
}

export interface DepartmentView {
  id: number
  name: string
  building: string
  floor: string
  room: string
  notes: string
}

export interface HospitalNotice {
  id: number
  hospitalName: string
  departmentName: string | null
  title: string
  content: string
  level: 'info' | 'warning'
}

export interface HospitalDetail extends HospitalView {
  phone: string
  outpatientHours: string
  departments: DepartmentView[]
  notices: HospitalNotice[]
  meetingPoints: { id: number; name: string; description: string }[]
  stepTemplates: { categoryCode: string; categoryName: string; steps: string[] }[]
}

export interface PatientView {
  id: number
  name: string
  relation: string
  relationName?: string
  gender?: string
  birthDate?: string | null
  age?: number | null
  phone?: string
  idCardNo?: string | null
  allergies?: string
  chronicConditions?: string
  medications?: string
  emergencyContactName?: string
  emergencyContactPhone?: string
}

export interface PriceLine {
  kind: string
  code: string
  label: string
  amountFen: number
  detail?: string
}

export interface BookingInput {
  serviceItemId: number
  cityId: number
  hospitalId?: number
  departmentId?: number
  patientId?: number
  preferredEscortId?: number
  startAt: string
  durationMinutes?: number
  customerNote?: string
  errand?: { tasks: string[] }
}

export interface QuoteView {
  bookable: boolean
  reasonCode: string | null
  reasonMessage: string | null
  suggestions: string[]
  serviceName: string
  startAt: string
  endAt: string
  durationMinutes: number
  lines: PriceLine[]
  totalFen: number
}

export interface OrderView {
  id: number
  orderNo: string
  status: string
  statusLabel: string
  serviceName: string
  hospitalName: string | null
  patientName: string | null
  startAt: string
  endAt: string
  totalFen: number
  paidFen: number
  paymentDeadlineAt: string | null
  priceLines?: PriceLine[]
  hospitalId?: number | null
  departmentName?: string
  categoryCode?: string
  escortId?: number | null
  escortName?: string
  durationMinutes?: number
  customerNote?: string
  penaltyFen?: number
  refundDueFen?: number
  cancelReason?: string
}

export interface OrderDetail extends OrderView {
  timeline: TimelineEntry[]
  verificationCode: string | null
  reschedules: { id: number; fromStartAt: string; toStartAt: string; status: string }[]
}

export interface CancelPreview {
  penaltyBp: number
  penaltyFen: number
  refundFen: number
  hoursBefore: number
  paidFen: number
  needsRefund: boolean
}

export interface BookingRulesView {
  booking: BookingRules
  cancellation: { tiers: PenaltyTier[] }
}

export interface Page<T> {
  list: T[]
  total: number
  page: number
  pageSize: number
}

export interface PayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export interface PaymentStart {
  paymentId: number
  orderId: number
  outTradeNo: string
  amountFen: number
  channel: 'wechat' | 'sandbox'
  prepayId: string
  payParams: PayParams
  sandboxPayUrl?: string | null
}

/** GET /api/app/orders/:id/postpay: extra charges paid after the service, derived by the backend. */
export type PostpayState = 'none' | 'awaiting_confirmation' | 'unpaid' | 'paying' | 'paid'

export interface PostpayView {
  orderId: number
  orderStatus: string
  state: PostpayState
  chargedFen: number
  paidFen: number
  dueFen: number
  awaitingConfirmationFen: number
  payable: boolean
  charges: { id: number; description: string; amountFen: number; receiptUrl: string; status: 'pending' | 'confirmed' | 'rejected'; createdAt: string }[]
  payments: { id: number; outTradeNo: string; amountFen: number; status: string; appliedToOrder: boolean; paidAt: string | null; createdAt: string }[]
}

/** Some list endpoints answer a page, some a bare array: both read as an array. */
function listOf<T>(body: T[] | Page<T>): T[] {
  return Array.isArray(body) ? body : body.list
}

export const orderApi = {
  categories: async (cityId: number) =>
    http.get<ServiceCategoryView[]>('/api/app/service-categories', { cityId }, { auth: false }),

  hospitals: async (cityId: number, keyword?: string) =>
    listOf(await http.get<HospitalView[] | Page<HospitalView>>('/api/app/hospitals', { cityId, keyword, pageSize: 50 }, { auth: false })),
  hospital: (id: number) => http.get<HospitalDetail>(`/api/app/hospitals/${id}`, undefined, { auth: false }),
  bookingRules: () => http.get<BookingRulesView>('/api/app/booking-rules', undefined, { auth: false }),

  patients: async () => listOf(await http.get<PatientView[] | Page<PatientView>>('/api/app/patients')),

  quote: (body: BookingInput) => http.post<QuoteView>('/api/app/orders/quote', body),

  create: (body: BookingInput, idempotencyKey: string) =>
    http.post<OrderView>('/api/app/orders', body, { header: { 'Idempotency-Key': idempotencyKey } }),

  list: (page = 1, tab = 'all') => http.get<Page<OrderView>>('/api/app/orders', { page, pageSize: 20, tab }),
  detail: (id: number) => http.get<OrderDetail>(`/api/app/orders/${id}`),
  cancelPreview: (id: number) => http.get<CancelPreview>(`/api/app/orders/${id}/cancel-preview`),
  cancel: (id: number, reason: string) => http.post<OrderDetail>(`/api/app/orders/${id}/cancel`, { reason }),
  reschedule: (id: number, startAt: string) =>
    http.post<{ applied: boolean; pendingEscort: boolean; order: OrderDetail }>(`/api/app/orders/${id}/reschedule`, { startAt }),
  confirmComplete: (id: number) => http.post<OrderDetail>(`/api/app/orders/${id}/confirm-complete`),

  startPayment: (id: number, idempotencyKey: string) =>
    http.post<PaymentStart>(`/api/app/orders/${id}/pay`, undefined, { header: { 'Idempotency-Key': idempotencyKey } }),

  postpay: (id: number) => http.get<PostpayView>(`/api/app/orders/${id}/postpay`),

  /** The balance's payment (same channel and callback path as the prepayment); the amount is what is due now. */
  startPostpay: (id: number, idempotencyKey: string) =>
    http.post<PaymentStart>(`/api/app/orders/${id}/postpay/pay`, undefined, { header: { 'Idempotency-Key': idempotencyKey } }),

  answerCharge: (id: number, chargeId: number, confirm: boolean) =>
    http.post<unknown>(`/api/app/orders/${id}/extra-charges/${chargeId}/${confirm ? 'confirm' : 'reject'}`),

  /** H5 only: the development sandbox's cashier, standing in for WeChat's. It sends the signed callback. */
  sandboxPay: (prepayId: string) =>
    http.post<{ state: string }>(`/api/sandbox-pay/transactions/${encodeURIComponent(prepayId)}/pay`, undefined, { auth: false }),
}
