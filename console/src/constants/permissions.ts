/**
 * Permission strings as the backend grants them (docs/api-foundation.md). The console only reads
 * `permissions` from the signed-in user's profile; it never derives them from role names.
 */
export const PERMISSION = {
  dashboardRead: 'dashboard:read',
  staffRead: 'staff:read',
  staffWrite: 'staff:write',
  auditRead: 'audit:read',
  cityRead: 'city:read',
  hospitalRead: 'hospital:read',
  hospitalWrite: 'hospital:write',
  escortRead: 'escort:read',
  catalogRead: 'catalog:read',
  catalogWrite: 'catalog:write',
  customerRead: 'customer:read',
  piiReveal: 'pii:reveal',
  orderRead: 'order:read',
  orderWrite: 'order:write',
  orderDispatch: 'order:dispatch',
  settingsRead: 'settings:read',
  settingsWrite: 'settings:write',
  paymentRead: 'payment:read',
  refundWrite: 'refund:write',
  refundApprove: 'refund:approve',
  analyticsRead: 'analytics:read',
} as const;
export type Permission = (typeof PERMISSION)[keyof typeof PERMISSION];
