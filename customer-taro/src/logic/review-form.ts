/**
 * The review of a completed order (docs/quality.md, reviews): the form's dimensions, tags and
 * limits, its checks before sending (the same rules as the backend's NewReviewDTO), the request
 * body, and what the order detail and the review page offer. Tested without Taro.
 */

import { ApiError } from '../services/api-error'

export type EscortDimension = 'attitude' | 'professionalism' | 'communication' | 'punctuality'
export type HospitalDimension = 'cleanliness' | 'staffAttitude' | 'signage'

export const ESCORT_DIMENSIONS: { key: EscortDimension; label: string }[] = [
  { key: 'attitude', label: '服务态度' },
  { key: 'professionalism', label: '专业程度' },
  { key: 'communication', label: '沟通' },
  { key: 'punctuality', label: '守时' },
]

export const HOSPITAL_DIMENSIONS: { key: HospitalDimension; label: string }[] = [
  { key: 'cleanliness', label: '整洁程度' },
  { key: 'staffAttitude', label: '医护人员态度' },
  { key: 'signage', label: '院内指引' },
]

/** What a number of stars means, shown beside the stars. */
export const STAR_LABELS = ['', '非常差', '差', '一般', '满意', '非常满意'] as const

export function starLabel(stars: number): string {
  return STAR_LABELS[stars] ?? '请打分'
}

/** Suggested tags; the backend takes up to 8, each up to 12 characters. */
export const PRAISE_TAGS = ['耐心细致', '准时守约', '专业熟练', '沟通顺畅', '熟悉医院流程', '照顾老人周到']
export const CRITICISM_TAGS = ['迟到', '不够耐心', '沟通不畅', '流程不熟']
export const MAX_TAGS = 8

export const REVIEW_TEXT_MAX = 1000
export const APPEND_TEXT_MAX = 1000
/** Appends per review (backend MAX_APPENDS). */
export const MAX_APPENDS = 3

export interface ReviewDraft {
  overall: number
  attitude: number
  professionalism: number
  communication: number
  punctuality: number
  /** The hospital's ratings are optional: only when the customer switches them on. */
  rateHospital: boolean
  cleanliness: number
  staffAttitude: number
  signage: number
  tags: string[]
  content: string
  anonymous: boolean
}

export function emptyReviewDraft(): ReviewDraft {
  return {
    overall: 0,
    attitude: 0,
    professionalism: 0,
    communication: 0,
    punctuality: 0,
    rateHospital: false,
    cleanliness: 0,
    staffAttitude: 0,
    signage: 0,
    tags: [],
    content: '',
    anonymous: false,
  }
}

/**
 * Sets the overall stars; escort dimensions not rated yet take the same number, so a satisfied
 * customer taps once and only adjusts what differed.
 */
export function withOverall(draft: ReviewDraft, stars: number): ReviewDraft {
  const next = { ...draft, overall: stars }
  for (const d of ESCORT_DIMENSIONS) if (!draft[d.key]) next[d.key] = stars
  return next
}

/** Adds or removes a tag; adding beyond MAX_TAGS leaves the list as it was. */
export function toggleTag(tags: readonly string[], tag: string): string[] {
  if (tags.includes(tag)) return tags.filter((t) => t !== tag)
  if (tags.length >= MAX_TAGS) return [...tags]
  return [...tags, tag]
}

/** "23/1000", and whether the text is over the limit (the backend counts the trimmed text). */
export function textCounter(text: string, max: number): { text: string; over: boolean } {
  const n = text.trim().length
  return { text: `${n}/${max}`, over: n > max }
}

const isStar = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5

/** The first thing to fix before sending, in the order the form shows it, or null. */
export function validateReview(draft: ReviewDraft, hasHospital: boolean): string | null {
  if (!isStar(draft.overall)) return '请为总体满意度打分'
  for (const d of ESCORT_DIMENSIONS) if (!isStar(draft[d.key])) return `请为${d.label}打分`
  if (hasHospital && draft.rateHospital) {
    for (const d of HOSPITAL_DIMENSIONS) if (!isStar(draft[d.key])) return `请为医院${d.label}打分`
  }
  const text = draft.content.trim()
  if (!text) return '请写几句您的评价'
  if (text.length > REVIEW_TEXT_MAX) return `评价内容最多 ${REVIEW_TEXT_MAX} 个字`
  return null
}

export interface NewReviewBody {
  overall: number
  attitude: number
  professionalism: number
  communication: number
  punctuality: number
  hospital?: { cleanliness: number; staffAttitude: number; signage: number }
  tags: string[]
  content: string
  anonymous: boolean
}

/** POST /api/app/orders/:id/review; the hospital part only for an order at a hospital, when chosen. */
export function reviewBody(draft: ReviewDraft, hasHospital: boolean): NewReviewBody {
  const body: NewReviewBody = {
    overall: draft.overall,
    attitude: draft.attitude,
    professionalism: draft.professionalism,
    communication: draft.communication,
    punctuality: draft.punctuality,
    tags: draft.tags.slice(0, MAX_TAGS),
    content: draft.content.trim(),
    anonymous: draft.anonymous,
  }
  if (hasHospital && draft.rateHospital) {
    body.hospital = { cleanliness: draft.cleanliness, staffAttitude: draft.staffAttitude, signage: draft.signage }
  }
  return body
}

export function validateAppend(text: string): string | null {
  const t = text.trim()
  if (!t) return '请填写追加内容'
  if (t.length > APPEND_TEXT_MAX) return `追加内容最多 ${APPEND_TEXT_MAX} 个字`
  return null
}

/** How many appends are left, and whether the form shows. */
export function appendState(review: { appends: readonly unknown[]; canAppend?: boolean }): { canAppend: boolean; remaining: number } {
  const remaining = Math.max(0, MAX_APPENDS - review.appends.length)
  return { canAppend: (review.canAppend ?? true) && remaining > 0, remaining }
}

/** The order detail's review button: only for a completed order, labelled by whether one exists. */
export function reviewEntry(orderStatus: string, reviewed: boolean | null): { label: string; reviewed: boolean } | null {
  if (orderStatus !== 'completed' || reviewed === null) return null
  return reviewed ? { label: '查看评价', reviewed: true } : { label: '去评价', reviewed: false }
}

/** '★★★★☆' for a read-only rating. */
export function starText(stars: number): string {
  const n = Math.max(0, Math.min(5, Math.round(stars)))
  return '★'.repeat(n) + '☆'.repeat(5 - n)
}

/**
 * GET /api/app/orders/:id/review is documented to answer null before the review exists, but the
 * backend's envelope middleware turns a controller's null into a bare 404 "Not Found" (it checks
 * the status koa still has at its default). Until that is fixed, a 404 here means "no review";
 * the pages read the order itself separately, so a missing order still shows as such.
 */
export function noReviewYet(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404
}
