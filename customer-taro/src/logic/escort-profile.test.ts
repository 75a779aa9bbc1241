import { ratingRows, stars, summaryHeadline } from './escort-profile'

const summary = { reviewCount: 12, overall: 4.83, attitude: 5, professionalism: 4.5, communication: 4.25, punctuality: null, goodRate: 91.7, badRate: 0 }

describe('the escort profile’s rating summary', () => {
  it('has a row per dimension with one decimal and a bar out of 5 stars', () => {
    expect(ratingRows(summary)).toEqual([
      { key: 'attitude', label: '服务态度', value: '5.0', percent: 100 },
      { key: 'professionalism', label: '专业程度', value: '4.5', percent: 90 },
      { key: 'communication', label: '沟通', value: '4.3', percent: 85 },
      { key: 'punctuality', label: '守时', value: '--', percent: 0 },
    ])
  })

  it('shows empty rows without reviews', () => {
    expect(ratingRows(null).map((r) => r.value)).toEqual(['--', '--', '--', '--'])
    expect(summaryHeadline({ ...summary, reviewCount: 0 })).toBe('暂无评价')
    expect(summaryHeadline(undefined)).toBe('暂无评价')
  })

  it('sums up the overall score, the share of good reviews and the count', () => {
    expect(summaryHeadline(summary)).toBe('综合 4.8 · 好评率 91.7% · 12 条评价')
  })

  it('draws stars for a rating, clamped to 0-5', () => {
    expect(stars(4)).toBe('★★★★☆')
    expect(stars(7)).toBe('★★★★★')
    expect(stars(0)).toBe('☆☆☆☆☆')
  })
})
