import { createIdempotencyMemo } from './idempotency-memo'
import type { PostpayState } from '../services/order-api'
import {
  balanceOutcome,
  balanceSettled,
  followsPostpay,
  loadsPostpay,
  postpayLabel,
  postpayNotice,
  postpayRequestBody,
  receiptImage,
  showsPostpay,
} from './postpay'

describe('the postpay balance on the order page', () => {
  it('labels every state, and shows an unknown one as it came', () => {
    expect(postpayLabel('unpaid')).toBe('待支付补差款')
    expect(postpayLabel('paid')).toBe('补差款已结清')
    expect(postpayLabel('later')).toBe('later')
  })

  it('shows the card only once there is a charge', () => {
    expect(showsPostpay(null)).toBe(false)
    expect(showsPostpay({ state: 'none', charges: [] })).toBe(false)
    expect(showsPostpay({ state: 'none', charges: [{}] })).toBe(true)
    expect(showsPostpay({ state: 'awaiting_confirmation', charges: [{}] })).toBe(true)
  })

  it('counts a balance payment done only when nothing is due and no payment is open', () => {
    expect(balanceSettled({ dueFen: 0, state: 'paid' })).toBe(true)
    expect(balanceSettled({ dueFen: 1250, state: 'paying' })).toBe(false)
    expect(balanceSettled({ dueFen: 1250, state: 'unpaid' })).toBe(false)
  })
})

describe('paying the balance', () => {
  const view = (over: Partial<{ dueFen: number; state: PostpayState; payments: { outTradeNo: string; status: string; appliedToOrder: boolean; amountFen: number }[] }> = {}) => ({
    dueFen: 1250,
    state: 'unpaid' as PostpayState,
    payments: [] as { outTradeNo: string; status: string; appliedToOrder: boolean; amountFen: number }[],
    ...over,
  })
  const p01 = (status: string, appliedToOrder = false) => ({ outTradeNo: 'O1-P01', status, appliedToOrder, amountFen: 1250 })

  it('asks for the balance only once the service started', () => {
    expect(loadsPostpay('pending_payment')).toBe(false)
    expect(loadsPostpay('accepted')).toBe(false)
    expect(loadsPostpay('in_service')).toBe(true)
    expect(loadsPostpay('completed')).toBe(true)
  })

  it('reuses the Idempotency-Key for a retry of the same balance and takes a new one when the balance changed', () => {
    let n = 0
    const memo = createIdempotencyMemo(() => `key-${++n}`)
    const first = memo.keyFor(postpayRequestBody(7, { dueFen: 1250 }))
    expect(memo.keyFor(postpayRequestBody(7, { dueFen: 1250 }))).toBe(first)
    const changed = memo.keyFor(postpayRequestBody(7, { dueFen: 2000 }))
    expect(changed).not.toBe(first)
    memo.succeeded()
    expect(memo.keyFor(postpayRequestBody(7, { dueFen: 2000 }))).not.toBe(changed)
  })

  it('reads the outcome of the started payment from the backend only', () => {
    expect(balanceOutcome(view({ state: 'paying', payments: [p01('pending')] }), 'O1-P01')).toBe('pending')
    expect(balanceOutcome(view({ dueFen: 0, state: 'paid', payments: [p01('succeeded', true)] }), 'O1-P01')).toBe('paid')
    // Paid, then the escort added another charge the customer has not answered yet.
    expect(balanceOutcome(view({ dueFen: 0, state: 'awaiting_confirmation', payments: [p01('succeeded', true)] }), 'O1-P01')).toBe('paid')
    expect(balanceOutcome(view({ dueFen: 0, state: 'paid', payments: [p01('succeeded', false)] }), 'O1-P01')).toBe('not_applied')
    expect(balanceOutcome(view({ payments: [p01('closed')] }), 'O1-P01')).toBe('failed')
    // The page may not see its payment yet (a read raced the start): not known.
    expect(balanceOutcome(view({ state: 'paying' }), 'O1-P01')).toBe('pending')
  })

  it('says success only while the backend shows the payment applied and nothing due', () => {
    expect(postpayNotice(null, view())).toBeNull()
    expect(postpayNotice({ outTradeNo: 'O1-P01', waiting: true }, view({ state: 'paying' }))?.text).toBe('正在确认支付结果…')
    expect(postpayNotice({ outTradeNo: 'O1-P01', waiting: false }, view({ dueFen: 0, state: 'paid', payments: [p01('succeeded', true)] }))).toEqual({
      kind: 'success',
      text: '补差款支付成功',
    })
    // A later confirmed charge is due again: the old success is no longer shown.
    expect(postpayNotice({ outTradeNo: 'O1-P01', waiting: false }, view({ dueFen: 800, state: 'unpaid', payments: [p01('succeeded', true)] }))).toBeNull()
    const unknown = postpayNotice({ outTradeNo: 'O1-P01', waiting: false }, view({ state: 'paying', payments: [p01('pending')] }))
    expect(unknown?.kind).toBe('warning')
    expect(unknown?.refresh).toBe(true)
    expect(postpayNotice({ outTradeNo: 'O1-P01', waiting: false }, view({ payments: [p01('closed')] }))?.text).toBe('支付未完成，请重新支付')
    expect(postpayNotice({ outTradeNo: 'O1-P01', waiting: false }, view({ dueFen: 0, state: 'paid', payments: [p01('succeeded')] }))?.kind).toBe('warning')
  })

  it('follows the balance by itself only while a payment is open', () => {
    expect(followsPostpay(null)).toBe(false)
    expect(followsPostpay({ state: 'unpaid' })).toBe(false)
    expect(followsPostpay({ state: 'paying' })).toBe(true)
  })

  it('shows a receipt as an image only for an address an image can load', () => {
    expect(receiptImage('')).toBeNull()
    expect(receiptImage('javascript:alert(1)')).toBeNull()
    expect(receiptImage('https://cdn.example.com/r.jpg')).toBe('https://cdn.example.com/r.jpg')
    expect(receiptImage('/uploads/r.png')).toBe('/uploads/r.png')
    expect(receiptImage('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA')
  })
})
