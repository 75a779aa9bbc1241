import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { accountApi, type InboxMessage } from '../../../../services/account-api'
import { messageOf } from '../../../../services/api-error'
import { showError } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import '../../account.scss'

export default function MessagesPage() {
  const [messages, setMessages] = useState<InboxMessage[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function load() {
    try {
      setMessages((await accountApi.messages()).list)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useDidShow(() => {
    load()
  })

  function open(m: InboxMessage) {
    if (!m.read) {
      accountApi.readMessage(m.id).catch(() => undefined)
      setMessages((list) => (list ?? []).map((x) => (x.id === m.id ? { ...x, read: true } : x)))
    }
    if (m.orderId) Taro.navigateTo({ url: `${ROUTES.orderDetail}?id=${m.orderId}` })
  }

  const [readAll, reading] = useSingleFlight(async () => {
    try {
      await accountApi.readAll()
      await load()
    } catch (err) {
      showError(err)
    }
  })

  if (error) return <EmptyState title='加载失败' description={error} />
  if (messages && messages.length === 0) return <EmptyState title='暂无消息' description='订单的每一步都会通知您' />

  return (
    <View className='booking'>
      {(messages ?? []).some((m) => !m.read) && (
        <Button className='booking__ghost' loading={reading || undefined} disabled={reading || undefined} onClick={() => readAll()}>
          <Text>全部标为已读</Text>
        </Button>
      )}
      {(messages ?? []).map((m) => (
        <View key={m.id} className='booking__card' onClick={() => open(m)}>
          <Text className='booking__item-title'>
            {m.read ? '' : '● '}
            {m.title}
          </Text>
          <Text className='booking__item-sub'>{m.body}</Text>
          <Text className='booking__item-sub'>{formatShanghaiTime(m.createdAt)}</Text>
        </View>
      ))}
    </View>
  )
}
