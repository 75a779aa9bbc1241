import {
  activeFilterCount,
  AGE_BAND_OPTIONS,
  ageBandLabel,
  DEFAULT_ESCORT_FILTERS,
  describeFilters,
  escortPhotoSrc,
  escortQuery,
  escortSubtitle,
  mergeEscortPage,
  ratingText,
} from './escort-filters'

describe('escort filters → the list query', () => {
  it('sends only the city and the page without filters (the backend sorts by orders served by default)', () => {
    expect(escortQuery(1, DEFAULT_ESCORT_FILTERS, 1)).toEqual({ cityId: 1, page: 1, pageSize: 10 })
  })

  it('sends each chosen filter under the backend’s parameter name', () => {
    expect(escortQuery(2, { gender: 'female', ageBand: '30_39', minExperienceYears: 3, level: 'senior', sort: 'rating' }, 3, 20)).toEqual({
      cityId: 2,
      page: 3,
      pageSize: 20,
      gender: 'female',
      ageBand: '30_39',
      minExperienceYears: 3,
      level: 'senior',
      sort: 'rating',
    })
  })

  it('leaves out "any" values one by one', () => {
    const q = escortQuery(1, { ...DEFAULT_ESCORT_FILTERS, minExperienceYears: 5 }, 1)
    expect(q).toEqual({ cityId: 1, page: 1, pageSize: 10, minExperienceYears: 5 })
    expect(Object.keys(escortQuery(1, { ...DEFAULT_ESCORT_FILTERS, gender: 'male' }, 1))).toEqual(['cityId', 'page', 'pageSize', 'gender'])
  })

  it('counts and describes the filters (sorting is not a filter)', () => {
    expect(activeFilterCount(DEFAULT_ESCORT_FILTERS)).toBe(0)
    expect(activeFilterCount({ ...DEFAULT_ESCORT_FILTERS, sort: 'rating' })).toBe(0)
    expect(describeFilters(DEFAULT_ESCORT_FILTERS)).toBe('全部陪诊师')
    const f = { gender: 'female', ageBand: '40_49', minExperienceYears: 3, level: 'expert', sort: 'orders' } as const
    expect(activeFilterCount(f)).toBe(4)
    expect(describeFilters(f)).toBe('女 · 40-49岁 · 从业3年以上 · 高级陪诊师')
  })
})

describe('age band labels', () => {
  it('names every band the backend knows, and nothing for none or an unknown one', () => {
    expect(AGE_BAND_OPTIONS.filter((o) => o.value).map((o) => [o.value, ageBandLabel(o.value)])).toEqual([
      ['under_30', '30岁以下'],
      ['30_39', '30-39岁'],
      ['40_49', '40-49岁'],
      ['50_plus', '50岁及以上'],
    ])
    expect(ageBandLabel(null)).toBe('')
    expect(ageBandLabel('60_69')).toBe('')
  })

  it('builds the line under an escort’s name from gender, age band and experience', () => {
    expect(escortSubtitle({ gender: 'female', ageBand: '30_39', experienceYears: 6 })).toBe('女 · 30-39岁 · 6 年经验')
    expect(escortSubtitle({ gender: 'male', ageBand: null, experienceYears: 0 })).toBe('男 · 新入职')
  })
})

describe('paging and display', () => {
  const row = (id: number) => ({ id })
  it('replaces the list on page 1, appends later pages without repeats, and knows when the end is reached', () => {
    expect(mergeEscortPage([row(9)], { list: [row(1), row(2)], total: 3 }, 1)).toEqual({ list: [row(1), row(2)], hasMore: true })
    expect(mergeEscortPage([row(1), row(2)], { list: [row(2), row(3)], total: 3 }, 2)).toEqual({ list: [row(1), row(2), row(3)], hasMore: false })
    expect(mergeEscortPage([row(1)], { list: [], total: 5 }, 2)).toEqual({ list: [row(1)], hasMore: false })
  })

  it('reads ratings as one decimal, or says there are none', () => {
    expect(ratingText(4.5, 12)).toBe('4.5 分（12 条）')
    expect(ratingText(5)).toBe('5.0 分')
    expect(ratingText(null)).toBe('暂无评分')
  })

  it('puts the photo on the API’s origin, keeps absolute URLs and refuses anything else', () => {
    expect(escortPhotoSrc('/api/app/escorts/3/photo', 'https://api.example.com/')).toBe('https://api.example.com/api/app/escorts/3/photo')
    expect(escortPhotoSrc('/api/app/escorts/3/photo', '')).toBe('/api/app/escorts/3/photo')
    expect(escortPhotoSrc('https://cdn.example.com/a.jpg', '')).toBe('https://cdn.example.com/a.jpg')
    expect(escortPhotoSrc('javascript:alert(1)', '')).toBeNull()
    expect(escortPhotoSrc(null, '')).toBeNull()
  })
})
