import { newIdempotencyKey } from './booking-time'

/**
 * One Idempotency-Key per distinct request body: a retry of the same body (a timeout, a second
 * tap after an error) sends the same key, so the server replays the first answer instead of
 * creating a second order; a changed body is a new request with a new key. Forget the key only
 * once the server has answered with success.
 */
export function createIdempotencyMemo(makeKey: () => string = () => newIdempotencyKey()) {
  let current: { body: string; key: string } | null = null
  return {
    keyFor(body: unknown): string {
      const json = JSON.stringify(body)
      if (!current || current.body !== json) current = { body: json, key: makeKey() }
      return current.key
    },
    succeeded() {
      current = null
    },
  }
}
