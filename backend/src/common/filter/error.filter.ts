import { Catch, MidwayHttpError } from '@midwayjs/core';
import { MidwayValidationError } from '@midwayjs/validate';
import { Context } from '@midwayjs/koa';
import { AppError } from '../errors';

/**
 * Shapes every failure into `{ success: false, errorCode, errorMessage, requestId }`.
 * Unexpected errors are logged with their stack and answered with a generic message,
 * so internals never leak to a client.
 */
@Catch()
export class ErrorFilter {
  async catch(err: Error, ctx: Context) {
    let status = 500;
    let errorCode = 'INTERNAL_ERROR';
    let errorMessage = '服务器开小差了，请稍后再试';
    let details: unknown;
    if (err instanceof AppError) {
      ({ status, code: errorCode, message: errorMessage, details } = err);
      if (status === 429 && (details as { retryAfterSeconds?: number })?.retryAfterSeconds) {
        ctx.set('Retry-After', String((details as { retryAfterSeconds: number }).retryAfterSeconds));
      }
    } else if (err instanceof MidwayValidationError) {
      status = 400;
      errorCode = 'VALIDATION_FAILED';
      errorMessage = `请求参数不正确：${err.message}`;
    } else if ((err as MidwayHttpError).status === 404 || err.name === 'NotFoundError') {
      status = 404;
      errorCode = 'NOT_FOUND';
      errorMessage = '接口不存在';
    } else if ((err as any).status && (err as any).status < 500) {
      // Errors raised by koa middleware (body too large, malformed JSON...).
      status = (err as any).status;
      errorCode = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST';
      errorMessage = status === 403 ? '没有权限执行此操作' : `请求无效：${err.message}`;
    } else {
      ctx.logger.error(err);
    }
    ctx.status = status;
    const body: Record<string, unknown> = { success: false, errorCode, errorMessage, requestId: ctx.requestId };
    if (details !== undefined) body.details = details;
    return body;
  }
}
