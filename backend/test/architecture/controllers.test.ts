import { CONTROLLER_KEY, getClassMetadata, listModule, RouterOption, WEB_ROUTER_KEY } from '@midwayjs/core';
import { startTestApp, TestApp } from '../helpers/test-app';
import { readAccessRule } from '../../src/common/auth/access.decorator';

interface Route {
  controller: any;
  handler: string;
  verb: string;
  path: string;
}

const isAsync = (fn: unknown) => typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';

/**
 * Every public route, on purpose. A new one must be added here, which makes opening a route a
 * visible decision in review rather than a forgotten decorator.
 */
const PUBLIC_ROUTES = [
  'GET /api/app/cities',
  // The booking page lays out its time grid and shows the cancellation tiers before login.
  'GET /api/app/booking-rules',
  // Terms and privacy are readable before anyone agrees to them.
  'GET /api/app/legal-documents',
  // Customers browse escorts before logging in, like hospitals: public fields only.
  'GET /api/app/escorts',
  'GET /api/app/escorts/:id',
  'GET /api/app/escorts/:id/photo',
  // Published reviews of an escort, like the profile: masked reviewer names, hidden reviews left out.
  'GET /api/app/escorts/:id/reviews',
  // The help center is read before logging in: published customer articles only.
  'GET /api/app/help',
  'GET /api/app/help/articles',
  'GET /api/app/help/articles/:id',
  'GET /api/app/service-categories',
  'GET /api/app/hospitals',
  'GET /api/app/hospitals/:id',
  'GET /api/dev/sms-outbox',
  'GET /api/health',
  'POST /api/admin/auth/login',
  'POST /api/app/auth/sms-code',
  'POST /api/app/auth/sms-login',
  'POST /api/app/auth/wechat-login',
  'POST /api/auth/logout',
  'POST /api/auth/refresh',
  'POST /api/escort/auth/sms-code',
  'POST /api/escort/auth/sms-login',
  // WeChat Pay callbacks: WeChat holds no token of ours; each request is stored raw and believed only
  // after its signature verifies with the platform key (docs/payments.md).
  'POST /api/open/payments/wechat/notify',
  'POST /api/open/payments/wechat/refund-notify',
  // The payment sandbox standing in for WeChat in development and tests: 404 unless
  // PAYMENT_PROVIDER=sandbox outside production (and production refuses to start with it).
  'GET /api/sandbox-pay/transactions/:prepayId',
  'POST /api/sandbox-pay/transactions/:prepayId/pay',
  'POST /api/sandbox-pay/refunds/:outRefundNo/complete',
  'POST /api/sandbox-pay/notifications/redeliver',
];

describe('every controller', () => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = listModule(CONTROLLER_KEY).flatMap(controller => {
      const prefix: string = getClassMetadata(CONTROLLER_KEY, controller)?.prefix ?? '';
      const options: RouterOption[] = getClassMetadata(WEB_ROUTER_KEY, controller) ?? [];
      return options.map(o => ({
        controller,
        handler: o.method as string,
        verb: o.requestMethod.toUpperCase(),
        path: `${prefix}${o.path === '/' ? '' : String(o.path)}`,
      }));
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const name = (r: Route) => `${r.verb} ${r.path} (${r.controller.name}.${r.handler})`;

  it('is found, with its routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(PUBLIC_ROUTES.length + 10);
    expect(routes.map(r => `${r.verb} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/admin/auth/login', 'GET /api/admin/audit-logs'])
    );
  });

  it('declares every route handler async, so Midway awaits its validation pipes', () => {
    // A plain function silently receives ctx as its first argument and skips DTO validation.
    expect(isAsync(async () => undefined)).toBe(true);
    expect(isAsync(() => undefined)).toBe(false);
    const notAsync = routes.filter(r => !isAsync(r.controller.prototype[r.handler])).map(name);
    expect(notAsync).toEqual([]);
  });

  it('declares for every route either @Public or a controller @Audience', () => {
    const undeclared = routes.filter(r => {
      const rule = readAccessRule(r.controller, r.handler);
      return !rule.isPublic && !rule.audience;
    });
    expect(undeclared.map(name)).toEqual([]);
  });

  it('opens to the public exactly the routes meant to be public', () => {
    const open = routes.filter(r => readAccessRule(r.controller, r.handler).isPublic).map(r => `${r.verb} ${r.path}`);
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('asks a permission on every console route except the staff member’s own profile and inbox', () => {
    const unguarded = routes
      .filter(r => {
        const rule = readAccessRule(r.controller, r.handler);
        return rule.audience === 'staff' && !rule.isPublic && rule.permissions.length === 0;
      })
      .map(r => `${r.verb} ${r.path}`);
    expect(unguarded.sort()).toEqual(
      [
        'GET /api/admin/auth/me',
        // Every staff member reads their own messages; the service scopes them to the caller.
        'GET /api/admin/notifications',
        'GET /api/admin/notifications/unread-count',
        'POST /api/admin/notifications/:id/read',
        'POST /api/admin/notifications/read-all',
      ].sort()
    );
  });

  it('keeps each audience under its own URL prefix', () => {
    const prefixOf = { staff: '/api/admin/', customer: '/api/app/', escort: '/api/escort/' } as const;
    const misplaced = routes.filter(r => {
      const audience = readAccessRule(r.controller, r.handler).audience;
      return audience && !r.path.startsWith(prefixOf[audience]);
    });
    expect(misplaced.map(name)).toEqual([]);
  });
});
