import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../components/empty-state'
import LoginPrompt from '../../components/login-prompt'
import { formatShanghaiTime } from '../../logic/booking-time'
import { formatFen } from '../../logic/money'
import { ORDER_TABS, type OrderTabKey } from '../../logic/order-progress'
import { orderStatusLabel, orderStatusTone } from '../../logic/order-status'
import { customerSession } from '../../services/app-api'
import { messageOf } from '../../services/api-error'
import { orderApi, type OrderView } from '../../services/order-api'
import { ROUTES } from '../../services/routes'
import './index.scss'

export default function OrdersPage() {
  const [loggedIn, setLoggedIn] = useState(customerSession.isLoggedIn())
  const [orders, setOrders] = useState<OrderView[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [tab, setTab] = useState<OrderTabKey>('all')

  async function load(which: OrderTabKey = tab) {
    setLoadError(null)
    try {
      setOrders((await orderApi.list(1, which)).list)
    } catch (err) {
      setLoadError(messageOf(err))
      setLoggedIn(customerSession.isLoggedIn())
    }
  }

  // A tab page stays mounted: re-check on every show, the user may have logged in, booked or paid meanwhile.
  useDidShow(() => {
    const now = customerSession.isLoggedIn()
    setLoggedIn(now)
    if (now) load()
    else setOrders(null)
  })

  function chooseTab(next: OrderTabKey) {
    setTab(next)
    setOrders(null)
    load(next)
  }

  const tabs = (
    <View className='orders__tabs'>
      {ORDER_TABS.map((t) => (
        <Text key={t.key} className={`orders__tab ${t.key === tab ? 'orders__tab--active' : ''}`} onClick={() => chooseTab(t.key)}>
          {t.label}
        </Text>
      ))}
    </View>
  )

  if (!loggedIn) {
    return (
      <View className='orders'>
        <LoginPrompt message='登录后查看您的陪诊订单' />
      </View>
    )
  }

  if (loadError) {
    return (
      <View className='orders'>
        {tabs}
        <EmptyState title='订单加载失败' description={loadError} actionText='重新加载' onAction={() => load()} />
      </View>
    )
  }

  if (orders && orders.length === 0) {
    return (
      <View className='orders'>
        {tabs}
        <EmptyState
          title='暂无订单'
          description='预约陪诊服务后，订单会显示在这里'
          actionText='立即预约'
          onAction={() => Taro.navigateTo({ url: ROUTES.booking })}
        />
      </View>
    )
  }

  return (
    <View className='orders'>
      {tabs}
      {(orders ?? []).map((o) => (
        <View
          key={o.id}
          className='orders__item'
          onClick={() => Taro.navigateTo({ url: `${ROUTES.orderDetail}?id=${o.id}` })}
        >
          <View className='orders__head'>
            <Text className='orders__service'>{o.serviceName}</Text>
            <Text className={`orders__status orders__status--${orderStatusTone(o.status)}`}>{orderStatusLabel(o.status)}</Text>
          </View>
          <Text className='orders__line'>{formatShanghaiTime(o.startAt)}</Text>
          {o.hospitalName && <Text className='orders__line'>{o.hospitalName}</Text>}
          <View className='orders__foot'>
            <Text className='orders__no'>{o.orderNo}</Text>
            <Text className='orders__total'>{formatFen(o.totalFen)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
