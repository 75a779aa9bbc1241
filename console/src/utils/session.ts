import { getAdminAuthMe, postAuthLogout } from '@/services/generated';
import type { StaffProfile } from '@/services/models';
import { clearTokens, getAccessToken, getRefreshToken } from './token-storage';

/** Umi's initial state: who is signed in (undefined on the login page or after logout). */
export interface InitialState {
  currentUser?: StaffProfile;
}

/** Loads the profile when a token is stored; an expired access token is refreshed by the request layer. */
export async function loadCurrentUser(): Promise<StaffProfile | undefined> {
  if (!getAccessToken() && !getRefreshToken()) return undefined;
  try {
    return await getAdminAuthMe<StaffProfile>({ skipErrorHandler: true });
  } catch {
    // Not signed in any more: the layout sends the user to /login.
    return undefined;
  }
}

/** Revokes the refresh-token family on the server, then forgets the tokens locally either way. */
export async function logout(): Promise<void> {
  const refreshToken = getRefreshToken();
  clearTokens();
  if (!refreshToken) return;
  await postAuthLogout(
    { refreshToken },
    { skipErrorHandler: true, skipAuthRefresh: true, skipAuth: true },
  ).catch(() => {
    // The local session is already gone; a failed revoke only leaves a token that expires.
    return undefined;
  });
}

export function loginPath(redirect?: string): string {
  return redirect && redirect !== '/login' ? `/login?redirect=${encodeURIComponent(redirect)}` : '/login';
}
