import type { Principal } from './principal';
import { Errors } from '../errors';

/** Throws 403 unless the staff member's city scope includes this city. */
export function assertCityInScope(principal: Principal, cityId: number): void {
  if (principal.cityIds !== null && !principal.cityIds.includes(cityId)) throw Errors.cityScope();
}

/**
 * The cities a list query may return: the requested one if in scope, else the whole scope.
 * `null` means no restriction (admin without a filter).
 */
export function scopedCityFilter(principal: Principal, requestedCityId?: number): number[] | null {
  if (requestedCityId !== undefined) {
    assertCityInScope(principal, requestedCityId);
    return [requestedCityId];
  }
  return principal.cityIds;
}
