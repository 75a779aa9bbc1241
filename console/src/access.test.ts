import access, { ACCESS_PERMISSIONS, type PermissionFlags } from './access';

/** Role grants as docs/api-foundation.md lists them; the backend sends these in `permissions`. */
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
  ],
  ops: ['dashboard:read', 'city:read', 'hospital:read', 'hospital:write', 'escort:read', 'catalog:read', 'catalog:write', 'customer:read'],
  finance: ['dashboard:read', 'city:read', 'customer:read'],
  support: ['dashboard:read', 'city:read', 'customer:read', 'hospital:read', 'catalog:read'],
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

  it('shows a menu group only to roles that can open a page inside it', () => {
    const finance = access(userWith(ROLE_PERMISSIONS.finance));
    expect(finance.canSeeBasicData).toBe(false);
    expect(finance.canSeeSystem).toBe(false);
    const support = access(userWith(ROLE_PERMISSIONS.support));
    expect(support.canSeeBasicData).toBe(true);
    expect(support.canSeeSystem).toBe(false);
    expect(access(userWith(['audit:read'])).canSeeSystem).toBe(true);
  });

  it('grants nothing when nobody is signed in', () => {
    expect(grantedPermissions(access(undefined))).toEqual([]);
    expect(grantedPermissions(access({}))).toEqual([]);
  });

  it('ignores permission strings it does not know', () => {
    expect(grantedPermissions(access(userWith(['orders:write', 'dashboard:read'])))).toEqual(['dashboard:read']);
  });
});
