/** An error the API (or the way to it) reported, with the backend's stable code and readable message. */
export class ApiError extends Error {
  readonly status: number
  readonly errorCode: string
  readonly errorMessage: string
  readonly requestId?: string

  constructor(status: number, errorCode: string, errorMessage: string, requestId?: string) {
    super(errorMessage)
    this.name = 'ApiError'
    this.status = status
    this.errorCode = errorCode
    this.errorMessage = errorMessage
    this.requestId = requestId
  }
}

/** Codes the client itself produces when the server never answered with an envelope. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
  sessionExpired: 'AUTH_SESSION_EXPIRED',
} as const

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '提交的信息有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '操作冲突，请刷新后重试',
  422: '当前操作无法完成',
  423: '账号已被锁定，请稍后再试',
  429: '操作太频繁，请稍后再试',
  500: '服务器开小差了，请稍后再试',
  502: '服务暂时不可用，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
  504: '服务响应超时，请稍后再试',
}

export function defaultMessageForStatus(status: number): string {
  return MESSAGE_BY_STATUS[status] ?? (status >= 500 ? MESSAGE_BY_STATUS[500] : `请求失败（${status}）`)
}

export function networkError(cause?: unknown): ApiError {
  const err = new ApiError(0, CLIENT_ERROR_CODES.network, '网络不给力，请检查网络后重试')
  if (cause !== undefined) (err as { cause?: unknown }).cause = cause
  return err
}

export function sessionExpiredError(): ApiError {
  return new ApiError(401, CLIENT_ERROR_CODES.sessionExpired, '登录已过期，请重新登录')
}

/** The message a page shows for any thrown value. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.errorMessage
  if (err && typeof err === 'object' && 'errMsg' in err) return '操作失败，请稍后重试'
  return '出了点问题，请稍后重试'
}
