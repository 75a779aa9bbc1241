/**
 * Response shapes of the workforce API (escorts, reviews, schedules, leave, dispatch) as the
 * backend's services build them. The generated client types requests; these type the answers.
 */
import type { LiveStatus } from '@/constants/workforce';

export interface EscortProfile {
  id: number;
  name: string;
  phoneMasked: string;
  status: 'applicant' | 'active' | 'suspended';
  statusLabel: string;
  cityId: number;
  cityName: string;
  gender: string;
  level: string;
  levelLabel: string;
  commissionBp: number;
  birthYear: number | null;
  age: number | null;
  education: string;
  educationLabel: string;
  experienceYears: number;
  serviceDistricts: string[];
  skills: string[];
  bio: string;
  photoFileId: number | null;
  photoUrl: string | null;
  baseAddress: string;
  baseLatitude: string | null;
  baseLongitude: string | null;
  idCardMasked: string | null;
  ordersServed: number;
  rating: number | null;
  ratingCount: number;
  createdAt: string;
}

export interface Credential {
  id: number;
  escortId: number;
  escortName?: string;
  cityId?: number | null;
  typeCode: string;
  typeLabel: string;
  certificateNo: string;
  issuedOn: string;
  expiresOn: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  statusLabel: string;
  validToday: boolean;
  fileId: number;
  fileUrl: string | null;
  reviewedAt: string | null;
  reviewedByName: string;
  rejectReason: string;
  createdAt: string;
}

export interface EscortDetail extends EscortProfile {
  credentials: Credential[];
}

export interface ReviewDecision {
  id: number;
  subjectType: 'application' | 'credential';
  subjectId: number;
  decision: 'approved' | 'rejected' | 'expired';
  reason: string;
  actorType: 'staff' | 'system';
  actorName: string;
  createdAt: string;
}

export interface Application {
  id: number;
  escortId: number;
  escortName: string;
  cityId: number | null;
  status: 'pending' | 'approved' | 'rejected';
  statusLabel: string;
  realName: string;
  gender: string;
  birthYear: number | null;
  idCardMasked: string;
  idFrontFileId: number;
  idBackFileId: number;
  photoFileId: number | null;
  education: string;
  educationLabel: string;
  experienceYears: number;
  serviceDistricts: string[];
  skills: string[];
  bio: string;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string;
  decisionReason: string;
}

export interface ApplicationDetail extends Application {
  files: { idFront: string | null; idBack: string | null; photo: string | null };
  escort: EscortProfile;
  credentials: Credential[];
  history: ReviewDecision[];
}

export interface LiveStatusRow {
  escortId: number;
  liveStatus: LiveStatus;
  liveStatusLabel: string;
}

// ------------------------------------------------------------------ schedules

export interface WeeklyRange {
  weekday: number;
  weekdayLabel?: string;
  start: string;
  end: string;
}

export interface ShiftException {
  id: number;
  escortId: number;
  date: string;
  kind: 'extra' | 'off';
  kindLabel: string;
  start: string | null;
  end: string | null;
  wholeDay: boolean;
  note: string;
  createdByName: string;
  createdAt: string;
}

export interface CalendarDay {
  date: string;
  weekday: number;
  weekdayLabel: string;
  ranges: { start: string; end: string }[];
  exceptions: ShiftException[];
}

export interface EscortCalendar {
  escortId: number;
  from: string;
  to: string;
  weekly: WeeklyRange[];
  days: CalendarDay[];
}

export interface TeamCalendarRow {
  escortId: number;
  name: string;
  level: string;
  levelLabel: string;
  weekly: WeeklyRange[];
  days: CalendarDay[];
}

export interface TeamCalendar {
  from: string;
  to: string;
  list: TeamCalendarRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ShiftTemplate {
  id: number;
  name: string;
  ranges: WeeklyRange[];
  updatedAt: string;
}

export interface ScheduleChangeRequest {
  id: number;
  escortId: number;
  escortName: string;
  cityId: number;
  kind: 'extra' | 'off';
  kindLabel: string;
  date: string;
  start: string | null;
  end: string | null;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  statusLabel: string;
  exceptionId: number | null;
  decidedAt: string | null;
  decidedByName: string;
  decisionReason: string;
  createdAt: string;
}

// ------------------------------------------------------------------ orders as dispatch sees them

export interface OrderBrief {
  id: number;
  orderNo: string;
  status: string;
  statusLabel: string;
  cityId: number;
  customerId: number;
  serviceItemId: number;
  serviceName: string;
  categoryCode: string;
  hospitalId: number | null;
  hospitalName: string;
  serviceAddress: string;
  escortId: number | null;
  startAt: string;
  endAt: string;
  durationMinutes: number;
  paidAt: string | null;
  assignedAt: string | null;
}

export interface CollidingOrder extends OrderBrief {
  canReturnToPool: boolean;
}

// ------------------------------------------------------------------ leave

export interface Leave {
  id: number;
  escortId: number;
  escortName: string;
  cityId: number;
  type: 'personal' | 'sick' | 'annual' | 'other';
  typeLabel: string;
  startAt: string;
  endAt: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  statusLabel: string;
  source: 'escort' | 'staff';
  createdByName: string;
  decidedAt: string | null;
  decidedByName: string;
  decisionReason: string;
  returnedOrders: number;
  createdAt: string;
}

export interface LeaveDetail extends Leave {
  collisions: CollidingOrder[];
}

// ------------------------------------------------------------------ dispatch

export interface PoolRow extends OrderBrief {
  flags: { within24h: boolean; within2h: boolean; started: boolean; declined: boolean; returned: boolean };
  urgency: 'critical' | 'warning' | 'normal';
  declines: number;
  returns: number;
  waitingMinutes: number | null;
}

export interface LateOrder extends OrderBrief {
  escortName: string;
  minutesToStart: number;
}

export interface Pool {
  list: PoolRow[];
  total: number;
  page: number;
  pageSize: number;
  summary: { unassigned: number; within24h: number; within2h: number; declined: number; returned: number; lateToDepart: number };
  lateToDepart: LateOrder[];
}

export interface Reason {
  code: string;
  label: string;
}

export interface Candidate {
  rank: number;
  escortId: number;
  name: string;
  level: string;
  levelLabel: string;
  tier: 'available' | 'overridable' | 'unavailable';
  available: boolean;
  overridable: boolean;
  reasons: Reason[];
  missingQualifications: string[];
  score: number;
  parts: Record<string, number>;
  distanceMeters: number | null;
  todayLoad: number;
  rating: number | null;
  ratingCount: number;
  servedCustomerBefore: boolean;
  current: boolean;
}

export interface Candidates {
  order: OrderBrief;
  requirements: { categoryCode: string; requiredQualifications: string[]; travelBufferMinutes: number };
  counts: { total: number; available: number; overridable: number; unavailable: number };
  candidates: Candidate[];
}

export interface Span {
  start: string;
  end: string;
}

export interface BoardOrderBar {
  orderId: number;
  orderNo: string;
  status: string;
  serviceName: string;
  hospitalName: string;
  startAt: string;
  endAt: string;
  late: boolean;
}

export interface BoardRow {
  escortId: number;
  name: string;
  level: string;
  levelLabel: string;
  liveStatus: LiveStatus;
  liveStatusLabel: string;
  shifts: Span[];
  leaves: Span[];
  orders: BoardOrderBar[];
}

export interface DispatchBoard {
  date: string;
  cityId: number;
  from: string;
  to: string;
  total: number;
  page: number;
  pageSize: number;
  escorts: BoardRow[];
  unassigned: OrderBrief[];
  summary: { escorts: number; working: number; orders: number; unassigned: number; byLiveStatus: Record<string, number> };
}

export interface WorkforceRules {
  acceptTimeoutMinutes: number;
  travelBufferMinutes: number;
  expiryWarningDays: number;
  lateDepartMinutes: number;
}
