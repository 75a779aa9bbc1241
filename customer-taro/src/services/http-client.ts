import {
  ApiError,
  CLIENT_ERROR_CODES,
  defaultMessageForStatus,
  networkError,
  sessionExpiredError,
} from './api-error'
import { createRefreshCoordinator, type RefreshCoordinator } from './refresh-coordinator'
import type { Audience, TokenPair, TokenStore } from './token-store'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface TransportRequest {
  url: string
  method: HttpMethod
  data?: unknown
  header: Record<string, string>
}

export interface TransportResponse {
  statusCode: number
  data: unknown
  header?: Record<string, string | undefined>
}

/** Sends one HTTP request; rejects only when no response arrived (network down, timeout). */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>

export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: HttpMethod
  data?: unknown
  query?: Record<string, QueryValue>
  /** Whose token to send and refresh; defaults to the customer. */
  audience?: Audience
  /** false for login and SMS endpoints: no token is sent and a 401 is an ordinary error. */
  auth?: boolean
  header?: Record<string, string>
}

export interface HttpClientDeps {
  transport: Transport
  tokenStore: TokenStore
  /** Prefix of every relative path: '' (same origin) or 'http://127.0.0.1:8080'. */
  baseUrl: string
  /** Called once per lost session (refresh refused, or a 401 with nothing to refresh), after tokens are cleared. */
  onSessionLost: (audience: Audience) => void
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, query?: Record<string, QueryValue>, options?: RequestOptions): Promise<T>
  post<T>(path: string, data?: unknown, options?: RequestOptions): Promise<T>
}

export const REFRESH_PATH = '/api/auth/refresh'

type RefreshOutcome = 'renewed' | 'rejected' | 'unreachable'

interface Envelope {
  success: boolean
  data?: unknown
  errorCode?: string
  errorMessage?: string
  requestId?: string
}

function isEnvelope(body: unknown): body is Envelope {
  return !!body && typeof body === 'object' && typeof (body as Envelope).success === 'boolean'
}

function headerValue(header: TransportResponse['header'], name: string): string | undefined {
  if (!header) return undefined
  const wanted = name.toLowerCase()
  for (const key of Object.keys(header)) {
    if (key.toLowerCase() === wanted) return header[key]
  }
  return undefined
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const url = /^https?:\/\//.test(path) ? path : baseUrl.replace(/\/+$/, '') + path
  const pairs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  if (pairs.length === 0) return url
  return url + (url.includes('?') ? '&' : '?') + pairs.join('&')
}

/** Turns a response into its `data`, or throws an ApiError carrying the backend's code and message. */
export function unwrapResponse<T>(res: TransportResponse): T {
  let body = res.data
  if (typeof body === 'string' && body.trim() !== '') {
    try {
      body = JSON.parse(body)
    } catch {
      // Not JSON (an HTML error page from a proxy, say): handled as a bad response below.
    }
  }
  const ok = res.statusCode >= 200 && res.statusCode < 300
  const requestId = headerValue(res.header, 'x-request-id')
  if (isEnvelope(body)) {
    if (body.success && ok) return body.data as T
    if (!body.success) {
      throw new ApiError(
        res.statusCode,
        body.errorCode || 'UNKNOWN_ERROR',
        body.errorMessage || defaultMessageForStatus(res.statusCode),
        body.requestId ?? requestId,
      )
    }
  }
  if (ok && (body === '' || body === undefined || body === null)) return undefined as T
  throw new ApiError(
    res.statusCode,
    CLIENT_ERROR_CODES.badResponse,
    ok ? '服务返回了无法识别的数据' : defaultMessageForStatus(res.statusCode),
    requestId,
  )
}

export function createHttpClient(deps: HttpClientDeps): HttpClient {
  const { transport, tokenStore, onSessionLost } = deps
  const coordinators: Partial<Record<Audience, RefreshCoordinator<RefreshOutcome>>> = {}

  async function send(path: string, options: RequestOptions, token?: string): Promise<TransportResponse> {
    const header: Record<string, string> = { 'Content-Type': 'application/json', ...options.header }
    if (token) header.Authorization = `Bearer ${token}`
    try {
      return await transport({
        url: buildUrl(deps.baseUrl, path, options.query),
        method: options.method ?? 'GET',
        data: options.data,
        header,
      })
    } catch (err) {
      throw networkError(err)
    }
  }

  function endSession(audience: Audience) {
    tokenStore.clear(audience)
    onSessionLost(audience)
  }

  function coordinatorFor(audience: Audience) {
    let coordinator = coordinators[audience]
    if (!coordinator) {
      coordinator = createRefreshCoordinator<RefreshOutcome>(async () => {
        const stored = tokenStore.get(audience)
        if (!stored) return 'rejected'
        let res: TransportResponse
        try {
          res = await send(REFRESH_PATH, { method: 'POST', data: { refreshToken: stored.refreshToken } })
        } catch {
          // The server was not reached: keep the tokens, the user may simply be offline.
          return 'unreachable'
        }
        try {
          tokenStore.set(audience, unwrapResponse<TokenPair>(res))
          return 'renewed'
        } catch {
          // The refresh token was refused (expired, revoked, reused): the session is over.
          endSession(audience)
          return 'rejected'
        }
      })
      coordinators[audience] = coordinator
    }
    return coordinator
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const audience = options.audience ?? 'customer'
    if (options.auth === false) return unwrapResponse<T>(await send(path, options))

    const sentToken = tokenStore.get(audience)?.accessToken
    let res = await send(path, options, sentToken)
    if (res.statusCode !== 401) return unwrapResponse<T>(res)

    const stored = tokenStore.get(audience)
    if (!stored) {
      endSession(audience)
      return unwrapResponse<T>(res)
    }
    // Refresh only when the token that failed is still the stored one: if another request has
    // renewed it in the meantime, retrying with the new token is enough.
    if (stored.accessToken === sentToken) {
      const outcome = await coordinatorFor(audience).refresh()
      if (outcome === 'unreachable') throw networkError()
      if (outcome === 'rejected') throw sessionExpiredError()
    }
    const renewed = tokenStore.get(audience)
    if (!renewed) throw sessionExpiredError()
    res = await send(path, options, renewed.accessToken)
    if (res.statusCode === 401) {
      // A fresh token refused again: retrying more would loop, so the session ends here.
      endSession(audience)
      throw sessionExpiredError()
    }
    return unwrapResponse<T>(res)
  }

  return {
    request,
    get: (path, query, options) => request(path, { ...options, method: 'GET', query }),
    post: (path, data, options) => request(path, { ...options, method: 'POST', data }),
  }
}
