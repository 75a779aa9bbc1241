import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../components/empty-state'
import LoginPrompt from '../../components/login-prompt'
import { customerSession } from '../../services/app-api'
import { ROUTES } from '../../services/routes'

export default function OrdersPage() {
  const [loggedIn, setLoggedIn] = useState(customerSession.isLoggedIn())

  // A tab page stays mounted: re-check on every show, the user may have logged in or out meanwhile.
  useDidShow(() => setLoggedIn(customerSession.isLoggedIn()))

  return (
    <View className='orders'>
      {loggedIn ? (
        <EmptyState
          title='暂无订单'
          description='预约陪诊服务后，订单会显示在这里'
          actionText='去首页看看'
          onAction={() => Taro.switchTab({ url: ROUTES.home })}
        />
      ) : (
        <LoginPrompt message='登录后查看您的陪诊订单' />
      )}
    </View>
  )
}
