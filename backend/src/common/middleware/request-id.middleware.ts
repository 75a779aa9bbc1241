import { Middleware, IMiddleware } from '@midwayjs/core';
import { Context, NextFunction } from '@midwayjs/koa';
import { randomUUID } from 'crypto';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives each request an id (or keeps a well-formed one from the load balancer) for logs and errors. */
@Middleware()
export class RequestIdMiddleware implements IMiddleware<Context, NextFunction> {
  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      const incoming = ctx.get('x-request-id');
      ctx.requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
      ctx.set('X-Request-Id', ctx.requestId);
      // Midway's context logger prints ctx.traceId in every line of this request.
      (ctx as unknown as { traceId: string }).traceId = ctx.requestId;
      await next();
    };
  }

  static getName() {
    return 'requestId';
  }
}
