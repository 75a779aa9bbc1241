import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { orderStatusLabel, orderStatusTone } from '../../../../logic/order-status'
import { messageOf } from '../../../../services/api-error'
import { escortApi, escortSession, type EscortProfile, type EscortTask } from '../../../../services/escort-api'
import { showError } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import { escortStatusOf } from '../../escort-status'
import '../../escort.scss'
import './index.scss'

type Scope = 'today' | 'upcoming' | 'history'
const SCOPES: { key: Scope; label: string }[] = [
  { key: 'today', label: '今日任务' },
  { key: 'upcoming', label: '即将开始' },
  { key: 'history', label: '历史' },
]

export default function EscortWorkbenchPage() {
  const [profile, setProfile] = useState<EscortProfile | null>(null)
  const [scope, setScope] = useState<Scope>('today')
  const [tasks, setTasks] = useState<EscortTask[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function loadTasks(which: Scope) {
    setError(null)
    try {
      setTasks((await escortApi.tasks(which)).list)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useDidShow(() => {
    if (!escortSession.isLoggedIn()) {
      Taro.redirectTo({ url: ROUTES.escortLogin })
      return
    }
    escortApi.me().then(setProfile, showError)
    loadTasks(scope)
  })

  function choose(next: Scope) {
    setScope(next)
    setTasks(null)
    loadTasks(next)
  }

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

      <View className='workbench__links'>
        <Text className='workbench__link' onClick={() => Taro.navigateTo({ url: ROUTES.escortSchedule })}>
          我的排班
        </Text>
        <Text className='workbench__link' onClick={() => Taro.navigateTo({ url: ROUTES.escortLeaves })}>
          请假
        </Text>
        <Text className='workbench__link' onClick={() => Taro.navigateTo({ url: ROUTES.escortIncome })}>
          收入
        </Text>
      </View>

      <View className='booking'>
        <View className='booking__tabs'>
          {SCOPES.map((s) => (
            <Text key={s.key} className={`booking__tab ${s.key === scope ? 'booking__tab--active' : ''}`} onClick={() => choose(s.key)}>
              {s.label}
            </Text>
          ))}
        </View>
        {error && <EmptyState title='任务加载失败' description={error} actionText='重新加载' onAction={() => loadTasks(scope)} />}
        {tasks && tasks.length === 0 && <EmptyState title={scope === 'today' ? '今日暂无任务' : '暂无任务'} description='派单后，任务会显示在这里' />}
        {(tasks ?? []).map((t) => (
          <View key={t.id} className='booking__card workbench__task' onClick={() => Taro.navigateTo({ url: `${ROUTES.escortTask}?id=${t.id}` })}>
            <View className='booking__field'>
              <Text className='booking__item-title'>{t.serviceName}</Text>
              <Text className={`booking__tag booking__tag--${orderStatusTone(t.status) === 'warning' ? 'warning' : orderStatusTone(t.status) === 'muted' ? 'muted' : 'active'}`}>
                {orderStatusLabel(t.status)}
              </Text>
            </View>
            <Text className='booking__item-sub'>
              {formatShanghaiTime(t.startAt)} · {t.hospitalName ?? t.serviceAddress}
            </Text>
            {t.patientName && <Text className='booking__item-sub'>就诊人 {t.patientName}</Text>}
          </View>
        ))}
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
