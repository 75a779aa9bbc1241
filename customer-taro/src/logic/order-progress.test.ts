import { customerActions, isLive, progressSteps, showsEscortCard, showsVerificationCode, type TimelineEntry } from './order-progress'

const log = (toStatus: string, at: string): TimelineEntry => ({ action: 'x', toStatus, toStatusLabel: '', actorName: '', reason: '', at })

describe('the order’s progress steps', () => {
  const timeline = [log('pending_payment', 't1'), log('pending_dispatch', 't2'), log('dispatched', 't3'), log('accepted', 't4')]

  it('marks the steps reached as done with their times and the current status as current', () => {
    const steps = progressSteps('accepted', timeline)
    expect(steps.map((s) => [s.label, s.state, s.at])).toEqual([
      ['下单', 'done', 't1'],
      ['已支付', 'done', 't2'],
      ['已派单', 'done', 't3'],
      ['已接单', 'current', 't4'],
      ['已出发', 'todo', null],
      ['服务中', 'todo', null],
      ['已完成', 'todo', null],
    ])
  })

  it('shows every step done once the order is completed', () => {
    expect(progressSteps('completed', timeline).every((s) => s.state === 'done')).toBe(true)
  })

  it('keeps only the steps reached for a cancelled order', () => {
    expect(progressSteps('refunding', timeline.slice(0, 2)).map((s) => s.label)).toEqual(['下单', '已支付'])
  })
})

describe('what the customer may do with an order', () => {
  it('offers pay, reschedule and cancel while unpaid', () => {
    expect(customerActions('pending_payment')).toEqual(['pay', 'reschedule', 'cancel'])
  })
  it('offers cancel but no reschedule once the escort has set off', () => {
    expect(customerActions('departed')).toEqual(['cancel'])
  })
  it('offers to confirm completion while in service, and to book again when it is over', () => {
    expect(customerActions('in_service')).toEqual(['confirm_complete'])
    expect(customerActions('completed')).toEqual(['book_again'])
  })
})

describe('what the order detail shows', () => {
  it('shows the verification code only while in service and only when there is one', () => {
    expect(showsVerificationCode('in_service', '123456')).toBe(true)
    expect(showsVerificationCode('departed', '123456')).toBe(false)
    expect(showsVerificationCode('in_service', null)).toBe(false)
  })
  it('shows the escort card once someone is assigned', () => {
    expect(showsEscortCard('dispatched', '李静')).toBe(true)
    expect(showsEscortCard('pending_dispatch', '')).toBe(false)
  })
  it('follows live the statuses that change without the customer', () => {
    expect(isLive('dispatched')).toBe(true)
    expect(isLive('pending_payment')).toBe(false)
    expect(isLive('completed')).toBe(false)
  })
})
