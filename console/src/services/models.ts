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
import type { StaffRoleCode, StaffStatusCode } from '@/constants/enums';
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
  grade: string;
  address: string;
  phone: string;
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

export interface ServiceItem {
  id: number;
  code: string;
  categoryCode: string;
  categoryName: string;
  name: string;
  pricingUnit: string;
  /** Integer fen; shown through formatFen only. */
  basePriceFen: number;
  enabled: boolean;
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

export interface PatientMasked {
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
  patient: PatientMasked | null;
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
