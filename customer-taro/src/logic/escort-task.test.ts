import { escortSteps, leaveBody, leaveStatusOf, normalizeVerificationCode } from './escort-task'

describe('the escort’s next steps', () => {
  it('answers a new assignment with accept or decline, then depart, start and complete', () => {
    expect(escortSteps('dispatched')).toEqual(['accept', 'decline'])
    expect(escortSteps('accepted')).toEqual(['depart', 'start'])
    expect(escortSteps('departed')).toEqual(['start'])
    expect(escortSteps('in_service')).toEqual(['complete'])
    expect(escortSteps('completed')).toEqual([])
  })

  it('takes a six-digit code with spaces the customer read out, and refuses anything else', () => {
    expect(normalizeVerificationCode(' 123 456 ')).toBe('123456')
    expect(normalizeVerificationCode('12345')).toBeNull()
    expect(normalizeVerificationCode('12345a')).toBeNull()
  })
})

describe('leave requests', () => {
  it('turns whole Shanghai days into a half-open range', () => {
    expect(leaveBody('sick', '2026-11-25', '2026-11-26', ' 发烧 ')).toEqual({
      body: { type: 'sick', startAt: '2026-11-25T00:00:00+08:00', endAt: '2026-11-26T16:00:00.000Z', reason: '发烧' },
    })
  })
  it('refuses an end before the start and a missing reason', () => {
    expect(leaveBody('sick', '2026-11-26', '2026-11-25', '发烧')).toEqual({ error: '结束日期不能早于开始日期' })
    expect(leaveBody('sick', '2026-11-25', '2026-11-25', ' ')).toEqual({ error: '请填写请假原因（至少 2 个字）' })
  })
  it('labels statuses, unknown ones as they are', () => {
    expect(leaveStatusOf('pending').label).toBe('待审批')
    expect(leaveStatusOf('odd').label).toBe('odd')
  })
})
