/** Dispatch answers as the backend gives them, for the page tests. */
import type { Candidate, Candidates, DispatchBoard, OrderBrief, Pool, PoolRow } from '@/services/workforce-models';

export function brief(over: Partial<OrderBrief> = {}): OrderBrief {
  return {
    id: 42,
    orderNo: 'PZ2611240900123456',
    status: 'pending_dispatch',
    statusLabel: '待派单',
    cityId: 1,
    customerId: 7,
    serviceItemId: 3,
    serviceName: '门诊陪诊（半天）',
    categoryCode: 'outpatient',
    hospitalId: 11,
    hospitalName: '复旦大学附属中山医院',
    serviceAddress: '',
    escortId: null,
    startAt: '2026-11-24T01:00:00.000Z',
    endAt: '2026-11-24T05:00:00.000Z',
    durationMinutes: 240,
    paidAt: '2026-11-23T02:00:00.000Z',
    assignedAt: null,
    ...over,
  };
}

export function poolRow(over: Partial<PoolRow> = {}): PoolRow {
  return {
    ...brief(),
    flags: { within24h: true, within2h: false, started: false, declined: false, returned: false },
    urgency: 'warning',
    declines: 0,
    returns: 0,
    waitingMinutes: 75,
    ...over,
  };
}

export const pool: Pool = {
  list: [
    poolRow({ id: 1, orderNo: 'PZ-URGENT', urgency: 'critical', flags: { within24h: true, within2h: true, started: false, declined: true, returned: false }, declines: 1 }),
    poolRow({ id: 2, orderNo: 'PZ-LATER', urgency: 'normal', flags: { within24h: false, within2h: false, started: false, declined: false, returned: false } }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
  summary: { unassigned: 2, within24h: 1, within2h: 1, declined: 1, returned: 0, lateToDepart: 1 },
  lateToDepart: [{ ...brief({ id: 9, orderNo: 'PZ-LATE', status: 'accepted', statusLabel: '已接单', escortId: 3 }), escortName: '陈晓燕', minutesToStart: 20 }],
};

export function candidate(over: Partial<Candidate> = {}): Candidate {
  return {
    rank: 1,
    escortId: 1,
    name: '李静',
    level: 'senior',
    levelLabel: '中级',
    tier: 'available',
    available: true,
    overridable: false,
    reasons: [],
    missingQualifications: [],
    score: 96.5,
    parts: { availability: 30, distance: 22.5, skills: 15, credentials: 10, rating: 9, load: 10, familiarity: 0 },
    distanceMeters: 2300,
    todayLoad: 0,
    rating: 4.8,
    ratingCount: 12,
    servedCustomerBefore: false,
    current: false,
    ...over,
  };
}

export const candidates: Candidates = {
  order: brief({ id: 1, orderNo: 'PZ-URGENT' }),
  requirements: { categoryCode: 'outpatient', requiredQualifications: ['basic_escort'], travelBufferMinutes: 30 },
  counts: { total: 3, available: 1, overridable: 1, unavailable: 1 },
  candidates: [
    candidate(),
    candidate({
      rank: 2,
      escortId: 2,
      name: '王强',
      tier: 'overridable',
      available: false,
      overridable: true,
      reasons: [{ code: 'outside_shift', label: '不在排班时间内' }],
      score: 60,
    }),
    candidate({
      rank: 3,
      escortId: 3,
      name: '陈晓燕',
      tier: 'unavailable',
      available: false,
      overridable: false,
      reasons: [{ code: 'on_leave', label: '请假中' }],
      score: 40,
    }),
  ],
};

export const dispatchBoard: DispatchBoard = {
  date: '2026-11-24',
  cityId: 1,
  from: '2026-11-23T16:00:00.000Z',
  to: '2026-11-24T16:00:00.000Z',
  total: 1,
  page: 1,
  pageSize: 100,
  escorts: [
    {
      escortId: 1,
      name: '李静',
      level: 'senior',
      levelLabel: '中级',
      liveStatus: 'assigned',
      liveStatusLabel: '已派单待出发',
      shifts: [{ start: '2026-11-24T00:00:00.000Z', end: '2026-11-24T09:00:00.000Z' }],
      leaves: [],
      orders: [
        { orderId: 7, orderNo: 'PZ-BAR', status: 'accepted', serviceName: '门诊陪诊', hospitalName: '中山医院', startAt: '2026-11-24T01:00:00.000Z', endAt: '2026-11-24T03:00:00.000Z', late: false },
      ],
    },
  ],
  unassigned: [brief({ id: 8, orderNo: 'PZ-WAITING' })],
  summary: { escorts: 3, working: 1, orders: 2, unassigned: 1, byLiveStatus: { idle: 0, in_service: 0, assigned: 1, on_leave: 0, offline: 2 } },
};
