import access, { ACCESS_PERMISSIONS, type PermissionFlags } from './access';

/**
 * Role grants as backend/src/modules/users/roles.ts defines them; the backend sends these in
 * `permissions`. payment:read, refund:write and refund:approve are being added to the backend's
 * PERMISSIONS (admin gets every permission) together with the finance routes; which other roles
 * get them is the backend's decision, so only admin lists them here.
 */
const ROLE_PERMISSIONS: Record<string, string[]> = {
  admin: [
    'dashboard:read',
    'staff:read',
    'staff:write',
    'audit:read',
    'city:read',
    'hospital:read',
    'hospital:write',
    'escort:read',
    'catalog:read',
    'catalog:write',
    'customer:read',
    'pii:reveal',
    'order:read',
    'order:write',
    'order:dispatch',
    'settings:read',
    'settings:write',
    'payment:read',
    'refund:write',
    'refund:approve',
    'settlement:read',
    'settlement:write',
    'settlement:pay',
    'commission:write',
  ],
  ops: [
    'dashboard:read',
    'city:read',
    'hospital:read',
    'hospital:write',
    'escort:read',
    'catalog:read',
    'catalog:write',
    'customer:read',
    'order:read',
    'order:write',
    'order:dispatch',
    'settings:read',
  ],
  finance: ['dashboard:read', 'city:read', 'customer:read', 'order:read'],
  support: ['dashboard:read', 'city:read', 'customer:read', 'hospital:read', 'catalog:read', 'order:read', 'order:write'],
};

function grantedPermissions(flags: PermissionFlags): string[] {
  return (Object.keys(ACCESS_PERMISSIONS) as (keyof PermissionFlags)[])
    .filter((flag) => flags[flag])
    .map((flag) => ACCESS_PERMISSIONS[flag])
    .sort();
}

function userWith(permissions: string[]) {
  return {
    currentUser: {
      id: 1,
      username: 'u',
      displayName: 'U',
      roles: [],
      permissions,
      cityIds: [],
      allCities: false,
    },
  };
}

describe('access', () => {
  it.each(Object.entries(ROLE_PERMISSIONS))('gives the %s role exactly its permissions', (_role, permissions) => {
    expect(grantedPermissions(access(userWith(permissions)))).toEqual([...permissions].sort());
  });

  it('has one flag for every permission the backend grants', () => {
    expect(Object.values(ACCESS_PERMISSIONS).sort()).toEqual([...ROLE_PERMISSIONS.admin].sort());
  });

  it('lets ops read escorts but not staff accounts or the audit log', () => {
    const flags = access(userWith(ROLE_PERMISSIONS.ops));
    expect(flags.canReadEscorts).toBe(true);
    expect(flags.canReadStaff).toBe(false);
    expect(flags.canReadAudit).toBe(false);
  });

  it('lets ops and admin change the catalog, and support only read it', () => {
    expect(access(userWith(ROLE_PERMISSIONS.ops)).canWriteCatalog).toBe(true);
    expect(access(userWith(ROLE_PERMISSIONS.admin)).canWriteCatalog).toBe(true);
    const support = access(userWith(ROLE_PERMISSIONS.support));
    expect(support.canReadCatalog).toBe(true);
    expect(support.canWriteCatalog).toBe(false);
    expect(access(userWith(ROLE_PERMISSIONS.finance)).canReadCatalog).toBe(false);
  });

  it('lets ops dispatch and read settings but not change them, and support handle orders without dispatching', () => {
    const ops = access(userWith(ROLE_PERMISSIONS.ops));
    expect([ops.canReadOrders, ops.canWriteOrders, ops.canDispatchOrders, ops.canReadSettings]).toEqual([true, true, true, true]);
    expect(ops.canWriteSettings).toBe(false);
    const support = access(userWith(ROLE_PERMISSIONS.support));
    expect([support.canWriteOrders, support.canDispatchOrders, support.canReadSettings]).toEqual([true, false, false]);
    const finance = access(userWith(ROLE_PERMISSIONS.finance));
    expect([finance.canReadOrders, finance.canWriteOrders]).toEqual([true, false]);
  });

  it('shows a menu group only to roles that can open a page inside it', () => {
    const finance = access(userWith(ROLE_PERMISSIONS.finance));
    expect(finance.canSeeBasicData).toBe(false);
    expect(finance.canSeeSystem).toBe(false);
    expect(access(userWith(ROLE_PERMISSIONS.ops)).canSeeSystem).toBe(true);
    const support = access(userWith(ROLE_PERMISSIONS.support));
    expect(support.canSeeBasicData).toBe(true);
    expect(support.canSeeSystem).toBe(false);
    expect(access(userWith(['audit:read'])).canSeeSystem).toBe(true);
  });

  it('separates reading payments, requesting refunds and approving them', () => {
    const reader = access(userWith(['payment:read']));
    expect([reader.canReadPayments, reader.canWriteRefunds, reader.canApproveRefunds]).toEqual([true, false, false]);
    const requester = access(userWith(['payment:read', 'refund:write']));
    expect([requester.canWriteRefunds, requester.canApproveRefunds]).toEqual([true, false]);
    const approver = access(userWith(['payment:read', 'refund:approve']));
    expect([approver.canWriteRefunds, approver.canApproveRefunds]).toEqual([false, true]);
  });

  it('grants nothing when nobody is signed in', () => {
    expect(grantedPermissions(access(undefined))).toEqual([]);
    expect(grantedPermissions(access({}))).toEqual([]);
  });

  it('ignores permission strings it does not know', () => {
    expect(grantedPermissions(access(userWith(['orders:write', 'dashboard:read'])))).toEqual(['dashboard:read']);
  });
});
