export const MAX_PAGE_SIZE = 100;

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  list: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function toPage<T>(list: T[], total: number, q: PageQuery): Page<T> {
  return { list, total, page: q.page, pageSize: q.pageSize };
}
