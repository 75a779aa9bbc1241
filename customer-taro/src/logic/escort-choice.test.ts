import { choiceTarget, createChoiceBox } from './escort-choice'

describe('the escort choice handed back to the booking page', () => {
  it('gives the offered escort once, then nothing', () => {
    const box = createChoiceBox<{ id: number }>()
    expect(box.take()).toBeNull()
    box.offer({ id: 1 })
    box.offer({ id: 2 })
    expect(box.take()).toEqual({ id: 2 })
    expect(box.take()).toBeNull()
  })

  it('goes back when the booking page is underneath, and opens a booking for the escort otherwise', () => {
    const booking = '/packages/booking/pages/create/index'
    expect(choiceTarget('packages/booking/pages/create/index', booking, 7)).toEqual({ kind: 'back' })
    expect(choiceTarget('/packages/booking/pages/create/index?itemId=1', booking, 7)).toEqual({ kind: 'back' })
    expect(choiceTarget('pages/index/index', booking, 7)).toEqual({ kind: 'open', url: `${booking}?escortId=7` })
    expect(choiceTarget(undefined, booking, 7)).toEqual({ kind: 'open', url: `${booking}?escortId=7` })
  })
})
