import { createIdempotencyMemo } from './idempotency-memo'

describe('the idempotency key of a booking', () => {
  let n = 0
  const memo = () => createIdempotencyMemo(() => `k${++n}`)

  it('is the same on a retry of the same body, so a lost answer never creates a second order', () => {
    const m = memo()
    const first = m.keyFor({ serviceItemId: 1, startAt: 'a' })
    expect(m.keyFor({ serviceItemId: 1, startAt: 'a' })).toBe(first)
  })

  it('changes when the body changes, and after a success', () => {
    const m = memo()
    const first = m.keyFor({ serviceItemId: 1 })
    const second = m.keyFor({ serviceItemId: 2 })
    expect(second).not.toBe(first)
    m.succeeded()
    expect(m.keyFor({ serviceItemId: 2 })).not.toBe(second)
  })
})
