import type { RunTimeLayoutConfig } from '@umijs/max';
import { history } from '@umijs/max';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { requestConfig } from './utils/request-config';
import { loadCurrentUser, loginPath, type InitialState } from './utils/session';

dayjs.locale('zh-cn');

// Loaded with the layout rather than in the entry chunk.
const AvatarDropdown = lazy(() => import('./components/avatar-dropdown'));
const NotificationBell = lazy(() => import('./components/notification-bell'));
const ForbiddenResult = lazy(() => import('./pages/exception/403'));
const NotFoundResult = lazy(() => import('./pages/exception/404'));

const PUBLIC_PATHS = ['/login'];

export async function getInitialState(): Promise<InitialState> {
  if (PUBLIC_PATHS.includes(window.location.pathname)) return {};
  return { currentUser: await loadCurrentUser() };
}

export const layout: RunTimeLayoutConfig = ({ initialState }) => ({
  title: '陪诊运营平台',
  layout: 'mix',
  splitMenus: false,
  menu: { locale: false },
  rightRender: () => (
    <Suspense fallback={null}>
      <div style={{ display: 'flex', alignItems: 'center' }}>
        {initialState?.currentUser && <NotificationBell />}
        <AvatarDropdown />
      </div>
    </Suspense>
  ),
  unAccessible: (
    <Suspense fallback={null}>
      <ForbiddenResult />
    </Suspense>
  ),
  noFound: (
    <Suspense fallback={null}>
      <NotFoundResult />
    </Suspense>
  ),
  onPageChange: () => {
    const { pathname, search } = history.location;
    if (!initialState?.currentUser && !PUBLIC_PATHS.includes(pathname)) {
      history.push(loginPath(`${pathname}${search}`));
    }
  },
});

export const request = requestConfig;
