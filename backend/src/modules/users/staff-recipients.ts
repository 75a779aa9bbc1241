import type { EntityManager } from 'typeorm';
import { StaffUser } from './staff-user.entity';
import { permissionsOf } from './roles';

/**
 * Active staff who hold `permission` and whose city scope covers `cityId` (admins cover every
 * city): who hears about a leave request, an expiring credential, an order back in the pool.
 * Reads through the caller's manager, so it can run inside their transaction.
 */
export async function staffHolding(manager: EntityManager, permission: string, cityId: number): Promise<Array<{ type: 'staff'; id: number }>> {
  const staff = await manager.getRepository(StaffUser).find({ where: { status: 'active' } });
  return staff
    .filter(s => permissionsOf(s.roles).has(permission) && (s.roles.includes('admin') || s.cityIds.includes(cityId)))
    .map(s => ({ type: 'staff' as const, id: s.id }));
}
