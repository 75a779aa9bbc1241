import Taro from '@tarojs/taro'
import { createHttpClient, type Transport } from './http-client'
import { LOGIN_ROUTE_BY_AUDIENCE, sameRoute } from './routes'
import { createTokenStore, type Audience, type KeyValueStorage } from './token-store'

/** '' on H5 (same origin, /m/ served by the backend); an origin for the mini-program. */
export const API_BASE: string = process.env.TARO_APP_API_BASE ?? ''

const taroStorage: KeyValueStorage = {
  getItem: (key) => {
    const value = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (key, value) => Taro.setStorageSync(key, value),
  removeItem: (key) => Taro.removeStorageSync(key),
}

const taroTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    Taro.request({
      url: req.url,
      method: req.method,
      data: req.data as Record<string, unknown> | undefined,
      header: req.header,
      dataType: 'json',
      timeout: 15000,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data, header: res.header }),
      fail: (err) => reject(err),
    })
  })

let redirectingToLogin = false

/** Sends the user to the login page of the lost session, once, unless they are already there. */
function goToLogin(audience: Audience) {
  const target = LOGIN_ROUTE_BY_AUDIENCE[audience]
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]
  if (redirectingToLogin || sameRoute(current?.route, target)) return
  redirectingToLogin = true
  Taro.navigateTo({ url: target }).finally(() => {
    redirectingToLogin = false
  })
}

export const tokenStore = createTokenStore(taroStorage)

export const http = createHttpClient({
  transport: taroTransport,
  tokenStore,
  baseUrl: API_BASE,
  onSessionLost: goToLogin,
})

export const storage = taroStorage
