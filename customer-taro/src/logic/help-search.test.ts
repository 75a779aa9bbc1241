import { debounce, highlight, latestGate, normalizeKeyword, searchView, type Timers } from './help-search'

/** Timers run by hand. */
function fakeTimers() {
  let now = 0
  let seq = 0
  const pending = new Map<number, { at: number; fn: () => void }>()
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = ++seq
      pending.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout: (h) => {
      pending.delete(h as number)
    },
  }
  const advance = (ms: number) => {
    now += ms
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        pending.delete(id)
        t.fn()
      }
    }
  }
  return { timers, advance, pending }
}

describe('the help center search', () => {
  it('sends the keyword as the backend takes it', () => {
    expect(normalizeKeyword('  挂号   退款 ')).toBe('挂号 退款')
    expect(normalizeKeyword('   ')).toBe('')
    expect(Array.from(normalizeKeyword('挂'.repeat(40)))).toHaveLength(32)
  })

  it('searches once after typing stops, with the last text', () => {
    const { timers, advance } = fakeTimers()
    const calls: string[] = []
    const d = debounce<string>((v) => calls.push(v), 400, timers)
    d.call('挂')
    advance(200)
    d.call('挂号')
    advance(399)
    expect(calls).toEqual([])
    advance(1)
    expect(calls).toEqual(['挂号'])
    advance(1000)
    expect(calls).toEqual(['挂号'])
  })

  it('searches at once on 搜索 (flush), and not at all once the box is cleared (cancel)', () => {
    const { timers, advance, pending } = fakeTimers()
    const calls: string[] = []
    const d = debounce<string>((v) => calls.push(v), 400, timers)
    d.call('退款')
    d.flush()
    expect(calls).toEqual(['退款'])
    expect(pending.size).toBe(0)
    d.flush()
    expect(calls).toEqual(['退款'])
    d.call('发票')
    d.cancel()
    advance(1000)
    expect(calls).toEqual(['退款'])
  })

  it('shows only the answer to the latest search', () => {
    const gate = latestGate()
    const first = gate.next()
    const second = gate.next()
    expect(gate.isLatest(first)).toBe(false)
    expect(gate.isLatest(second)).toBe(true)
    gate.invalidate()
    expect(gate.isLatest(second)).toBe(false)
  })

  it('shows the categories with no keyword, then loading, results, 无结果 or the error', () => {
    expect(searchView(' ', { loading: false, error: null, results: null })).toBe('browse')
    expect(searchView('挂号', { loading: true, error: null, results: null })).toBe('loading')
    expect(searchView('挂号', { loading: false, error: null, results: [{}] })).toBe('results')
    expect(searchView('挂号', { loading: false, error: null, results: [] })).toBe('empty')
    expect(searchView('挂号', { loading: false, error: '网络不给力', results: null })).toBe('error')
  })

  it('splits a title around each hit, as plain text', () => {
    expect(highlight('如何挂号，挂号要带什么', '挂号')).toEqual([
      { text: '如何', hit: false },
      { text: '挂号', hit: true },
      { text: '，', hit: false },
      { text: '挂号', hit: true },
      { text: '要带什么', hit: false },
    ])
    expect(highlight('如何支付订单', '挂号')).toEqual([{ text: '如何支付订单', hit: false }])
    expect(highlight('<b>挂号</b>', '')).toEqual([{ text: '<b>挂号</b>', hit: false }])
  })
})
