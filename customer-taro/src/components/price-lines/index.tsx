import { Text, View } from '@tarojs/components'
import { formatFen } from '../../logic/money'
import type { PriceLine } from '../../services/order-api'
import './index.scss'

/** The price as the backend itemised it, and the total: nothing is added up on the phone. */
export default function PriceLines(props: { lines: PriceLine[]; totalFen: number; totalLabel?: string }) {
  return (
    <View className='price-lines'>
      {props.lines.map((line) => (
        <View key={`${line.kind}-${line.code}`} className='price-lines__row'>
          <View className='price-lines__name'>
            <Text>{line.label}</Text>
            {line.detail && <Text className='price-lines__detail'>{line.detail}</Text>}
          </View>
          <Text className='price-lines__amount'>{formatFen(line.amountFen)}</Text>
        </View>
      ))}
      <View className='price-lines__total'>
        <Text>{props.totalLabel ?? '合计'}</Text>
        <Text className='price-lines__total-amount'>{formatFen(props.totalFen)}</Text>
      </View>
    </View>
  )
}
