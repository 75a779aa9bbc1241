import { Guard, IGuard, ILogger, Inject, Logger } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { readAccessRule } from './access.decorator';
import type { Principal } from './principal';
import { Errors } from '../errors';
import { TokenService } from '../../modules/auth/token.service';
import { StaffUserService } from '../../modules/users/staff-user.service';
import { CustomerService } from '../../modules/users/customer.service';
import { EscortService } from '../../modules/escorts/escort.service';
import { cityScopeOf, permissionsOf } from '../../modules/users/roles';

/**
 * The global guard: every route is closed unless its controller declares an audience (and the
 * route its permissions) or marks it @Public. Access follows decorators, never URL patterns.
 */
@Guard()
export class AccessGuard implements IGuard<Context> {
  @Inject()
  tokens: TokenService;

  @Inject()
  staffUsers: StaffUserService;

  @Inject()
  customers: CustomerService;

  @Inject()
  escorts: EscortService;

  @Logger()
  logger: ILogger;

  async canActivate(ctx: Context, controller: any, methodName: string): Promise<boolean> {
    const rule = readAccessRule(controller, methodName);
    if (rule.isPublic) return true;
    if (!rule.audience) {
      this.logger.error(`route ${controller?.name}.${methodName} declares no access rule; refusing`);
      throw Errors.forbidden();
    }
    const header = ctx.get('authorization');
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header);
    if (!match) throw Errors.authRequired();
    const claims = await this.tokens.verifyAccess(match[1]);
    if (claims.audience !== rule.audience) throw Errors.forbidden('当前账号无权访问此接口');
    ctx.principal = await this.loadPrincipal(claims.audience, claims.subjectId, claims.sessionId);
    // Shown as the user in every log line of this request.
    (ctx as unknown as { userId: string }).userId = `${claims.audience}:${claims.subjectId}`;
    for (const permission of rule.permissions) {
      if (!ctx.principal.permissions.has(permission)) throw Errors.forbidden();
    }
    return true;
  }

  /** Reads the account fresh on each request so disabling or re-roling someone takes effect at once. */
  private async loadPrincipal(audience: Principal['audience'], id: number, sessionId: string): Promise<Principal> {
    if (audience === 'staff') {
      const user = await this.staffUsers.findActive(id);
      if (!user) throw Errors.tokenInvalid();
      return {
        audience,
        userId: id,
        sessionId,
        displayName: user.displayName,
        roles: user.roles,
        permissions: permissionsOf(user.roles),
        cityIds: cityScopeOf(user.roles, user.cityIds),
      };
    }
    const account = audience === 'customer' ? await this.customers.findActive(id) : await this.escorts.findUsable(id);
    if (!account) throw Errors.tokenInvalid();
    const displayName = audience === 'customer' ? (account as { nickname: string }).nickname : (account as { name: string }).name;
    return { audience, userId: id, sessionId, displayName, roles: [], permissions: new Set(), cityIds: null };
  }
}
