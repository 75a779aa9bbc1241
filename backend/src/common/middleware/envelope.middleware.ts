import { Middleware, IMiddleware } from '@midwayjs/core';
import { Context, NextFunction } from '@midwayjs/koa';

/**
 * Wraps what an API controller returns into `{ success: true, data }`. Failures are shaped by
 * ErrorFilter; the OpenAPI document and raw callback answers are left as they are.
 */
@Middleware()
export class EnvelopeMiddleware implements IMiddleware<Context, NextFunction> {
  match(ctx: Context) {
    return ctx.path.startsWith('/api/') && !ctx.path.startsWith('/api/docs') && !ctx.path.startsWith('/api/open/');
  }

  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      const result = await next();
      // A handler that answers null ("nothing yet", e.g. no review of this order) leaves koa's
      // default 404 in place with no body; an unmatched route gives undefined, not null.
      if (result === null && ctx.status === 404 && ctx.body == null) return { success: true, data: null };
      // Handlers that shaped the response themselves (errors, streams, files) are left alone.
      if (ctx.status >= 300 || isShaped(ctx.body)) return result;
      return { success: true, data: result === undefined ? null : result };
    };
  }

  static getName() {
    return 'envelope';
  }
}

function isShaped(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  return Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function' || (body as { success?: unknown }).success === false;
}
