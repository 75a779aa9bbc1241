import { Context } from '@midwayjs/koa';
import type { AuditContext } from '../../modules/audit/audit.service';
import type { ClientMeta } from '../../modules/auth/token.service';
import type { Principal } from './principal';
import { Errors } from '../errors';

export function clientMeta(ctx: Context): ClientMeta {
  return { ip: ctx.ip, userAgent: ctx.get('user-agent') };
}

export function auditContext(ctx: Context): AuditContext {
  return { principal: ctx.principal, ip: ctx.ip, requestId: ctx.requestId };
}

/** The authenticated principal; the guard guarantees it on every non-public route. */
export function principalOf(ctx: Context): Principal {
  if (!ctx.principal) throw Errors.authRequired();
  return ctx.principal;
}
