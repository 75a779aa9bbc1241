import { configure } from '@testing-library/react';
import '@testing-library/jest-dom';
import '@umijs/max/test-setup';
import 'jest-canvas-mock';

// jsdom has no matchMedia; antd's responsive helpers (Grid, Table) call it on mount.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

// antd forms validate asynchronously and jsdom is slow on a busy 2-core machine: give findBy/waitFor
// room so a loaded CI box does not turn into a false failure (a wait limit, not a speed assertion).
// Generous waits: the suite also runs on a busy 2-core CI box; these bound how long a test may wait, they assert no speed.
configure({ asyncUtilTimeout: 15000 });
