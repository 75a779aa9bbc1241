import { DEMO_PASSWORDS, startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, expectError, expectOk } from '../helpers/http';
import { STAFF_ROLES } from '../../src/modules/users/roles';
import { Hospital } from '../../src/modules/hospitals/hospital.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';

type DemoUser = keyof typeof DEMO_PASSWORDS;

describe('roles, permissions and city scope', () => {
  let t: TestApp;
  const tokens = {} as Record<DemoUser, string>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of Object.keys(DEMO_PASSWORDS) as DemoUser[]) tokens[user] = await staffToken(t, user);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: DemoUser, path: string, query: Record<string, unknown> = {}) =>
    t.http().get(path).query(query).set(bearer(tokens[user]));

  it.each([
    ['admin', 'admin', [], true],
    ['ops', 'ops', [1], false],
    ['ops_bj', 'ops', [2], false],
    ['finance', 'finance', [1, 2], false],
    ['support', 'support', [1, 2], false],
  ] as const)('gives %s the permissions of the %s role in roles.ts', async (user, role, cityIds, allCities) => {
    const me = expectOk(await get(user, '/api/admin/auth/me'));
    expect(me).toMatchObject({ username: user, roles: [role], cityIds, allCities });
    expect(me.permissions).toEqual([...STAFF_ROLES[role].permissions].sort());
  });

  it('lists the roles with their names and permissions for the admin', async () => {
    const roles = expectOk(await get('admin', '/api/admin/roles'));
    expect(roles).toEqual(Object.entries(STAFF_ROLES).map(([code, r]) => ({ code, name: r.name, permissions: r.permissions })));
  });

  it.each([
    ['ops', '/api/admin/staff-users'],
    ['ops', '/api/admin/audit-logs'],
    ['ops', '/api/admin/roles'],
    ['finance', '/api/admin/hospitals'],
    ['finance', '/api/admin/escorts'],
    ['finance', '/api/admin/service-items'],
    ['support', '/api/admin/escorts'],
    ['support', '/api/admin/staff-users'],
  ] as const)('refuses %s on %s with 403 FORBIDDEN', async (user, path) => {
    expectError(await get(user, path), 403, 'FORBIDDEN');
  });

  it.each([
    ['ops', '/api/admin/hospitals'],
    ['ops', '/api/admin/escorts'],
    ['ops', '/api/admin/service-items'],
    ['ops', '/api/admin/dashboard/today'],
    ['finance', '/api/admin/dashboard/today'],
    ['finance', '/api/admin/cities'],
    ['support', '/api/admin/hospitals'],
    ['support', '/api/admin/service-items'],
  ] as const)('lets %s read %s', async (user, path) => {
    expectOk(await get(user, path));
  });

  it('lets the admin read every admin list', async () => {
    for (const path of [
      '/api/admin/staff-users',
      '/api/admin/audit-logs',
      '/api/admin/hospitals',
      '/api/admin/escorts',
      '/api/admin/service-items',
    ]) {
      expectOk(await get('admin', path));
    }
  });

  describe('city scope', () => {
    const countIn = async (entity: typeof Hospital | typeof Escort, cityId?: number) =>
      t.dataSource.getRepository(entity).count(cityId === undefined ? {} : { where: { cityId } });

    it.each([
      ['hospitals', Hospital],
      ['escorts', Escort],
    ] as const)('shows ops (上海) only the %s of city 1', async (path, entity) => {
      const page = expectOk(await get('ops', `/api/admin/${path}`));
      expect(page.total).toBe(await countIn(entity, 1));
      expect(page.total).toBeGreaterThan(0);
      expect(page.list.map((row: { cityId: number }) => row.cityId)).toEqual(Array(page.total).fill(1));
      expect(page.list.every((row: { cityName: string }) => row.cityName === '上海')).toBe(true);
    });

    it.each([
      ['hospitals', Hospital],
      ['escorts', Escort],
    ] as const)('shows ops_bj (北京) only the %s of city 2', async (path, entity) => {
      const page = expectOk(await get('ops_bj', `/api/admin/${path}`));
      expect(page.total).toBe(await countIn(entity, 2));
      expect(new Set(page.list.map((row: { cityId: number }) => row.cityId))).toEqual(new Set([2]));
    });

    it.each(['hospitals', 'escorts'])('refuses ops asking for the %s of city 2 with 403 CITY_SCOPE_FORBIDDEN', async path => {
      expectError(await get('ops', `/api/admin/${path}`, { cityId: 2 }), 403, 'CITY_SCOPE_FORBIDDEN');
      expectOk(await get('ops', `/api/admin/${path}`, { cityId: 1 }));
    });

    it.each([
      ['hospitals', Hospital],
      ['escorts', Escort],
    ] as const)('shows the admin the %s of both cities, and filters by city on request', async (path, entity) => {
      const all = expectOk(await get('admin', `/api/admin/${path}`));
      expect(all.total).toBe(await countIn(entity));
      expect(new Set(all.list.map((row: { cityId: number }) => row.cityId))).toEqual(new Set([1, 2]));
      const beijing = expectOk(await get('admin', `/api/admin/${path}`, { cityId: 2 }));
      expect(beijing.total).toBe(await countIn(entity, 2));
      expect(new Set(beijing.list.map((row: { cityId: number }) => row.cityId))).toEqual(new Set([2]));
    });

    it('masks escort phone numbers in the list', async () => {
      const page = expectOk(await get('admin', '/api/admin/escorts'));
      for (const escort of page.list) expect(escort.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(JSON.stringify(page)).not.toContain('13900000001');
    });

    it('lists only the cities in the caller’s scope on /api/admin/cities', async () => {
      const shanghai = { id: 1, code: '310100', name: '上海' };
      const beijing = { id: 2, code: '110100', name: '北京' };
      expect(expectOk(await get('ops', '/api/admin/cities'))).toEqual([shanghai]);
      expect(expectOk(await get('ops_bj', '/api/admin/cities'))).toEqual([beijing]);
      expect(expectOk(await get('finance', '/api/admin/cities'))).toEqual([shanghai, beijing]);
      expect(expectOk(await get('admin', '/api/admin/cities'))).toEqual([shanghai, beijing]);
    });

    it('lists every enabled city to the mini-program without a token', async () => {
      const cities = expectOk(await t.http().get('/api/app/cities'));
      expect(cities.map((c: { id: number }) => c.id)).toEqual([1, 2]);
    });
  });

  describe('lists', () => {
    it('pages with page and pageSize and says how many there are', async () => {
      const total = await t.dataSource.getRepository(Hospital).count();
      const first = expectOk(await get('admin', '/api/admin/hospitals', { page: 1, pageSize: 2 }));
      expect(first).toMatchObject({ total, page: 1, pageSize: 2 });
      expect(first.list).toHaveLength(2);
      const second = expectOk(await get('admin', '/api/admin/hospitals', { page: 2, pageSize: 2 }));
      expect(second.list[0].id).not.toBe(first.list[0].id);
    });

    it('refuses a pageSize above 100 and an unknown query field with 400', async () => {
      expectError(await get('admin', '/api/admin/hospitals', { pageSize: 101 }), 400, 'VALIDATION_FAILED');
      expectError(await get('admin', '/api/admin/hospitals', { page: 0 }), 400, 'VALIDATION_FAILED');
      expectError(await get('admin', '/api/admin/hospitals', { sort: 'name' }), 400, 'VALIDATION_FAILED');
    });
  });
});
