import type { Page } from '@/services/models';

/** ProTable passes `current`; the API pages with `page`. Empty filter values are left out. */
export function toPageQuery<P extends Record<string, unknown>>(
  params: P & { current?: number; pageSize?: number },
): Omit<P, 'current'> & { page: number; pageSize: number } {
  const { current, pageSize, ...rest } = params;
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === null || value === '') continue;
    query[key] = typeof value === 'string' ? value.trim() : value;
  }
  return { ...(query as Omit<P, 'current'>), page: current ?? 1, pageSize: pageSize ?? 20 };
}

/** The `{ data, success, total }` shape ProTable's `request` expects. */
export async function toProTableResult<T>(pending: Promise<Page<T>>) {
  const page = await pending;
  return { data: page.list, total: page.total, success: true };
}
