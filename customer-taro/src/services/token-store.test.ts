import { createMemoryStorage, createTokenStore } from './token-store'

describe('token store', () => {
  it('keeps the customer and escort sessions apart', () => {
    const store = createTokenStore(createMemoryStorage())
    store.set('customer', { accessToken: 'A', refreshToken: 'R' })
    store.set('escort', { accessToken: 'E', refreshToken: 'ER' })
    store.clear('customer')

    expect(store.get('customer')).toBeNull()
    expect(store.get('escort')).toMatchObject({ accessToken: 'E', refreshToken: 'ER' })
  })

  it('stores only the token fields of a login answer, not the user profile', () => {
    const storage = createMemoryStorage()
    const store = createTokenStore(storage)
    store.set('customer', { accessToken: 'A', refreshToken: 'R', user: { phone: '13800000001' } } as never)

    expect(storage.getItem('auth.tokens.customer')).not.toContain('13800000001')
  })

  it('treats a corrupt stored entry as logged out', () => {
    const storage = createMemoryStorage()
    storage.setItem('auth.tokens.customer', '{not json')
    expect(createTokenStore(storage).get('customer')).toBeNull()
  })
})
