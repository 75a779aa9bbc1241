/**
 * The backend's failure envelope `{ success: false, errorCode, errorMessage, requestId }` as an
 * Error, so pages can branch on a stable code (`USERNAME_TAKEN`) and show the readable message.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly requestId?: string;
  /** What the backend attached to explain a refusal (e.g. the orders a leave or a suspension collides with). */
  readonly details?: unknown;

  constructor(init: { status: number; errorCode: string; errorMessage: string; requestId?: string; details?: unknown }) {
    super(init.errorMessage);
    this.name = 'ApiError';
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMessage = init.errorMessage;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: '请求参数有误',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已被修改，请刷新后重试',
  422: '当前状态不允许此操作',
  423: '账号已锁定，请稍后再试',
  429: '操作太频繁，请稍后再试',
  500: '服务器开小差了，请稍后重试',
};

interface FailureBody {
  success?: boolean;
  errorCode?: unknown;
  errorMessage?: unknown;
  requestId?: unknown;
  details?: unknown;
}

/** Builds an ApiError from an HTTP status and a (possibly missing or non-JSON) response body. */
export function apiErrorFrom(status: number | undefined, body: unknown): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as FailureBody;
  const code = typeof b.errorCode === 'string' ? b.errorCode : status ? `HTTP_${status}` : 'NETWORK_ERROR';
  const fallback = status ? FALLBACK_BY_STATUS[status] ?? `请求失败（${status}）` : '网络异常，请检查网络后重试';
  return new ApiError({
    status: status ?? 0,
    errorCode: code,
    errorMessage: typeof b.errorMessage === 'string' && b.errorMessage ? b.errorMessage : fallback,
    requestId: typeof b.requestId === 'string' ? b.requestId : undefined,
    details: b.details,
  });
}

/** Readable message for anything a request may throw. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return error.errorMessage;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}
