/**
 * The 支付记录 filters as the API reads them: ProTable's `current` becomes `page`, empty fields are
 * left out, and the picked Shanghai calendar days become the half-open UTC range [from, to).
 */
import type { PaymentStatus } from '@/constants/finance';
type PaymentQuery = API.GetAdminPaymentsParams;
import { toPageQuery } from '@/utils/pro-table';
import { shanghaiDaysToUtcRange } from '@/utils/time';

export interface PaymentTableParams {
  current?: number;
  pageSize?: number;
  status?: PaymentStatus;
  orderNo?: string;
  channelTransactionId?: string;
  /** Inclusive Shanghai days, YYYY-MM-DD (the date-range picker's strings). */
  createdDays?: [string, string];
}

export function toPaymentQuery(params: PaymentTableParams): PaymentQuery {
  const { createdDays, ...rest } = params;
  const query: PaymentQuery = toPageQuery(rest);
  if (createdDays?.[0] && createdDays?.[1]) Object.assign(query, shanghaiDaysToUtcRange(createdDays[0], createdDays[1]));
  return query;
}

/**
 * Raw callback headers or body as indented JSON. The backend stores the body exactly as received,
 * so it may be JSON text, an already-parsed object, or text that is not JSON at all (kept as is:
 * a malformed callback is exactly what a person wants to see unchanged).
 */
export function formatRawJson(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}
