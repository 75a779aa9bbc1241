import { JwtService } from '@midwayjs/jwt';
import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, countChanges, customerLogin, escortLogin, expectError, expectOk, loginAs, rowCounts } from '../helpers/http';
import { AuthSession } from '../../src/modules/auth/auth-session.entity';
import { RefreshToken } from '../../src/modules/auth/refresh-token.entity';
import { StaffUser } from '../../src/modules/users/staff-user.entity';
import { DEV_JWT_SECRET } from '../../src/config/settings';

const ISSUER = 'escort-platform';

function decodePart(token: string, index: 0 | 1): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8'));
}

function encodePart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Changes one character in the middle of a base64url segment, keeping it valid base64url. */
function flipChar(segment: string): string {
  const i = Math.floor(segment.length / 2);
  return segment.slice(0, i) + (segment[i] === 'A' ? 'B' : 'A') + segment.slice(i + 1);
}

describe('tokens', () => {
  let t: TestApp;
  let jwt: JwtService;

  beforeAll(async () => {
    t = await startTestApp();
    jwt = await t.app.getApplicationContext().getAsync(JwtService);
  });
  afterAll(async () => {
    await t.close();
  });

  const refresh = (refreshToken: string) => t.http().post('/api/auth/refresh').send({ refreshToken });
  const logout = (refreshToken: string) => t.http().post('/api/auth/logout').send({ refreshToken });
  const staffMe = (token: string) => t.http().get('/api/admin/auth/me').set(bearer(token));
  const sessionOf = (accessToken: string) =>
    t.dataSource.getRepository(AuthSession).findOneByOrFail({ id: decodePart(accessToken, 1).sid });

  /** Claims exactly like a real staff token's, signed with the development secret unless told otherwise. */
  async function forge(claims: Record<string, unknown>, secret = DEV_JWT_SECRET): Promise<string> {
    const real = expectOk(await loginAs(t, 'support', 'Support@12345')).accessToken;
    const { sid, sub, aud } = decodePart(real, 1);
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign({ sid, sub, aud, iss: ISSUER, iat: now, exp: now + 600, ...claims }, secret, { algorithm: 'HS256' });
  }

  describe('refresh', () => {
    it('rotates the refresh token and keeps the session', async () => {
      const first = expectOk(await loginAs(t, 'ops', 'Ops@123456'));
      const before = await rowCounts(t);
      const second = expectOk(await refresh(first.refreshToken));
      expect(second).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        accessExpiresIn: first.accessExpiresIn,
        refreshExpiresIn: expect.any(Number),
      });
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(decodePart(second.accessToken, 1).sid).toBe(decodePart(first.accessToken, 1).sid);
      expect(countChanges(before, await rowCounts(t))).toEqual({ refresh_tokens: 1 });
      const rows = await t.dataSource
        .getRepository(RefreshToken)
        .find({ where: { sessionId: decodePart(first.accessToken, 1).sid }, order: { id: 'ASC' } });
      expect(rows.map(r => r.rotatedAt === null)).toEqual([false, true]);
      expect(expectOk(await staffMe(second.accessToken)).username).toBe('ops');
    });

    it('treats a reused refresh token as theft: 401 AUTH_TOKEN_REUSED, and the whole session ends', async () => {
      const first = expectOk(await loginAs(t, 'ops', 'Ops@123456'));
      const elsewhere = expectOk(await loginAs(t, 'ops', 'Ops@123456'));
      const second = expectOk(await refresh(first.refreshToken));
      const third = expectOk(await refresh(second.refreshToken));

      expectError(await refresh(first.refreshToken), 401, 'AUTH_TOKEN_REUSED');
      expect(await sessionOf(first.accessToken)).toMatchObject({ revokedAt: expect.any(Date), revokeReason: 'refresh_reuse' });
      expectError(await refresh(third.refreshToken), 401, 'AUTH_TOKEN_INVALID');
      expectError(await staffMe(third.accessToken), 401, 'AUTH_TOKEN_INVALID');
      expectError(await staffMe(first.accessToken), 401, 'AUTH_TOKEN_INVALID');

      // Another login of the same person is another family and keeps working.
      expectOk(await staffMe(elsewhere.accessToken));
      expectOk(await refresh(elsewhere.refreshToken));
    });

    it('rotates customer and escort tokens too, keeping their audience', async () => {
      const customer = await customerLogin(t, '13500000001');
      const customerPair = expectOk(await refresh(customer.refreshToken));
      expect(expectOk(await t.http().get('/api/app/me').set(bearer(customerPair.accessToken))).id).toBe(customer.user.id);
      expectError(await staffMe(customerPair.accessToken), 403, 'FORBIDDEN');

      const escort = await escortLogin(t, '13900000003');
      const escortPair = expectOk(await refresh(escort.refreshToken));
      expect(expectOk(await t.http().get('/api/escort/me').set(bearer(escortPair.accessToken))).id).toBe(escort.user.id);
    });

    it('refuses an unknown refresh token with 401 AUTH_TOKEN_INVALID and writes nothing', async () => {
      const before = await rowCounts(t);
      expectError(await refresh('x'.repeat(43)), 401, 'AUTH_TOKEN_INVALID');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('refuses a malformed refresh body with 400', async () => {
      expectError(await refresh('short'), 400, 'VALIDATION_FAILED');
      expectError(await t.http().post('/api/auth/refresh').send({}), 400, 'VALIDATION_FAILED');
    });

    it('refuses an expired refresh token with 401 AUTH_TOKEN_EXPIRED', async () => {
      const pair = expectOk(await loginAs(t, 'finance', 'Finance@12345'));
      await t.dataSource
        .getRepository(RefreshToken)
        .update({ sessionId: decodePart(pair.accessToken, 1).sid }, { expiresAt: new Date(Date.now() - 1000) });
      expectError(await refresh(pair.refreshToken), 401, 'AUTH_TOKEN_EXPIRED');
    });
  });

  describe('logout', () => {
    it('ends the session: its access and refresh tokens stop working at once', async () => {
      const pair = expectOk(await loginAs(t, 'finance', 'Finance@12345'));
      expectOk(await staffMe(pair.accessToken));
      expect(expectOk(await logout(pair.refreshToken))).toEqual({ ok: true });
      expect(await sessionOf(pair.accessToken)).toMatchObject({ revokedAt: expect.any(Date), revokeReason: 'logout' });
      expectError(await staffMe(pair.accessToken), 401, 'AUTH_TOKEN_INVALID');
      expectError(await refresh(pair.refreshToken), 401, 'AUTH_TOKEN_INVALID');
    });

    it('answers ok for a token that is unknown or already logged out', async () => {
      const pair = expectOk(await loginAs(t, 'finance', 'Finance@12345'));
      expectOk(await logout(pair.refreshToken));
      expect(expectOk(await logout(pair.refreshToken))).toEqual({ ok: true });
      expect(expectOk(await logout('y'.repeat(43)))).toEqual({ ok: true });
    });
  });

  describe('access tokens', () => {
    it('are required: no token is 401 AUTH_REQUIRED', async () => {
      expectError(await t.http().get('/api/admin/auth/me'), 401, 'AUTH_REQUIRED');
      expectError(await t.http().get('/api/app/me'), 401, 'AUTH_REQUIRED');
      expectError(await t.http().get('/api/escort/me'), 401, 'AUTH_REQUIRED');
    });

    it('must come as a Bearer token', async () => {
      const token = await staffToken(t, 'admin');
      expectError(await t.http().get('/api/admin/auth/me').set('Authorization', `Basic ${token}`), 401, 'AUTH_REQUIRED');
      expectError(await t.http().get('/api/admin/auth/me').set('Authorization', token), 401, 'AUTH_REQUIRED');
      expectError(await t.http().get('/api/admin/auth/me').set('Authorization', 'Bearer '), 401, 'AUTH_REQUIRED');
    });

    it('refuse a token whose signature was tampered with', async () => {
      const token = await staffToken(t, 'admin');
      const [header, payload, signature] = token.split('.');
      expectError(await staffMe([header, payload, flipChar(signature)].join('.')), 401, 'AUTH_TOKEN_INVALID');
      expectError(await staffMe([header, payload, ''].join('.')), 401, 'AUTH_TOKEN_INVALID');
    });

    it('refuse a token whose payload was tampered with', async () => {
      const token = await staffToken(t, 'support');
      const [header, payload, signature] = token.split('.');
      const admin = await t.dataSource.getRepository(StaffUser).findOneByOrFail({ username: 'admin' });
      const claims = decodePart(token, 1);
      const promoted = encodePart({ ...claims, sub: String(admin.id) });
      expectError(await staffMe([header, promoted, signature].join('.')), 401, 'AUTH_TOKEN_INVALID');
      expectError(await staffMe([header, flipChar(payload), signature].join('.')), 401, 'AUTH_TOKEN_INVALID');
    });

    it('refuse a token signed with another secret', async () => {
      expectError(await staffMe(await forge({}, 'some-other-secret-that-is-long-enough')), 401, 'AUTH_TOKEN_INVALID');
    });

    it('refuse an unsigned token (alg none)', async () => {
      const real = await staffToken(t, 'admin');
      const unsigned = `${encodePart({ alg: 'none', typ: 'JWT' })}.${real.split('.')[1]}.`;
      expectError(await staffMe(unsigned), 401, 'AUTH_TOKEN_INVALID');
    });

    it('refuse an expired token with 401 AUTH_TOKEN_EXPIRED', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      expectError(await staffMe(await forge({ iat: past - 900, exp: past })), 401, 'AUTH_TOKEN_EXPIRED');
    });

    it('refuse a token from another issuer', async () => {
      expectError(await staffMe(await forge({ iss: 'someone-else' })), 401, 'AUTH_TOKEN_INVALID');
    });

    it('refuse a well-signed token whose session does not exist or belongs to someone else', async () => {
      expectError(await staffMe(await forge({ sid: '00000000-0000-4000-8000-000000000000' })), 401, 'AUTH_TOKEN_INVALID');
      const admin = await t.dataSource.getRepository(StaffUser).findOneByOrFail({ username: 'admin' });
      expectError(await staffMe(await forge({ sub: String(admin.id) })), 401, 'AUTH_TOKEN_INVALID');
      expectError(await staffMe(await forge({ aud: 'customer' })), 401, 'AUTH_TOKEN_INVALID');
    });

    it('accept the forging helper itself when nothing is wrong with the claims', async () => {
      // Guards the tests above: they fail for the reason they name, not because forging is broken.
      expect(expectOk(await staffMe(await forge({}))).username).toBe('support');
    });

    it('open only their own audience: a customer token on /api/admin is 403 FORBIDDEN', async () => {
      const { accessToken } = await customerLogin(t, '13500000002');
      for (const path of ['/api/admin/auth/me', '/api/admin/staff-users', '/api/admin/dashboard/today', '/api/admin/cities']) {
        expectError(await t.http().get(path).set(bearer(accessToken)), 403, 'FORBIDDEN');
      }
      expectError(await t.http().get('/api/escort/me').set(bearer(accessToken)), 403, 'FORBIDDEN');
    });

    it('open only their own audience: a staff token on /api/app/me or /api/escort/me is 403 FORBIDDEN', async () => {
      const token = await staffToken(t, 'admin');
      expectError(await t.http().get('/api/app/me').set(bearer(token)), 403, 'FORBIDDEN');
      expectError(await t.http().get('/api/escort/me').set(bearer(token)), 403, 'FORBIDDEN');
    });
  });
});
