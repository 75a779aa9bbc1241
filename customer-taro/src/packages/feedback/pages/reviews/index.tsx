import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import LoginPrompt from '../../../../components/login-prompt'
import { useCustomerSession } from '../../../../hooks/use-customer-session'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { starLabel, starText } from '../../../../logic/review-form'
import { messageOf } from '../../../../services/api-error'
import { reviewApi, type MyReview } from '../../../../services/care-api'
import { ROUTES } from '../../../../services/routes'
import '../../feedback.scss'

/** 我的评价: newest first; a review opens on its own page with the replies and 追加评价. */
export default function MyReviewsPage() {
  const [reviews, setReviews] = useState<MyReview[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function load() {
    setError(null)
    try {
      setReviews((await reviewApi.mine()).list)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const loggedIn = useCustomerSession((now) => {
    if (now) load()
  })

  if (!loggedIn) return <LoginPrompt message='登录后查看您的评价' />
  if (error) return <EmptyState title='加载失败' description={error} actionText='重新加载' onAction={load} />
  if (reviews && reviews.length === 0) {
    return (
      <EmptyState
        title='还没有评价'
        description='服务完成后，在订单详情点「去评价」'
        actionText='查看订单'
        onAction={() => Taro.switchTab({ url: ROUTES.orders })}
      />
    )
  }

  return (
    <View className='booking'>
      {reviews === null && <Text className='booking__hint'>加载中…</Text>}
      {(reviews ?? []).map((r) => (
        <View key={r.id} className='booking__card care__list-item my-review' onClick={() => Taro.navigateTo({ url: `${ROUTES.review}?orderId=${r.orderId}` })}>
          <View className='care__list-head'>
            <Text className='care__list-title'>{r.serviceName}</Text>
            <Text className='care__meta'>{formatShanghaiTime(r.createdAt)}</Text>
          </View>
          <View className='care__list-head'>
            <Text className='care__star care__star--on'>{starText(r.overall)}</Text>
            <Text className='care__meta'>{starLabel(r.overall)}</Text>
          </View>
          <Text className='care__excerpt'>{r.content}</Text>
          <Text className='care__meta'>{`订单 ${r.orderNo}${r.appends.length ? ` · 追加 ${r.appends.length} 次` : ''}${r.escortReply ? ' · 陪诊师已回复' : ''}`}</Text>
        </View>
      ))}
    </View>
  )
}
