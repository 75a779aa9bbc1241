/**
 * After the customer pays, the money reaches us through the channel's callback, not through the
 * payment call itself: the app asks for the order until its status moves, with a bounded wait.
 */
export interface PollOptions {
  /** Wait between two reads; grows by `backoff` each time up to `maxIntervalMs`. */
  intervalMs?: number
  backoff?: number
  maxIntervalMs?: number
  /** Total time after which the app stops asking and says the result is not known yet. */
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  /** Lets a page that is left stop the loop. */
  isCancelled?: () => boolean
}

export type PollOutcome<T> =
  | { kind: 'settled'; value: T; attempts: number }
  | { kind: 'timeout'; last: T | null; attempts: number }
  | { kind: 'cancelled'; last: T | null; attempts: number }

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Calls `read` until `isSettled(value)`; a failed read (network hiccup) counts as "not yet" and
 * is tried again, since the payment itself already went through at the channel.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  isSettled: (value: T) => boolean,
  options: PollOptions = {},
): Promise<PollOutcome<T>> {
  const {
    intervalMs = 1000,
    backoff = 1.5,
    maxIntervalMs = 5000,
    timeoutMs = 30000,
    sleep = defaultSleep,
    now = Date.now,
    isCancelled = () => false,
  } = options
  const deadline = now() + timeoutMs
  let wait = intervalMs
  let last: T | null = null
  let attempts = 0
  for (;;) {
    if (isCancelled()) return { kind: 'cancelled', last, attempts }
    attempts++
    try {
      const value = await read()
      last = value
      if (isSettled(value)) return { kind: 'settled', value, attempts }
    } catch {
      // Not known yet; the next read may succeed.
    }
    if (isCancelled()) return { kind: 'cancelled', last, attempts }
    const left = deadline - now()
    if (left <= 0) return { kind: 'timeout', last, attempts }
    await sleep(Math.min(wait, left))
    wait = Math.min(maxIntervalMs, Math.round(wait * backoff))
  }
}
