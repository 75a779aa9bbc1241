import { Button, Image, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import LoginPrompt from '../../../../components/login-prompt'
import { useCustomerSession } from '../../../../hooks/use-customer-session'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import {
  APPEND_TEXT_MAX,
  appendState,
  CRITICISM_TAGS,
  emptyReviewDraft,
  ESCORT_DIMENSIONS,
  HOSPITAL_DIMENSIONS,
  PRAISE_TAGS,
  REVIEW_TEXT_MAX,
  reviewBody,
  textCounter,
  toggleTag,
  validateAppend,
  validateReview,
  withOverall,
  type ReviewDraft,
} from '../../../../logic/review-form'
import { ApiError, messageOf } from '../../../../services/api-error'
import { reviewApi, type MyReview } from '../../../../services/care-api'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import { orderApi, type OrderDetail } from '../../../../services/order-api'
import { ROUTES } from '../../../../services/routes'
import Stars from '../../components/stars'
import '../../feedback.scss'

/**
 * 评价: the form for a completed order, then the review read-only (it is never rewritten) with
 * the escort's and the platform's replies, the appends, and the form to append (追加评价).
 * Everything the customer or anyone else wrote is rendered as text.
 */
export default function ReviewPage() {
  const router = useRouter()
  const orderId = Number(router.params.orderId)
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [review, setReview] = useState<MyReview | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [draft, setDraft] = useState<ReviewDraft>(emptyReviewDraft())
  const [appendText, setAppendText] = useState('')

  async function load() {
    setLoadError(null)
    try {
      const [o, r] = await Promise.all([orderApi.detail(orderId), reviewApi.forOrder(orderId)])
      setOrder(o)
      setReview(r ?? null)
      setLoaded(true)
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  // Loads when shown logged in and not loaded yet (also on coming back from 登录).
  const loggedIn = useCustomerSession((now) => {
    if (!now || loaded) return
    if (Number.isInteger(orderId) && orderId > 0) load()
    else setLoadError('订单不存在')
  })

  const hasHospital = !!order?.hospitalId

  const [submit, submitting] = useSingleFlight(async () => {
    const problem = validateReview(draft, hasHospital)
    if (problem) {
      showMessage(problem)
      return
    }
    try {
      setReview(await reviewApi.create(orderId, reviewBody(draft, hasHospital)))
      showSuccess('评价成功，谢谢您')
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (err) {
      // Sent twice (another tab, a retry after a lost answer): the review is there, show it.
      if (err instanceof ApiError && err.errorCode === 'REVIEW_EXISTS') {
        showMessage(err.errorMessage)
        await load()
      } else showError(err)
    }
  })

  const [append, appending] = useSingleFlight(async () => {
    if (!review) return
    const problem = validateAppend(appendText)
    if (problem) {
      showMessage(problem)
      return
    }
    try {
      setReview(await reviewApi.append(review.id, appendText.trim()))
      setAppendText('')
      showSuccess('已追加评价')
    } catch (err) {
      showError(err)
    }
  })

  if (!loggedIn) return <LoginPrompt message='登录后评价您的陪诊服务' />
  if (loadError) return <EmptyState title='加载失败' description={loadError} actionText='重新加载' onAction={load} />
  if (!loaded || !order) {
    return (
      <View className='booking'>
        <Text className='booking__hint'>加载中…</Text>
      </View>
    )
  }

  const header = (
    <View className='booking__card'>
      <Text className='booking__title'>{order.serviceName}</Text>
      <Text className='booking__item-sub'>订单号 {order.orderNo}</Text>
      <Text className='booking__item-sub'>服务时间 {formatShanghaiTime(order.startAt)}</Text>
      {order.escortName && <Text className='booking__item-sub'>陪诊师 {order.escortName}</Text>}
      {order.hospitalName && <Text className='booking__item-sub'>就诊医院 {order.hospitalName}</Text>}
    </View>
  )

  if (review) {
    const { canAppend, remaining } = appendState(review)
    const counter = textCounter(appendText, APPEND_TEXT_MAX)
    return (
      <View className='booking review-view'>
        {header}
        <View className='booking__card'>
          <Text className='booking__title'>我的评价</Text>
          <Stars label='总体满意度' value={review.overall} large />
          {ESCORT_DIMENSIONS.map((d) => (
            <Stars key={d.key} label={d.label} value={review[d.key]} />
          ))}
          {review.hospital && (
            <View>
              <Text className='booking__hint'>医院评价</Text>
              {HOSPITAL_DIMENSIONS.map((d) => (
                <Stars key={d.key} label={d.label} value={review.hospital?.[d.key] ?? 0} />
              ))}
            </View>
          )}
          {review.tags.length > 0 && (
            <View className='care__tags'>
              {review.tags.map((t) => (
                <Text key={t} className='care__tag care__tag--static'>
                  {t}
                </Text>
              ))}
            </View>
          )}
          <Text className='care__text review-content' userSelect>
            {review.content}
          </Text>
          {review.photos.length > 0 && (
            <View className='care__photos'>
              {review.photos.map((p) => (
                <Image key={p} className='care__photo' src={p} mode='aspectFill' onClick={() => Taro.previewImage({ urls: review.photos, current: p })} />
              ))}
            </View>
          )}
          <Text className='care__meta'>
            {`${formatShanghaiTime(review.createdAt)}${review.anonymous ? ' · 匿名评价' : ''}${review.status === 'hidden' ? ' · 该评价未公开展示' : ''}`}
          </Text>

          {review.escortReply && (
            <View className='care__reply review-escort-reply'>
              <Text className='care__reply-who'>陪诊师回复</Text>
              <Text className='care__text'>{review.escortReply}</Text>
              {review.escortReplyAt && <Text className='care__meta'>{formatShanghaiTime(review.escortReplyAt)}</Text>}
            </View>
          )}
          {review.staffReply && (
            <View className='care__reply review-staff-reply'>
              <Text className='care__reply-who'>平台回复</Text>
              <Text className='care__text'>{review.staffReply}</Text>
              {review.staffReplyAt && <Text className='care__meta'>{formatShanghaiTime(review.staffReplyAt)}</Text>}
            </View>
          )}

          {review.appends.map((a) => (
            <View key={a.id} className='care__append review-append'>
              <Text className='care__reply-who'>追加评价 · {formatShanghaiTime(a.createdAt)}</Text>
              <Text className='care__text'>{a.content}</Text>
            </View>
          ))}
        </View>

        {canAppend ? (
          <View className='booking__card'>
            <Text className='booking__title'>追加评价</Text>
            <Text className='booking__hint'>{`评价提交后不能修改，可以补充新的感受（还可追加 ${remaining} 次）`}</Text>
            <Textarea
              className='care__textarea review-append-input'
              value={appendText}
              maxlength={APPEND_TEXT_MAX}
              placeholder='例如：复诊时又请了这位陪诊师，依然很细心'
              onInput={(e) => setAppendText(e.detail.value)}
            />
            <Text className={`care__counter ${counter.over ? 'care__counter--over' : ''}`}>{counter.text}</Text>
            <Button className='booking__button care__submit' loading={appending || undefined} disabled={appending || undefined} onClick={() => append()}>
              <Text>{appending ? '提交中…' : '提交追加'}</Text>
            </Button>
          </View>
        ) : (
          <Text className='booking__hint'>每条评价最多追加 3 次，您已全部用完</Text>
        )}
        <Button className='booking__ghost' onClick={() => Taro.navigateTo({ url: `${ROUTES.ticketNew}?orderId=${order.id}&orderNo=${encodeURIComponent(order.orderNo)}` })}>
          对服务有意见？提交反馈
        </Button>
      </View>
    )
  }

  if (order.status !== 'completed') {
    return (
      <View className='booking'>
        {header}
        <EmptyState title='服务完成后才能评价' description='陪诊师完成服务、订单显示「已完成」后，可以在这里评价' />
      </View>
    )
  }

  const counter = textCounter(draft.content, REVIEW_TEXT_MAX)
  const set = (patch: Partial<ReviewDraft>) => setDraft((d) => ({ ...d, ...patch }))

  return (
    <View className='booking review-form'>
      {header}
      <View className='booking__card'>
        <Stars label='总体满意度' value={draft.overall} large onChange={(n) => setDraft((d) => withOverall(d, n))} />
        {ESCORT_DIMENSIONS.map((d) => (
          <Stars key={d.key} label={d.label} value={draft[d.key]} onChange={(n) => set({ [d.key]: n } as Partial<ReviewDraft>)} />
        ))}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>印象标签（可多选）</Text>
        <View className='care__tags'>
          {[...PRAISE_TAGS, ...CRITICISM_TAGS].map((t) => (
            <Text key={t} className={`care__tag ${draft.tags.includes(t) ? 'care__tag--on' : ''}`} onClick={() => set({ tags: toggleTag(draft.tags, t) })}>
              {t}
            </Text>
          ))}
        </View>
        <Text className='booking__title'>说说您的感受</Text>
        <Textarea
          className='care__textarea review-input'
          value={draft.content}
          maxlength={REVIEW_TEXT_MAX}
          placeholder='陪诊师是否准时、耐心？就医过程顺利吗？您的评价能帮助其他家庭选择'
          onInput={(e) => set({ content: e.detail.value })}
        />
        <Text className={`care__counter ${counter.over ? 'care__counter--over' : ''}`}>{counter.text}</Text>
      </View>

      {hasHospital && (
        <View className='booking__card'>
          <View className='care__switch-row'>
            <View>
              <Text>评价就诊医院（选填）</Text>
              <Text className='care__switch-hint'>{order.hospitalName}</Text>
            </View>
            <Switch checked={draft.rateHospital} color='#12a182' onChange={(e) => set({ rateHospital: e.detail.value })} />
          </View>
          {draft.rateHospital &&
            HOSPITAL_DIMENSIONS.map((d) => (
              <Stars key={d.key} label={d.label} value={draft[d.key]} onChange={(n) => set({ [d.key]: n } as Partial<ReviewDraft>)} />
            ))}
        </View>
      )}

      <View className='booking__card'>
        <View className='care__switch-row'>
          <View>
            <Text>匿名评价</Text>
            <Text className='care__switch-hint'>开启后，其他用户看不到您的昵称</Text>
          </View>
          <Switch checked={draft.anonymous} color='#12a182' onChange={(e) => set({ anonymous: e.detail.value })} />
        </View>
        <Text className='booking__hint'>评价提交后不能修改，但可以追加评价。</Text>
        <Button className='booking__button care__submit' loading={submitting || undefined} disabled={submitting || undefined} onClick={() => submit()}>
          <Text>{submitting ? '提交中…' : '提交评价'}</Text>
        </Button>
      </View>
    </View>
  )
}
