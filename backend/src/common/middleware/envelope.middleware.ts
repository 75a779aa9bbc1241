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
