/**
 * Response shapes of the foundation API (docs/api-foundation.md).
 *
 * The backend's OpenAPI document describes parameters and request bodies (generated into
 * src/services/generated) but not yet its responses, so the generated functions take the response
 * type as a type argument: `getAdminStaffUsers<Page<StaffUser>>(query)`. These interfaces are that
 * argument. Once the backend documents responses (`@ApiOkResponse`), the generator types the
 * functions itself, the type arguments become compile errors, and each interface here turns into
 * an alias of the generated type.
 */
import type { WorkforceRules } from './workforce-models';
import type { NoticeLevelCode, NoticeStatusCode, PriceRuleTypeCode, StaffRoleCode, StaffStatusCode } from '@/constants/enums';
import type { PaymentChannel, PaymentEventKind, PaymentStatus, RefundStatus } from '@/constants/finance';
import type { OrderAction, OrderStatus } from '@/constants/orders';
import type { NotificationChannel } from '@/constants/settings';

/** The list envelope every paged endpoint returns inside `data`. */
export interface Page<T> {
  list: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  accessExpiresIn: number;
  /** Seconds. */
  refreshExpiresIn: number;
}

export interface StaffProfile {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRoleCode[];
  permissions: string[];
  cityIds: number[];
  allCities: boolean;
}

export interface StaffLoginResult extends TokenPair {
  user: StaffProfile;
}

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRoleCode[];
  cityIds: number[];
  status: StaffStatusCode;
  /** ISO-8601 UTC; in the future while the account is locked after failed logins. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Role {
  code: StaffRoleCode;
  name: string;
  permissions: string[];
}

export interface City {
  id: number;
  code: string;
  name: string;
}

export interface AuditLog {
  id: number;
  actorType: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** Masked snapshot before the change. */
  before: unknown;
  /** Masked snapshot after the change. */
  after: unknown;
  ip: string | null;
  requestId: string | null;
  createdAt: string;
}

export interface DashboardToday {
  /** Business day in Asia/Shanghai, YYYY-MM-DD. */
  date: string;
  customersTotal: number;
  customersNewToday: number;
  escortsTotal: number;
  escortsActive: number;
  hospitalsTotal: number;
  serviceItemsTotal: number;
  staffLoginsToday: number;
  failedLoginsToday: number;
  smsSentToday: number;
  auditEventsToday: number;
}

export interface Hospital {
  id: number;
  cityId: number;
  cityName: string;
  name: string;
  /** Other names, separated by spaces or commas. */
  alias: string;
  grade: string;
  address: string;
  /** Decimal degrees as text ("31.197845"), exact; null when not recorded. */
  latitude: string | null;
  longitude: string | null;
  phone: string;
  outpatientHours: string;
  visitingHours: string;
  intro: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface HospitalDepartment {
  id: number;
  hospitalId: number;
  name: string;
  building: string;
  floor: string;
  room: string;
  phone: string;
  notes: string;
}

export interface MeetingPoint {
  id: number;
  hospitalId: number;
  name: string;
  description: string;
}

export interface StepTemplate {
  id: number;
  hospitalId: number;
  categoryCode: string;
  categoryName: string;
  /** In order. */
  steps: string[];
  updatedAt: string;
}

export interface HospitalNotice {
  id: number;
  hospitalId: number;
  hospitalName: string;
  departmentId: number | null;
  departmentName: string | null;
  title: string;
  content: string;
  level: NoticeLevelCode;
  /** ISO-8601 UTC; the notice shows while now ∈ [startsAt, endsAt). */
  startsAt: string;
  endsAt: string;
  status: NoticeStatusCode;
}

export interface HospitalDetail extends Hospital {
  departments: HospitalDepartment[];
  notices: HospitalNotice[];
  meetingPoints: MeetingPoint[];
  stepTemplates: StepTemplate[];
}

/** A customer's patient as the console lists it: masked, health notes only as a flag. */
export interface PatientMasked {
  id: number;
  customerId: number;
  name: string;
  relation: string;
  relationName: string;
  gender: string;
  birthDate: string | null;
  age: number | null;
  phoneMasked: string;
  idCardMasked: string;
  hasHealthNotes: boolean;
  createdAt: string;
}

export interface Escort {
  id: number;
  cityId: number;
  cityName: string;
  name: string;
  gender: string;
  phoneMasked: string;
  level: string;
  status: string;
}

export interface CityPrice {
  id: number;
  serviceItemId: number;
  cityId: number;
  cityName: string;
  /** Integer fen. */
  unitPriceFen: number;
  /** Offered in the city while true. */
  enabled: boolean;
}

export interface ServiceItem {
  id: number;
  code: string;
  categoryCode: string;
  categoryName: string;
  name: string;
  description: string;
  includes: string[];
  requiredQualifications: string[];
  preparation: string[];
  minDurationMinutes: number;
  maxDurationMinutes: number;
  defaultDurationMinutes: number;
  pricingUnit: string;
  unitLabel: string;
  /** Integer fen; the default proposed when a city price is first set. */
  basePriceFen: number;
  enabled: boolean;
  sortOrder: number;
  cityPrices: CityPrice[];
  updatedAt: string;
}

export interface PriceRuleParams {
  grades?: string[];
  startTime?: string;
  endTime?: string;
  withinHours?: number;
  sameCalendarDay?: boolean;
}

export interface PriceRule {
  id: number;
  code: string;
  name: string;
  type: PriceRuleTypeCode;
  typeName: string;
  kind: 'surcharge' | 'discount';
  amountType: 'bp' | 'fen';
  /** Basis points (1000 = 10%) or fen, by amountType; always positive. */
  amount: number;
  params: PriceRuleParams;
  categoryCodes: string[];
  /** null: every city. */
  cityId: number | null;
  cityName: string | null;
  enabled: boolean;
  sortOrder: number;
  updatedAt: string;
}

export interface PriceLine {
  kind: 'base' | 'surcharge' | 'discount';
  code: string;
  label: string;
  /** Integer fen; negative for discounts. */
  amountFen: number;
  detail: string;
}

export interface PriceQuote {
  units: number;
  lines: PriceLine[];
  totalFen: number;
}

export interface BookableItem {
  id: number;
  code: string;
  name: string;
  categoryCode: string;
  pricingUnit: string;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  defaultDurationMinutes: number;
  requiredQualifications: string[];
  preparation: string[];
  isErrand: boolean;
  cityId: number;
  unitPriceFen: number;
}

export interface PricingPreview {
  item: BookableItem;
  startAt: string;
  endAt: string;
  quote: PriceQuote;
}

export interface Ok {
  ok: true;
}

// ------------------------------------------------------------------ orders
// Shapes of backend/src/modules/orders/order-query.service.ts (view, detailForStaff, board) and
// order.service.ts (cancelPreview, requestReschedule). Dates arrive as ISO-8601 UTC strings.

/** A frozen quote line; discounts carry a negative amount. */
export interface PriceLine {
  kind: 'base' | 'surcharge' | 'discount';
  code: string;
  label: string;
  amountFen: number;
  detail: string;
}

/** 同城代办: what to do, where, with what. */
export interface ErrandDetails {
  tasks: string[];
  requirements: string;
  materials: string[];
  pickupAddress: string;
  deliveryAddress: string;
}

export interface OrderView {
  id: number;
  orderNo: string;
  status: OrderStatus;
  statusLabel: string;
  customerId: number;
  cityId: number;
  serviceItemId: number;
  serviceName: string;
  categoryCode: string;
  hospitalId: number | null;
  hospitalName: string;
  departmentId: number | null;
  departmentName: string;
  patientId: number | null;
  patientName: string;
  escortId: number | null;
  /** '' while nobody is assigned. */
  escortName: string;
  startAt: string;
  endAt: string;
  durationMinutes: number;
  units: number;
  totalFen: number;
  paidFen: number;
  penaltyFen: number;
  refundDueFen: number;
  serviceAddress: string;
  errand: ErrandDetails | null;
  customerNote: string;
  paymentDeadlineAt: string;
  cancelReason: string;
  createdAt: string;
}

/** A row of GET /api/admin/orders. */
export interface StaffOrderRow extends OrderView {
  /** `138****0001`. */
  customerPhoneMasked: string;
}

/** The patient as an order shows them to staff (PatientService.maskedView). */
export interface OrderPatientMasked {
  id: number;
  name: string;
  relation: string;
  gender: string;
  age: number | null;
  phoneMasked: string;
  idCardMasked: string;
  /** Health notes themselves are shown to the assigned escort only. */
  hasHealthNotes: boolean;
}

/** One order_status_log row. */
export interface OrderTimelineEntry {
  /** A transition (`assign`) or a log-only step (`create`, `reschedule_request`). */
  action: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  toStatusLabel: string;
  actorType: string;
  actorName: string;
  reason: string;
  at: string;
}

export interface OrderNote {
  id: number;
  authorName: string;
  content: string;
  createdAt: string;
}

export interface OrderReschedule {
  id: number;
  fromStartAt: string;
  toStartAt: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  requestedByType: string;
  reason: string;
  createdAt: string;
}

export interface OrderExtraCharge {
  id: number;
  description: string;
  amountFen: number;
  receiptUrl: string;
  status: 'pending' | 'confirmed' | 'rejected';
  createdAt: string;
}

/** GET /api/admin/orders/:id, also what cancel, assign and complete answer with. */
export interface OrderDetail extends StaffOrderRow {
  priceLines: PriceLine[];
  patient: OrderPatientMasked | null;
  timeline: OrderTimelineEntry[];
  notes: OrderNote[];
  /** What the signed-in staff member may do now (status × permissions, from the transition table). */
  availableActions: OrderAction[];
  reschedules: OrderReschedule[];
  extraCharges: OrderExtraCharge[];
}

/** GET /api/admin/orders/:id/cancel-preview. */
export interface CancelPreview {
  paidFen: number;
  penaltyBp: number;
  penaltyFen: number;
  refundFen: number;
  /** The penalty tier that applied. */
  hoursBefore: number;
  needsRefund: boolean;
}

/** POST /api/admin/orders/:id/reschedule. */
export interface RescheduleResult {
  applied: boolean;
  /** The assigned escort must accept the new time first. */
  pendingEscort: boolean;
  order: OrderDetail;
}

export interface BoardOrder extends OrderView {
  unassigned: boolean;
  late: boolean;
}

/** GET /api/admin/orders/board. */
export interface OrderBoard {
  /** Shanghai calendar day, YYYY-MM-DD. */
  date: string;
  total: number;
  unassigned: number;
  late: number;
  /** Only hours with orders, ascending; `hour` is the Shanghai start hour 0–23. */
  hours: { hour: number; orders: BoardOrder[] }[];
}

// ------------------------------------------------------------------ settings
// backend/src/modules/settings/settings-defaults.ts

export interface BookingRules {
  maxDaysAhead: number;
  minLeadMinutes: number;
  /** HH:mm, Asia/Shanghai. */
  serviceStartFrom: string;
  serviceStartUntil: string;
  slotMinutes: number;
  paymentWindowMinutes: number;
}

/** Cancelling `hoursBefore` or more hours ahead costs `penaltyBp` (1/10000) of what was paid. */
export interface PenaltyTier {
  hoursBefore: number;
  penaltyBp: number;
}

export interface CancellationRules {
  tiers: PenaltyTier[];
}

export interface NotificationTemplate {
  title: string;
  body: string;
  channels: NotificationChannel[];
}

export interface NotificationSettings {
  reminderHoursBefore: number;
  templates: Record<string, NotificationTemplate>;
}

export interface SettingsGroups {
  booking: BookingRules;
  cancellation: CancellationRules;
  notifications: NotificationSettings;
  workforce: WorkforceRules;
}
export type SettingsKey = keyof SettingsGroups;

// ------------------------------------------------------------------ notifications

export interface InboxNotification {
  id: number;
  event: string;
  title: string;
  body: string;
  orderId: number | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

/** GET /api/admin/notifications. */
export interface InboxPage extends Page<InboxNotification> {
  unread: number;
}

export interface UnreadCount {
  unread: number;
}
