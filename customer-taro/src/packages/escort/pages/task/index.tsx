import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { ESCORT_STEP_LABELS, escortSteps, normalizeVerificationCode, type EscortStep } from '../../../../logic/escort-task'
import { orderStatusLabel } from '../../../../logic/order-status'
import { messageOf } from '../../../../services/api-error'
import { escortApi, type EscortTaskDetail } from '../../../../services/escort-api'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import { orderApi, type HospitalDetail } from '../../../../services/order-api'
import '../../escort.scss'

export default function EscortTaskPage() {
  const router = useRouter()
  const id = Number(router.params.id)
  const [task, setTask] = useState<EscortTaskDetail | null>(null)
  const [hospital, setHospital] = useState<HospitalDetail | null>(null)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function load() {
    try {
      const t = await escortApi.task(id)
      setTask(t)
      if (t.hospitalId) orderApi.hospital(t.hospitalId).then(setHospital, () => undefined)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useLoad(() => {
    load()
  })

  const [act, acting] = useSingleFlight(async (step: EscortStep) => {
    try {
      if (step === 'decline') {
        const { confirm } = await Taro.showModal({ title: '拒单', content: '拒单后订单将回到派单池，确定吗？' })
        if (!confirm) return
        await escortApi.decline(id, '陪诊师拒单')
        showSuccess('已拒单')
        setTimeout(() => Taro.navigateBack(), 500)
        return
      }
      if (step === 'complete') {
        const digits = normalizeVerificationCode(code)
        if (!digits) {
          showMessage('请输入客户提供的 6 位核销码')
          return
        }
        setTask(await escortApi.complete(id, digits))
        showSuccess('服务已完成')
        return
      }
      const next = step === 'accept' ? await escortApi.accept(id) : step === 'depart' ? await escortApi.depart(id) : await escortApi.start(id)
      setTask(next)
      showSuccess(`已${ESCORT_STEP_LABELS[step]}`)
    } catch (err) {
      showError(err)
      load()
    }
  })

  if (error) {
    return (
      <View className='booking'>
        <Text className='booking__warning'>{error}</Text>
      </View>
    )
  }
  if (!task) {
    return (
      <View className='booking'>
        <Text className='booking__hint'>加载中…</Text>
      </View>
    )
  }

  const steps = escortSteps(task.status)
  const department = hospital?.departments.find((d) => d.name === task.departmentName)
  const guide = hospital?.stepTemplates.find((s) => s.categoryCode === task.categoryCode)

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__status task-status'>{orderStatusLabel(task.status)}</Text>
        <Text className='booking__item-title'>{task.serviceName}</Text>
        <Text className='booking__item-sub'>
          {formatShanghaiTime(task.startAt)} – {formatShanghaiTime(task.endAt).slice(-5)} · {task.orderNo}
        </Text>
        {task.customerNote && <Text className='booking__hint'>客户备注：{task.customerNote}</Text>}
      </View>

      {task.patient && (
        <View className='booking__card'>
          <Text className='booking__title'>就诊人</Text>
          <Text className='booking__item-title'>
            {task.patient.name} · {task.patient.gender === 'male' ? '男' : '女'}
            {task.patient.age !== null ? ` · ${task.patient.age} 岁` : ''}
          </Text>
          <Text className='booking__item-sub'>电话 {task.patient.phone}</Text>
          {task.patient.allergies && <Text className='booking__warning'>过敏史：{task.patient.allergies}</Text>}
          {task.patient.chronicConditions && <Text className='booking__hint'>慢性病：{task.patient.chronicConditions}</Text>}
          {task.patient.medications && <Text className='booking__hint'>用药：{task.patient.medications}</Text>}
          {task.patient.emergencyContactName && (
            <Text className='booking__hint'>
              紧急联系人：{task.patient.emergencyContactName} {task.patient.emergencyContactPhone}
            </Text>
          )}
        </View>
      )}

      <View className='booking__card'>
        <Text className='booking__title'>导航信息</Text>
        <Text className='booking__item-title'>{task.hospitalName ?? '服务地址'}</Text>
        <Text className='booking__item-sub'>{hospital?.address ?? task.serviceAddress}</Text>
        {department && (
          <Text className='booking__item-sub'>
            {department.name}：{department.building} {department.floor} {department.room}
          </Text>
        )}
        {hospital?.meetingPoints.slice(0, 1).map((m) => (
          <Text key={m.id} className='booking__hint'>
            集合点：{m.name}（{m.description}）
          </Text>
        ))}
        {guide?.steps.map((s, i) => (
          <Text key={s} className='booking__hint'>
            {i + 1}. {s}
          </Text>
        ))}
        {hospital?.notices.map((n) => (
          <Text key={n.id} className='booking__warning'>
            【{n.title}】{n.content}
          </Text>
        ))}
      </View>

      {steps.includes('complete') && (
        <View className='booking__card'>
          <Text className='booking__title'>核销码</Text>
          <Input className='booking__textarea task-code' type='number' maxlength={6} value={code} placeholder='请输入客户提供的 6 位核销码' onInput={(e) => setCode(e.detail.value)} />
        </View>
      )}

      {steps.length > 0 && (
        <View className='booking__bar'>
          {steps.includes('decline') && (
            <Button className='booking__ghost booking__ghost--danger' disabled={acting || undefined} onClick={() => act('decline')}>
              <Text>拒单</Text>
            </Button>
          )}
          {steps
            .filter((s) => s !== 'decline')
            .slice(0, 1)
            .map((s) => (
              <Button key={s} className='booking__button booking__wide' loading={acting || undefined} disabled={acting || undefined} onClick={() => act(s)}>
                <Text>{acting ? '提交中…' : ESCORT_STEP_LABELS[s]}</Text>
              </Button>
            ))}
        </View>
      )}
    </View>
  )
}
