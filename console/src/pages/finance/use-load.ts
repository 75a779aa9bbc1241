import { useCallback, useEffect, useState } from 'react';

/**
 * Loads once per change of `deps` and on `refresh()`: the value of the generated API call as it
 * is (Umi's useRequest expects a `{ data }` wrapper the request config has already removed).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; loading: boolean; refresh: () => void } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setLoading(true);
    load()
      .then((value) => alive && setData(value))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, refresh };
}
