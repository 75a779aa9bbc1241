import { useEffect, useRef } from 'react';

/**
 * Calls `callback` every `ms` milliseconds while mounted (null pauses). The latest callback is
 * used each time, so callers need not memoise it. Skipped while the tab is hidden: a background
 * tab polling every minute all day only loads the server.
 */
export function useInterval(callback: () => void, ms: number | null): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    if (ms === null) return undefined;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      latest.current();
    }, ms);
    return () => window.clearInterval(timer);
  }, [ms]);
}
