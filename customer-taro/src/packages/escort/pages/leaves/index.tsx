import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime, shanghaiDateAfter } from '../../../../logic/booking-time'
import { LEAVE_TYPES, leaveBody, leaveStatusOf } from '../../../../logic/escort-task'
import { messageOf } from '../../../../services/api-error'
import { escortApi, type EscortLeave } from '../../../../services/escort-api'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import '../../escort.scss'

export default function EscortLeavesPage() {
  const [leaves, setLeaves] = useState<EscortLeave[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [type, setType] = useState(LEAVE_TYPES[0].value)
  const [from, setFrom] = useState(shanghaiDateAfter(new Date(), 1))
  const [to, setTo] = useState(shanghaiDateAfter(new Date(), 1))
  const [reason, setReason] = useState('')

  async function load() {
    try {
      setLeaves((await escortApi.leaves()).list)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useDidShow(() => {
    load()
  })

  const [submit, submitting] = useSingleFlight(async () => {
    const checked = leaveBody(type, from, to, reason)
    if ('error' in checked) {
      showMessage(checked.error)
      return
    }
    try {
      await escortApi.requestLeave(checked.body)
      setReason('')
      showSuccess('已提交，等待审批')
      await load()
    } catch (err) {
      showError(err)
    }
  })

  const [withdraw, withdrawing] = useSingleFlight(async (id: number) => {
    try {
      await escortApi.withdrawLeave(id)
      await load()
    } catch (err) {
      showError(err)
    }
  })

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__title'>申请请假</Text>
        <Picker mode='selector' range={LEAVE_TYPES.map((t) => t.label)} value={Math.max(0, LEAVE_TYPES.findIndex((t) => t.value === type))} onChange={(e) => setType(LEAVE_TYPES[Number(e.detail.value)].value)}>
          <View className='booking__field'>
            <Text>类型</Text>
            <Text className='booking__value'>{LEAVE_TYPES.find((t) => t.value === type)?.label} ›</Text>
          </View>
        </Picker>
        <Picker mode='date' value={from} onChange={(e) => setFrom(e.detail.value)}>
          <View className='booking__field'>
            <Text>开始日期</Text>
            <Text className='booking__value'>{from} ›</Text>
          </View>
        </Picker>
        <Picker mode='date' value={to} onChange={(e) => setTo(e.detail.value)}>
          <View className='booking__field'>
            <Text>结束日期（含）</Text>
            <Text className='booking__value'>{to} ›</Text>
          </View>
        </Picker>
        <Textarea className='booking__textarea' value={reason} maxlength={255} placeholder='请假原因' onInput={(e) => setReason(e.detail.value)} />
        <Button className='booking__button' loading={submitting || undefined} disabled={submitting || undefined} onClick={() => submit()}>
          <Text>{submitting ? '提交中…' : '提交申请'}</Text>
        </Button>
      </View>
      {error && <Text className='booking__warning'>{error}</Text>}
      {leaves && leaves.length === 0 && <EmptyState title='暂无请假记录' />}
      {(leaves ?? []).map((l) => {
        const status = leaveStatusOf(l.status)
        return (
          <View key={l.id} className='booking__card'>
            <View className='booking__field'>
              <Text className='booking__item-title'>{l.typeLabel ?? LEAVE_TYPES.find((t) => t.value === l.type)?.label ?? l.type}</Text>
              <Text className={`booking__tag booking__tag--${status.tone}`}>{l.statusLabel ?? status.label}</Text>
            </View>
            <Text className='booking__item-sub'>
              {formatShanghaiTime(l.startAt)} 至 {formatShanghaiTime(l.endAt)}
            </Text>
            <Text className='booking__item-sub'>{l.reason}</Text>
            {l.decisionReason && <Text className='booking__hint'>审批意见：{l.decisionReason}</Text>}
            {l.status === 'pending' && (
              <Button className='booking__ghost' disabled={withdrawing || undefined} onClick={() => withdraw(l.id)}>
                <Text>撤回</Text>
              </Button>
            )}
          </View>
        )
      })}
    </View>
  )
}
