import { ApiError } from './api-error'
import {
  buildUrl,
  createHttpClient,
  REFRESH_PATH,
  unwrapResponse,
  type TransportRequest,
  type TransportResponse,
} from './http-client'
import { createMemoryStorage, createTokenStore, type Audience, type TokenStore } from './token-store'

const ok = (data: unknown): TransportResponse => ({ statusCode: 200, data: { success: true, data } })
const fail = (statusCode: number, errorCode: string, errorMessage: string): TransportResponse => ({
  statusCode,
  data: { success: false, errorCode, errorMessage, requestId: 'req-1' },
})
const expired = () => fail(401, 'AUTH_TOKEN_EXPIRED', '登录已过期')

/** A fake backend: answers by handler and records every request it received. */
function fakeBackend(handler: (req: TransportRequest) => TransportResponse | Promise<TransportResponse>) {
  const calls: TransportRequest[] = []
  const transport = jest.fn(async (req: TransportRequest) => {
    calls.push(req)
    return handler(req)
  })
  return { transport, calls }
}

function setup(handler: Parameters<typeof fakeBackend>[0], tokens?: { access: string; refresh: string }) {
  const backend = fakeBackend(handler)
  const tokenStore: TokenStore = createTokenStore(createMemoryStorage())
  if (tokens) tokenStore.set('customer', { accessToken: tokens.access, refreshToken: tokens.refresh })
  const sessionsLost: Audience[] = []
  const client = createHttpClient({
    transport: backend.transport,
    tokenStore,
    baseUrl: 'http://127.0.0.1:8080',
    onSessionLost: (a) => sessionsLost.push(a),
  })
  return { client, tokenStore, sessionsLost, ...backend }
}

const bearer = (req: TransportRequest) => req.header.Authorization
const refreshCalls = (calls: TransportRequest[]) => calls.filter((c) => c.url.endsWith(REFRESH_PATH))

describe('request wrapper', () => {
  it('sends the stored access token and returns the data inside the envelope', async () => {
    const { client, calls } = setup(() => ok({ id: 7, phoneMasked: '138****0001' }), { access: 'A1', refresh: 'R1' })

    await expect(client.get('/api/app/me')).resolves.toEqual({ id: 7, phoneMasked: '138****0001' })
    expect(calls[0].url).toBe('http://127.0.0.1:8080/api/app/me')
    expect(bearer(calls[0])).toBe('Bearer A1')
  })

  it('sends no token to endpoints marked auth: false even when logged in', async () => {
    const { client, calls } = setup(() => ok({ expiresIn: 300, resendAfter: 60 }), { access: 'A1', refresh: 'R1' })

    await client.post('/api/app/auth/sms-code', { phone: '13800000001' }, { auth: false })
    expect(bearer(calls[0])).toBeUndefined()
    expect(calls[0].data).toEqual({ phone: '13800000001' })
  })

  it('refreshes once on a 401, stores the new pair and retries the request with the new token', async () => {
    const { client, calls, tokenStore } = setup(
      (req) => {
        if (req.url.endsWith(REFRESH_PATH)) return ok({ accessToken: 'A2', refreshToken: 'R2', accessExpiresIn: 900 })
        return bearer(req) === 'Bearer A2' ? ok({ id: 1 }) : expired()
      },
      { access: 'A1', refresh: 'R1' },
    )

    await expect(client.get('/api/app/me')).resolves.toEqual({ id: 1 })
    expect(calls.map((c) => c.url.replace('http://127.0.0.1:8080', ''))).toEqual([
      '/api/app/me',
      REFRESH_PATH,
      '/api/app/me',
    ])
    expect(refreshCalls(calls)[0].data).toEqual({ refreshToken: 'R1' })
    expect(bearer(refreshCalls(calls)[0])).toBeUndefined()
    expect(tokenStore.get('customer')).toMatchObject({ accessToken: 'A2', refreshToken: 'R2' })
  })

  it('lets concurrent 401s share a single refresh and retries each request once', async () => {
    let releaseRefresh: () => void = () => undefined
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve
    })
    const { client, calls } = setup(
      async (req) => {
        if (req.url.endsWith(REFRESH_PATH)) {
          await refreshGate
          return ok({ accessToken: 'A2', refreshToken: 'R2' })
        }
        return bearer(req) === 'Bearer A2' ? ok(req.url.split('/').pop()) : expired()
      },
      { access: 'A1', refresh: 'R1' },
    )

    const pending = Promise.all([client.get('/api/app/me'), client.get('/api/app/cities'), client.get('/api/app/x')])
    await new Promise((r) => setTimeout(r, 0))
    releaseRefresh()

    await expect(pending).resolves.toEqual(['me', 'cities', 'x'])
    expect(refreshCalls(calls)).toHaveLength(1)
    expect(calls.filter((c) => bearer(c) === 'Bearer A2')).toHaveLength(3)
  })

  it('does not refresh again when another request renewed the token while this one was out', async () => {
    let store: TokenStore | null = null
    const { client, calls, tokenStore } = setup(
      (req) => {
        if (bearer(req) === 'Bearer A1') {
          // Another request's refresh completes while this one is still on its way back.
          store?.set('customer', { accessToken: 'A2', refreshToken: 'R2' })
          return expired()
        }
        return bearer(req) === 'Bearer A2' ? ok('fine') : expired()
      },
      { access: 'A1', refresh: 'R1' },
    )
    store = tokenStore

    await expect(client.get('/api/app/me')).resolves.toBe('fine')
    expect(refreshCalls(calls)).toHaveLength(0)
    expect(calls.map(bearer)).toEqual(['Bearer A1', 'Bearer A2'])
  })

  it('clears the tokens and reports the lost session once when the refresh is refused', async () => {
    const { client, calls, tokenStore, sessionsLost } = setup(
      (req) =>
        req.url.endsWith(REFRESH_PATH) ? fail(401, 'AUTH_TOKEN_REUSED', '登录状态已失效，请重新登录') : expired(),
      { access: 'A1', refresh: 'R1' },
    )

    const results = await Promise.allSettled([client.get('/api/app/me'), client.get('/api/app/cities')])

    for (const r of results) {
      expect(r.status).toBe('rejected')
      const err = (r as PromiseRejectedResult).reason as ApiError
      expect(err).toBeInstanceOf(ApiError)
      expect(err.status).toBe(401)
      expect(err.errorMessage).toBe('登录已过期，请重新登录')
    }
    expect(refreshCalls(calls)).toHaveLength(1)
    expect(tokenStore.get('customer')).toBeNull()
    expect(sessionsLost).toEqual(['customer'])
  })

  it('keeps the tokens when the refresh endpoint cannot be reached, and reports a network error', async () => {
    const { client, tokenStore, sessionsLost } = setup(
      (req) => {
        if (req.url.endsWith(REFRESH_PATH)) throw new Error('request:fail timeout')
        return expired()
      },
      { access: 'A1', refresh: 'R1' },
    )

    await expect(client.get('/api/app/me')).rejects.toMatchObject({ errorCode: 'NETWORK_ERROR' })
    expect(tokenStore.get('customer')).not.toBeNull()
    expect(sessionsLost).toEqual([])
  })

  it('gives up after one retry when the renewed token is refused too, without looping', async () => {
    const { client, calls, tokenStore, sessionsLost } = setup(
      (req) => (req.url.endsWith(REFRESH_PATH) ? ok({ accessToken: 'A2', refreshToken: 'R2' }) : expired()),
      { access: 'A1', refresh: 'R1' },
    )

    await expect(client.get('/api/app/me')).rejects.toMatchObject({ status: 401 })
    expect(calls).toHaveLength(3)
    expect(tokenStore.get('customer')).toBeNull()
    expect(sessionsLost).toEqual(['customer'])
  })

  it('asks for a login without calling refresh when a 401 arrives and nobody is logged in', async () => {
    const { client, calls, sessionsLost } = setup(() => fail(401, 'AUTH_REQUIRED', '请先登录'))

    await expect(client.get('/api/app/me')).rejects.toMatchObject({ errorCode: 'AUTH_REQUIRED', errorMessage: '请先登录' })
    expect(calls).toHaveLength(1)
    expect(sessionsLost).toEqual(['customer'])
  })

  it('treats a 401 from a login endpoint as an ordinary error and never refreshes', async () => {
    const { client, calls, tokenStore, sessionsLost } = setup(
      () => fail(401, 'AUTH_SMS_CODE_INVALID', '验证码错误或已过期'),
      { access: 'A1', refresh: 'R1' },
    )

    await expect(
      client.post('/api/app/auth/sms-login', { phone: '13800000001', code: '000000' }, { auth: false }),
    ).rejects.toMatchObject({ status: 401, errorCode: 'AUTH_SMS_CODE_INVALID', errorMessage: '验证码错误或已过期' })
    expect(calls).toHaveLength(1)
    expect(tokenStore.get('customer')).not.toBeNull()
    expect(sessionsLost).toEqual([])
  })

  it('refreshes the escort session with the escort refresh token, leaving the customer session alone', async () => {
    const { client, calls, tokenStore } = setup(
      (req) => {
        if (req.url.endsWith(REFRESH_PATH)) return ok({ accessToken: 'E2', refreshToken: 'ER2' })
        return bearer(req) === 'Bearer E2' ? ok({ id: 3 }) : expired()
      },
      { access: 'A1', refresh: 'R1' },
    )
    tokenStore.set('escort', { accessToken: 'E1', refreshToken: 'ER1' })

    await expect(client.get('/api/escort/me', undefined, { audience: 'escort' })).resolves.toEqual({ id: 3 })
    expect(bearer(calls[0])).toBe('Bearer E1')
    expect(refreshCalls(calls)[0].data).toEqual({ refreshToken: 'ER1' })
    expect(tokenStore.get('customer')?.accessToken).toBe('A1')
  })
})

describe('error mapping', () => {
  it('carries the errorCode, errorMessage, status and requestId of a failure envelope', () => {
    expect.assertions(5)
    try {
      unwrapResponse(fail(429, 'SMS_RATE_LIMITED', '验证码发送太频繁，请 1 分钟后再试'))
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError)
      expect(err).toMatchObject({ status: 429, errorCode: 'SMS_RATE_LIMITED', requestId: 'req-1' })
      expect((err as ApiError).errorMessage).toBe('验证码发送太频繁，请 1 分钟后再试')
      expect((err as ApiError).message).toBe('验证码发送太频繁，请 1 分钟后再试')
      expect((err as ApiError).name).toBe('ApiError')
    }
  })

  it('maps a 422 business rule such as WECHAT_PHONE_REQUIRED to an error the login page can recognise', () => {
    expect(() => unwrapResponse(fail(422, 'WECHAT_PHONE_REQUIRED', '首次微信登录需要验证手机号'))).toThrow(
      expect.objectContaining({ errorCode: 'WECHAT_PHONE_REQUIRED', status: 422 }),
    )
  })

  it('falls back to a readable Chinese message by status when the body is not an envelope', () => {
    expect(() => unwrapResponse({ statusCode: 502, data: '<html>Bad Gateway</html>' })).toThrow(
      expect.objectContaining({ status: 502, errorCode: 'BAD_RESPONSE', errorMessage: '服务暂时不可用，请稍后再试' }),
    )
  })

  it('parses an envelope that arrives as a JSON string', () => {
    expect(unwrapResponse({ statusCode: 200, data: '{"success":true,"data":[1,2]}' })).toEqual([1, 2])
  })

  it('reads the request id from the X-Request-Id header when the body has none', () => {
    expect(() =>
      unwrapResponse({
        statusCode: 500,
        data: { success: false, errorCode: 'INTERNAL_ERROR' },
        header: { 'x-request-id': 'hdr-9' },
      }),
    ).toThrow(expect.objectContaining({ requestId: 'hdr-9', errorMessage: '服务器开小差了，请稍后再试' }))
  })

  it('turns a transport failure into a NETWORK_ERROR with a readable message', async () => {
    const { client } = setup(() => {
      throw new Error('request:fail')
    })
    await expect(client.get('/api/app/cities', undefined, { auth: false })).rejects.toMatchObject({
      status: 0,
      errorCode: 'NETWORK_ERROR',
      errorMessage: '网络不给力，请检查网络后重试',
    })
  })

  it('builds URLs from the base, the path and the defined query values only', () => {
    expect(buildUrl('', '/api/app/cities', { page: 1, keyword: '挂号', empty: undefined })).toBe(
      '/api/app/cities?page=1&keyword=%E6%8C%82%E5%8F%B7',
    )
    expect(buildUrl('http://127.0.0.1:8080/', '/api/health')).toBe('http://127.0.0.1:8080/api/health')
  })
})
