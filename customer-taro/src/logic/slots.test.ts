import { bookableDays, daySlots, DEFAULT_BOOKING_RULES, describeTiers, durationChoices, durationLabel, firstAvailable } from './slots'

const rules = DEFAULT_BOOKING_RULES
// 2026-11-24 10:10 in Shanghai.
const now = new Date('2026-11-24T02:10:00Z')

describe('the booking time grid', () => {
  it('offers today and the next three Shanghai days with readable labels', () => {
    expect(bookableDays(rules, now).map((d) => d.label)).toEqual(['今天 11/24', '明天 11/25', '后天 11/26', '周五 11/27'])
  })

  it('lists every half hour from 07:00 to 18:00 and disables the past and the starts inside the lead time', () => {
    const slots = daySlots(rules, '2026-11-24', now)
    expect(slots).toHaveLength(23)
    expect(slots[0]).toMatchObject({ time: '07:00', available: false, reason: '已过' })
    expect(slots.find((s) => s.time === '11:00')).toMatchObject({ available: false, reason: '太近' })
    expect(slots.find((s) => s.time === '11:30')).toMatchObject({ available: true, startAt: '2026-11-24T11:30:00+08:00' })
  })

  it('disables a start the server reported as taken', () => {
    const slots = daySlots(rules, '2026-11-25', now, ['2026-11-25T09:00:00+08:00'])
    expect(slots.find((s) => s.time === '09:00')).toMatchObject({ available: false, reason: '约满' })
    expect(slots.find((s) => s.time === '09:30')?.available).toBe(true)
  })

  it('defaults to the first bookable start, moving to tomorrow after the last start of today', () => {
    expect(firstAvailable(rules, now)).toEqual({ date: '2026-11-24', time: '11:30' })
    expect(firstAvailable(rules, new Date('2026-11-24T09:30:00Z'))).toEqual({ date: '2026-11-25', time: '07:00' })
  })
})

describe('the cancellation rules shown before confirming', () => {
  it('reads the default tiers as sentences, largest notice first', () => {
    expect(describeTiers([{ hoursBefore: 2, penaltyBp: 2000 }, { hoursBefore: 24, penaltyBp: 0 }, { hoursBefore: 0, penaltyBp: 5000 }])).toEqual([
      '服务开始前 24 小时以上取消：免费',
      '服务开始前 2–24 小时取消：收取实付金额的 20% 作为违约金',
      '服务开始前不足 2 小时取消：收取实付金额的 50% 作为违约金',
    ])
  })
})

describe('durations', () => {
  it('offers the item’s range in slot steps and labels them in hours', () => {
    expect(durationChoices(120, 240, 30)).toEqual([120, 150, 180, 210, 240])
    expect(durationLabel(90)).toBe('1.5 小时')
    expect(durationLabel(240)).toBe('4 小时')
    expect(durationLabel(30)).toBe('30 分钟')
  })
})
