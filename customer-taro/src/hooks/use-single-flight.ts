import { useRef, useState } from 'react'
import { singleFlight } from '../logic/single-flight'

/**
 * An action that runs at most once at a time, with a `running` flag for the button: a second tap
 * while the first request is out is ignored instead of sending a duplicate.
 */
export function useSingleFlight<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [running, setRunning] = useState(false)
  const latest = useRef(action)
  latest.current = action
  const guarded = useRef(
    singleFlight(async (...args: A) => {
      setRunning(true)
      try {
        await latest.current(...args)
      } finally {
        setRunning(false)
      }
    }),
  )
  return [guarded.current, running] as const
}
