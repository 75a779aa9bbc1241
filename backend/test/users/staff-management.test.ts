import { MoreThan } from 'typeorm';
import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, countChanges, createStaff, expectError, expectOk, loginAs, NEW_STAFF_PASSWORD, rowCounts } from '../helpers/http';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { AuthSession } from '../../src/modules/auth/auth-session.entity';
import { StaffUser } from '../../src/modules/users/staff-user.entity';
import { STAFF_ROLES } from '../../src/modules/users/roles';

describe('staff management by the admin', () => {
  let t: TestApp;
  let adminToken: string;
  let adminId: number;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await staffToken(t, 'admin');
    adminId = (await t.dataSource.getRepository(StaffUser).findOneByOrFail({ username: 'admin' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const asAdmin = {
    post: (path: string, body?: object) =>
      t
        .http()
        .post(path)
        .set(bearer(adminToken))
        .send(body ?? {}),
    put: (path: string, body: object) => t.http().put(path).set(bearer(adminToken)).send(body),
    get: (path: string, query: Record<string, unknown> = {}) => t.http().get(path).query(query).set(bearer(adminToken)),
  };
  const staffRow = (id: number) => t.dataSource.getRepository(StaffUser).findOneByOrFail({ id });
  const lastAuditId = async () => (await t.dataSource.getRepository(AuditLog).find({ order: { id: 'DESC' }, take: 1 }))[0]?.id ?? 0;
  const auditSince = (id: number) => t.dataSource.getRepository(AuditLog).find({ where: { id: MoreThan(id) }, order: { id: 'ASC' } });
  const liveSessions = (userId: number) =>
    t.dataSource
      .getRepository(AuthSession)
      .find({ where: { audience: 'staff', subjectId: userId } })
      .then(s => s.filter(x => !x.revokedAt));
  const newUser = (username: string, extra: object = {}) => ({
    username,
    displayName: `员工${username}`,
    password: NEW_STAFF_PASSWORD,
    roles: ['ops'],
    cityIds: [1],
    ...extra,
  });

  describe('creating', () => {
    it('creates an account that can log in, with exactly one masked staff.create audit row', async () => {
      const before = await rowCounts(t);
      const auditFrom = await lastAuditId();
      const res = await asAdmin.post('/api/admin/staff-users', newUser('created_one', { roles: ['support'], cityIds: [1, 2] }));
      const view = expectOk(res);
      expect(view).toEqual({
        id: expect.any(Number),
        username: 'created_one',
        displayName: '员工created_one',
        roles: ['support'],
        cityIds: [1, 2],
        status: 'active',
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: expect.any(String),
      });
      expect(countChanges(before, await rowCounts(t))).toEqual({ staff_users: 1, audit_logs: 1 });

      const [audit] = await auditSince(auditFrom);
      expect(audit).toMatchObject({
        actorType: 'staff',
        actorId: adminId,
        actorName: '系统管理员',
        action: 'staff.create',
        targetType: 'staff_user',
        targetId: String(view.id),
        before: null,
        requestId: res.headers['x-request-id'],
        ip: expect.any(String),
      });
      const after = JSON.parse(audit.after!);
      expect(after).toMatchObject({ id: view.id, username: 'created_one', roles: ['support'], cityIds: [1, 2], status: 'active' });
      expect(after).not.toHaveProperty('passwordHash');
      expect(audit.after).not.toContain('$argon2');
      expect(audit.after).not.toContain(NEW_STAFF_PASSWORD);

      const login = expectOk(await loginAs(t, 'created_one', NEW_STAFF_PASSWORD));
      expect(login.user).toMatchObject({ id: view.id, roles: ['support'], permissions: [...STAFF_ROLES.support.permissions].sort() });
    });

    it('refuses a username that is taken with 409 USERNAME_TAKEN and writes nothing', async () => {
      await createStaff(t, { username: 'taken_name' }, adminToken);
      const before = await rowCounts(t);
      const consoleLog = jest.spyOn(console, 'log');
      const consoleError = jest.spyOn(console, 'error');
      try {
        expectError(await asAdmin.post('/api/admin/staff-users', newUser('taken_name')), 409, 'USERNAME_TAKEN');
        expectError(await asAdmin.post('/api/admin/staff-users', newUser('admin')), 409, 'USERNAME_TAKEN');
        // The failed INSERT carried the new password's hash; it must not be printed with the query.
        expect(JSON.stringify([...consoleLog.mock.calls, ...consoleError.mock.calls])).not.toContain('argon2');
      } finally {
        consoleLog.mockRestore();
        consoleError.mockRestore();
      }
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it.each([
      ['an unknown field', { status: 'disabled' }],
      ['a password hash smuggled in', { passwordHash: 'x' }],
      ['an unknown role', { roles: ['superuser'] }],
      ['no roles', { roles: [] }],
      ['a password shorter than 8', { password: 'Short1!' }],
      ['a password longer than 64', { password: 'L'.repeat(65) }],
      ['a username with spaces', { username: 'has space' }],
    ])('refuses a body with %s with 400 VALIDATION_FAILED and writes nothing', async (_why, extra) => {
      const before = await rowCounts(t);
      expectError(await asAdmin.post('/api/admin/staff-users', newUser('rejected_one', extra)), 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('refuses a city that does not exist with 422 and writes nothing', async () => {
      const before = await rowCounts(t);
      expectError(await asAdmin.post('/api/admin/staff-users', newUser('no_city', { cityIds: [1, 99] })), 422, 'CITY_NOT_FOUND');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('refuses staff without staff:write with 403 and writes nothing', async () => {
      const before = await rowCounts(t);
      const opsToken = await staffToken(t, 'ops');
      const mid = await rowCounts(t);
      expectError(await t.http().post('/api/admin/staff-users').set(bearer(opsToken)).send(newUser('by_ops')), 403, 'FORBIDDEN');
      expect(countChanges(mid, await rowCounts(t))).toEqual({});
      expect(before.audit_logs).toBe(mid.audit_logs);
    });
  });

  describe('listing', () => {
    it('filters by keyword, role and status and never shows a password hash', async () => {
      await createStaff(t, { username: 'list_finance', roles: ['finance'], cityIds: [2] }, adminToken);
      const byKeyword = expectOk(await asAdmin.get('/api/admin/staff-users', { keyword: 'list_fin' }));
      expect(byKeyword.list.map((u: { username: string }) => u.username)).toEqual(['list_finance']);
      const byRole = expectOk(await asAdmin.get('/api/admin/staff-users', { role: 'finance', pageSize: 100 }));
      expect(byRole.list.every((u: { roles: string[] }) => u.roles.includes('finance'))).toBe(true);
      expect(byRole.total).toBe(byRole.list.length);
      expect(byRole.list.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['finance', 'list_finance']));
      const active = expectOk(await asAdmin.get('/api/admin/staff-users', { status: 'active', pageSize: 100 }));
      expect(active.total).toBe(await t.dataSource.getRepository(StaffUser).count({ where: { status: 'active' } }));
      expect(JSON.stringify(active)).not.toMatch(/password|argon2/i);
    });
  });

  describe('updating', () => {
    it('changes name, roles and cities, with one staff.update audit row holding before and after', async () => {
      const user = await createStaff(t, { username: 'updated_one', roles: ['ops'], cityIds: [1] }, adminToken);
      const auditFrom = await lastAuditId();
      const before = await rowCounts(t);
      const res = await asAdmin.put(`/api/admin/staff-users/${user.id}`, { displayName: '新名字', roles: ['support'], cityIds: [2] });
      expect(expectOk(res)).toMatchObject({ id: user.id, displayName: '新名字', roles: ['support'], cityIds: [2] });
      expect(countChanges(before, await rowCounts(t))).toEqual({ audit_logs: 1 });
      expect(await staffRow(user.id)).toMatchObject({ displayName: '新名字', roles: ['support'], cityIds: [2] });
      const audits = await auditSince(auditFrom);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ action: 'staff.update', targetId: String(user.id), requestId: res.headers['x-request-id'] });
      expect(JSON.parse(audits[0].before!)).toMatchObject({ displayName: user.displayName, roles: ['ops'], cityIds: [1] });
      expect(JSON.parse(audits[0].after!)).toMatchObject({ displayName: '新名字', roles: ['support'], cityIds: [2] });
    });

    it('applies new roles to tokens already issued, at once', async () => {
      const user = await createStaff(t, { username: 'reroled', roles: ['ops'], cityIds: [1] }, adminToken);
      const token = expectOk(await loginAs(t, 'reroled', NEW_STAFF_PASSWORD)).accessToken;
      expectOk(await t.http().get('/api/admin/escorts').set(bearer(token)));
      expectOk(await asAdmin.put(`/api/admin/staff-users/${user.id}`, { displayName: 'x', roles: ['finance'], cityIds: [1] }));
      expectError(await t.http().get('/api/admin/escorts').set(bearer(token)), 403, 'FORBIDDEN');
      const me = expectOk(await t.http().get('/api/admin/auth/me').set(bearer(token)));
      expect(me.permissions).toEqual([...STAFF_ROLES.finance.permissions].sort());
    });

    it('applies a new city scope at once', async () => {
      const user = await createStaff(t, { username: 'moved_city', roles: ['ops'], cityIds: [1] }, adminToken);
      const token = expectOk(await loginAs(t, 'moved_city', NEW_STAFF_PASSWORD)).accessToken;
      expectError(await t.http().get('/api/admin/hospitals').query({ cityId: 2 }).set(bearer(token)), 403, 'CITY_SCOPE_FORBIDDEN');
      expectOk(await asAdmin.put(`/api/admin/staff-users/${user.id}`, { displayName: 'x', roles: ['ops'], cityIds: [2] }));
      expectOk(await t.http().get('/api/admin/hospitals').query({ cityId: 2 }).set(bearer(token)));
      expectError(await t.http().get('/api/admin/hospitals').query({ cityId: 1 }).set(bearer(token)), 403, 'CITY_SCOPE_FORBIDDEN');
    });

    it('refuses unknown fields with 400 and an unknown id with 404, writing nothing', async () => {
      const user = await createStaff(t, { username: 'not_updated' }, adminToken);
      const before = await rowCounts(t);
      const body = { displayName: 'x', roles: ['ops'], cityIds: [1] };
      expectError(await asAdmin.put(`/api/admin/staff-users/${user.id}`, { ...body, status: 'disabled' }), 400, 'VALIDATION_FAILED');
      expectError(await asAdmin.put(`/api/admin/staff-users/${user.id}`, { ...body, username: 'renamed' }), 400, 'VALIDATION_FAILED');
      expectError(await asAdmin.put('/api/admin/staff-users/999999', body), 404, 'NOT_FOUND');
      expectError(await asAdmin.put('/api/admin/staff-users/abc', body), 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expect(await staffRow(user.id)).toMatchObject({ displayName: user.displayName, username: 'not_updated', status: 'active' });
    });
  });

  describe('disabling and enabling', () => {
    it('disables an account: its sessions stop working at once and it cannot log in', async () => {
      const user = await createStaff(t, { username: 'to_disable' }, adminToken);
      const first = expectOk(await loginAs(t, 'to_disable', NEW_STAFF_PASSWORD));
      const second = expectOk(await loginAs(t, 'to_disable', NEW_STAFF_PASSWORD));
      expect(await liveSessions(user.id)).toHaveLength(2);

      const auditFrom = await lastAuditId();
      const view = expectOk(await asAdmin.post(`/api/admin/staff-users/${user.id}/disable`));
      expect(view).toMatchObject({ id: user.id, status: 'disabled' });
      expect((await staffRow(user.id)).status).toBe('disabled');
      expect(await liveSessions(user.id)).toHaveLength(0);
      const audits = await auditSince(auditFrom);
      expect(audits.map(a => a.action)).toEqual(['staff.disable']);
      expect(JSON.parse(audits[0].before!).status).toBe('active');
      expect(JSON.parse(audits[0].after!).status).toBe('disabled');

      expectError(await t.http().get('/api/admin/auth/me').set(bearer(first.accessToken)), 401, 'AUTH_TOKEN_INVALID');
      expectError(await t.http().get('/api/admin/auth/me').set(bearer(second.accessToken)), 401, 'AUTH_TOKEN_INVALID');
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken })).status).toBe(401);
      expectError(await loginAs(t, 'to_disable', NEW_STAFF_PASSWORD), 403, 'AUTH_ACCOUNT_DISABLED');
    });

    it('enables a disabled account again, with one staff.enable audit row', async () => {
      const user = await createStaff(t, { username: 'to_enable' }, adminToken);
      expectOk(await asAdmin.post(`/api/admin/staff-users/${user.id}/disable`));
      const auditFrom = await lastAuditId();
      expect(expectOk(await asAdmin.post(`/api/admin/staff-users/${user.id}/enable`))).toMatchObject({ status: 'active' });
      expect((await auditSince(auditFrom)).map(a => a.action)).toEqual(['staff.enable']);
      expectOk(await loginAs(t, 'to_enable', NEW_STAFF_PASSWORD));
    });

    it('does not let the admin disable themself (422) and writes nothing', async () => {
      const before = await rowCounts(t);
      expectError(await asAdmin.post(`/api/admin/staff-users/${adminId}/disable`), 422, 'STAFF_CANNOT_DISABLE_SELF');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expectOk(await t.http().get('/api/admin/auth/me').set(bearer(adminToken)));
    });

    it('answers 404 for an account that does not exist', async () => {
      expectError(await asAdmin.post('/api/admin/staff-users/999999/disable'), 404, 'NOT_FOUND');
    });
  });

  describe('the last admin', () => {
    it('cannot be demoted while they are the only active admin (422), and nothing is written', async () => {
      const second = await createStaff(t, { username: 'second_admin', roles: ['admin'], cityIds: [] }, adminToken);
      const secondToken = expectOk(await loginAs(t, 'second_admin', NEW_STAFF_PASSWORD)).accessToken;
      const asSecond = (path: string) => t.http().post(path).set(bearer(secondToken));

      // With two admins, one may disable the other.
      expectOk(await asSecond(`/api/admin/staff-users/${adminId}/disable`));
      const before = await rowCounts(t);
      const demote = await t
        .http()
        .put(`/api/admin/staff-users/${second.id}`)
        .set(bearer(secondToken))
        .send({ displayName: 'x', roles: ['ops'], cityIds: [1] });
      expectError(demote, 422, 'STAFF_LAST_ADMIN');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expect((await staffRow(second.id)).roles).toEqual(['admin']);

      expectOk(await asSecond(`/api/admin/staff-users/${adminId}/enable`));
      adminToken = await staffToken(t, 'admin');
      // Two admins again: now the second one may be demoted.
      expectOk(await asAdmin.put(`/api/admin/staff-users/${second.id}`, { displayName: 'x', roles: ['ops'], cityIds: [1] }));
      // ...and the admin alone cannot demote themself.
      expectError(
        await asAdmin.put(`/api/admin/staff-users/${adminId}`, { displayName: 'x', roles: ['ops'], cityIds: [1] }),
        422,
        'STAFF_LAST_ADMIN'
      );
      expect((await staffRow(adminId)).roles).toEqual(['admin']);
    });
  });

  describe('unlocking', () => {
    it('clears a lock so the account can log in again, with one staff.unlock audit row', async () => {
      const user = await createStaff(t, { username: 'to_unlock' }, adminToken);
      for (let i = 0; i < 5; i++) await loginAs(t, 'to_unlock', 'Wrong@12345');
      expectError(await loginAs(t, 'to_unlock', NEW_STAFF_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
      const listed = expectOk(await asAdmin.get('/api/admin/staff-users', { keyword: 'to_unlock' })).list[0];
      expect(listed.lockedUntil).toEqual(expect.any(String));

      const auditFrom = await lastAuditId();
      expect(expectOk(await asAdmin.post(`/api/admin/staff-users/${user.id}/unlock`))).toMatchObject({ id: user.id, lockedUntil: null });
      expect(await staffRow(user.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
      expect((await auditSince(auditFrom)).map(a => a.action)).toEqual(['staff.unlock']);
      expectOk(await loginAs(t, 'to_unlock', NEW_STAFF_PASSWORD));
    });
  });

  describe('resetting a password', () => {
    it('ends the old sessions; the new password works and the old one does not', async () => {
      const user = await createStaff(t, { username: 'to_reset' }, adminToken);
      const old = expectOk(await loginAs(t, 'to_reset', NEW_STAFF_PASSWORD));
      const auditFrom = await lastAuditId();
      const before = await rowCounts(t);
      const newPassword = 'Brand-New@2024';
      expect(expectOk(await asAdmin.post(`/api/admin/staff-users/${user.id}/reset-password`, { newPassword }))).toEqual({ ok: true });
      expect(countChanges(before, await rowCounts(t))).toEqual({ audit_logs: 1 });

      expect(await liveSessions(user.id)).toHaveLength(0);
      expectError(await t.http().get('/api/admin/auth/me').set(bearer(old.accessToken)), 401, 'AUTH_TOKEN_INVALID');
      expectError(await loginAs(t, 'to_reset', NEW_STAFF_PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
      expectOk(await loginAs(t, 'to_reset', newPassword));

      const audits = await auditSince(auditFrom);
      expect(audits.map(a => a.action)).toEqual(['staff.reset_password']);
      expect(audits[0].after).not.toContain(newPassword);
      expect(audits[0].after).not.toContain('$argon2');
    });

    it('refuses a new password outside 8..64 characters or with extra fields, writing nothing', async () => {
      const user = await createStaff(t, { username: 'bad_reset' }, adminToken);
      const before = await rowCounts(t);
      const path = `/api/admin/staff-users/${user.id}/reset-password`;
      expectError(await asAdmin.post(path, { newPassword: 'Short1!' }), 400, 'VALIDATION_FAILED');
      expectError(await asAdmin.post(path, { newPassword: 'L'.repeat(65) }), 400, 'VALIDATION_FAILED');
      expectError(await asAdmin.post(path, { newPassword: 'Long-enough-1', userId: adminId }), 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expectOk(await loginAs(t, 'bad_reset', NEW_STAFF_PASSWORD));
    });
  });

  describe('the audit log', () => {
    it('never holds a password or a password hash, after all of the above', async () => {
      const rows = await t.dataSource.getRepository(AuditLog).find();
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        const text = `${row.before ?? ''}${row.after ?? ''}`;
        expect(text).not.toMatch(/argon2|passwordHash/);
        expect(text).not.toContain(NEW_STAFF_PASSWORD);
      }
    });
  });
});
