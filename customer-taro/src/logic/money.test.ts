import { formatFen } from './money'

describe('formatFen', () => {
  it('shows whole yuan with two decimals', () => {
    expect(formatFen(19900)).toBe('¥199.00')
  })

  it('shows fen below one yuan with a leading zero', () => {
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(0)).toBe('¥0.00')
  })

  it('groups thousands so large prices stay readable', () => {
    expect(formatFen(1234567)).toBe('¥12,345.67')
  })

  it('puts the minus sign before the currency symbol for discounts', () => {
    expect(formatFen(-2000)).toBe('-¥20.00')
  })

  it('refuses to format something that is not whole fen instead of guessing', () => {
    expect(formatFen(12.5)).toBe('¥--')
    expect(formatFen(Number.NaN)).toBe('¥--')
  })
})
