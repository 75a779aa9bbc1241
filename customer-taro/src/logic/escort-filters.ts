/**
 * Choosing an escort while booking: the filter chips, what they send to GET /api/app/escorts (the
 * backend filters, sorts and pages), and how a row reads. An escort's level does not change the
 * price (prices come from the service item, the city and the price rules; the level only sets the
 * escort's own share), so the list filters by level and says that prices are the same.
 */

export type EscortGender = '' | 'male' | 'female'
export type AgeBand = 'under_30' | '30_39' | '40_49' | '50_plus'
export type EscortLevel = 'trainee' | 'junior' | 'senior' | 'expert'
export type EscortSort = 'orders' | 'rating'

export interface EscortFilters {
  gender: EscortGender
  ageBand: '' | AgeBand
  /** 0 = any experience. */
  minExperienceYears: number
  level: '' | EscortLevel
  sort: EscortSort
}

export interface Option<T> {
  value: T
  label: string
}

export const DEFAULT_ESCORT_FILTERS: EscortFilters = { gender: '', ageBand: '', minExperienceYears: 0, level: '', sort: 'orders' }

export const GENDER_OPTIONS: Option<EscortGender>[] = [
  { value: '', label: '不限' },
  { value: 'female', label: '女' },
  { value: 'male', label: '男' },
]

/** The same bands and words as the backend (escorts/public-filters.ts). */
export const AGE_BAND_OPTIONS: Option<'' | AgeBand>[] = [
  { value: '', label: '不限' },
  { value: 'under_30', label: '30岁以下' },
  { value: '30_39', label: '30-39岁' },
  { value: '40_49', label: '40-49岁' },
  { value: '50_plus', label: '50岁及以上' },
]

export const EXPERIENCE_OPTIONS: Option<number>[] = [
  { value: 0, label: '不限' },
  { value: 1, label: '1年以上' },
  { value: 3, label: '3年以上' },
  { value: 5, label: '5年以上' },
  { value: 10, label: '10年以上' },
]

export const LEVEL_OPTIONS: Option<'' | EscortLevel>[] = [
  { value: '', label: '不限' },
  { value: 'trainee', label: '见习' },
  { value: 'junior', label: '初级' },
  { value: 'senior', label: '中级' },
  { value: 'expert', label: '高级' },
]

export const SORT_OPTIONS: Option<EscortSort>[] = [
  { value: 'orders', label: '服务单数' },
  { value: 'rating', label: '评分最高' },
]

export const LEVEL_PRICE_NOTE = '等级不影响价格：同一预约选哪位陪诊师，价格都一样'

export const ESCORT_PAGE_SIZE = 10

/** The query of one page: only what differs from "any", so the backend sees exactly the chosen filters. */
export function escortQuery(cityId: number, filters: EscortFilters, page: number, pageSize = ESCORT_PAGE_SIZE): Record<string, string | number> {
  const q: Record<string, string | number> = { cityId, page, pageSize }
  if (filters.gender) q.gender = filters.gender
  if (filters.ageBand) q.ageBand = filters.ageBand
  if (filters.minExperienceYears > 0) q.minExperienceYears = filters.minExperienceYears
  if (filters.level) q.level = filters.level
  if (filters.sort !== 'orders') q.sort = filters.sort
  return q
}

function labelOf<T>(options: Option<T>[], value: T): string {
  return options.find((o) => o.value === value)?.label ?? ''
}

export function ageBandLabel(code: string | null | undefined): string {
  if (!code) return ''
  return AGE_BAND_OPTIONS.find((o) => o.value === code)?.label ?? ''
}

/** How many filters narrow the list (sorting is not a filter). */
export function activeFilterCount(f: EscortFilters): number {
  return [f.gender !== '', f.ageBand !== '', f.minExperienceYears > 0, f.level !== ''].filter(Boolean).length
}

/** '女 · 30-39岁 · 3年以上 · 中级', or '全部陪诊师' without filters. */
export function describeFilters(f: EscortFilters): string {
  const parts = [
    f.gender ? labelOf(GENDER_OPTIONS, f.gender) : '',
    f.ageBand ? labelOf(AGE_BAND_OPTIONS, f.ageBand) : '',
    f.minExperienceYears > 0 ? `从业${labelOf(EXPERIENCE_OPTIONS, f.minExperienceYears) || `${f.minExperienceYears}年以上`}` : '',
    f.level ? `${labelOf(LEVEL_OPTIONS, f.level)}陪诊师` : '',
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : '全部陪诊师'
}

/** Appends a fetched page, leaving out rows already shown (a row can move pages while the list changes). */
export function mergeEscortPage<T extends { id: number }>(shown: T[], page: { list: T[]; total: number }, pageNo: number): { list: T[]; hasMore: boolean } {
  const base = pageNo === 1 ? [] : shown
  const seen = new Set(base.map((e) => e.id))
  const list = [...base, ...page.list.filter((e) => !seen.has(e.id))]
  return { list, hasMore: list.length < page.total && page.list.length > 0 }
}

/** One line under the name: '女 · 30-39岁 · 8 年经验'. */
export function escortSubtitle(e: { gender?: string; ageBand?: string | null; experienceYears?: number }): string {
  return [
    e.gender === 'female' ? '女' : e.gender === 'male' ? '男' : '',
    ageBandLabel(e.ageBand),
    e.experienceYears !== undefined ? (e.experienceYears > 0 ? `${e.experienceYears} 年经验` : '新入职') : '',
  ]
    .filter(Boolean)
    .join(' · ')
}

/** '4.8 分' or '暂无评分'. */
export function ratingText(rating: number | null | undefined, count?: number): string {
  if (rating === null || rating === undefined || !Number.isFinite(rating)) return '暂无评分'
  return `${rating.toFixed(1)} 分${count ? `（${count} 条）` : ''}`
}

/** The photo's address for <Image>: the API's relative path on the API's origin (the mini-program needs an absolute URL). */
export function escortPhotoSrc(photoUrl: string | null | undefined, apiBase: string): string | null {
  if (!photoUrl) return null
  if (/^https?:\/\//.test(photoUrl)) return photoUrl
  if (!photoUrl.startsWith('/')) return null
  return apiBase.replace(/\/+$/, '') + photoUrl
}
