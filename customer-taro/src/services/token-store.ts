/** Which API audience a token pair belongs to; the customer and the escort sessions live side by side. */
export type Audience = 'customer' | 'escort'

export interface TokenPair {
  accessToken: string
  refreshToken: string
  accessExpiresIn?: number
  refreshExpiresIn?: number
}

/** The part of a key-value storage the store needs; Taro's sync storage and a Map both fit. */
export interface KeyValueStorage {
  getItem(key: string): string | null | undefined
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface TokenStore {
  get(audience: Audience): TokenPair | null
  set(audience: Audience, pair: TokenPair): void
  clear(audience: Audience): void
}

const KEY_PREFIX = 'auth.tokens.'

export function createTokenStore(storage: KeyValueStorage): TokenStore {
  return {
    get(audience) {
      const raw = storage.getItem(KEY_PREFIX + audience)
      if (!raw) return null
      try {
        const parsed = JSON.parse(raw) as Partial<TokenPair>
        if (typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string') {
          return parsed as TokenPair
        }
      } catch {
        // A corrupt entry is treated as logged out; it is overwritten at the next login.
      }
      return null
    },
    set(audience, pair) {
      const { accessToken, refreshToken, accessExpiresIn, refreshExpiresIn } = pair
      storage.setItem(
        KEY_PREFIX + audience,
        JSON.stringify({ accessToken, refreshToken, accessExpiresIn, refreshExpiresIn }),
      )
    },
    clear(audience) {
      storage.removeItem(KEY_PREFIX + audience)
    },
  }
}

/** An in-memory storage, for tests and as a fallback. */
export function createMemoryStorage(): KeyValueStorage {
  const map = new Map<string, string>()
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  }
}
