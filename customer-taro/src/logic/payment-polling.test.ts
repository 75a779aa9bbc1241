import { pollUntil } from './payment-polling'

/** A fake clock: sleeping moves time forward at once, and records how long each wait was. */
function fakeTime() {
  let t = 0
  const waits: number[] = []
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms)
      t += ms
    },
    waits,
  }
}

describe('pollUntil', () => {
  it('returns the first value that is settled, after as many reads as it took', async () => {
    const statuses = ['pending_payment', 'pending_payment', 'pending_dispatch']
    const time = fakeTime()
    const outcome = await pollUntil(async () => statuses.shift() as string, (s) => s !== 'pending_payment', time)
    expect(outcome).toEqual({ kind: 'settled', value: 'pending_dispatch', attempts: 3 })
  })

  it('does not wait at all when the first read is already settled', async () => {
    const time = fakeTime()
    await pollUntil(async () => 'pending_dispatch', (s) => s !== 'pending_payment', time)
    expect(time.waits).toEqual([])
  })

  it('waits longer between reads, up to the maximum interval', async () => {
    const time = fakeTime()
    await pollUntil(async () => 'pending_payment', () => false, {
      ...time,
      intervalMs: 1000,
      backoff: 2,
      maxIntervalMs: 3000,
      timeoutMs: 10000,
    })
    expect(time.waits).toEqual([1000, 2000, 3000, 3000, 1000])
  })

  it('gives up after the timeout and hands back the last value it saw', async () => {
    const time = fakeTime()
    const outcome = await pollUntil(async () => 'pending_payment', () => false, { ...time, timeoutMs: 5000 })
    expect(outcome.kind).toBe('timeout')
    expect(outcome).toMatchObject({ last: 'pending_payment' })
    expect(time.now()).toBe(5000)
  })

  it('treats a failed read as not settled yet and keeps asking', async () => {
    const time = fakeTime()
    let calls = 0
    const outcome = await pollUntil(
      async () => {
        calls++
        if (calls === 1) throw new Error('network down')
        return 'pending_dispatch'
      },
      (s) => s !== 'pending_payment',
      time,
    )
    expect(outcome).toEqual({ kind: 'settled', value: 'pending_dispatch', attempts: 2 })
  })

  it('stops when the page is left', async () => {
    const time = fakeTime()
    let left = false
    const outcome = await pollUntil(
      async () => {
        left = true
        return 'pending_payment'
      },
      () => false,
      { ...time, isCancelled: () => left },
    )
    expect(outcome).toEqual({ kind: 'cancelled', last: 'pending_payment', attempts: 1 })
  })
})
