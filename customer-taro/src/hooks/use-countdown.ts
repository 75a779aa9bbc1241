import { useEffect, useRef, useState } from 'react'
import { createCountdown, type Countdown } from '../logic/countdown'

/** Seconds left on the resend button, and a way to start it; the timer stops with the page. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [remaining, setRemaining] = useState(0)
  const ref = useRef<Countdown | null>(null)
  if (ref.current === null) ref.current = createCountdown(setRemaining)
  useEffect(() => () => ref.current?.stop(), [])
  return [remaining, (seconds) => ref.current?.start(seconds)]
}
