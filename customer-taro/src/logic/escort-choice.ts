/**
 * The escort chosen on the profile page, handed back to the booking page underneath it.
 *
 * The booking page keeps its whole form in React state and stays mounted while the profile page
 * is on top of it (navigateTo keeps the page stack in weapp and in H5), so the form survives the
 * trip as it is; only the choice has to travel. The profile page puts it here and goes back; the
 * booking page takes it when it shows again. One slot, taken once: a stale choice never comes back.
 */
export interface ChosenEscort {
  id: number
  name: string
  levelLabel: string
}

export interface ChoiceBox<T> {
  offer(value: T): void
  /** The value offered since the last take, or null. */
  take(): T | null
}

export function createChoiceBox<T>(): ChoiceBox<T> {
  let pending: T | null = null
  return {
    offer(value) {
      pending = value
    },
    take() {
      const value = pending
      pending = null
      return value
    },
  }
}

export const escortChoice = createChoiceBox<ChosenEscort>()

/** Where 选TA陪诊 leads: back to the booking page below, or to a new booking when the profile was opened elsewhere. */
export function choiceTarget(previousRoute: string | undefined, bookingRoute: string, escortId: number): { kind: 'back' } | { kind: 'open'; url: string } {
  const norm = (s?: string) => (s ?? '').split('?')[0].replace(/^\/+/, '')
  if (previousRoute && norm(previousRoute) === norm(bookingRoute)) return { kind: 'back' }
  return { kind: 'open', url: `${bookingRoute}?escortId=${escortId}` }
}
