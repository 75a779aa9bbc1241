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
import type { NoticeLevelCode, NoticeStatusCode, PriceRuleTypeCode, StaffRoleCode, StaffStatusCode } from '@/constants/enums';

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
