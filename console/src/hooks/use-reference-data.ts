import { useEffect, useState } from 'react';
import { getAdminCities, getAdminRoles } from '@/services/generated';
import type { City, Role } from '@/services/models';

function useList<T>(load: () => Promise<T[]>, enabled: boolean): { data: T[]; loading: boolean } {
  const [data, setData] = useState<T[]>([]);
  const [loading, setLoading] = useState(enabled);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    setLoading(true);
    load()
      .then((list) => {
        if (live) setData(list);
      })
      .catch(() => {
        // The request layer already showed the error; the selects stay empty.
        if (live) setData([]);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
    // load is a stable module function; refetching happens only when enabled flips.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);
  return { data, loading };
}

/** Cities in the caller's scope, for filters and city pickers. */
export function useCities(enabled = true) {
  return useList<City>(() => getAdminCities<City[]>(), enabled);
}

export function useRoles(enabled = true) {
  return useList<Role>(() => getAdminRoles<Role[]>(), enabled);
}

export function cityOptions(cities: City[]) {
  return cities.map((c) => ({ label: c.name, value: c.id }));
}

export function cityValueEnum(cities: City[]): Record<number, { text: string }> {
  const result: Record<number, { text: string }> = {};
  for (const c of cities) result[c.id] = { text: c.name };
  return result;
}
