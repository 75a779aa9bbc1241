import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import LoginPrompt from '../../../../components/login-prompt'
import { useCustomerSession } from '../../../../hooks/use-customer-session'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { textCounter } from '../../../../logic/review-form'
import { initialTicketType, TICKET_TEXT_MAX, TICKET_TYPES, ticketBody, validateTicket, type TicketDraft } from '../../../../logic/ticket'
import { ticketApi } from '../../../../services/care-api'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import { orderApi, type OrderView } from '../../../../services/order-api'
import { ROUTES } from '../../../../services/routes'
import '../../feedback.scss'

/**
 * 提交反馈: a type (服务投诉 / 使用问题 / 建议 / 费用问题), an optional order (prefilled from the
 * order detail's 投诉/反馈 button, else chosen from recent orders), and what happened.
 */
export default function NewTicketPage() {
  const router = useRouter()
  const fromOrderId = Number(router.params.orderId) || null
  const fromOrderNo = router.params.orderNo ? decodeURIComponent(router.params.orderNo) : ''
  const [draft, setDraft] = useState<TicketDraft>({ type: initialTicketType(router.params.type, !!fromOrderId), content: '', orderId: fromOrderId })
  const [orderNo, setOrderNo] = useState(fromOrderNo)
  const [orders, setOrders] = useState<OrderView[]>([])

  const loggedIn = useCustomerSession((now) => {
    // Recent orders to pick from when the form did not open from one.
    if (now && !fromOrderId && orders.length === 0) orderApi.list(1, 'all').then((p) => setOrders(p.list.slice(0, 20)), () => undefined)
  })

  const [submit, submitting] = useSingleFlight(async () => {
    const problem = validateTicket(draft)
    if (problem) {
      showMessage(problem)
      return
    }
    try {
      const created = await ticketApi.create(ticketBody(draft))
      showSuccess('已提交，客服会尽快回复')
      Taro.redirectTo({ url: `${ROUTES.ticket}?id=${created.id}` })
    } catch (err) {
      showError(err)
    }
  })

  if (!loggedIn) return <LoginPrompt message='登录后提交反馈，客服会在这里回复您' />

  const counter = textCounter(draft.content, TICKET_TEXT_MAX)
  const pickerRange = ['不关联订单', ...orders.map((o) => `${o.serviceName} · ${formatShanghaiTime(o.startAt)}`)]

  return (
    <View className='booking ticket-form'>
      <View className='booking__card'>
        <Text className='booking__title'>反馈类型</Text>
        <View className='care__types'>
          {TICKET_TYPES.map((t) => (
            <View key={t.value} className={`care__type ${draft.type === t.value ? 'care__type--on' : ''}`} onClick={() => setDraft({ ...draft, type: t.value })}>
              <Text className='care__type-name'>{t.label}</Text>
              <Text className='care__type-hint'>{t.hint}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>相关订单（选填）</Text>
        {draft.orderId && orderNo ? (
          <View className='booking__field ticket-order'>
            <Text>订单 {orderNo}</Text>
            <Text
              className='booking__value'
              onClick={() => {
                setDraft({ ...draft, orderId: null })
                setOrderNo('')
              }}
            >
              不关联 ✕
            </Text>
          </View>
        ) : orders.length > 0 ? (
          <Picker
            mode='selector'
            range={pickerRange}
            value={0}
            onChange={(e) => {
              const o = orders[Number(e.detail.value) - 1]
              setDraft({ ...draft, orderId: o ? o.id : null })
              setOrderNo(o ? o.orderNo : '')
            }}
          >
            <View className='booking__field'>
              <Text>选择订单</Text>
              <Text className='booking__value'>不关联订单 ›</Text>
            </View>
          </Picker>
        ) : (
          <Text className='booking__hint'>与订单有关时，可从订单详情点「投诉/反馈」进入，自动关联订单</Text>
        )}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>问题描述</Text>
        <Textarea
          className='care__textarea care__textarea--tall ticket-input'
          value={draft.content}
          maxlength={TICKET_TEXT_MAX}
          placeholder='请说明发生了什么、什么时间、希望怎么处理，客服会尽快回复您'
          onInput={(e) => setDraft({ ...draft, content: e.detail.value })}
        />
        <Text className={`care__counter ${counter.over ? 'care__counter--over' : ''}`}>{counter.text}</Text>
        <Text className='booking__hint'>为保护隐私，请勿填写身份证号等敏感信息</Text>
        <Button className='booking__button care__submit' loading={submitting || undefined} disabled={submitting || undefined} onClick={() => submit()}>
          <Text>{submitting ? '提交中…' : '提交'}</Text>
        </Button>
      </View>
    </View>
  )
}
