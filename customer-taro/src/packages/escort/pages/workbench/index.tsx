import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { escortApi, escortSession, type EscortProfile } from '../../../../services/escort-api'
import { showError } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import { escortStatusOf } from '../../escort-status'
import './index.scss'

export default function EscortWorkbenchPage() {
  const [profile, setProfile] = useState<EscortProfile | null>(null)

  useDidShow(() => {
    if (!escortSession.isLoggedIn()) {
      Taro.redirectTo({ url: ROUTES.escortLogin })
      return
    }
    escortApi.me().then(setProfile, showError)
  })

  async function logout() {
    const { confirm } = await Taro.showModal({ title: '退出工作台', content: '确定退出陪诊师账号吗？' })
    if (!confirm) return
    await escortSession.logout()
    Taro.redirectTo({ url: ROUTES.escortLogin })
  }

  const status = profile ? escortStatusOf(profile.status) : null

  return (
    <View className='workbench'>
      <View className='workbench__header'>
        <View className='workbench__identity'>
          <Text className='workbench__name'>{profile ? profile.name : '加载中…'}</Text>
          {profile && <Text className='workbench__phone'>{profile.phoneMasked}</Text>}
        </View>
        {status && (
          <Text className='workbench__status' style={{ color: status.color }}>
            {status.label}
          </Text>
        )}
      </View>

      <View className='card'>
        <Text className='workbench__section-title'>今日任务</Text>
        <EmptyState title='今日暂无任务' description='派单后，任务会显示在这里' />
      </View>

      <View className='workbench__actions'>
        <Button className='workbench__button' onClick={() => Taro.switchTab({ url: ROUTES.mine })}>
          返回客户端
        </Button>
        <Button className='workbench__button workbench__button--danger' onClick={logout}>
          退出工作台
        </Button>
      </View>
    </View>
  )
}
