import { createCountdown, secondsLeft, sendCodeLabel, type Clock } from './countdown'

/** A clock whose time only moves when the test says so; intervals fire as time passes. */
function manualClock() {
  let now = 1_700_000_000_000
  let nextId = 1
  const timers = new Map<number, { fn: () => void; ms: number; due: number }>()
  const clock: Clock = {
    now: () => now,
    setInterval: (fn, ms) => {
      const id = nextId++
      timers.set(id, { fn, ms, due: now + ms })
      return id
    },
    clearInterval: (id) => void timers.delete(id as number),
  }
  function advance(ms: number) {
    const end = now + ms
    for (;;) {
      const next = [...timers.entries()].sort((a, b) => a[1].due - b[1].due)[0]
      if (!next || next[1].due > end) break
      // An overdue interval fires once, late, as throttled timers do; time never runs backwards.
      now = Math.max(now, next[1].due)
      next[1].due = now + next[1].ms
      next[1].fn()
    }
    now = end
  }
  /** Moves the wall clock without firing timers, as when a hidden page's timers are throttled. */
  function jump(ms: number) {
    now += ms
  }
  return { clock, advance, jump, activeTimers: () => timers.size }
}

describe('resend countdown', () => {
  it('shows the full number of seconds as soon as it starts', () => {
    const { clock } = manualClock()
    const seen: number[] = []
    const countdown = createCountdown((s) => seen.push(s), clock)

    countdown.start(60)
    expect(seen).toEqual([60])
    expect(countdown.remaining).toBe(60)
    expect(countdown.running).toBe(true)
  })

  it('counts down one second at a time and stops its timer at zero', () => {
    const { clock, advance, activeTimers } = manualClock()
    const seen: number[] = []
    const countdown = createCountdown((s) => seen.push(s), clock)

    countdown.start(3)
    advance(3000)
    expect(seen).toEqual([3, 2, 1, 0])
    expect(countdown.running).toBe(false)
    expect(activeTimers()).toBe(0)
  })

  it('follows the wall clock, so time spent with the page hidden is not added back', () => {
    const { clock, advance, jump } = manualClock()
    const seen: number[] = []
    const countdown = createCountdown((s) => seen.push(s), clock)

    countdown.start(60)
    jump(45_000)
    advance(250)
    expect(countdown.remaining).toBe(15)
    expect(seen).toEqual([60, 15])
  })

  it('restarts from the new value when started again, with a single timer', () => {
    const { clock, advance, activeTimers } = manualClock()
    const countdown = createCountdown(() => undefined, clock)

    countdown.start(60)
    advance(10_000)
    countdown.start(30)
    expect(countdown.remaining).toBe(30)
    expect(activeTimers()).toBe(1)
  })

  it('can be stopped early, which reports zero and clears the timer', () => {
    const { clock, activeTimers } = manualClock()
    const seen: number[] = []
    const countdown = createCountdown((s) => seen.push(s), clock)

    countdown.start(60)
    countdown.stop()
    expect(seen).toEqual([60, 0])
    expect(activeTimers()).toBe(0)
  })

  it('rounds a fraction of a second left up, and never goes below zero', () => {
    expect(secondsLeft(1000, 800)).toBe(1)
    expect(secondsLeft(1000, 1000)).toBe(0)
    expect(secondsLeft(1000, 5000)).toBe(0)
  })
})

describe('send-code button label', () => {
  it('reads 获取验证码 before the first send and 重新获取 after the countdown ends', () => {
    expect(sendCodeLabel(0, false, false)).toBe('获取验证码')
    expect(sendCodeLabel(0, false, true)).toBe('重新获取')
  })

  it('shows the seconds left while counting down, and progress while sending', () => {
    expect(sendCodeLabel(42, false, true)).toBe('42s 后重发')
    expect(sendCodeLabel(0, true, false)).toBe('发送中…')
  })
})
