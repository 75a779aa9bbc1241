/**
 * Every TypeORM entity, listed explicitly (globs behave differently under ts-node, jest and the
 * compiled build). A new entity is added here and then `npm run migration:generate`.
 */
import { AnalyticsCustomer } from '../modules/analytics/analytics-customer.entity';
import { AnalyticsOutbox, AnalyticsState } from '../modules/analytics/analytics-outbox.entity';
import {
  AnalyticsComplaintDaily,
  AnalyticsComplaintMonthly,
  AnalyticsDaily,
  AnalyticsDailyCity,
  AnalyticsDailyTotal,
  AnalyticsEscortDaily,
  AnalyticsEscortMonthly,
  AnalyticsHospitalDaily,
  AnalyticsHospitalMonthly,
  AnalyticsMonthly,
  AnalyticsMonthlyCity,
  AnalyticsQuoteDaily,
} from '../modules/analytics/analytics-rollup.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { AuthSession } from '../modules/auth/auth-session.entity';
import { LoginAttempt } from '../modules/auth/login-attempt.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { SmsCode } from '../modules/auth/sms-code.entity';
import { SmsThrottle } from '../modules/auth/sms-throttle.entity';
import { PriceRule } from '../modules/catalog/price-rule.entity';
import { ServiceCityPrice } from '../modules/catalog/service-city-price.entity';
import { ServiceItem } from '../modules/catalog/service-item.entity';
import { City } from '../modules/cities/city.entity';
import { Escort } from '../modules/escorts/escort.entity';
import { EscortApplication } from '../modules/escorts/escort-application.entity';
import { EscortCredential } from '../modules/escorts/escort-credential.entity';
import { EscortFile } from '../modules/escorts/escort-file.entity';
import { EscortReviewDecision } from '../modules/escorts/escort-review-decision.entity';
import { EscortLeave } from '../modules/leaves/escort-leave.entity';
import { EscortShiftException } from '../modules/schedules/escort-shift-exception.entity';
import { EscortWeeklyShift } from '../modules/schedules/escort-weekly-shift.entity';
import { ScheduleChangeRequest } from '../modules/schedules/schedule-change-request.entity';
import { ShiftTemplate } from '../modules/schedules/shift-template.entity';
import { Hospital } from '../modules/hospitals/hospital.entity';
import { HospitalDepartment } from '../modules/hospitals/hospital-department.entity';
import { HospitalNotice } from '../modules/hospitals/hospital-notice.entity';
import { MeetingPoint } from '../modules/hospitals/meeting-point.entity';
import { StepTemplate } from '../modules/hospitals/step-template.entity';
import { Patient } from '../modules/patients/patient.entity';
import { TextIndexEntry } from '../modules/search/text-index.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { NotificationDelivery } from '../modules/notifications/notification-delivery.entity';
import { EscortTimeClaim } from '../modules/orders/escort-time-claim.entity';
import { Order } from '../modules/orders/order.entity';
import { OrderExtraCharge } from '../modules/orders/order-extra-charge.entity';
import { OrderNote } from '../modules/orders/order-note.entity';
import { OrderReschedule } from '../modules/orders/order-reschedule.entity';
import { OrderStatusLog } from '../modules/orders/order-status-log.entity';
import { LedgerEntry } from '../modules/ledger/ledger-entry.entity';
import { LedgerLine } from '../modules/ledger/ledger-line.entity';
import { Payment } from '../modules/payments/payment.entity';
import { PaymentEvent } from '../modules/payments/payment-event.entity';
import { Refund } from '../modules/payments/refund.entity';
import { ReconciliationRun } from '../modules/reconciliation/reconciliation-run.entity';
import { ReconciliationItem } from '../modules/reconciliation/reconciliation-item.entity';
import { Setting } from '../modules/settings/setting.entity';
import { CustomerConsent } from '../modules/consents/customer-consent.entity';
import { CommissionRule, CommissionRuleVersion } from '../modules/commissions/commission-rule.entity';
import { EscortDeduction, SettlementItem, SettlementLine, SettlementPayout, SettlementRun } from '../modules/settlements/settlement.entity';
import { ExportJob } from '../modules/settlements/export-job.entity';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { Customer } from '../modules/users/customer.entity';
import { CustomerCredit } from '../modules/credit/customer-credit.entity';
import { CreditEvent } from '../modules/credit/credit-event.entity';
import { Review } from '../modules/reviews/review.entity';
import { ReviewAppend } from '../modules/reviews/review-append.entity';
import { ReviewStat } from '../modules/reviews/review-stat.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { TicketMessage } from '../modules/tickets/ticket-message.entity';
import { EscortPenalty } from '../modules/tickets/escort-penalty.entity';
import { KbCategory } from '../modules/knowledge/kb-category.entity';
import { KbArticle } from '../modules/knowledge/kb-article.entity';
import { KbArticleVersion } from '../modules/knowledge/kb-article-version.entity';
import { KbVote } from '../modules/knowledge/kb-vote.entity';
import { StaffUser } from '../modules/users/staff-user.entity';

export const ENTITIES: Function[] = [
  AuditLog,
  AuthSession,
  LoginAttempt,
  RefreshToken,
  SmsCode,
  SmsThrottle,
  ServiceItem,
  ServiceCityPrice,
  PriceRule,
  City,
  Escort,
  EscortFile,
  EscortApplication,
  EscortCredential,
  EscortReviewDecision,
  EscortWeeklyShift,
  ShiftTemplate,
  EscortShiftException,
  ScheduleChangeRequest,
  EscortLeave,
  Hospital,
  HospitalDepartment,
  HospitalNotice,
  MeetingPoint,
  StepTemplate,
  Patient,
  TextIndexEntry,
  Customer,
  CustomerConsent,
  StaffUser,
  Order,
  OrderStatusLog,
  OrderNote,
  OrderReschedule,
  OrderExtraCharge,
  EscortTimeClaim,
  IdempotencyKey,
  Payment,
  PaymentEvent,
  Refund,
  ReconciliationRun,
  ReconciliationItem,
  LedgerEntry,
  LedgerLine,
  CommissionRuleVersion,
  CommissionRule,
  SettlementRun,
  SettlementLine,
  SettlementItem,
  SettlementPayout,
  EscortDeduction,
  ExportJob,
  Setting,
  Notification,
  NotificationDelivery,
  CustomerCredit,
  CreditEvent,
  Review,
  ReviewAppend,
  ReviewStat,
  Ticket,
  TicketMessage,
  EscortPenalty,
  KbCategory,
  KbArticle,
  KbArticleVersion,
  KbVote,
  AnalyticsDaily,
  AnalyticsDailyCity,
  AnalyticsDailyTotal,
  AnalyticsComplaintDaily,
  AnalyticsComplaintMonthly,
  AnalyticsEscortDaily,
  AnalyticsEscortMonthly,
  AnalyticsHospitalDaily,
  AnalyticsHospitalMonthly,
  AnalyticsMonthly,
  AnalyticsMonthlyCity,
  AnalyticsQuoteDaily,
  AnalyticsCustomer,
  AnalyticsOutbox,
  AnalyticsState,
];
