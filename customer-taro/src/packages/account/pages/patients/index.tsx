import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { accountApi } from '../../../../services/account-api'
import { messageOf } from '../../../../services/api-error'
import type { PatientView } from '../../../../services/order-api'
import { ROUTES } from '../../../../services/routes'
import '../../account.scss'

export default function PatientsPage() {
  const [patients, setPatients] = useState<PatientView[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useDidShow(() => {
    accountApi.patients().then(setPatients, (err) => setError(messageOf(err)))
  })

  if (error) return <EmptyState title='加载失败' description={error} />

  return (
    <View className='booking'>
      {patients && patients.length === 0 && <EmptyState title='还没有就诊人' description='添加后预约时可直接选择' />}
      {(patients ?? []).map((p) => (
        <View key={p.id} className='booking__card' onClick={() => Taro.navigateTo({ url: `${ROUTES.patientEdit}?id=${p.id}` })}>
          <Text className='booking__item-title'>
            {p.name} <Text className='booking__tag'>{p.relationName}</Text>
          </Text>
          <Text className='booking__item-sub'>
            {p.gender === 'male' ? '男' : '女'}
            {p.age !== null && p.age !== undefined ? ` · ${p.age} 岁` : ''}
            {p.phone ? ` · ${p.phone.slice(0, 3)}****${p.phone.slice(-4)}` : ''}
          </Text>
          {(p.allergies || p.chronicConditions || p.medications) && <Text className='booking__tag booking__tag--warning'>已填写健康信息</Text>}
        </View>
      ))}
      <View className='booking__bar'>
        <Text className='booking__hint'>最多可添加 10 位</Text>
        <Button className='booking__button' onClick={() => Taro.navigateTo({ url: ROUTES.patientEdit })}>
          添加就诊人
        </Button>
      </View>
    </View>
  )
}
