/**
 * The console's finance routes, written by hand: the backend is adding them and they are not yet
 * in backend/openapi.json. Once they are exported, `npm run gen:api` generates the same calls
 * (admin-payments.ts, admin-refunds.ts) and this module goes, its callers importing from
 * '@/services/generated' instead. Same shape as the generated files: `request` from '@umijs/max',
 * the response unwrapped from `{ success, data }` by src/utils/request-config.ts.
 */
import { request } from '@umijs/max';
import type { RequestOptions } from '@umijs/max';
import type {
  AdminPayment,
  AdminPaymentDetail,
  AdminRefund,
  CreateRefundBody,
  OrderMoney,
  Page,
  PaymentQuery,
  RefundQuery,
} from './models';

const id = (value: number | string) => encodeURIComponent(String(value));

/** GET /api/admin/payments (payment:read) */
export async function getAdminPayments(params: PaymentQuery, options?: RequestOptions) {
  return request<Page<AdminPayment>>('/api/admin/payments', { method: 'GET', params, ...(options || {}) });
}

/** GET /api/admin/payments/:id (payment:read): the payment and its raw callbacks. */
export async function getAdminPaymentsById(params: { id: number | string }, options?: RequestOptions) {
  return request<AdminPaymentDetail>(`/api/admin/payments/${id(params.id)}`, { method: 'GET', ...(options || {}) });
}

/** GET /api/admin/refunds (payment:read) */
export async function getAdminRefunds(params: RefundQuery, options?: RequestOptions) {
  return request<Page<AdminRefund>>('/api/admin/refunds', { method: 'GET', params, ...(options || {}) });
}

/** POST /api/admin/orders/:id/refunds (refund:write): a staff refund, waiting for approval. */
export async function postAdminOrdersByIdRefunds(params: { id: number | string }, body: CreateRefundBody, options?: RequestOptions) {
  return request<AdminRefund>(`/api/admin/orders/${id(params.id)}/refunds`, { method: 'POST', data: body, ...(options || {}) });
}

/** POST /api/admin/refunds/:id/approve (refund:approve) */
export async function postAdminRefundsByIdApprove(params: { id: number | string }, options?: RequestOptions) {
  return request<AdminRefund>(`/api/admin/refunds/${id(params.id)}/approve`, { method: 'POST', ...(options || {}) });
}

/** POST /api/admin/refunds/:id/reject (refund:approve) */
export async function postAdminRefundsByIdReject(params: { id: number | string }, body: { reason: string }, options?: RequestOptions) {
  return request<AdminRefund>(`/api/admin/refunds/${id(params.id)}/reject`, { method: 'POST', data: body, ...(options || {}) });
}

/** POST /api/admin/refunds/:id/retry (refund:write): sends a failed refund again. */
export async function postAdminRefundsByIdRetry(params: { id: number | string }, options?: RequestOptions) {
  return request<AdminRefund>(`/api/admin/refunds/${id(params.id)}/retry`, { method: 'POST', ...(options || {}) });
}

/** GET /api/admin/orders/:id/money (payment:read): payments, refunds and ledger entries of one order. */
export async function getAdminOrdersByIdMoney(params: { id: number | string }, options?: RequestOptions) {
  return request<OrderMoney>(`/api/admin/orders/${id(params.id)}/money`, { method: 'GET', ...(options || {}) });
}
