import { ApiError } from '../services/api-error'
import {
  appendState,
  noReviewYet,
  emptyReviewDraft,
  MAX_TAGS,
  reviewBody,
  reviewEntry,
  starLabel,
  starText,
  textCounter,
  toggleTag,
  validateAppend,
  validateReview,
  withOverall,
  type ReviewDraft,
} from './review-form'

const rated = (patch: Partial<ReviewDraft> = {}): ReviewDraft => ({
  ...withOverall(emptyReviewDraft(), 5),
  content: '陪诊师很耐心，全程陪同挂号、检查。',
  ...patch,
})

describe('the review form', () => {
  it('fills the escort dimensions not rated yet from the overall stars, and keeps those already rated', () => {
    const d = withOverall({ ...emptyReviewDraft(), punctuality: 2 }, 4)
    expect(d).toMatchObject({ overall: 4, attitude: 4, professionalism: 4, communication: 4, punctuality: 2 })
    expect(withOverall(d, 5)).toMatchObject({ overall: 5, attitude: 4, punctuality: 2 })
  })

  it('asks for every star, then the words, in the order the form shows them', () => {
    expect(validateReview(emptyReviewDraft(), false)).toBe('请为总体满意度打分')
    expect(validateReview({ ...rated(), communication: 0 }, false)).toBe('请为沟通打分')
    expect(validateReview(rated({ content: '   ' }), false)).toBe('请写几句您的评价')
    expect(validateReview(rated({ content: '好'.repeat(1001) }), false)).toBe('评价内容最多 1000 个字')
    expect(validateReview(rated({ content: ` ${'好'.repeat(1000)} ` }), false)).toBeNull()
    expect(validateReview(rated(), false)).toBeNull()
  })

  it('asks for the hospital stars only when the order has a hospital and the customer switched them on', () => {
    expect(validateReview(rated({ rateHospital: true }), true)).toBe('请为医院整洁程度打分')
    expect(validateReview(rated({ rateHospital: true }), false)).toBeNull()
    expect(validateReview(rated({ rateHospital: false }), true)).toBeNull()
    expect(validateReview(rated({ rateHospital: true, cleanliness: 4, staffAttitude: 5, signage: 0 }), true)).toBe('请为医院院内指引打分')
  })

  it('sends the backend body: trimmed text, the hospital only when chosen, no form-only fields', () => {
    const body = reviewBody(rated({ content: ' 很好 \n', tags: ['耐心细致'], anonymous: true, rateHospital: true, cleanliness: 4, staffAttitude: 5, signage: 3 }), true)
    expect(body).toEqual({
      overall: 5,
      attitude: 5,
      professionalism: 5,
      communication: 5,
      punctuality: 5,
      hospital: { cleanliness: 4, staffAttitude: 5, signage: 3 },
      tags: ['耐心细致'],
      content: '很好',
      anonymous: true,
    })
    expect(reviewBody(rated({ rateHospital: true, cleanliness: 4, staffAttitude: 5, signage: 3 }), false)).not.toHaveProperty('hospital')
    expect(reviewBody(rated(), true)).not.toHaveProperty('rateHospital')
  })

  it('toggles tags and stops at the backend limit', () => {
    expect(toggleTag([], '准时守约')).toEqual(['准时守约'])
    expect(toggleTag(['准时守约', '迟到'], '准时守约')).toEqual(['迟到'])
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `标签${i}`)
    expect(toggleTag(full, '再来一个')).toEqual(full)
    expect(toggleTag(full, '标签0')).toHaveLength(MAX_TAGS - 1)
  })

  it('counts the trimmed text against the limit', () => {
    expect(textCounter('  你好  ', 1000)).toEqual({ text: '2/1000', over: false })
    expect(textCounter('a'.repeat(11), 10)).toEqual({ text: '11/10', over: true })
  })

  it('labels stars in words and draws them read-only', () => {
    expect(starLabel(5)).toBe('非常满意')
    expect(starLabel(1)).toBe('非常差')
    expect(starLabel(0)).toBe('')
    expect(starText(4)).toBe('★★★★☆')
    expect(starText(9)).toBe('★★★★★')
  })
})

describe('after the review', () => {
  it('offers 追加评价 until three appends, as the backend allows', () => {
    expect(appendState({ appends: [], canAppend: true })).toEqual({ canAppend: true, remaining: 3 })
    expect(appendState({ appends: [1, 2], canAppend: true })).toEqual({ canAppend: true, remaining: 1 })
    expect(appendState({ appends: [1, 2, 3], canAppend: false })).toEqual({ canAppend: false, remaining: 0 })
    expect(appendState({ appends: [1], canAppend: false }).canAppend).toBe(false)
  })

  it('checks an append like the backend', () => {
    expect(validateAppend(' ')).toBe('请填写追加内容')
    expect(validateAppend('x'.repeat(1001))).toBe('追加内容最多 1000 个字')
    expect(validateAppend('复诊也很顺利')).toBeNull()
  })

  it('shows 去评价 or 查看评价 on a completed order only, once it is known whether a review exists', () => {
    expect(reviewEntry('completed', false)).toEqual({ label: '去评价', reviewed: false })
    expect(reviewEntry('completed', true)).toEqual({ label: '查看评价', reviewed: true })
    expect(reviewEntry('completed', null)).toBeNull()
    expect(reviewEntry('in_service', false)).toBeNull()
    expect(reviewEntry('cancelled', true)).toBeNull()
  })
})

describe('reading whether an order has a review', () => {
  it('takes a 404 (the backend answers a bare 404 instead of null) as no review, and anything else as an error', () => {
    expect(noReviewYet(new ApiError(404, 'BAD_RESPONSE', '请求的内容不存在'))).toBe(true)
    expect(noReviewYet(new ApiError(500, 'INTERNAL_ERROR', '服务器开小差了'))).toBe(false)
    expect(noReviewYet(new ApiError(0, 'NETWORK_ERROR', '网络不给力'))).toBe(false)
    expect(noReviewYet(new Error('x'))).toBe(false)
  })
})
