import { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { customerSession } from '../services/app-api'

/**
 * Whether the customer is logged in, checked again each time the page shows: a page that sent
 * the user to 登录 loads its data when they come back logged in. `onShow` runs on every show
 * with the current answer.
 */
export function useCustomerSession(onShow?: (loggedIn: boolean) => void) {
  const [loggedIn, setLoggedIn] = useState(customerSession.isLoggedIn())
  const latest = useRef(onShow)
  latest.current = onShow
  useDidShow(() => {
    const now = customerSession.isLoggedIn()
    setLoggedIn(now)
    latest.current?.(now)
  })
  return loggedIn
}
