/**
 * The resend countdown of the SMS button, driven by the wall clock rather than by counting ticks,
 * so that a page hidden for a while (timers throttled) still shows the right number when it returns.
 */
export interface Clock {
  now(): number
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
}

/** Whole seconds left until `endsAt`, never negative; 0.2 s left still shows as 1. */
export function secondsLeft(endsAt: number, now: number): number {
  return Math.max(0, Math.ceil((endsAt - now) / 1000))
}

export interface Countdown {
  /** Starts (or restarts) counting down from `seconds`. */
  start(seconds: number): void
  stop(): void
  readonly remaining: number
  readonly running: boolean
}

export function createCountdown(onChange: (remaining: number) => void, clock: Clock = systemClock): Countdown {
  let endsAt = 0
  let handle: unknown = null
  let remaining = 0

  const update = () => {
    const next = secondsLeft(endsAt, clock.now())
    if (next !== remaining) {
      remaining = next
      onChange(remaining)
    }
    if (remaining === 0) clearTimer()
  }

  function clearTimer() {
    if (handle !== null) {
      clock.clearInterval(handle)
      handle = null
    }
  }

  return {
    start(seconds) {
      clearTimer()
      endsAt = clock.now() + seconds * 1000
      if (seconds <= 0) {
        update()
        return
      }
      handle = clock.setInterval(update, 250)
      update()
    },
    stop() {
      clearTimer()
      if (remaining !== 0) {
        remaining = 0
        onChange(0)
      }
    },
    get remaining() {
      return remaining
    },
    get running() {
      return handle !== null
    },
  }
}

/** The label of the send-code button for a given state. */
export function sendCodeLabel(remaining: number, sending: boolean, sentBefore: boolean): string {
  if (sending) return '发送中…'
  if (remaining > 0) return `${remaining}s 后重发`
  return sentBefore ? '重新获取' : '获取验证码'
}
