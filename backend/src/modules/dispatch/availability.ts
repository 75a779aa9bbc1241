/**
 * Whether an escort can take `[start, end)`: a pure function of facts the dispatch service reads
 * (shifts already expanded by shift-calendar, approved leave, other orders' claimed time,
 * credentials). Every reason that applies is returned, so the dispatcher sees all of them at once.
 *
 * Hard reasons are never overridden. Soft ones (`outside_shift`, `travel_buffer`) a dispatcher may
 * override after talking to the escort, with a reason that is logged on the order.
 */
import { contains, overlaps, toEpochMs, toShanghaiDateString, type Instant, type Interval } from '../../common/time';

export const UNAVAILABLE_REASONS = {
  escort_inactive: '陪诊师未在岗（未通过审核或已停用）',
  city_mismatch: '不在订单所在城市',
  outside_shift: '不在排班时间内',
  on_leave: '请假中',
  time_claimed: '该时间已有其他订单',
  travel_buffer: '与前后订单间隔不足（路程缓冲）',
  credential_missing: '缺少服务所需的资质证书',
  credential_expired: '资质证书已过期或尚未生效',
} as const;
export type UnavailableReason = keyof typeof UNAVAILABLE_REASONS;

/** Reasons a dispatcher may override (`force`); the rest are hard. */
export const SOFT_REASONS: readonly UnavailableReason[] = ['outside_shift', 'travel_buffer'];

export interface CredentialFact {
  typeCode: string;
  status: string;
  /** `YYYY-MM-DD` (Shanghai); null = no stated start. */
  issuedOn: string | null;
  /** `YYYY-MM-DD` (Shanghai), valid through this day; null = never expires. */
  expiresOn: string | null;
}

export interface AvailabilityInput {
  escort: { status: string; cityId: number };
  slot: { cityId: number; start: Instant; end: Instant; requiredQualifications: readonly string[] };
  /** Minutes kept free before and after the slot for getting from one place to the next. */
  travelBufferMinutes: number;
  /** Merged shift intervals (shiftIntervals) around the slot. */
  shifts: readonly Interval[];
  /** Approved leave. */
  leaves: readonly Interval[];
  /** Time other orders hold (their claims), not this order's own. */
  claims: readonly Interval[];
  credentials: readonly CredentialFact[];
}

export interface AvailabilityResult {
  available: boolean;
  /** True when only soft reasons stand in the way. */
  overridable: boolean;
  reasons: UnavailableReason[];
  /** Required qualification codes without a credential valid for the whole slot. */
  missingQualifications: string[];
}

/**
 * A credential counts for a slot when it is approved, already issued on the slot's first day and
 * not expired on its last day (`expiresOn` is the last valid day).
 */
export function credentialValidFor(c: CredentialFact, firstDay: string, lastDay: string): boolean {
  if (c.status !== 'approved') return false;
  if (c.issuedOn !== null && c.issuedOn > firstDay) return false;
  if (c.expiresOn !== null && c.expiresOn < lastDay) return false;
  return true;
}

/** Shanghai first and last calendar day a slot touches (the end instant itself is outside). */
export function slotDays(start: Instant, end: Instant): [string, string] {
  const s = toEpochMs(start);
  const e = toEpochMs(end);
  // Ranking asks this for one slot thousands of times in a row: remember the last answer.
  if (s === lastSlot.s && e === lastSlot.e) return lastSlot.days;
  const days: [string, string] = [toShanghaiDateString(s), toShanghaiDateString(Math.max(s, e - 1))];
  lastSlot = { s, e, days };
  return days;
}
let lastSlot: { s: number; e: number; days: [string, string] } = { s: NaN, e: NaN, days: ['', ''] };

export function checkAvailability(input: AvailabilityInput): AvailabilityResult {
  const reasons: UnavailableReason[] = [];
  const { slot } = input;
  const window: Interval = { start: slot.start, end: slot.end };

  if (input.escort.status !== 'active') reasons.push('escort_inactive');
  if (input.escort.cityId !== slot.cityId) reasons.push('city_mismatch');
  let inShift = false;
  for (const s of input.shifts) if (contains(s, window)) inShift = true;
  if (!inShift) reasons.push('outside_shift');
  for (const l of input.leaves) {
    if (overlaps(l, window)) {
      reasons.push('on_leave');
      break;
    }
  }
  if (input.claims.length) {
    if (input.claims.some(c => overlaps(c, window))) {
      reasons.push('time_claimed');
    } else if (input.travelBufferMinutes > 0) {
      const buffer = input.travelBufferMinutes * 60_000;
      const padded = { start: toEpochMs(slot.start) - buffer, end: toEpochMs(slot.end) + buffer };
      if (input.claims.some(c => overlaps(c, padded))) reasons.push('travel_buffer');
    }
  }

  const missingQualifications: string[] = [];
  let expired = false;
  if (slot.requiredQualifications.length) {
    const [firstDay, lastDay] = slotDays(slot.start, slot.end);
    const required = slot.requiredQualifications;
    for (let i = 0; i < required.length; i++) {
      const code = required[i];
      if (required.indexOf(code) !== i) continue;
      let valid = false;
      let lapsed = false;
      for (const c of input.credentials) {
        if (c.typeCode !== code) continue;
        if (credentialValidFor(c, firstDay, lastDay)) valid = true;
        // Held once and approved (or lapsed by the expiry job), just not valid on these days.
        else if (c.status === 'approved' || c.status === 'expired') lapsed = true;
      }
      if (valid) continue;
      missingQualifications.push(code);
      if (lapsed) expired = true;
    }
  }
  if (missingQualifications.length) reasons.push(expired ? 'credential_expired' : 'credential_missing');

  if (reasons.length === 0) return AVAILABLE;
  return {
    available: false,
    overridable: reasons.every(r => SOFT_REASONS.includes(r)),
    reasons,
    missingQualifications,
  };
}

/** One shared answer for "available": most escorts get it, and a ranking asks thousands at once. */
const AVAILABLE: AvailabilityResult = Object.freeze({ available: true, overridable: false, reasons: Object.freeze([]) as unknown as UnavailableReason[], missingQualifications: Object.freeze([]) as unknown as string[] });

export const LIVE_STATUS_LABELS = {
  idle: '空闲',
  in_service: '服务中',
  assigned: '已派单待出发',
  on_leave: '请假',
  offline: '离线',
} as const;
export type LiveStatus = keyof typeof LIVE_STATUS_LABELS;

export interface LiveStatusInput {
  escortStatus: string;
  /** The escort's orders that are still open (dispatched … in_service), any day. */
  orders: ReadonlyArray<{ status: string; startAt: Instant; endAt: Instant }>;
  leaves: readonly Interval[];
  shifts: readonly Interval[];
}

/**
 * What the escort is doing at `now`, for the console's lists and the day board. In order: serving
 * (started, or on the way), on leave, holding an assignment that starts later today or is due
 * now, free inside a shift, otherwise off the clock.
 */
export function liveStatus(now: Instant, input: LiveStatusInput): LiveStatus {
  if (input.escortStatus !== 'active') return 'offline';
  const t = toEpochMs(now);
  if (input.orders.some(o => o.status === 'in_service' || o.status === 'departed')) return 'in_service';
  if (input.leaves.some(l => contains(l, t))) return 'on_leave';
  const today = toShanghaiDateString(t);
  const waiting = input.orders.some(
    o => (o.status === 'dispatched' || o.status === 'accepted') && toEpochMs(o.endAt) > t && toShanghaiDateString(o.startAt) <= today
  );
  if (waiting) return 'assigned';
  if (input.shifts.some(s => contains(s, t))) return 'idle';
  return 'offline';
}
