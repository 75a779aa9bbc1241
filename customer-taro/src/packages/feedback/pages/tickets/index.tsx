import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import LoginPrompt from '../../../../components/login-prompt'
import { useCustomerSession } from '../../../../hooks/use-customer-session'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { ticketStatus, ticketTypeLabel, type TicketStatus } from '../../../../logic/ticket'
import { messageOf } from '../../../../services/api-error'
import { ticketApi, type TicketView } from '../../../../services/care-api'
import { ROUTES } from '../../../../services/routes'
import '../../feedback.scss'

const TABS: { key: TicketStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'open', label: '待处理' },
  { key: 'in_progress', label: '处理中' },
  { key: 'resolved', label: '已解决' },
  { key: 'closed', label: '已关闭' },
]

/** 我的反馈: the customer's tickets, newest first, with their status and type. */
export default function TicketsPage() {
  const [tab, setTab] = useState<TicketStatus | 'all'>('all')
  const [tickets, setTickets] = useState<TicketView[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function load(which = tab) {
    setError(null)
    try {
      setTickets((await ticketApi.list(1, which === 'all' ? undefined : which)).list)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const loggedIn = useCustomerSession((now) => {
    if (now) load()
  })

  function choose(next: TicketStatus | 'all') {
    setTab(next)
    setTickets(null)
    load(next)
  }

  if (!loggedIn) return <LoginPrompt message='登录后查看您的反馈与投诉' />

  const newButton = (
    <View className='booking__bar'>
      <Button className='booking__button care__bar-button' onClick={() => Taro.navigateTo({ url: ROUTES.ticketNew })}>
        提交新的反馈
      </Button>
    </View>
  )

  return (
    <View className='booking'>
      <View className='booking__tabs'>
        {TABS.map((t) => (
          <Text key={t.key} className={`booking__tab ${t.key === tab ? 'booking__tab--active' : ''}`} onClick={() => choose(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>
      {error && <EmptyState title='加载失败' description={error} actionText='重新加载' onAction={() => load()} />}
      {!error && tickets === null && <Text className='booking__hint'>加载中…</Text>}
      {!error && tickets?.length === 0 && (
        <EmptyState title={tab === 'all' ? '还没有反馈' : '没有这个状态的反馈'} description='遇到问题或有建议，都可以告诉我们，客服会尽快回复' />
      )}
      {(tickets ?? []).map((t) => {
        const status = ticketStatus(t.status)
        return (
          <View key={t.id} className='booking__card care__list-item ticket-item' onClick={() => Taro.navigateTo({ url: `${ROUTES.ticket}?id=${t.id}` })}>
            <View className='care__list-head'>
              <Text className='care__list-title'>{t.title}</Text>
              <Text className={`care__status care__status--${status.tone}`}>{status.label}</Text>
            </View>
            <Text className='care__excerpt'>{t.content}</Text>
            <Text className='care__meta'>{`${ticketTypeLabel(t.type)} · ${formatShanghaiTime(t.createdAt)}${t.orderNo ? ` · 订单 ${t.orderNo}` : ''}`}</Text>
          </View>
        )
      })}
      {newButton}
    </View>
  )
}
