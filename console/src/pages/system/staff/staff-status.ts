import type { StaffUser } from '@/services/models';

/** Five wrong passwords lock an account until `lockedUntil`; past that time it is unlocked again. */
export function isLocked(staff: Pick<StaffUser, 'lockedUntil'>, now = Date.now()): boolean {
  return Boolean(staff.lockedUntil && new Date(staff.lockedUntil).getTime() > now);
}
