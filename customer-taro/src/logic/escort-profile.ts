/**
 * The escort profile's rating summary (GET /api/app/escorts/:id/reviews → summary) as rows the
 * page draws: one per dimension customers rate an escort on, with a bar width out of 5 stars.
 */
export interface EscortRatingSummary {
  reviewCount: number
  overall: number | null
  attitude: number | null
  professionalism: number | null
  communication: number | null
  punctuality: number | null
  goodRate: number | null
  badRate?: number | null
}

export const RATING_DIMENSIONS: { key: keyof EscortRatingSummary; label: string }[] = [
  { key: 'attitude', label: '服务态度' },
  { key: 'professionalism', label: '专业程度' },
  { key: 'communication', label: '沟通' },
  { key: 'punctuality', label: '守时' },
]

export interface RatingRow {
  key: string
  label: string
  /** '4.8' or '--'. */
  value: string
  /** Bar width, 0-100. */
  percent: number
}

const score = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(v, 0), 5) : null)

export function ratingRows(summary: EscortRatingSummary | null | undefined): RatingRow[] {
  return RATING_DIMENSIONS.map(({ key, label }) => {
    const v = score(summary?.[key] as number | null | undefined)
    return { key, label, value: v === null ? '--' : v.toFixed(1), percent: v === null ? 0 : Math.round((v / 5) * 100) }
  })
}

/** '综合 4.8 · 好评率 96.5% · 12 条评价', or '暂无评价'. */
export function summaryHeadline(summary: EscortRatingSummary | null | undefined): string {
  if (!summary || !summary.reviewCount) return '暂无评价'
  const parts = []
  const overall = score(summary.overall)
  if (overall !== null) parts.push(`综合 ${overall.toFixed(1)}`)
  if (typeof summary.goodRate === 'number') parts.push(`好评率 ${summary.goodRate}%`)
  parts.push(`${summary.reviewCount} 条评价`)
  return parts.join(' · ')
}

/** ★★★★☆ for a 1-5 rating. */
export function stars(n: number): string {
  const k = Math.min(Math.max(Math.round(n), 0), 5)
  return '★'.repeat(k) + '☆'.repeat(5 - k)
}
