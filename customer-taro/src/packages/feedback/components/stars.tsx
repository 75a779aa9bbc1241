import { Text, View } from '@tarojs/components'
import { starLabel } from '../../../logic/review-form'

export interface StarsProps {
  label: string
  value: number
  onChange?: (stars: number) => void
  /** The larger row at the top of the form (总体满意度). */
  large?: boolean
}

/** One row of 1-5 stars with what the number means; read-only without onChange. */
export default function Stars(props: StarsProps) {
  const { label, value, onChange, large } = props
  return (
    <View className={`care__stars ${large ? 'care__stars--large' : ''}`}>
      <Text className='care__stars-label'>{label}</Text>
      <View className='care__stars-row'>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            className={`care__star ${n <= value ? 'care__star--on' : ''}`}
            onClick={onChange ? () => onChange(n) : undefined}
            aria-label={`${label} ${n} 星`}
          >
            ★
          </Text>
        ))}
      </View>
      <Text className='care__stars-word'>{value ? starLabel(value) : onChange ? '请打分' : ''}</Text>
    </View>
  )
}
