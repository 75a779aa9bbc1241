import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { countChanges, createStaff, expectError, expectOk, loginAs, NEW_STAFF_PASSWORD, rowCounts, bearer } from '../helpers/http';
import { StaffUser } from '../../src/modules/users/staff-user.entity';
import { LoginAttempt } from '../../src/modules/auth/login-attempt.entity';
import { STAFF_ROLES } from '../../src/modules/users/roles';

describe('staff login', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await staffToken(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const staffRow = (username: string) => t.dataSource.getRepository(StaffUser).findOneByOrFail({ username });
  const lastAttempt = () =>
    t.dataSource
      .getRepository(LoginAttempt)
      .find({ order: { id: 'DESC' }, take: 1 })
      .then(r => r[0]);

  it('answers the right password with a token pair and the staff profile', async () => {
    const before = await rowCounts(t);
    const data = expectOk(await loginAs(t, 'ops', 'Ops@123456'));
    expect(data).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.any(String),
      accessExpiresIn: expect.any(Number),
      refreshExpiresIn: expect.any(Number),
      user: {
        id: (await staffRow('ops')).id,
        username: 'ops',
        displayName: '上海运营',
        roles: ['ops'],
        permissions: [...STAFF_ROLES.ops.permissions].sort(),
        cityIds: [1],
        allCities: false,
      },
    });
    expect(data.accessExpiresIn).toBeGreaterThan(0);
    expect(data.refreshExpiresIn).toBeGreaterThan(data.accessExpiresIn);
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1, auth_sessions: 1, refresh_tokens: 1 });
    expect(await lastAttempt()).toMatchObject({ kind: 'password', audience: 'staff', principal: 'ops', success: true, reason: null });
    expect((await staffRow('ops')).lastLoginAt).toBeInstanceOf(Date);
  });

  it('gives a token that opens the console for that staff member', async () => {
    const { accessToken } = expectOk(await loginAs(t, 'support', 'Support@12345'));
    const me = expectOk(await t.http().get('/api/admin/auth/me').set(bearer(accessToken)));
    expect(me).toMatchObject({ username: 'support', roles: ['support'] });
  });

  it('refuses a wrong password with 401 AUTH_INVALID_CREDENTIALS and records only the attempt', async () => {
    await createStaff(t, { username: 'wrong_pw' }, adminToken);
    const before = await rowCounts(t);
    const res = await loginAs(t, 'wrong_pw', 'Not-the-password-1');
    expectError(res, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(res.body.data).toBeUndefined();
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
    expect(await lastAttempt()).toMatchObject({ principal: 'wrong_pw', success: false, reason: 'wrong_password' });
    expect(await staffRow('wrong_pw')).toMatchObject({ failedLoginCount: 1, lockedUntil: null, lastLoginAt: null });
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const before = await rowCounts(t);
    const unknown = await loginAs(t, 'nobody_here', 'Whatever@123');
    expectError(unknown, 401, 'AUTH_INVALID_CREDENTIALS');
    const wrong = await loginAs(t, 'admin', 'Whatever@123');
    expect(unknown.body.errorMessage).toBe(wrong.body.errorMessage);
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 2 });
    const attempts = await t.dataSource.getRepository(LoginAttempt).find({ order: { id: 'DESC' }, take: 2 });
    expect(attempts.map(a => [a.principal, a.reason])).toEqual([
      ['admin', 'wrong_password'],
      ['nobody_here', 'unknown_user'],
    ]);
    await loginAs(t, 'admin', 'Admin@12345');
  });

  it('resets the failure count after a successful login', async () => {
    await createStaff(t, { username: 'resets_count' }, adminToken);
    for (let i = 0; i < 3; i++) expectError(await loginAs(t, 'resets_count', 'Wrong@12345'), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await staffRow('resets_count')).failedLoginCount).toBe(3);
    expectOk(await loginAs(t, 'resets_count', NEW_STAFF_PASSWORD));
    expect((await staffRow('resets_count')).failedLoginCount).toBe(0);
  });

  it('locks the account after 5 wrong passwords so that even the right one gets 423 AUTH_ACCOUNT_LOCKED', async () => {
    await createStaff(t, { username: 'gets_locked' }, adminToken);
    for (let i = 1; i <= 5; i++) {
      expectError(await loginAs(t, 'gets_locked', `Wrong@${i}2345`), 401, 'AUTH_INVALID_CREDENTIALS');
      expect((await staffRow('gets_locked')).failedLoginCount).toBe(i);
      if (i < 5) expect((await staffRow('gets_locked')).lockedUntil).toBeNull();
    }
    const locked = await staffRow('gets_locked');
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(locked.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);

    const before = await rowCounts(t);
    const res = await loginAs(t, 'gets_locked', NEW_STAFF_PASSWORD);
    expectError(res, 423, 'AUTH_ACCOUNT_LOCKED');
    expect(res.body.errorMessage).toContain('15');
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
    expect(await lastAttempt()).toMatchObject({ principal: 'gets_locked', success: false, reason: 'locked' });
    expect(await staffRow('gets_locked')).toMatchObject({ failedLoginCount: 5, lockedUntil: locked.lockedUntil });
  });

  it('lets the locked account in again once the lock has run out, with a fresh failure count', async () => {
    await createStaff(t, { username: 'lock_expires' }, adminToken);
    for (let i = 0; i < 5; i++) await loginAs(t, 'lock_expires', 'Wrong@12345');
    expectError(await loginAs(t, 'lock_expires', NEW_STAFF_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');

    // Fifteen minutes pass.
    await t.dataSource.getRepository(StaffUser).update({ username: 'lock_expires' }, { lockedUntil: new Date(Date.now() - 1000) });
    const data = expectOk(await loginAs(t, 'lock_expires', NEW_STAFF_PASSWORD));
    expect(data.user.username).toBe('lock_expires');
    expect(await staffRow('lock_expires')).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it('starts counting from zero when a wrong password follows an expired lock', async () => {
    await createStaff(t, { username: 'count_restarts' }, adminToken);
    for (let i = 0; i < 5; i++) await loginAs(t, 'count_restarts', 'Wrong@12345');
    await t.dataSource.getRepository(StaffUser).update({ username: 'count_restarts' }, { lockedUntil: new Date(Date.now() - 1000) });

    for (let i = 1; i <= 4; i++) {
      expectError(await loginAs(t, 'count_restarts', 'Wrong@12345'), 401, 'AUTH_INVALID_CREDENTIALS');
      expect(await staffRow('count_restarts')).toMatchObject({ failedLoginCount: i, lockedUntil: null });
    }
    expectError(await loginAs(t, 'count_restarts', 'Wrong@12345'), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await staffRow('count_restarts')).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expectError(await loginAs(t, 'count_restarts', NEW_STAFF_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
  });

  it('refuses a disabled account with 403 AUTH_ACCOUNT_DISABLED and opens no session', async () => {
    const user = await createStaff(t, { username: 'disabled_one' }, adminToken);
    expectOk(await t.http().post(`/api/admin/staff-users/${user.id}/disable`).set(bearer(adminToken)));
    const before = await rowCounts(t);
    expectError(await loginAs(t, 'disabled_one', NEW_STAFF_PASSWORD), 403, 'AUTH_ACCOUNT_DISABLED');
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
    expect(await lastAttempt()).toMatchObject({ principal: 'disabled_one', success: false, reason: 'disabled' });
  });

  it('does not tell a wrong password for a disabled account apart from any other wrong password', async () => {
    const user = await createStaff(t, { username: 'disabled_two' }, adminToken);
    expectOk(await t.http().post(`/api/admin/staff-users/${user.id}/disable`).set(bearer(adminToken)));
    expectError(await loginAs(t, 'disabled_two', 'Wrong@12345'), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a password longer than 64 characters with 400 before trying it', async () => {
    const before = await rowCounts(t);
    expectError(await loginAs(t, 'admin', 'A'.repeat(65)), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect((await staffRow('admin')).failedLoginCount).toBe(0);
  });

  it('refuses a body without a password, or with unknown fields, with 400 and writes nothing', async () => {
    const before = await rowCounts(t);
    expectError(await t.http().post('/api/admin/auth/login').send({ username: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(
      await t.http().post('/api/admin/auth/login').send({ username: 'admin', password: 'Admin@12345', remember: true }),
      400,
      'VALIDATION_FAILED'
    );
    expectError(await t.http().post('/api/admin/auth/login').send({ username: 'admin', password: 12345678 }), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('writes no audit row for any login, successful or not', async () => {
    const before = await rowCounts(t);
    await loginAs(t, 'finance', 'Finance@12345');
    await loginAs(t, 'finance', 'Wrong@12345');
    await loginAs(t, 'ghost', 'Wrong@12345');
    const changes = countChanges(before, await rowCounts(t));
    expect(changes).toEqual({ login_attempts: 3, auth_sessions: 1, refresh_tokens: 1 });
  });
});
