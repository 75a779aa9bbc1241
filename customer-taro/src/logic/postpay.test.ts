import { balanceSettled, postpayLabel, showsPostpay } from './postpay'

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
