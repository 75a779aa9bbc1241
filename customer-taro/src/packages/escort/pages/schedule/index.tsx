import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { shanghaiDateAfter } from '../../../../logic/booking-time'
import { messageOf } from '../../../../services/api-error'
import { escortApi, type EscortScheduleDay } from '../../../../services/escort-api'
import '../../escort.scss'

export default function EscortSchedulePage() {
  const [days, setDays] = useState<EscortScheduleDay[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useLoad(() => {
    const now = new Date()
    escortApi.schedule(shanghaiDateAfter(now, 0), shanghaiDateAfter(now, 13)).then((s) => setDays(s.days), (err) => setError(messageOf(err)))
  })

  return (
    <View className='booking'>
      {error && <Text className='booking__warning'>{error}</Text>}
      {!days && !error && <Text className='booking__hint'>加载中…</Text>}
      <View className='booking__card'>
        <Text className='booking__title'>未来两周</Text>
        {(days ?? []).map((d) => (
          <View key={d.date} className='booking__field'>
            <Text>
              {d.date.slice(5)} {d.weekdayLabel}
            </Text>
            <Text className='booking__value'>{d.ranges.length ? d.ranges.map((r) => `${r.start}–${r.end}`).join('，') : '休息'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
