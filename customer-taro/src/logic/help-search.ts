/**
 * The help center's search box: the keyword as the backend takes it, a debounce so typing 挂号
 * sends one request and not one per keystroke, and a gate that drops answers to an older keyword
 * arriving after a newer one. Tested without Taro (timers are injected).
 */

/** HelpQueryDTO allows 32 characters. */
export const KEYWORD_MAX = 32
export const SEARCH_DEBOUNCE_MS = 400

export function normalizeKeyword(input: string): string {
  return Array.from(input.replace(/\s+/g, ' ').trim()).slice(0, KEYWORD_MAX).join('')
}

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

/** Calls `fn` with the last value once nothing new came for `ms`; `flush` calls it now, `cancel` drops it. */
export function debounce<T>(fn: (value: T) => void, ms: number, timers: Timers = realTimers) {
  let handle: unknown = null
  let pending: { value: T } | null = null
  const fire = () => {
    handle = null
    const p = pending
    pending = null
    if (p) fn(p.value)
  }
  return {
    call(value: T) {
      pending = { value }
      if (handle !== null) timers.clearTimeout(handle)
      handle = timers.setTimeout(fire, ms)
    },
    flush() {
      if (handle !== null) timers.clearTimeout(handle)
      fire()
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle)
      handle = null
      pending = null
    },
  }
}

/**
 * Each search takes a ticket; only the latest ticket's answer may be shown, so a slow answer for
 * "挂" never replaces the answer for "挂号".
 */
export function latestGate() {
  let current = 0
  return {
    next: () => ++current,
    isLatest: (ticket: number) => ticket === current,
    /** Makes every ticket handed out so far stale (the box was cleared). */
    invalidate: () => {
      current++
    },
  }
}

export type SearchView = 'browse' | 'loading' | 'results' | 'empty' | 'error'

/** What the page shows: the categories and FAQ with no keyword, else the search's state. */
export function searchView(keyword: string, state: { loading: boolean; error: string | null; results: readonly unknown[] | null }): SearchView {
  if (!normalizeKeyword(keyword)) return 'browse'
  if (state.error) return 'error'
  if (state.loading || state.results === null) return 'loading'
  return state.results.length ? 'results' : 'empty'
}

/** Splits a title around each hit of the keyword, for highlighting as plain text pieces. */
export function highlight(text: string, keyword: string): { text: string; hit: boolean }[] {
  const k = normalizeKeyword(keyword)
  if (!k) return [{ text, hit: false }]
  const parts: { text: string; hit: boolean }[] = []
  let i = 0
  for (;;) {
    const at = text.indexOf(k, i)
    if (at < 0) break
    if (at > i) parts.push({ text: text.slice(i, at), hit: false })
    parts.push({ text: k, hit: true })
    i = at + k.length
  }
  if (i < text.length) parts.push({ text: text.slice(i), hit: false })
  return parts.length ? parts : [{ text, hit: false }]
}
