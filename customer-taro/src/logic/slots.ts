/**
 * The booking page's time grid: every start the rules allow on a Shanghai day, each marked
 * bookable or not (and why), so the page can disable what cannot be booked instead of letting
 * the customer find out at submit. The server checks again on quote and create.
 */
export interface BookingRules {
  maxDaysAhead: number
  minLeadMinutes: number
  serviceStartFrom: string
  serviceStartUntil: string
  slotMinutes: number
  paymentWindowMinutes: number
}

export interface PenaltyTier {
  hoursBefore: number
  penaltyBp: number
}

/** What the backend's defaults are; used only until GET /api/app/booking-rules answers. */
export const DEFAULT_BOOKING_RULES: BookingRules = {
  maxDaysAhead: 3,
  minLeadMinutes: 60,
  serviceStartFrom: '07:00',
  serviceStartUntil: '18:00',
  slotMinutes: 30,
  paymentWindowMinutes: 15,
}

export interface Slot {
  time: string
  startAt: string
  available: boolean
  reason: string | null
}

export interface BookableDay {
  date: string
  label: string
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const pad = (n: number) => String(n).padStart(2, '0')

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

function shanghaiDateOf(ms: number): string {
  const s = new Date(ms + SHANGHAI_OFFSET_MS)
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`
}

/** Today and the next `maxDaysAhead` Shanghai days, labelled 今天 / 明天 / 后天 / 周X. */
export function bookableDays(rules: BookingRules, now: Date): BookableDay[] {
  const days: BookableDay[] = []
  for (let i = 0; i <= rules.maxDaysAhead; i++) {
    const ms = now.getTime() + i * DAY_MS
    const date = shanghaiDateOf(ms)
    const weekday = WEEKDAYS[new Date(ms + SHANGHAI_OFFSET_MS).getUTCDay()]
    const name = i === 0 ? '今天' : i === 1 ? '明天' : i === 2 ? '后天' : weekday
    days.push({ date, label: `${name} ${date.slice(5).replace('-', '/')}` })
  }
  return days
}

/** Every start on `date` between the service hours, each bookable or with the reason it is not. */
export function daySlots(rules: BookingRules, date: string, now: Date, busy: readonly string[] = []): Slot[] {
  const slots: Slot[] = []
  const from = minutesOf(rules.serviceStartFrom)
  const until = minutesOf(rules.serviceStartUntil)
  const earliest = now.getTime() + rules.minLeadMinutes * 60_000
  for (let m = from; m <= until; m += rules.slotMinutes) {
    const time = `${pad(Math.floor(m / 60))}:${pad(m % 60)}`
    const startAt = `${date}T${time}:00+08:00`
    const at = new Date(startAt).getTime()
    let reason: string | null = null
    if (at <= now.getTime()) reason = '已过'
    else if (at < earliest) reason = '太近'
    else if (busy.includes(startAt)) reason = '约满'
    slots.push({ time, startAt, available: reason === null, reason })
  }
  return slots
}

/** The first bookable slot from `date` on, for a sensible default. */
export function firstAvailable(rules: BookingRules, now: Date): { date: string; time: string } | null {
  for (const day of bookableDays(rules, now)) {
    const slot = daySlots(rules, day.date, now).find((s) => s.available)
    if (slot) return { date: day.date, time: slot.time }
  }
  return null
}

/** Readable cancellation tiers, largest notice first: '服务开始前 24 小时以上取消：免费'. */
export function describeTiers(tiers: readonly PenaltyTier[]): string[] {
  const ordered = [...tiers].sort((a, b) => b.hoursBefore - a.hoursBefore)
  return ordered.map((t, i) => {
    const when =
      t.hoursBefore === 0
        ? i === 0
          ? '任何时间取消'
          : `服务开始前不足 ${ordered[i - 1].hoursBefore} 小时取消`
        : i === 0
          ? `服务开始前 ${t.hoursBefore} 小时以上取消`
          : `服务开始前 ${t.hoursBefore}–${ordered[i - 1].hoursBefore} 小时取消`
    const cost = t.penaltyBp === 0 ? '免费' : `收取实付金额的 ${t.penaltyBp / 100}% 作为违约金`
    return `${when}：${cost}`
  })
}

/** Durations the item allows, in slot steps: [120, 150, …, 240]. */
export function durationChoices(min: number, max: number, step: number): number[] {
  const out: number[] = []
  const first = Math.ceil(min / step) * step
  for (let d = first; d <= max; d += step) out.push(d)
  return out.length ? out : [min]
}

/** '4 小时', '1.5 小时', '30 分钟', '8 小时'. */
export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`
  const hours = minutes / 60
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`
}
