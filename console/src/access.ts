import { PERMISSION, type Permission } from './constants/permissions';
import type { InitialState } from './utils/session';

/**
 * Access flags for routes (`access` in config/routes.ts) and for buttons (`useAccess()`). Each flag
 * is exactly one permission string from the user's profile.
 */
export const ACCESS_PERMISSIONS = {
  canReadDashboard: PERMISSION.dashboardRead,
  canReadStaff: PERMISSION.staffRead,
  canWriteStaff: PERMISSION.staffWrite,
  canReadAudit: PERMISSION.auditRead,
  canReadCities: PERMISSION.cityRead,
  canReadHospitals: PERMISSION.hospitalRead,
  canWriteHospitals: PERMISSION.hospitalWrite,
  canReadEscorts: PERMISSION.escortRead,
  canWriteEscorts: PERMISSION.escortWrite,
  canReviewEscorts: PERMISSION.escortReview,
  canWriteSchedules: PERMISSION.scheduleWrite,
  canWriteLeaves: PERMISSION.leaveWrite,
  canReadCatalog: PERMISSION.catalogRead,
  canWriteCatalog: PERMISSION.catalogWrite,
  canReadCustomers: PERMISSION.customerRead,
  canRevealPii: PERMISSION.piiReveal,
  canReadOrders: PERMISSION.orderRead,
  canWriteOrders: PERMISSION.orderWrite,
  canDispatchOrders: PERMISSION.orderDispatch,
  canReadSettings: PERMISSION.settingsRead,
  canWriteSettings: PERMISSION.settingsWrite,
  canReadPayments: PERMISSION.paymentRead,
  canWriteRefunds: PERMISSION.refundWrite,
  canApproveRefunds: PERMISSION.refundApprove,
  canReconcile: PERMISSION.reconciliationWrite,
  canReadSettlements: PERMISSION.settlementRead,
  canWriteSettlements: PERMISSION.settlementWrite,
  canPaySettlements: PERMISSION.settlementPay,
  canWriteCommission: PERMISSION.commissionWrite,
  canReadReviews: PERMISSION.reviewRead,
  canModerateReviews: PERMISSION.reviewModerate,
  canReadTickets: PERMISSION.ticketRead,
  canWriteTickets: PERMISSION.ticketWrite,
  canReadKnowledge: PERMISSION.knowledgeRead,
  canWriteKnowledge: PERMISSION.knowledgeWrite,
  canReadCredit: PERMISSION.creditRead,
  canWriteCredit: PERMISSION.creditWrite,
  canReadAnalytics: PERMISSION.analyticsRead,
} as const satisfies Record<string, Permission>;

/**
 * Menu groups are shown when any page inside is: ProLayout would otherwise show an empty group
 * to a role that can open none of its pages.
 */
export const MENU_GROUPS = {
  canSeeBasicData: ['canReadHospitals'],
  canSeeWorkforce: ['canReadEscorts', 'canReviewEscorts'],
  canSeeSystem: ['canReadStaff', 'canReadAudit', 'canReadSettings'],
  canSeeQuality: ['canReadReviews', 'canReadTickets', 'canReadKnowledge', 'canReadCredit'],
} as const satisfies Record<string, readonly (keyof typeof ACCESS_PERMISSIONS)[]>;

export type PermissionFlags = Record<keyof typeof ACCESS_PERMISSIONS, boolean>;
export type AccessFlags = PermissionFlags & Record<keyof typeof MENU_GROUPS, boolean>;

export default function access(initialState: InitialState | undefined): AccessFlags {
  const granted = new Set(initialState?.currentUser?.permissions ?? []);
  const flags = {} as AccessFlags;
  for (const [flag, permission] of Object.entries(ACCESS_PERMISSIONS)) {
    flags[flag as keyof PermissionFlags] = granted.has(permission);
  }
  for (const [group, members] of Object.entries(MENU_GROUPS)) {
    flags[group as keyof typeof MENU_GROUPS] = members.some((m) => flags[m]);
  }
  return flags;
}
