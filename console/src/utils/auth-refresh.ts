/**
 * What to do when the API answers 401: refresh the token pair once and replay the request once.
 * Plain module (no Umi, no axios) so the rules below are tested directly:
 * - concurrent 401s share one refresh call (the refresh token rotates: two parallel refreshes
 *   would replay a rotated token and the backend would revoke the session);
 * - a request that already failed after a refresh is not retried again;
 * - a request sent with a token that has since been replaced is replayed with the new token
 *   without another refresh;
 * - when refreshing is impossible or fails, the session is cleared and onGiveUp runs (go to login).
 */
import type { TokenPair } from './token-storage';

export interface TokenRefresherDeps {
  getAccessToken(): string | null;
  getRefreshToken(): string | null;
  /** Calls POST /api/auth/refresh; must not itself go through 401 recovery. */
  requestRefresh(refreshToken: string): Promise<TokenPair>;
  saveTokens(pair: TokenPair): void;
  clearTokens(): void;
}

export interface TokenRefresher {
  /** Resolves to the new access token, or null when the session cannot be refreshed. */
  refresh(): Promise<string | null>;
  /** Access token to replay a request with after it was refused with `usedToken`, or null. */
  tokenAfterUnauthorized(usedToken: string | null | undefined): Promise<string | null>;
}

export function createTokenRefresher(deps: TokenRefresherDeps): TokenRefresher {
  let inFlight: Promise<string | null> | null = null;

  function refresh(): Promise<string | null> {
    if (inFlight) return inFlight;
    const refreshToken = deps.getRefreshToken();
    if (!refreshToken) {
      deps.clearTokens();
      return Promise.resolve(null);
    }
    inFlight = deps
      .requestRefresh(refreshToken)
      .then(
        (pair) => {
          deps.saveTokens(pair);
          return pair.accessToken;
        },
        () => {
          deps.clearTokens();
          return null;
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  async function tokenAfterUnauthorized(usedToken: string | null | undefined): Promise<string | null> {
    if (inFlight) return inFlight;
    const current = deps.getAccessToken();
    if (current && usedToken && current !== usedToken) return current;
    return refresh();
  }

  return { refresh, tokenAfterUnauthorized };
}

/** The fields of a request the recovery reads and sets; the rest passes through untouched. */
export interface RecoverableRequest {
  /** Set by the request interceptor: the access token this request carried. */
  authToken?: string | null;
  /** Set on the replay so a second 401 gives up instead of looping. */
  authRetried?: boolean;
  /** Login and refresh calls: a 401 there is an answer, not an expired session. */
  skipAuthRefresh?: boolean;
}

export interface UnauthorizedRecoveryOptions<C extends RecoverableRequest, R> {
  refresher: TokenRefresher;
  /** Sends the request again; the request interceptor attaches the current token. */
  resend(config: C): Promise<R>;
  /** Session is over: clear state and go to the login page. */
  onGiveUp(): void;
}

/**
 * Returns a function for the response-error path: given the failed request's config, the HTTP
 * status and the original error, it either resolves with the replayed response or rethrows.
 */
export function createUnauthorizedRecovery<C extends RecoverableRequest, R>(
  options: UnauthorizedRecoveryOptions<C, R>,
): (config: C | undefined, status: number | undefined, error: unknown) => Promise<R> {
  return async (config, status, error) => {
    if (status !== 401 || !config || config.skipAuthRefresh) throw error;
    if (config.authRetried) {
      options.onGiveUp();
      throw error;
    }
    const token = await options.refresher.tokenAfterUnauthorized(config.authToken);
    if (!token) {
      options.onGiveUp();
      throw error;
    }
    return options.resend({ ...config, authRetried: true });
  };
}
