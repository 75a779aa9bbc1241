import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/**
 * Calls `tick` every `intervalMs` while the page is visible and `active` holds: the order detail
 * follows the real order state (assigned, departed, code shown) without the customer refreshing.
 */
export function usePolling(tick: () => void, intervalMs: number, active: boolean) {
  const visible = useRef(true)
  const latest = useRef(tick)
  latest.current = tick
  useDidShow(() => {
    visible.current = true
  })
  useDidHide(() => {
    visible.current = false
  })
  useUnload(() => {
    visible.current = false
  })
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      if (visible.current) latest.current()
    }, intervalMs)
    return () => clearInterval(timer)
  }, [active, intervalMs])
}
