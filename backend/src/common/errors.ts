/**
 * One error type for everything the API refuses on purpose. `code` is a stable string clients
 * may branch on; `message` is readable Chinese shown to people; `status` is the HTTP status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const Errors = {
  validation: (message = '请求参数不正确', details?: unknown) => new AppError(400, 'VALIDATION_FAILED', message, details),
  authRequired: () => new AppError(401, 'AUTH_REQUIRED', '请先登录'),
  tokenInvalid: () => new AppError(401, 'AUTH_TOKEN_INVALID', '登录凭证无效，请重新登录'),
  tokenExpired: () => new AppError(401, 'AUTH_TOKEN_EXPIRED', '登录已过期，请重新登录'),
  tokenReused: () => new AppError(401, 'AUTH_TOKEN_REUSED', '登录凭证已被使用，为安全起见已退出所有设备，请重新登录'),
  invalidCredentials: () => new AppError(401, 'AUTH_INVALID_CREDENTIALS', '账号或密码错误'),
  smsCodeInvalid: () => new AppError(401, 'AUTH_SMS_CODE_INVALID', '验证码错误或已过期'),
  accountLocked: (minutes: number) =>
    new AppError(423, 'AUTH_ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`),
  accountDisabled: () => new AppError(403, 'AUTH_ACCOUNT_DISABLED', '账号已停用，请联系管理员'),
  forbidden: (message = '没有权限执行此操作') => new AppError(403, 'FORBIDDEN', message),
  cityScope: () => new AppError(403, 'CITY_SCOPE_FORBIDDEN', '无权操作该城市的数据'),
  notFound: (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在`),
  conflict: (code: string, message: string, details?: unknown) => new AppError(409, code, message, details),
  rule: (code: string, message: string, details?: unknown) => new AppError(422, code, message, details),
  rateLimited: (code: string, message: string, retryAfterSeconds?: number) =>
    new AppError(429, code, message, retryAfterSeconds ? { retryAfterSeconds } : undefined),
};
