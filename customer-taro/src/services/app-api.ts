import { http, tokenStore } from './request'
import type { TokenPair } from './token-store'
import type { City } from '../logic/city-preference'

/** The customer profile of GET /api/app/me (phone only ever masked). */
export interface CustomerProfile {
  id: number
  phoneMasked: string
  nickname: string | null
  avatarUrl: string | null
  wechatLinked: boolean
}

export interface SmsCodeSent {
  expiresIn: number
  resendAfter: number
}

export type LoginResult<U> = TokenPair & { user: U }

/** Error code of a WeChat login whose openid is not yet linked to a phone. */
export const WECHAT_PHONE_REQUIRED = 'WECHAT_PHONE_REQUIRED'

export const appApi = {
  sendSmsCode: (phone: string) =>
    http.post<SmsCodeSent>('/api/app/auth/sms-code', { phone }, { auth: false }),

  smsLogin: (phone: string, code: string) =>
    http.post<LoginResult<CustomerProfile>>('/api/app/auth/sms-login', { phone, code }, { auth: false }),

  wechatLogin: (body: { code: string; phone?: string; smsCode?: string }) =>
    http.post<LoginResult<CustomerProfile>>('/api/app/auth/wechat-login', body, { auth: false }),

  me: () => http.get<CustomerProfile>('/api/app/me'),

  cities: () => http.get<City[]>('/api/app/cities', undefined, { auth: false }),
}

export const customerSession = {
  isLoggedIn: () => tokenStore.get('customer') !== null,
  save: (pair: TokenPair) => tokenStore.set('customer', pair),
  /** Revokes the session on the server when it can; the local tokens go either way. */
  async logout() {
    const pair = tokenStore.get('customer')
    tokenStore.clear('customer')
    if (!pair) return
    try {
      await http.post('/api/auth/logout', { refreshToken: pair.refreshToken }, { auth: false })
    } catch {
      // Offline or already revoked: the tokens are gone locally, which is what logging out needs.
    }
  },
}
