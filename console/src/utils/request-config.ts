/**
 * Umi request runtime config: bearer token on every call, `{ success, data }` unwrapped, one
 * token refresh + replay on 401 (src/utils/auth-refresh.ts), and the backend's errorMessage shown.
 */
import type { RequestConfig, RequestOptions } from '@umijs/max';
import { getRequestInstance, history } from '@umijs/max';
import { message } from 'antd';
import { postAuthRefresh } from '@/services/generated';
import { ApiError, apiErrorFrom } from './api-error';
import { createTokenRefresher, createUnauthorizedRecovery, type RecoverableRequest } from './auth-refresh';
import { loginPath } from './session';
import { clearTokens, getAccessToken, getRefreshToken, saveTokens, type TokenPair } from './token-storage';

type ConsoleRequest = RequestOptions &
  RecoverableRequest & {
    /** Login, refresh and logout carry no bearer token. */
    skipAuth?: boolean;
  };

interface HttpFailure {
  config?: ConsoleRequest;
  response?: { status: number; data?: unknown };
  code?: string;
  name?: string;
}

const refresher = createTokenRefresher({
  getAccessToken,
  getRefreshToken,
  saveTokens,
  clearTokens,
  requestRefresh: (refreshToken) =>
    postAuthRefresh<TokenPair>({ refreshToken }, { skipAuth: true, skipAuthRefresh: true, skipErrorHandler: true }),
});

function goToLogin(): void {
  clearTokens();
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  history.push(loginPath(`${pathname}${search}`));
}

const recoverUnauthorized = createUnauthorizedRecovery<ConsoleRequest, unknown>({
  refresher,
  resend: (config) => getRequestInstance().request(config),
  onGiveUp: goToLogin,
});

function isCancel(error: HttpFailure): boolean {
  return error?.code === 'ERR_CANCELED' || error?.name === 'CanceledError';
}

function attachToken(config: ConsoleRequest): ConsoleRequest {
  if (config.skipAuth) return config;
  const token = getAccessToken();
  config.authToken = token;
  if (token) {
    const headers = (config.headers ?? {}) as Record<string, unknown> & { set?: (k: string, v: string) => void };
    if (typeof headers.set === 'function') headers.set('Authorization', `Bearer ${token}`);
    else headers.Authorization = `Bearer ${token}`;
    config.headers = headers as ConsoleRequest['headers'];
  }
  return config;
}

function unwrapEnvelope<T extends { data: unknown }>(response: T): T {
  const body = response.data as { success?: boolean; data?: unknown } | undefined;
  if (body && typeof body === 'object' && 'success' in body) {
    if (body.success === false) {
      throw apiErrorFrom((response as unknown as { status?: number }).status, body);
    }
    if ('data' in body) response.data = body.data;
  }
  return response;
}

async function onResponseError(error: HttpFailure): Promise<unknown> {
  if (error instanceof ApiError || isCancel(error)) throw error;
  try {
    return await recoverUnauthorized(error.config, error.response?.status, error);
  } catch (failure) {
    if (failure instanceof ApiError || isCancel(failure as HttpFailure)) throw failure;
    const f = failure as HttpFailure;
    throw apiErrorFrom(f.response?.status, f.response?.data);
  }
}

export const requestConfig: RequestConfig = {
  timeout: 20000,
  requestInterceptors: [attachToken as never],
  responseInterceptors: [[unwrapEnvelope as never, onResponseError as never]],
  errorConfig: {
    errorHandler: (error: unknown, opts: ConsoleRequest) => {
      if (opts?.skipErrorHandler || isCancel(error as HttpFailure)) return;
      const apiError = error instanceof ApiError ? error : apiErrorFrom(undefined, undefined);
      if (apiError.status === 401) {
        // One notice however many requests failed together.
        message.warning({ content: apiError.errorMessage, key: 'auth-expired' });
        return;
      }
      message.error(apiError.errorMessage);
    },
  },
};
