import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { formatFen } from '../../../../logic/money'
import { durationLabel } from '../../../../logic/slots'
import { messageOf } from '../../../../services/api-error'
import { resolveCity } from '../../../../services/city'
import { orderApi, type ServiceItemView } from '../../../../services/order-api'
import { ROUTES } from '../../../../services/routes'
import '../../booking.scss'

export default function ServiceDetailPage() {
  const router = useRouter()
  const itemId = Number(router.params.id)
  const [item, setItem] = useState<(ServiceItemView & { categoryName: string }) | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function load() {
    setError(null)
    try {
      const city = await resolveCity()
      const categories = city ? await orderApi.categories(city.id) : []
      const found = categories.flatMap((c) => c.items.map((i) => ({ ...i, categoryName: c.name }))).find((i) => i.id === itemId)
      if (!found) throw new Error('not found')
      setItem(found)
    } catch (err) {
      setError(err instanceof Error && err.message === 'not found' ? '该服务在当前城市暂未开通' : messageOf(err))
    }
  }

  useLoad(() => {
    load()
  })

  if (error) {
    return (
      <View className='booking'>
        <View className='booking__card'>
          <Text className='booking__warning'>{error}</Text>
        </View>
      </View>
    )
  }
  if (!item) {
    return (
      <View className='booking'>
        <Text className='booking__hint'>加载中…</Text>
      </View>
    )
  }

  const min = item.minDurationMinutes ?? item.defaultDurationMinutes
  const max = item.maxDurationMinutes ?? item.defaultDurationMinutes

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__tag'>{item.categoryName}</Text>
        <Text className='booking__status'>{item.name}</Text>
        <Text className='booking__bar-total'>
          {formatFen(item.unitPriceFen)} / {item.unitLabel}
        </Text>
        <Text className='booking__hint'>{item.description}</Text>
        <Text className='booking__hint'>
          服务时长 {min === max ? durationLabel(min) : `${durationLabel(min)} – ${durationLabel(max)}`}；三甲医院、夜间、当日预约等以下单页报价为准
        </Text>
      </View>
      {!!item.includes?.length && (
        <View className='booking__card'>
          <Text className='booking__title'>服务内容</Text>
          {item.includes.map((s) => (
            <Text key={s} className='booking__hint'>
              ✓ {s}
            </Text>
          ))}
        </View>
      )}
      {!!item.preparation?.length && (
        <View className='booking__card'>
          <Text className='booking__title'>需要准备</Text>
          {item.preparation.map((s) => (
            <Text key={s} className='booking__hint'>
              · {s}
            </Text>
          ))}
        </View>
      )}
      <View className='booking__card'>
        <Text className='booking__title'>用户评价</Text>
        <Text className='booking__hint'>暂无评价</Text>
      </View>
      <View className='booking__bar'>
        <Text className='booking__bar-total'>{formatFen(item.unitPriceFen)}</Text>
        <Button className='booking__button' onClick={() => Taro.navigateTo({ url: `${ROUTES.booking}?itemId=${item.id}` })}>
          <Text>预约此服务</Text>
        </Button>
      </View>
    </View>
  )
}
