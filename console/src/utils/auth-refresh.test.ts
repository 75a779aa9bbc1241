import { createTokenRefresher, createUnauthorizedRecovery, type RecoverableRequest } from './auth-refresh';
import type { TokenPair } from './token-storage';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function memoryTokens(initial: { access: string | null; refresh: string | null }) {
  const state = { ...initial };
  return {
    state,
    getAccessToken: () => state.access,
    getRefreshToken: () => state.refresh,
    saveTokens: (pair: TokenPair) => {
      state.access = pair.accessToken;
      state.refresh = pair.refreshToken;
    },
    clearTokens: () => {
      state.access = null;
      state.refresh = null;
    },
  };
}

const pair = (n: number): TokenPair => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  accessExpiresIn: 900,
  refreshExpiresIn: 86400,
});

type Req = RecoverableRequest & { url: string };
const unauthorized = new Error('401');

function setup(options: { refresh?: (token: string) => Promise<TokenPair>; tokens?: ReturnType<typeof memoryTokens> } = {}) {
  const tokens = options.tokens ?? memoryTokens({ access: 'access-0', refresh: 'refresh-0' });
  const requestRefresh = jest.fn(options.refresh ?? (async () => pair(1)));
  const refresher = createTokenRefresher({ ...tokens, requestRefresh });
  const resend = jest.fn(async (config: Req) => ({ replayed: config.url, with: tokens.state.access }));
  const onGiveUp = jest.fn();
  const recover = createUnauthorizedRecovery<Req, unknown>({ refresher, resend, onGiveUp });
  return { tokens, requestRefresh, refresher, resend, onGiveUp, recover };
}

describe('401 recovery', () => {
  it('refreshes the token pair and replays the request with the new access token', async () => {
    const { recover, requestRefresh, resend, tokens, onGiveUp } = setup();
    const result = await recover({ url: '/a', authToken: 'access-0' }, 401, unauthorized);
    expect(requestRefresh).toHaveBeenCalledWith('refresh-0');
    expect(tokens.state).toEqual({ access: 'access-1', refresh: 'refresh-1' });
    expect(resend).toHaveBeenCalledWith(expect.objectContaining({ url: '/a', authRetried: true }));
    expect(result).toEqual({ replayed: '/a', with: 'access-1' });
    expect(onGiveUp).not.toHaveBeenCalled();
  });

  it('shares one refresh call among requests that fail together', async () => {
    const pending = deferred<TokenPair>();
    const { recover, requestRefresh, resend } = setup({ refresh: () => pending.promise });
    const results = Promise.all([
      recover({ url: '/a', authToken: 'access-0' }, 401, unauthorized),
      recover({ url: '/b', authToken: 'access-0' }, 401, unauthorized),
      recover({ url: '/c', authToken: 'access-0' }, 401, unauthorized),
    ]);
    pending.resolve(pair(1));
    await expect(results).resolves.toHaveLength(3);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(resend).toHaveBeenCalledTimes(3);
  });

  it('replays a request sent with an old token without refreshing again', async () => {
    const { recover, requestRefresh, tokens } = setup();
    tokens.state.access = 'access-7';
    await expect(recover({ url: '/late', authToken: 'access-6' }, 401, unauthorized)).resolves.toEqual({
      replayed: '/late',
      with: 'access-7',
    });
    expect(requestRefresh).not.toHaveBeenCalled();
  });

  it('refreshes again for a later, separate expiry', async () => {
    let n = 0;
    const { recover, requestRefresh, tokens } = setup({ refresh: async () => pair(++n) });
    await recover({ url: '/a', authToken: 'access-0' }, 401, unauthorized);
    await recover({ url: '/b', authToken: tokens.state.access }, 401, unauthorized);
    expect(requestRefresh).toHaveBeenCalledTimes(2);
    expect(requestRefresh).toHaveBeenLastCalledWith('refresh-1');
  });

  it('gives up without a second refresh when the replayed request is refused again', async () => {
    const { recover, requestRefresh, resend, onGiveUp } = setup();
    await expect(recover({ url: '/a', authToken: 'access-1', authRetried: true }, 401, unauthorized)).rejects.toBe(
      unauthorized,
    );
    expect(requestRefresh).not.toHaveBeenCalled();
    expect(resend).not.toHaveBeenCalled();
    expect(onGiveUp).toHaveBeenCalledTimes(1);
  });

  it('clears the session and gives up when the refresh is refused', async () => {
    const { recover, tokens, resend, onGiveUp } = setup({
      refresh: async () => {
        throw new Error('AUTH_TOKEN_REUSED');
      },
    });
    await expect(recover({ url: '/a', authToken: 'access-0' }, 401, unauthorized)).rejects.toBe(unauthorized);
    expect(tokens.state).toEqual({ access: null, refresh: null });
    expect(resend).not.toHaveBeenCalled();
    expect(onGiveUp).toHaveBeenCalledTimes(1);
  });

  it('gives up at once when no refresh token is stored', async () => {
    const tokens = memoryTokens({ access: 'access-0', refresh: null });
    const { recover, requestRefresh, onGiveUp } = setup({ tokens });
    await expect(recover({ url: '/a', authToken: 'access-0' }, 401, unauthorized)).rejects.toBe(unauthorized);
    expect(requestRefresh).not.toHaveBeenCalled();
    expect(onGiveUp).toHaveBeenCalledTimes(1);
  });

  it('passes other errors through untouched', async () => {
    const { recover, requestRefresh, onGiveUp } = setup();
    const forbidden = new Error('403');
    await expect(recover({ url: '/a', authToken: 'access-0' }, 403, forbidden)).rejects.toBe(forbidden);
    await expect(recover(undefined, undefined, forbidden)).rejects.toBe(forbidden);
    expect(requestRefresh).not.toHaveBeenCalled();
    expect(onGiveUp).not.toHaveBeenCalled();
  });

  it('treats a 401 from login itself as an answer, not an expired session', async () => {
    const { recover, requestRefresh, onGiveUp } = setup();
    await expect(recover({ url: '/login', skipAuthRefresh: true }, 401, unauthorized)).rejects.toBe(unauthorized);
    expect(requestRefresh).not.toHaveBeenCalled();
    expect(onGiveUp).not.toHaveBeenCalled();
  });
});
