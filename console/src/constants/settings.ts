/**
 * Labels for the business settings (backend/src/modules/settings/settings-defaults.ts).
 * settings.test.ts checks that every notification event the backend has a template for is named here.
 */
import type { EnumEntry } from './enums';

export const NOTIFICATION_EVENT = {
  order_created: { label: '订单已提交', color: 'default' },
  order_paid: { label: '支付成功', color: 'green' },
  escort_assigned: { label: '已安排陪诊师（客户）', color: 'blue' },
  new_assignment: { label: '新的派单（陪诊师）', color: 'blue' },
  escort_accepted: { label: '陪诊师已确认', color: 'cyan' },
  escort_declined: { label: '陪诊师拒单（运营）', color: 'red' },
  escort_departed: { label: '陪诊师已出发', color: 'geekblue' },
  service_started: { label: '服务开始', color: 'purple' },
  order_completed: { label: '服务完成', color: 'green' },
  order_cancelled: { label: '订单取消', color: 'default' },
  order_closed: { label: '超时关闭', color: 'default' },
  reschedule_requested: { label: '改约申请（陪诊师）', color: 'orange' },
  reschedule_accepted: { label: '改约成功', color: 'green' },
  reschedule_declined: { label: '改约未成功', color: 'red' },
  order_reminder: { label: '服务提醒', color: 'gold' },
  order_returned_to_pool: { label: '订单退回派单池（调度）', color: 'red' },
  assignment_withdrawn: { label: '订单已收回（陪诊师）', color: 'orange' },
  application_approved: { label: '入驻审核通过', color: 'green' },
  application_rejected: { label: '入驻审核未通过', color: 'red' },
  credential_approved: { label: '证书审核通过', color: 'green' },
  credential_rejected: { label: '证书审核未通过', color: 'red' },
  credential_expiring: { label: '证书即将到期', color: 'gold' },
  credential_expired: { label: '证书已过期', color: 'red' },
  leave_requested: { label: '新的请假申请（运营）', color: 'blue' },
  leave_approved: { label: '请假已批准', color: 'green' },
  leave_rejected: { label: '请假未批准', color: 'red' },
  schedule_change_approved: { label: '排班调整已批准', color: 'green' },
  schedule_change_rejected: { label: '排班调整未批准', color: 'red' },
  ticket_replied: { label: '工单有新回复（提交人）', color: 'blue' },
  ticket_resolved: { label: '工单已解决（提交人）', color: 'green' },
  review_received: { label: '收到新评价（陪诊师）', color: 'cyan' },
  penalty_applied: { label: '处罚通知（陪诊师）', color: 'red' },
} satisfies Record<string, EnumEntry>;
export type NotificationEvent = keyof typeof NOTIFICATION_EVENT;

export const NOTIFICATION_CHANNEL = {
  in_app: { label: '站内信', color: 'blue' },
  wechat: { label: '微信', color: 'green' },
  sms: { label: '短信', color: 'orange' },
} satisfies Record<string, EnumEntry>;
export type NotificationChannel = keyof typeof NOTIFICATION_CHANNEL;

/** Placeholders the backend fills into a template. */
export const TEMPLATE_VARIABLES = ['{orderNo}', '{serviceName}', '{startTime}', '{hospitalName}', '{escortName}', '{reason}', '{code}', '{detail}', '{date}', '{ticketNo}', '{title}', '{days}', '{amount}'];

export const SLOT_MINUTES_OPTIONS = [15, 30, 60] as const;
