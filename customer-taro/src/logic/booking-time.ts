/**
 * Booking times are Shanghai wall-clock times (the service runs there), whatever the phone's
 * time zone: the app sends ISO strings with +08:00 and shows times converted back to Shanghai.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  const s = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`
}

/** '2026-11-24' + '09:30' → '2026-11-24T09:30:00+08:00'. */
export function shanghaiStartIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

/** The date `days` after the Shanghai date of `now`. */
export function shanghaiDateAfter(now: Date, days: number): string {
  return shanghaiDate(new Date(now.getTime() + days * DAY_MS))
}

/** A first guess the customer can change: tomorrow at 09:00 Shanghai, inside the default booking rules. */
export function defaultStart(now: Date): { date: string; time: string } {
  return { date: shanghaiDateAfter(now, 1), time: '09:00' }
}

/** Splits an instant into the Shanghai date and HH:mm the pickers show. */
export function toShanghaiParts(iso: string): { date: string; time: string } {
  const s = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS)
  return {
    date: `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`,
    time: `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`,
  }
}

/** '11月24日 09:30' in Shanghai time; '' for a missing or unreadable time. */
export function formatShanghaiTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const ms = new Date(iso).getTime()
  if (Number.isNaN(ms)) return ''
  const s = new Date(ms + SHANGHAI_OFFSET_MS)
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`
}

/** A fresh key for one booking attempt: the same key is sent again on a retry of the same form. */
export function newIdempotencyKey(random: () => number = Math.random, now: () => number = Date.now): string {
  const rand = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')
  return `bk-${now().toString(36)}-${rand}`
}
