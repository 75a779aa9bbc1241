/**
 * Operator settings with their defaults. A group is stored only once staff change it; until then
 * these defaults apply. Times of day are Asia/Shanghai wall-clock `HH:mm`.
 */

export interface BookingRules {
  /** Latest bookable day: today (Shanghai) + this many days. 0 = same day only. */
  maxDaysAhead: number;
  /** A booking must start at least this many minutes from now. */
  minLeadMinutes: number;
  /** Earliest and latest start time of day (the start itself, not the end). */
  serviceStartFrom: string;
  serviceStartUntil: string;
  /** Start times and durations are multiples of this; also the size of an escort's time cell. */
  slotMinutes: number;
  /** An unpaid order closes, releasing any claimed time, after this many minutes. */
  paymentWindowMinutes: number;
}

/** Cancelling `hoursBefore` or more hours before the start costs `penaltyBp` of what was paid. */
export interface PenaltyTier {
  hoursBefore: number;
  penaltyBp: number;
}

export interface CancellationRules {
  /** Checked from the largest `hoursBefore` down; the first tier the cancellation reaches applies. */
  tiers: PenaltyTier[];
}

export type NotificationEvent =
  | 'order_created'
  | 'order_paid'
  | 'escort_assigned'
  | 'escort_accepted'
  | 'escort_declined'
  | 'escort_departed'
  | 'service_started'
  | 'order_completed'
  | 'order_cancelled'
  | 'order_closed'
  | 'reschedule_requested'
  | 'reschedule_accepted'
  | 'reschedule_declined'
  | 'order_reminder'
  | 'new_assignment'
  | 'order_returned_to_pool'
  | 'assignment_withdrawn'
  | 'application_approved'
  | 'application_rejected'
  | 'credential_approved'
  | 'credential_rejected'
  | 'credential_expiring'
  | 'credential_expired'
  | 'leave_approved'
  | 'leave_rejected'
  | 'leave_requested'
  | 'schedule_change_approved'
  | 'schedule_change_rejected'
  | 'ticket_replied'
  | 'ticket_resolved'
  | 'review_received'
  | 'penalty_applied';

export type NotificationChannelCode = 'in_app' | 'wechat' | 'sms';

export interface NotificationTemplate {
  title: string;
  /**
   * `{orderNo}`, `{serviceName}`, `{startTime}`, `{hospitalName}`, `{escortName}`, `{reason}`, `{code}` are filled in
   * for orders; workforce messages use `{escortName}`, `{reason}`, `{detail}`, `{date}`; service-quality messages
   * (tickets, reviews, penalties) `{ticketNo}`, `{title}`, `{orderNo}`, `{detail}`, `{days}`, `{amount}`, `{reason}`.
   */
  body: string;
  channels: NotificationChannelCode[];
}

export interface NotificationSettings {
  /** Customers and escorts are reminded this many hours before the start. */
  reminderHoursBefore: number;
  templates: Record<NotificationEvent, NotificationTemplate>;
}

/**
 * Money rules for finance: staff refunds above the threshold wait for a finance approver; escorts
 * are settled weekly or monthly. (The escort's share is a dated commission rule: modules/commissions.)
 */
export interface FinanceRules {
  /** A staff refund of more than this many fen waits in `awaiting_approval` (default ¥500). */
  refundApprovalThresholdFen: number;
  /** The period of a settlement run (Shanghai calendar: Monday–Sunday weeks or calendar months). */
  settlementCadence: 'weekly' | 'monthly';
}

/** Escort workforce: dispatch timing and credential expiry warnings (commission by level × category is a dated rule: modules/commissions). */
export interface WorkforceRules {
  /** A dispatched order not accepted within this many minutes goes back to the pool (with an alert). */
  acceptTimeoutMinutes: number;
  /** Kept free between an escort's orders for getting from one place to the next. */
  travelBufferMinutes: number;
  /** Credentials are warned about this many days before they expire. */
  expiryWarningDays: number;
  /** An assigned escort who has not departed this many minutes before the start is flagged late. */
  lateDepartMinutes: number;
}

export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/**
 * A credit tier: below `below` points the customer may hold at most `maxOpenOrders` open orders
 * (0 = cannot book, null = no limit from this tier) and must pay a refundable deposit of
 * `depositFen` with each booking (0 or absent = none). Every tier the score falls under applies;
 * of several, the strictest limit and the largest deposit win.
 */
export interface CreditTier {
  below: number;
  maxOpenOrders: number | null;
  depositFen?: number;
}

/** Service quality: ticket SLA, the reopen window, when a review opens a follow-up, and customer credit. */
export interface QualityRules {
  /** First staff answer due within this many hours of a ticket opening, by priority. */
  firstResponseHours: Record<TicketPriority, number>;
  /** A resolved or closed ticket may be reopened for this many days after it was resolved. */
  reopenDays: number;
  /** A review whose overall (or any escort dimension) is at or below this opens a follow-up ticket. */
  lowScoreThreshold: number;
  /** Score a customer starts with, and the most they can hold. */
  creditInitialScore: number;
  /** Points each behaviour moves the score by (negative = lost). */
  creditDeltas: Record<'completed' | 'late_cancel' | 'no_show' | 'abusive_report' | 'false_info', number>;
  /** Restrictions by score (open-order limits, deposits); see CreditTier. */
  creditTiers: CreditTier[];
}

export interface SettingsGroups {
  finance: FinanceRules;
  booking: BookingRules;
  cancellation: CancellationRules;
  notifications: NotificationSettings;
  workforce: WorkforceRules;
  quality: QualityRules;
}
export type SettingsKey = keyof SettingsGroups;

export const DEFAULT_SETTINGS: SettingsGroups = {
  finance: {
    refundApprovalThresholdFen: 50_000,
    settlementCadence: 'monthly',
  },
  booking: {
    maxDaysAhead: 3,
    minLeadMinutes: 60,
    serviceStartFrom: '07:00',
    serviceStartUntil: '18:00',
    slotMinutes: 30,
    paymentWindowMinutes: 15,
  },
  cancellation: {
    tiers: [
      { hoursBefore: 24, penaltyBp: 0 },
      { hoursBefore: 2, penaltyBp: 2000 },
      { hoursBefore: 0, penaltyBp: 5000 },
    ],
  },
  notifications: {
    reminderHoursBefore: 2,
    templates: {
      order_created: { title: '订单已提交', body: '您的{serviceName}订单 {orderNo} 已提交，请在 15 分钟内完成支付。', channels: ['in_app'] },
      order_paid: { title: '预约成功', body: '订单 {orderNo} 已支付，{startTime} 在{hospitalName}的服务已预约，我们正在为您安排陪诊师。', channels: ['in_app', 'wechat'] },
      escort_assigned: { title: '已为您安排陪诊师', body: '订单 {orderNo} 的陪诊师为 {escortName}，服务时间 {startTime}。', channels: ['in_app', 'wechat'] },
      escort_accepted: { title: '陪诊师已确认', body: '{escortName} 已确认订单 {orderNo}，将按时为您服务。', channels: ['in_app'] },
      escort_declined: { title: '陪诊师拒单', body: '{escortName} 拒绝了订单 {orderNo}（{startTime} {hospitalName}），订单已回到派单池。{reason}', channels: ['in_app'] },
      escort_departed: { title: '陪诊师已出发', body: '{escortName} 已出发前往{hospitalName}，请保持电话畅通。', channels: ['in_app', 'wechat'] },
      service_started: { title: '服务已开始', body: '订单 {orderNo} 的服务已开始。服务结束时请向陪诊师出示核销码 {code}。', channels: ['in_app'] },
      order_completed: { title: '服务已完成', body: '订单 {orderNo} 已完成，欢迎评价本次服务。', channels: ['in_app', 'wechat'] },
      order_cancelled: { title: '订单已取消', body: '订单 {orderNo} 已取消。{reason}', channels: ['in_app', 'wechat', 'sms'] },
      order_closed: { title: '订单已关闭', body: '订单 {orderNo} 超时未支付，已自动关闭。', channels: ['in_app'] },
      reschedule_requested: { title: '改约申请', body: '订单 {orderNo} 申请改约到 {startTime}，请确认。', channels: ['in_app', 'sms'] },
      reschedule_accepted: { title: '改约成功', body: '订单 {orderNo} 已改约到 {startTime}。', channels: ['in_app', 'wechat'] },
      reschedule_declined: { title: '改约未成功', body: '订单 {orderNo} 的改约申请未被接受，原预约时间不变。', channels: ['in_app'] },
      order_reminder: { title: '服务提醒', body: '订单 {orderNo} 将于 {startTime} 在{hospitalName}开始，请提前准备。', channels: ['in_app', 'wechat', 'sms'] },
      new_assignment: { title: '新的派单', body: '您有新的订单 {orderNo}：{startTime} {hospitalName} {serviceName}，请尽快确认。', channels: ['in_app', 'sms'] },
      order_returned_to_pool: { title: '订单退回派单池', body: '订单 {orderNo}（{startTime} {hospitalName}）已退回派单池，请尽快重新派单。{reason}', channels: ['in_app'] },
      assignment_withdrawn: { title: '订单已收回', body: '订单 {orderNo}（{startTime} {hospitalName}）已收回，无需前往。{reason}', channels: ['in_app', 'sms'] },
      application_approved: { title: '入驻审核通过', body: '{escortName}，您的入驻申请已通过，欢迎加入！', channels: ['in_app', 'sms'] },
      application_rejected: { title: '入驻审核未通过', body: '{escortName}，您的入驻申请未通过：{reason}。修改后可重新提交。', channels: ['in_app', 'sms'] },
      credential_approved: { title: '证书审核通过', body: '您提交的{detail}已审核通过。', channels: ['in_app'] },
      credential_rejected: { title: '证书审核未通过', body: '您提交的{detail}未通过审核：{reason}', channels: ['in_app', 'sms'] },
      credential_expiring: { title: '证书即将到期', body: '您的{detail}将于 {date} 到期，请及时更新，到期后将无法接单。', channels: ['in_app', 'sms'] },
      credential_expired: { title: '证书已过期', body: '您的{detail}已于 {date} 到期，相关服务暂停派单，请尽快更新。', channels: ['in_app', 'sms'] },
      leave_approved: { title: '请假已批准', body: '您 {detail} 的请假已批准。', channels: ['in_app'] },
      leave_rejected: { title: '请假未批准', body: '您 {detail} 的请假未批准：{reason}', channels: ['in_app'] },
      leave_requested: { title: '新的请假申请', body: '{escortName} 申请请假 {detail}，请审批。', channels: ['in_app'] },
      schedule_change_approved: { title: '排班调整已批准', body: '您 {date} 的排班调整（{detail}）已批准。', channels: ['in_app'] },
      schedule_change_rejected: { title: '排班调整未批准', body: '您 {date} 的排班调整（{detail}）未批准：{reason}', channels: ['in_app'] },
      ticket_replied: { title: '客服回复了您的工单', body: '工单 {ticketNo}「{title}」有新的回复：{detail}', channels: ['in_app'] },
      ticket_resolved: { title: '工单已解决', body: '工单 {ticketNo}「{title}」已解决：{detail}。如仍有问题，可在 {days} 天内重新打开。', channels: ['in_app', 'wechat'] },
      review_received: { title: '收到新的评价', body: '订单 {orderNo} 收到了客户评价：{detail}', channels: ['in_app'] },
      penalty_applied: { title: '处罚通知', body: '因工单 {ticketNo}（订单 {orderNo}），您被处罚 {amount} 元，将在结算时扣除。原因：{reason}', channels: ['in_app', 'sms'] },
    },
  },
  workforce: {
    acceptTimeoutMinutes: 30,
    travelBufferMinutes: 30,
    expiryWarningDays: 30,
    lateDepartMinutes: 30,
  },
  quality: {
    firstResponseHours: { urgent: 1, high: 4, normal: 24, low: 72 },
    reopenDays: 7,
    lowScoreThreshold: 2,
    creditInitialScore: 100,
    creditDeltas: { completed: 1, late_cancel: -5, no_show: -10, abusive_report: -20, false_info: -20 },
    creditTiers: [
      { below: 80, maxOpenOrders: 1 },
      { below: 60, maxOpenOrders: 0 },
    ],
  },
};
