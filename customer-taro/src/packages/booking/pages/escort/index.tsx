import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { shanghaiDate } from '../../../../logic/booking-time'
import { choiceTarget, escortChoice } from '../../../../logic/escort-choice'
import { escortPhotoSrc, escortSubtitle, LEVEL_PRICE_NOTE, mergeEscortPage, ratingText } from '../../../../logic/escort-filters'
import { ratingRows, stars, summaryHeadline } from '../../../../logic/escort-profile'
import { messageOf } from '../../../../services/api-error'
import { escortBrowseApi, type PublicEscortDetail, type PublicReview, type ReviewPage } from '../../../../services/escort-browse-api'
import { showError } from '../../../../services/feedback'
import { API_BASE } from '../../../../services/request'
import { ROUTES } from '../../../../services/routes'
import '../../booking.scss'
import './index.scss'

const REVIEW_PAGE_SIZE = 10

/** 陪诊师主页: who the escort is, where they serve, how customers rated them, and 选TA陪诊. */
export default function EscortProfilePage() {
  const router = useRouter()
  const id = Number(router.params.id)
  const [escort, setEscort] = useState<PublicEscortDetail | null>(null)
  const [reviews, setReviews] = useState<PublicReview[]>([])
  const [summary, setSummary] = useState<ReviewPage['summary'] | null>(null)
  const [reviewPage, setReviewPage] = useState(1)
  const [moreReviews, setMoreReviews] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function load() {
    setError(null)
    try {
      if (!(id > 0)) throw new Error('bad id')
      const [detail, firstReviews] = await Promise.all([escortBrowseApi.detail(id), escortBrowseApi.reviews(id, 1, REVIEW_PAGE_SIZE)])
      setEscort(detail)
      setSummary(firstReviews.summary)
      const merged = mergeEscortPage([], firstReviews, 1)
      setReviews(merged.list)
      setMoreReviews(merged.hasMore)
      setReviewPage(1)
      Taro.setNavigationBarTitle({ title: `${detail.name}的主页` }).catch(() => undefined)
    } catch (err) {
      setError(id > 0 ? messageOf(err) : '没有找到这位陪诊师')
    }
  }

  useLoad(() => {
    load()
  })

  const [loadMoreReviews, loadingReviews] = useSingleFlight(async () => {
    try {
      const next = await escortBrowseApi.reviews(id, reviewPage + 1, REVIEW_PAGE_SIZE)
      const merged = mergeEscortPage(reviews, next, reviewPage + 1)
      setReviews(merged.list)
      setMoreReviews(merged.hasMore)
      setReviewPage(reviewPage + 1)
    } catch (err) {
      showError(err)
    }
  })

  function choose() {
    if (!escort) return
    const pages = Taro.getCurrentPages()
    const target = choiceTarget(pages[pages.length - 2]?.route, ROUTES.booking, escort.id)
    if (target.kind === 'back') {
      // The booking page underneath keeps its form; it takes the choice when it shows again.
      escortChoice.offer({ id: escort.id, name: escort.name, levelLabel: escort.levelLabel })
      Taro.navigateBack()
      return
    }
    // Opened from elsewhere: a new booking with this escort (the booking page reads ?escortId=).
    Taro.redirectTo({ url: target.url })
  }

  if (error) {
    return (
      <View className='booking'>
        <View className='booking__card'>
          <Text className='booking__warning'>{error}</Text>
          <Button className='booking__button' onClick={load}>
            重新加载
          </Button>
        </View>
      </View>
    )
  }
  if (!escort) {
    return (
      <View className='booking'>
        <Text className='booking__hint'>加载中…</Text>
      </View>
    )
  }

  const photo = escortPhotoSrc(escort.photoUrl, API_BASE)

  return (
    <View className='booking escort-profile'>
      <View className='booking__card escort-profile__header'>
        {photo ? (
          <Image className='escort-profile__photo' src={photo} mode='aspectFill' onClick={() => Taro.previewImage({ urls: [photo], current: photo })} />
        ) : (
          <Text className='escort-profile__photo escort-profile__initial'>{escort.name.slice(0, 1)}</Text>
        )}
        <View className='escort-profile__identity'>
          <View className='escort-profile__name-row'>
            <Text className='escort-profile__name'>{escort.name}</Text>
            <Text className='booking__tag'>{escort.levelLabel}</Text>
          </View>
          <Text className='booking__item-sub'>{escortSubtitle(escort)}</Text>
          <Text className='booking__item-sub'>
            {ratingText(escort.rating, escort.ratingCount)} · 服务 {escort.ordersServed} 单
          </Text>
        </View>
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>个人简介</Text>
        <Text className='booking__paragraph'>{escort.bio || '这位陪诊师还没有填写简介'}</Text>
        <View className='booking__field'>
          <Text>等级</Text>
          <Text className='booking__value'>{escort.levelLabel}陪诊师</Text>
        </View>
        <View className='booking__field'>
          <Text>从业经验</Text>
          <Text className='booking__value'>{escort.experienceYears > 0 ? `${escort.experienceYears} 年` : '新入职'}</Text>
        </View>
        {escort.educationLabel && (
          <View className='booking__field'>
            <Text>学历</Text>
            <Text className='booking__value'>{escort.educationLabel}</Text>
          </View>
        )}
      </View>

      {escort.skillLabels.length > 0 && (
        <View className='booking__card'>
          <Text className='booking__title'>擅长</Text>
          <View className='booking__chips'>
            {escort.skillLabels.map((s) => (
              <Text key={s} className='booking__chip'>
                {s}
              </Text>
            ))}
          </View>
        </View>
      )}

      <View className='booking__card'>
        <Text className='booking__title'>服务区域</Text>
        {escort.serviceDistricts.length > 0 ? (
          <View className='booking__chips'>
            {escort.serviceDistricts.map((d) => (
              <Text key={d} className='booking__chip'>
                {d}
              </Text>
            ))}
          </View>
        ) : (
          <Text className='booking__hint'>全城可约</Text>
        )}
        {escort.servedHospitals.length > 0 && (
          <View className='escort-profile__hospitals'>
            <Text className='booking__hint'>服务过的医院</Text>
            {escort.servedHospitals.map((h) => (
              <View key={h.hospitalId} className='booking__field'>
                <Text>{h.name}</Text>
                <Text className='booking__value'>{h.orders} 单</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View className='booking__card escort-profile__reviews'>
        <Text className='booking__title'>客户评价</Text>
        <Text className='escort-profile__headline'>{summaryHeadline(summary)}</Text>
        {summary && summary.reviewCount > 0 && (
          <View className='escort-profile__dimensions'>
            {ratingRows(summary).map((r) => (
              <View key={r.key} className='escort-profile__dimension'>
                <Text className='escort-profile__dimension-label'>{r.label}</Text>
                <View className='escort-profile__bar'>
                  <View className='escort-profile__bar-fill' style={{ width: `${r.percent}%` }} />
                </View>
                <Text className='escort-profile__dimension-value'>{r.value}</Text>
              </View>
            ))}
          </View>
        )}
        {reviews.map((r) => (
          <View key={r.id} className='escort-review'>
            <View className='escort-review__head'>
              <Text className='escort-review__name'>{r.reviewerName}</Text>
              <Text className='escort-review__stars'>{stars(r.overall)}</Text>
              <Text className='escort-review__date'>{shanghaiDate(new Date(r.createdAt))}</Text>
            </View>
            <Text className='booking__item-sub'>{r.serviceName}</Text>
            {r.tags.length > 0 && (
              <View>
                {r.tags.map((t) => (
                  <Text key={t} className='booking__tag booking__tag--muted'>
                    {t}
                  </Text>
                ))}
              </View>
            )}
            {r.content && <Text className='escort-review__content'>{r.content}</Text>}
            {r.appends.map((a) => (
              <Text key={a.id} className='escort-review__content escort-review__append'>
                追评：{a.content}
              </Text>
            ))}
            {r.escortReply && <Text className='escort-review__reply'>陪诊师回复：{r.escortReply}</Text>}
            {r.staffReply && <Text className='escort-review__reply'>平台回复：{r.staffReply}</Text>}
          </View>
        ))}
        {moreReviews && (
          <Button className='booking__ghost escort-profile__more' loading={loadingReviews || undefined} disabled={loadingReviews || undefined} onClick={() => loadMoreReviews()}>
            {loadingReviews ? '加载中…' : '查看更多评价'}
          </Button>
        )}
      </View>

      <View className='booking__bar'>
        <Text className='booking__hint escort-profile__note'>{LEVEL_PRICE_NOTE}</Text>
        <Button className='booking__button escort-profile__choose' onClick={choose}>
          选TA陪诊
        </Button>
      </View>
    </View>
  )
}
