import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export interface EmptyStateProps {
  title: string
  description?: string
  actionText?: string
  onAction?: () => void
}

export default function EmptyState(props: EmptyStateProps) {
  return (
    <View className='empty-state'>
      <View className='empty-state__art'>
        <View className='empty-state__sheet' />
      </View>
      <Text className='empty-state__title'>{props.title}</Text>
      {props.description && <Text className='empty-state__description'>{props.description}</Text>}
      {props.actionText && (
        <Button className='empty-state__action' onClick={props.onAction}>
          {props.actionText}
        </Button>
      )}
    </View>
  )
}
