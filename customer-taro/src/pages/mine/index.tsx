import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { accountApi } from '../../services/account-api'
import { appApi, customerSession, type CustomerProfile } from '../../services/app-api'
import { showError } from '../../services/feedback'
import { ROUTES } from '../../services/routes'
import './index.scss'

export default function MinePage() {
  const [loggedIn, setLoggedIn] = useState(customerSession.isLoggedIn())
  const [profile, setProfile] = useState<CustomerProfile | null>(null)
  const [unread, setUnread] = useState(0)

  async function loadProfile() {
    try {
      setProfile(await appApi.me())
      const count = await accountApi.unreadCount()
      setUnread(typeof count === 'number' ? count : count.unread)
    } catch (err) {
      showError(err)
      setLoggedIn(customerSession.isLoggedIn())
    }
  }

  useDidShow(() => {
    const now = customerSession.isLoggedIn()
    setLoggedIn(now)
    if (now) loadProfile()
    else setProfile(null)
  })

  async function logout() {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出当前账号吗？' })
    if (!confirm) return
    await customerSession.logout()
    setLoggedIn(false)
    setProfile(null)
    Taro.showToast({ title: '已退出登录', icon: 'none' })
  }

  const displayName = profile?.nickname || (profile ? '陪诊用户' : '')

  return (
    <View className='mine'>
      <View className='mine__header'>
        <View className='mine__avatar'>
          <Text>{loggedIn && displayName ? displayName.slice(0, 1) : '访'}</Text>
        </View>
        {loggedIn ? (
          <View className='mine__identity'>
            <Text className='mine__name'>{displayName || '加载中…'}</Text>
            {profile && (
              <Text className='mine__phone'>
                {profile.phoneMasked}
                {profile.wechatLinked ? ' · 已绑定微信' : ''}
              </Text>
            )}
          </View>
        ) : (
          <View className='mine__identity' onClick={() => Taro.navigateTo({ url: ROUTES.login })}>
            <Text className='mine__name'>登录 / 注册</Text>
            <Text className='mine__phone'>登录后可预约陪诊、查看订单</Text>
          </View>
        )}
      </View>

      <View className='mine__menu'>
        {loggedIn && (
          <View className='mine__item' onClick={() => Taro.navigateTo({ url: ROUTES.patients })}>
            <Text>就诊人</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        )}
        {loggedIn && (
          <View className='mine__item' onClick={() => Taro.navigateTo({ url: ROUTES.messages })}>
            <Text>我的消息{unread > 0 ? `（${unread} 条未读）` : ''}</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        )}
        {loggedIn && (
          <View className='mine__item mine-reviews' onClick={() => Taro.navigateTo({ url: ROUTES.myReviews })}>
            <Text>我的评价</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        )}
        {loggedIn && (
          <View className='mine__item mine-tickets' onClick={() => Taro.navigateTo({ url: ROUTES.tickets })}>
            <Text>我的反馈</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        )}
        <View className='mine__item mine-help' onClick={() => Taro.navigateTo({ url: ROUTES.help })}>
          <Text>帮助中心</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
        <View className='mine__item' onClick={() => Taro.navigateTo({ url: ROUTES.legal })}>
          <Text>协议与隐私</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
        <View className='mine__item' onClick={() => Taro.navigateTo({ url: ROUTES.escortWorkbench })}>
          <Text>陪诊师工作台</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
        {loggedIn && (
          <View className='mine__item mine__item--danger' onClick={logout}>
            <Text>退出登录</Text>
          </View>
        )}
      </View>
    </View>
  )
}
