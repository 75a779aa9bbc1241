/**
 * Labels and colours for the escort workforce (backend/src/modules/{escorts,schedules,leaves,dispatch}).
 * workforce.test.ts checks them against the backend's own tables.
 */
import type { EnumEntry } from './enums';

export const LIVE_STATUS = {
  idle: { label: '空闲', color: 'green', status: 'Success' },
  in_service: { label: '服务中', color: 'purple', status: 'Processing' },
  assigned: { label: '已派单待出发', color: 'blue', status: 'Processing' },
  on_leave: { label: '请假', color: 'orange', status: 'Warning' },
  offline: { label: '离线', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;
export type LiveStatus = keyof typeof LIVE_STATUS;

export const APPLICATION_STATUS = {
  pending: { label: '待审核', color: 'orange', status: 'Processing' },
  approved: { label: '已通过', color: 'green', status: 'Success' },
  rejected: { label: '已驳回', color: 'red', status: 'Error' },
} satisfies Record<string, EnumEntry>;

export const CREDENTIAL_STATUS = {
  pending: { label: '待审核', color: 'orange', status: 'Processing' },
  approved: { label: '有效', color: 'green', status: 'Success' },
  rejected: { label: '已驳回', color: 'red', status: 'Error' },
  expired: { label: '已过期', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;

export const LEAVE_STATUS = {
  pending: { label: '待审批', color: 'orange', status: 'Processing' },
  approved: { label: '已批准', color: 'green', status: 'Success' },
  rejected: { label: '已驳回', color: 'red', status: 'Error' },
  cancelled: { label: '已撤销', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;
export type LeaveStatus = keyof typeof LEAVE_STATUS;

export const LEAVE_TYPE = {
  personal: { label: '事假', color: 'blue' },
  sick: { label: '病假', color: 'red' },
  annual: { label: '年假', color: 'green' },
  other: { label: '其他', color: 'default' },
} satisfies Record<string, EnumEntry>;

export const CHANGE_REQUEST_STATUS = {
  pending: { label: '待审批', color: 'orange', status: 'Processing' },
  approved: { label: '已批准', color: 'green', status: 'Success' },
  rejected: { label: '已驳回', color: 'red', status: 'Error' },
  withdrawn: { label: '已撤回', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;

export const SHIFT_EXCEPTION_KIND = {
  extra: { label: '加班', color: 'green' },
  off: { label: '休息', color: 'orange' },
} satisfies Record<string, EnumEntry>;

export const EDUCATION = {
  junior_high: { label: '初中', color: 'default' },
  high_school: { label: '高中/中专', color: 'default' },
  college: { label: '大专', color: 'blue' },
  bachelor: { label: '本科', color: 'geekblue' },
  master: { label: '硕士及以上', color: 'purple' },
} satisfies Record<string, EnumEntry>;

/** Pool urgency as the backend computes it from the SLA flags. */
export const POOL_URGENCY = {
  critical: { label: '紧急', color: 'red', status: 'Error' },
  warning: { label: '关注', color: 'orange', status: 'Warning' },
  normal: { label: '正常', color: 'default', status: 'Default' },
} satisfies Record<string, EnumEntry>;

/** One tag per SLA flag a pool row can carry. */
export const POOL_FLAG = {
  started: { label: '已过开始时间', color: 'red' },
  within2h: { label: '2 小时内开始', color: 'red' },
  within24h: { label: '24 小时内开始', color: 'orange' },
  declined: { label: '陪诊师拒单', color: 'volcano' },
  returned: { label: '退回派单池', color: 'gold' },
} satisfies Record<string, EnumEntry>;
export type PoolFlag = keyof typeof POOL_FLAG;

export const CANDIDATE_TIER = {
  available: { label: '可派', color: 'green' },
  overridable: { label: '可例外派单', color: 'orange' },
  unavailable: { label: '不可派', color: 'default' },
} satisfies Record<string, EnumEntry>;

/** The parts of a candidate's score, with their maximum points (backend dispatch/ranking.ts SCORE_WEIGHTS). */
export const SCORE_PART = {
  availability: { label: '可用', max: 30 },
  distance: { label: '距离', max: 25 },
  skills: { label: '技能', max: 15 },
  credentials: { label: '资质', max: 10 },
  rating: { label: '评分', max: 20 },
  load: { label: '当日负荷', max: 10 },
  familiarity: { label: '服务过该客户', max: 10 },
} as const;
export type ScorePart = keyof typeof SCORE_PART;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABEL: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };
