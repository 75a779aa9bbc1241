import {
  defaultStart,
  formatShanghaiTime,
  newIdempotencyKey,
  shanghaiDate,
  shanghaiStartIso,
  toShanghaiParts,
} from './booking-time'

describe('booking times in Shanghai', () => {
  it('takes the Shanghai date even when it is still yesterday in UTC', () => {
    expect(shanghaiDate(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24')
  })

  it('sends a start as an ISO time with the +08:00 offset', () => {
    expect(shanghaiStartIso('2026-11-24', '09:30')).toBe('2026-11-24T09:30:00+08:00')
  })

  it('suggests tomorrow at 09:00 as the first start', () => {
    expect(defaultStart(new Date('2026-11-23T20:00:00+08:00'))).toEqual({ date: '2026-11-24', time: '09:00' })
  })

  it('splits a suggestion from the API back into picker values', () => {
    expect(toShanghaiParts('2026-11-24T02:30:00.000Z')).toEqual({ date: '2026-11-24', time: '10:30' })
  })

  it('shows a UTC time from the API as Shanghai month, day and time', () => {
    expect(formatShanghaiTime('2026-11-24T01:00:00.000Z')).toBe('11月24日 09:00')
  })

  it('shows nothing for a missing or unreadable time', () => {
    expect(formatShanghaiTime(null)).toBe('')
    expect(formatShanghaiTime('not a time')).toBe('')
  })

  it('makes idempotency keys that differ between attempts', () => {
    const a = newIdempotencyKey(() => 0.1, () => 1000)
    const b = newIdempotencyKey(() => 0.2, () => 1000)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^bk-[0-9a-z]+-[0-9a-z]{8}$/)
  })
})
