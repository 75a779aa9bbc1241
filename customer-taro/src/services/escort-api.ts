import { http, tokenStore } from './request'
import type { LoginResult, SmsCodeSent } from './app-api'

export interface EscortProfile {
  id: number
  name: string
  phoneMasked: string
  status: string
  cityId: number
}

const ESCORT = { audience: 'escort' } as const

export const escortApi = {
  sendSmsCode: (phone: string) =>
    http.post<SmsCodeSent>('/api/escort/auth/sms-code', { phone }, { ...ESCORT, auth: false }),

  smsLogin: (phone: string, code: string) =>
    http.post<LoginResult<EscortProfile>>('/api/escort/auth/sms-login', { phone, code }, { ...ESCORT, auth: false }),

  me: () => http.get<EscortProfile>('/api/escort/me', undefined, ESCORT),
}

export const escortSession = {
  isLoggedIn: () => tokenStore.get('escort') !== null,
  save: (pair: Parameters<typeof tokenStore.set>[1]) => tokenStore.set('escort', pair),
  async logout() {
    const pair = tokenStore.get('escort')
    tokenStore.clear('escort')
    if (!pair) return
    try {
      await http.post('/api/auth/logout', { refreshToken: pair.refreshToken }, { ...ESCORT, auth: false })
    } catch {
      // The local tokens are already gone; a server that cannot be reached changes nothing here.
    }
  },
}
