import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import PriceLines from '../../../../components/price-lines'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime, newIdempotencyKey } from '../../../../logic/booking-time'
import { formatFen } from '../../../../logic/money'
import { isAwaitingPayment, isPaidStatus, orderStatusLabel } from '../../../../logic/order-status'
import { pollUntil } from '../../../../logic/payment-polling'
import { balanceSettled, CHARGE_STATUS_LABELS, postpayLabel, showsPostpay } from '../../../../logic/postpay'
import { messageOf } from '../../../../services/api-error'
import { showError } from '../../../../services/feedback'
import { orderApi, type OrderView, type PaymentStart, type PostpayView } from '../../../../services/order-api'
import '../../booking.scss'

type PayState = 'idle' | 'confirming' | 'paid' | 'unknown'

/**
 * WeChat takes the money in its own sheet; in H5 (development) the sandbox's cashier stands in
 * for it and sends the same signed callback. Either way the order changes only through that callback.
 */
async function payAtChannel(start: PaymentStart): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const p = start.payParams
    await Taro.requestPayment({ timeStamp: p.timeStamp, nonceStr: p.nonceStr, package: p.package, signType: p.signType, paySign: p.paySign })
    return
  }
  await orderApi.sandboxPay(start.prepayId)
}

function isCancelledByUser(err: unknown): boolean {
  return !!err && typeof err === 'object' && 'errMsg' in err && /cancel/.test(String((err as { errMsg: unknown }).errMsg))
}

export default function OrderDetailPage() {
  const router = useRouter()
  const orderId = Number(router.params.id)
  const [order, setOrder] = useState<OrderView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [payState, setPayState] = useState<PayState>('idle')
  const [postpay, setPostpay] = useState<PostpayView | null>(null)
  const [postpayState, setPostpayState] = useState<PayState>('idle')
  const postpayKey = useRef(newIdempotencyKey())
  const left = useRef(false)
  // The same key for every tap on this order's pay button while the page is open.
  const payKey = useRef(newIdempotencyKey())

  async function load() {
    setLoadError(null)
    try {
      const detail = await orderApi.detail(orderId)
      setOrder(detail)
      // The balance exists only once the service started; before that nothing is asked.
      if (!isAwaitingPayment(detail.status)) setPostpay(await orderApi.postpay(orderId))
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  useLoad(() => {
    if (Number.isInteger(orderId) && orderId > 0) load()
    else setLoadError('订单不存在')
  })

  useUnload(() => {
    left.current = true
  })

  async function waitForResult() {
    setPayState('confirming')
    const outcome = await pollUntil(
      () => orderApi.detail(orderId),
      (o) => !isAwaitingPayment(o.status),
      { intervalMs: 800, timeoutMs: 30000, isCancelled: () => left.current },
    )
    if (outcome.kind === 'cancelled') return
    if (outcome.kind === 'settled') {
      setOrder(outcome.value)
      setPayState(isPaidStatus(outcome.value.status) ? 'paid' : 'idle')
    } else {
      if (outcome.last) setOrder(outcome.last)
      setPayState('unknown')
    }
  }

  const [pay, paying] = useSingleFlight(async () => {
    try {
      const start = await orderApi.startPayment(orderId, payKey.current)
      await payAtChannel(start)
    } catch (err) {
      if (isCancelledByUser(err)) Taro.showToast({ title: '已取消支付', icon: 'none' })
      else showError(err)
      return
    }
    await waitForResult()
  })

  /** Pays the postpay balance the same way as the order: WeChat's sheet (or the sandbox in H5), then the callback decides. */
  const [payBalance, payingBalance] = useSingleFlight(async () => {
    try {
      const start = await orderApi.startPostpay(orderId, postpayKey.current)
      await payAtChannel(start)
    } catch (err) {
      if (isCancelledByUser(err)) Taro.showToast({ title: '已取消支付', icon: 'none' })
      else showError(err)
      return
    }
    setPostpayState('confirming')
    const outcome = await pollUntil(() => orderApi.postpay(orderId), balanceSettled, { intervalMs: 800, timeoutMs: 30000, isCancelled: () => left.current })
    if (outcome.kind === 'cancelled') return
    if (outcome.kind === 'settled') {
      setPostpay(outcome.value)
      setPostpayState('paid')
      // A new number for a later balance (another charge confirmed after this one was paid).
      postpayKey.current = newIdempotencyKey()
    } else {
      if (outcome.last) setPostpay(outcome.last)
      setPostpayState('unknown')
    }
  })

  const [answerCharge, answering] = useSingleFlight(async (chargeId: number, confirm: boolean) => {
    try {
      await orderApi.answerCharge(orderId, chargeId, confirm)
      setPostpay(await orderApi.postpay(orderId))
    } catch (err) {
      showError(err)
    }
  })

  if (loadError) {
    return (
      <View className='booking'>
        <View className='booking__card'>
          <Text className='booking__warning'>{loadError}</Text>
        </View>
      </View>
    )
  }

  if (!order) {
    return (
      <View className='booking'>
        <Text className='booking__hint'>加载中…</Text>
      </View>
    )
  }

  const unpaid = isAwaitingPayment(order.status)

  return (
    <View className='booking'>
      <View className='booking__card'>
        {payState === 'paid' && <Text className='booking__success'>支付成功</Text>}
        <Text className='booking__status order-status'>{orderStatusLabel(order.status)}</Text>
        {payState === 'confirming' && <Text className='booking__hint'>正在确认支付结果…</Text>}
        {payState === 'unknown' && (
          <Text className='booking__warning' onClick={load}>
            暂未收到支付结果，请稍后点此刷新
          </Text>
        )}
        {unpaid && order.paymentDeadlineAt && payState === 'idle' && (
          <Text className='booking__hint'>请在 {formatShanghaiTime(order.paymentDeadlineAt)} 前完成支付，超时订单将自动关闭</Text>
        )}
        {payState === 'paid' && <Text className='booking__hint'>我们正在为您安排陪诊师，请留意订单消息</Text>}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>{order.serviceName}</Text>
        <View className='booking__field'>
          <Text>订单号</Text>
          <Text className='booking__value'>{order.orderNo}</Text>
        </View>
        <View className='booking__field'>
          <Text>服务时间</Text>
          <Text className='booking__value'>{formatShanghaiTime(order.startAt)}</Text>
        </View>
        {order.hospitalName && (
          <View className='booking__field'>
            <Text>就诊医院</Text>
            <Text className='booking__value'>{order.hospitalName}</Text>
          </View>
        )}
        {order.patientName && (
          <View className='booking__field'>
            <Text>就诊人</Text>
            <Text className='booking__value'>{order.patientName}</Text>
          </View>
        )}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>费用明细</Text>
        <PriceLines lines={order.priceLines ?? []} totalFen={order.totalFen} totalLabel={unpaid ? '应付' : '实付'} />
      </View>

      {showsPostpay(postpay) && postpay && (
        <View className='booking__card postpay'>
          <Text className='booking__title'>补差款（代垫费用）</Text>
          <Text className='booking__status postpay-state'>{postpayLabel(postpay.state)}</Text>
          {postpay.charges.map((c) => (
            <View className='booking__field' key={c.id}>
              <Text>
                {c.description}（{CHARGE_STATUS_LABELS[c.status]}）
              </Text>
              <Text className='booking__value'>{formatFen(c.amountFen)}</Text>
              {c.status === 'pending' && (
                <View>
                  <Button size='mini' disabled={answering} onClick={() => answerCharge(c.id, true)}>
                    确认
                  </Button>
                  <Button size='mini' disabled={answering} onClick={() => answerCharge(c.id, false)}>
                    拒绝
                  </Button>
                </View>
              )}
            </View>
          ))}
          <View className='booking__field'>
            <Text>已支付</Text>
            <Text className='booking__value'>{formatFen(postpay.paidFen)}</Text>
          </View>
          {postpayState === 'confirming' && <Text className='booking__hint'>正在确认支付结果…</Text>}
          {postpayState === 'paid' && <Text className='booking__success'>补差款支付成功</Text>}
          {postpayState === 'unknown' && (
            <Text className='booking__warning' onClick={load}>
              暂未收到支付结果，请稍后点此刷新
            </Text>
          )}
          {postpay.payable && postpayState !== 'confirming' && (
            <Button className='booking__button postpay-pay' disabled={payingBalance} loading={payingBalance} onClick={() => payBalance()}>
              支付补差款 {formatFen(postpay.dueFen)}
            </Button>
          )}
        </View>
      )}

      {unpaid && payState !== 'confirming' && (
        <View className='booking__bar'>
          <Text className='booking__bar-total'>{formatFen(order.totalFen)}</Text>
          <Button className='booking__button' disabled={paying} loading={paying} onClick={() => pay()}>
            立即支付
          </Button>
        </View>
      )}
    </View>
  )
}
