/**
 * Staff tokens live in localStorage so a reload keeps the session; the refresh token rotates on
 * every refresh (the backend revokes the whole family if an old one is replayed).
 */
import type { TokenPair } from '@/services/models';

export type { TokenPair };

const ACCESS_KEY = 'escort-console.accessToken';
const REFRESH_KEY = 'escort-console.refreshToken';

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    // Storage can be unavailable (privacy mode, sandboxed frame): behave as signed out.
    return null;
  }
}

export function getAccessToken(): string | null {
  return storage()?.getItem(ACCESS_KEY) ?? null;
}

export function getRefreshToken(): string | null {
  return storage()?.getItem(REFRESH_KEY) ?? null;
}

export function saveTokens(pair: Pick<TokenPair, 'accessToken' | 'refreshToken'>): void {
  const s = storage();
  if (!s) return;
  s.setItem(ACCESS_KEY, pair.accessToken);
  s.setItem(REFRESH_KEY, pair.refreshToken);
}

export function clearTokens(): void {
  const s = storage();
  if (!s) return;
  s.removeItem(ACCESS_KEY);
  s.removeItem(REFRESH_KEY);
}
