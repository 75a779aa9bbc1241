import { ORDER_STATUSES, isAwaitingPayment, isPaidStatus, orderStatusLabel, orderStatusTone } from './order-status'

describe('order status labels', () => {
  it('gives every backend status a Chinese label', () => {
    for (const s of ORDER_STATUSES) expect(orderStatusLabel(s)).toMatch(/^[\u4e00-\u9fa5]+$/)
  })

  it('uses the same words as the console and docs/orders.md', () => {
    expect(orderStatusLabel('pending_payment')).toBe('待支付')
    expect(orderStatusLabel('pending_dispatch')).toBe('待派单')
    expect(orderStatusLabel('refunding')).toBe('退款中')
  })

  it('shows an unknown status from a newer backend as 处理中 in a muted tone', () => {
    expect(orderStatusLabel('on_hold')).toBe('处理中')
    expect(orderStatusTone('on_hold')).toBe('muted')
  })

  it('marks an unpaid order as a warning and a paid one as active', () => {
    expect(orderStatusTone('pending_payment')).toBe('warning')
    expect(orderStatusTone('pending_dispatch')).toBe('active')
  })

  it('treats only pending_payment as still awaiting payment', () => {
    expect(ORDER_STATUSES.filter(isAwaitingPayment)).toEqual(['pending_payment'])
  })

  it('counts a dispatched order as paid but not a closed or cancelled one', () => {
    expect(isPaidStatus('dispatched')).toBe(true)
    expect(isPaidStatus('closed')).toBe(false)
    expect(isPaidStatus('cancelled')).toBe(false)
  })
})
