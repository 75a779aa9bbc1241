import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { formatFen } from '../../../../logic/money'
import { messageOf } from '../../../../services/api-error'
import { escortApi, type EscortIncome } from '../../../../services/escort-api'
import { ROUTES } from '../../../../services/routes'
import '../../escort.scss'

export default function EscortIncomePage() {
  const [income, setIncome] = useState<EscortIncome | null>(null)
  const [error, setError] = useState<string | null>(null)

  useLoad(() => {
    escortApi.income().then(setIncome, (err) => setError(messageOf(err)))
  })

  if (error) return <Text className='booking__warning'>{error}</Text>
  if (!income) return <Text className='booking__hint'>加载中…</Text>

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__hint'>本月收入</Text>
        <Text className='booking__bar-total'>{formatFen(income.monthFen)}</Text>
        <View className='booking__field'>
          <Text>今日</Text>
          <Text className='booking__value'>{formatFen(income.todayFen)}</Text>
        </View>
        <View className='booking__field'>
          <Text>累计（{income.completedOrders} 单）</Text>
          <Text className='booking__value'>{formatFen(income.totalFen)}</Text>
        </View>
        <Text className='booking__hint'>分成比例 {income.commissionBp / 100}%，以结算单为准</Text>
      </View>
      <View className='booking__card'>
        <View className='booking__field income-link' onClick={() => Taro.navigateTo({ url: ROUTES.escortSettlements })}>
          <Text>我的结算单</Text>
          <Text className='booking__value'>按期结算与打款 ›</Text>
        </View>
        <View className='booking__field income-link' onClick={() => Taro.navigateTo({ url: ROUTES.escortIncomeDetail })}>
          <Text>收入明细</Text>
          <Text className='booking__value'>每笔分成、扣回与打款 ›</Text>
        </View>
      </View>
      <View className='booking__card'>
        <Text className='booking__title'>最近完成</Text>
        {income.recent.length === 0 && <Text className='booking__hint'>完成服务后，收入会显示在这里</Text>}
        {income.recent.map((r) => (
          <View key={r.orderId} className='booking__field'>
            <View>
              <Text className='booking__item-title'>{r.serviceName}</Text>
              <Text className='booking__item-sub'>{formatShanghaiTime(r.completedAt)}</Text>
            </View>
            <Text className='booking__value'>{formatFen(r.shareFen)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
