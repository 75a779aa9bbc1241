import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, countChanges, createStaff, expectError, expectOk, loginAs, NEW_STAFF_PASSWORD, rowCounts } from '../helpers/http';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { StaffUser } from '../../src/modules/users/staff-user.entity';

describe('the audit log', () => {
  let t: TestApp;
  let adminToken: string;
  let adminId: number;
  let secondAdmin: { id: number };
  let targetA: { id: number };
  let targetB: { id: number };

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await staffToken(t, 'admin');
    adminId = (await t.dataSource.getRepository(StaffUser).findOneByOrFail({ username: 'admin' })).id;
    secondAdmin = await createStaff(t, { username: 'auditor_two', displayName: '第二管理员', roles: ['admin'], cityIds: [] }, adminToken);
    targetA = await createStaff(t, { username: 'target_a' }, adminToken);
    targetB = await createStaff(t, { username: 'target_b' }, adminToken);
    const secondToken = expectOk(await loginAs(t, 'auditor_two', NEW_STAFF_PASSWORD)).accessToken;
    expectOk(
      await t
        .http()
        .put(`/api/admin/staff-users/${targetA.id}`)
        .set(bearer(secondToken))
        .send({ displayName: '改过的名字', roles: ['support'], cityIds: [2] })
    );
    expectOk(await t.http().post(`/api/admin/staff-users/${targetB.id}/disable`).set(bearer(secondToken)));
  });
  afterAll(async () => {
    await t.close();
  });

  const list = (query: Record<string, unknown>) => t.http().get('/api/admin/audit-logs').query(query).set(bearer(adminToken));
  const summary = (page: { list: { action: string; targetId: string }[] }) => page.list.map(e => `${e.action} ${e.targetId}`);
  const rowFor = (action: string, targetId: number) =>
    t.dataSource.getRepository(AuditLog).findOneByOrFail({ action, targetId: String(targetId) });

  it('shows each entry with actor, action, target, masked snapshots, IP, request id and time', async () => {
    const page = expectOk(await list({ action: 'staff.update' }));
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(page.list[0]).toEqual({
      id: expect.any(Number),
      actorType: 'staff',
      actorId: secondAdmin.id,
      actorName: '第二管理员',
      action: 'staff.update',
      targetType: 'staff_user',
      targetId: String(targetA.id),
      before: expect.objectContaining({ displayName: 'target_a', roles: ['ops'], cityIds: [1] }),
      after: expect.objectContaining({ displayName: '改过的名字', roles: ['support'], cityIds: [2] }),
      ip: expect.any(String),
      requestId: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(new Date(page.list[0].createdAt).toISOString()).toBe(page.list[0].createdAt);
  });

  it('filters by actor', async () => {
    const bySecond = expectOk(await list({ actorId: secondAdmin.id }));
    expect(summary(bySecond)).toEqual([`staff.disable ${targetB.id}`, `staff.update ${targetA.id}`]);
    expect(bySecond.total).toBe(2);
    const byAdmin = expectOk(await list({ actorId: adminId, pageSize: 100 }));
    expect(byAdmin.total).toBe(await t.dataSource.getRepository(AuditLog).count({ where: { actorId: adminId } }));
    expect(byAdmin.list.every((e: { actorId: number }) => e.actorId === adminId)).toBe(true);
  });

  it('filters by action', async () => {
    const creates = expectOk(await list({ action: 'staff.create', pageSize: 100 }));
    expect(summary(creates)).toEqual([`staff.create ${targetB.id}`, `staff.create ${targetA.id}`, `staff.create ${secondAdmin.id}`]);
    expect(expectOk(await list({ action: 'staff.delete' }))).toMatchObject({ list: [], total: 0 });
  });

  it('filters by target', async () => {
    const aHistory = expectOk(await list({ targetType: 'staff_user', targetId: String(targetA.id) }));
    expect(summary(aHistory)).toEqual([`staff.update ${targetA.id}`, `staff.create ${targetA.id}`]);
    expect(expectOk(await list({ targetType: 'order', targetId: String(targetA.id) })).total).toBe(0);
  });

  it('combines filters', async () => {
    const page = expectOk(await list({ actorId: adminId, targetId: String(targetA.id) }));
    expect(summary(page)).toEqual([`staff.create ${targetA.id}`]);
  });

  it('filters by time as a half-open range [from, to)', async () => {
    const created = await rowFor('staff.create', targetA.id);
    const updated = await rowFor('staff.update', targetA.id);
    const repo = t.dataSource.getRepository(AuditLog);
    await repo.update({ id: created.id }, { createdAt: new Date('2020-01-01T00:00:00.000Z') });
    await repo.update({ id: updated.id }, { createdAt: new Date('2020-01-02T00:00:00.000Z') });
    const ids = async (query: Record<string, string>) =>
      expectOk(await list({ ...query, pageSize: 100 })).list.map((e: { id: number }) => e.id);

    expect(await ids({ from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.000Z' })).toEqual([created.id]);
    expect(await ids({ from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.001Z' })).toEqual([updated.id, created.id]);
    expect(await ids({ from: '2020-01-01T00:00:00.001Z', to: '2020-01-03T00:00:00.000Z' })).toEqual([updated.id]);
    expect(await ids({ to: '2020-01-01T00:00:00.000Z' })).toEqual([]);
    expect(await ids({ to: '2020-01-03T00:00:00.000Z' })).toEqual([updated.id, created.id]);
    const fromSecondDay = await ids({ from: '2020-01-02T00:00:00.000Z' });
    expect(fromSecondDay).toContain(updated.id);
    expect(fromSecondDay).not.toContain(created.id);
    expect(fromSecondDay).toHaveLength((await repo.count()) - 1);
  });

  it('pages newest first', async () => {
    const total = await t.dataSource.getRepository(AuditLog).count();
    const first = expectOk(await list({ page: 1, pageSize: 2 }));
    const second = expectOk(await list({ page: 2, pageSize: 2 }));
    expect(first).toMatchObject({ total, page: 1, pageSize: 2 });
    expect(first.list).toHaveLength(2);
    const idsInOrder = [...first.list, ...second.list].map((e: { id: number }) => e.id);
    expect(idsInOrder).toEqual([...idsInOrder].sort((a, b) => b - a));
  });

  it('refuses malformed filters with 400', async () => {
    expectError(await list({ from: 'yesterday' }), 400, 'VALIDATION_FAILED');
    expectError(await list({ actorId: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await list({ actor: adminId }), 400, 'VALIDATION_FAILED');
    expectError(await list({ pageSize: 1000 }), 400, 'VALIDATION_FAILED');
  });

  it('is not itself written to by reading it', async () => {
    const before = await rowCounts(t);
    expectOk(await list({}));
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('is closed to staff without audit:read', async () => {
    const supportToken = await staffToken(t, 'support');
    expectError(await t.http().get('/api/admin/audit-logs').set(bearer(supportToken)), 403, 'FORBIDDEN');
  });
});
