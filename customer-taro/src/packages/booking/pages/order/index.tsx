import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad, useRouter, useUnload } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import PriceLines from '../../../../components/price-lines'
import { usePolling } from '../../../../hooks/use-polling'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime, newIdempotencyKey, toShanghaiParts } from '../../../../logic/booking-time'
import { createIdempotencyMemo } from '../../../../logic/idempotency-memo'
import { formatFen } from '../../../../logic/money'
import { customerActions, isLive, progressSteps, showsEscortCard, showsVerificationCode } from '../../../../logic/order-progress'
import { isAwaitingPayment, isPaidStatus, orderStatusLabel } from '../../../../logic/order-status'
import { pollUntil } from '../../../../logic/payment-polling'
import {
  balanceOutcome,
  CHARGE_STATUS_LABELS,
  followsPostpay,
  loadsPostpay,
  postpayLabel,
  postpayNotice,
  postpayRequestBody,
  receiptImage,
  showsPostpay,
} from '../../../../logic/postpay'
import { reviewEntry } from '../../../../logic/review-form'
import { bookableDays, daySlots, DEFAULT_BOOKING_RULES, type BookingRules } from '../../../../logic/slots'
import { messageOf } from '../../../../services/api-error'
import { reviewApi } from '../../../../services/care-api'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import { orderApi, type CancelPreview, type HospitalDetail, type OrderDetail, type PaymentStart, type PostpayView } from '../../../../services/order-api'
import { ROUTES } from '../../../../services/routes'
import '../../booking.scss'

type PayState = 'idle' | 'confirming' | 'paid' | 'unknown'
type Sheet = { kind: 'cancel'; preview: CancelPreview | null; reason: string } | { kind: 'reschedule'; date: string; time: string } | null

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
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [hospital, setHospital] = useState<HospitalDetail | null>(null)
  const [rules, setRules] = useState<BookingRules>(DEFAULT_BOOKING_RULES)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [payState, setPayState] = useState<PayState>('idle')
  const [sheet, setSheet] = useState<Sheet>(null)
  const left = useRef(false)
  // The same key for every tap on this order's pay button while the page is open.
  const payKey = useRef(newIdempotencyKey())
  // The balance after the service (extra charges): its view, the payment this page started, and one
  // Idempotency-Key per balance amount, kept for retries until the payment's outcome is known.
  const [postpay, setPostpay] = useState<PostpayView | null>(null)
  const [postpayAttempt, setPostpayAttempt] = useState<{ outTradeNo: string; waiting: boolean } | null>(null)
  const postpayKeys = useRef(createIdempotencyMemo())
  // Whether the completed order has the customer's review (null: not known, or not completed).
  const [reviewed, setReviewed] = useState<boolean | null>(null)

  function refreshReview() {
    reviewApi.forOrder(orderId).then((r) => setReviewed(!!r), () => undefined)
  }

  // Once completed (on load, or followed live), the page offers 去评价 / 查看评价.
  useEffect(() => {
    if (order?.status === 'completed') refreshReview()
  }, [order?.status])

  // Back from the review page: 去评价 becomes 查看评价.
  useDidShow(() => {
    if (order?.status === 'completed') refreshReview()
  })

  /** The balance exists only once the service started; a failed read keeps what is shown. */
  async function refreshPostpay(status: string) {
    if (!loadsPostpay(status)) return
    try {
      setPostpay(await orderApi.postpay(orderId))
    } catch {
      // The next poll or reload tries again.
    }
  }

  async function load() {
    setLoadError(null)
    try {
      const detail = await orderApi.detail(orderId)
      setOrder(detail)
      if (detail.hospitalId && !hospital) orderApi.hospital(detail.hospitalId).then(setHospital, () => undefined)
      await refreshPostpay(detail.status)
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  useLoad(() => {
    if (Number.isInteger(orderId) && orderId > 0) load()
    else setLoadError('订单不存在')
    orderApi.bookingRules().then((r) => setRules(r.booking), () => undefined)
  })

  useUnload(() => {
    left.current = true
  })

  // Assignment, departure, the code: they happen elsewhere, so the page follows the order.
  // Charges the escort records and an open balance payment's callback too.
  usePolling(
    () => {
      orderApi.detail(orderId).then((o) => {
        setOrder(o)
        return refreshPostpay(o.status)
      }, () => undefined)
    },
    3000,
    !!order && (isLive(order.status) || followsPostpay(postpay)) && payState !== 'confirming' && !postpayAttempt?.waiting,
  )

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

  /**
   * Pays the balance like the order: WeChat's sheet (the sandbox in H5), then only the callback
   * decides; the page reads the balance until the payment it started is applied, closed or timed out.
   */
  const [payBalance, payingBalance] = useSingleFlight(async () => {
    if (!postpay || !order) return
    let start: PaymentStart
    try {
      start = await orderApi.startPostpay(orderId, postpayKeys.current.keyFor(postpayRequestBody(orderId, postpay)))
      await payAtChannel(start)
    } catch (err) {
      if (isCancelledByUser(err)) Taro.showToast({ title: '已取消支付', icon: 'none' })
      else showError(err)
      // The balance may have moved (paid meanwhile, another charge): show what the backend says.
      await refreshPostpay(order.status)
      return
    }
    const outTradeNo = start.outTradeNo
    setPostpayAttempt({ outTradeNo, waiting: true })
    const outcome = await pollUntil(
      () => orderApi.postpay(orderId),
      (v) => balanceOutcome(v, outTradeNo) !== 'pending',
      { intervalMs: 800, timeoutMs: 30000, isCancelled: () => left.current },
    )
    if (outcome.kind === 'cancelled') return
    const latest = outcome.kind === 'settled' ? outcome.value : outcome.last
    if (latest) setPostpay(latest)
    // Known outcome: a later balance is a new request. Not known yet: a retry reuses the key.
    if (outcome.kind === 'settled') postpayKeys.current.succeeded()
    setPostpayAttempt({ outTradeNo, waiting: false })
  })

  /** Confirms a charge, or disputes it after the customer says so once more. */
  const [answerCharge, answering] = useSingleFlight(async (chargeId: number, confirm: boolean) => {
    if (!confirm) {
      const { confirm: sure } = await Taro.showModal({ title: '对该费用有异议', content: '拒绝后该费用不计入补差款，如有疑问平台客服将与您联系' })
      if (!sure) return
    }
    try {
      await orderApi.answerCharge(orderId, chargeId, confirm)
      showSuccess(confirm ? '已确认' : '已拒绝')
    } catch (err) {
      showError(err)
    }
    try {
      setPostpay(await orderApi.postpay(orderId))
    } catch {
      // Shown as before; the next poll reads it again.
    }
  })

  const [openCancel, openingCancel] = useSingleFlight(async () => {
    try {
      const preview = await orderApi.cancelPreview(orderId)
      setSheet({ kind: 'cancel', preview, reason: '' })
    } catch (err) {
      showError(err)
    }
  })

  const [confirmCancel, cancelling] = useSingleFlight(async () => {
    if (sheet?.kind !== 'cancel') return
    try {
      setOrder(await orderApi.cancel(orderId, sheet.reason.trim()))
      setSheet(null)
      showSuccess('订单已取消')
    } catch (err) {
      showError(err)
    }
  })

  const [confirmReschedule, rescheduling] = useSingleFlight(async () => {
    if (sheet?.kind !== 'reschedule' || !sheet.time) {
      showMessage('请选择新的开始时间')
      return
    }
    try {
      const res = await orderApi.reschedule(orderId, `${sheet.date}T${sheet.time}:00+08:00`)
      setOrder(res.order)
      setSheet(null)
      showSuccess(res.applied ? '已改约' : '已提交，等待陪诊师确认')
    } catch (err) {
      showError(err)
    }
  })

  const [confirmComplete, completing] = useSingleFlight(async () => {
    const { confirm } = await Taro.showModal({ title: '确认服务完成', content: '确认陪诊师已完成本次服务？' })
    if (!confirm) return
    try {
      setOrder(await orderApi.confirmComplete(orderId))
    } catch (err) {
      showError(err)
    }
  })

  if (loadError) {
    return (
      <View className='booking'>
        <View className='booking__card'>
          <Text className='booking__warning'>{loadError}</Text>
          <Button className='booking__button' onClick={load}>
            重新加载
          </Button>
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
  const actions = customerActions(order.status)
  const steps = progressSteps(order.status, order.timeline ?? [])
  const guide = hospital?.stepTemplates.find((s) => s.categoryCode === order.categoryCode)
  const pendingReschedule = order.reschedules?.find((r) => r.status === 'pending')
  const balanceNotice = postpayNotice(postpayAttempt, postpay)
  const review = reviewEntry(order.status, reviewed)
  const feedbackUrl = `${ROUTES.ticketNew}?orderId=${order.id}&orderNo=${encodeURIComponent(order.orderNo)}`

  return (
    <View className='booking'>
      <View className='booking__card'>
        {payState === 'paid' && order.status === 'pending_dispatch' && <Text className='booking__success'>支付成功</Text>}
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
        {order.status === 'pending_dispatch' && <Text className='booking__hint'>我们正在为您安排陪诊师，请留意订单消息</Text>}
        {order.status === 'refunding' && <Text className='booking__hint'>退款 {formatFen(order.refundDueFen ?? 0)} 将原路退回</Text>}
        {pendingReschedule && (
          <Text className='booking__hint'>改约至 {formatShanghaiTime(pendingReschedule.toStartAt)} 待陪诊师确认</Text>
        )}
      </View>

      {review && (
        <View className='booking__card order-review'>
          <Text className='booking__title'>{review.reviewed ? '您已评价本次服务' : '本次陪诊已完成，给陪诊师打个分吧'}</Text>
          <Text className='booking__hint'>{review.reviewed ? '可以查看陪诊师的回复，或追加评价' : '您的评价能帮助我们改进服务，也能帮助其他家庭选择陪诊师'}</Text>
          <Button className={review.reviewed ? 'booking__ghost' : 'booking__button'} onClick={() => Taro.navigateTo({ url: `${ROUTES.review}?orderId=${order.id}` })}>
            {review.label}
          </Button>
        </View>
      )}

      {showsVerificationCode(order.status, order.verificationCode) && (
        <View className='booking__card booking__verification'>
          <Text className='booking__title'>核销码</Text>
          <Text className='booking__code'>{order.verificationCode}</Text>
          <Text className='booking__hint'>服务结束时请将核销码告诉陪诊师，请勿提前告知</Text>
        </View>
      )}

      {showsEscortCard(order.status, order.escortName) && (
        <View className='booking__card booking__escort-card'>
          <Text className='booking__title'>陪诊师</Text>
          <Text className='booking__item-title'>{order.escortName}</Text>
          <Text className='booking__item-sub'>为保护双方隐私，请通过平台客服联系陪诊师</Text>
        </View>
      )}

      <View className='booking__card'>
        <Text className='booking__title'>订单进度</Text>
        <View className='booking__steps'>
          {steps.map((s) => (
            <View key={s.label} className={`booking__step booking__step--${s.state}`}>
              <View className='booking__dot' />
              <Text>{s.label}</Text>
              {s.at && <Text className='booking__step-at'>{formatShanghaiTime(s.at)}</Text>}
            </View>
          ))}
          {['cancelled', 'closed', 'refunding', 'refunded'].includes(order.status) && (
            <View className='booking__step booking__step--current'>
              <View className='booking__dot' />
              <Text>{orderStatusLabel(order.status)}</Text>
            </View>
          )}
        </View>
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
            <Text className='booking__value'>
              {order.hospitalName}
              {order.departmentName ? ` · ${order.departmentName}` : ''}
            </Text>
          </View>
        )}
        {order.patientName && (
          <View className='booking__field'>
            <Text>就诊人</Text>
            <Text className='booking__value'>{order.patientName}</Text>
          </View>
        )}
        {order.customerNote && (
          <View className='booking__field'>
            <Text>备注</Text>
            <Text className='booking__value'>{order.customerNote}</Text>
          </View>
        )}
      </View>

      {hospital && (hospital.meetingPoints.length > 0 || guide) && (
        <View className='booking__card booking__guide'>
          <Text className='booking__title'>就医指引</Text>
          {hospital.meetingPoints.slice(0, 1).map((m) => (
            <View key={m.id}>
              <Text className='booking__item-title'>集合地点：{m.name}</Text>
              <Text className='booking__item-sub'>{m.description}</Text>
            </View>
          ))}
          {guide && (
            <View className='booking__steps'>
              {guide.steps.map((s, i) => (
                <View key={s} className='booking__step booking__step--done'>
                  <View className='booking__dot' />
                  <Text>
                    {i + 1}. {s}
                  </Text>
                </View>
              ))}
            </View>
          )}
          {hospital.notices.map((n) => (
            <Text key={n.id} className='booking__warning'>
              【{n.title}】{n.content}
            </Text>
          ))}
        </View>
      )}

      <View className='booking__card'>
        <Text className='booking__title'>费用明细</Text>
        <PriceLines lines={order.priceLines ?? []} totalFen={order.totalFen} totalLabel={unpaid ? '应付' : '实付'} />
        {(order.penaltyFen ?? 0) > 0 && <Text className='booking__hint'>违约金 {formatFen(order.penaltyFen ?? 0)}</Text>}
      </View>

      {postpay && showsPostpay(postpay) && (
        <View className='booking__card postpay'>
          <Text className='booking__title'>补差款（代垫费用）</Text>
          <Text className='booking__status postpay-state'>{postpayLabel(postpay.state)}</Text>
          {postpay.charges.map((c) => {
            const receipt = receiptImage(c.receiptUrl)
            return (
              <View className={`booking__item postpay-charge postpay-charge--${c.status}`} key={c.id}>
                <View className='booking__field'>
                  <Text>
                    {c.description}（{CHARGE_STATUS_LABELS[c.status]}）
                  </Text>
                  <Text className='booking__value'>{formatFen(c.amountFen)}</Text>
                </View>
                <Text className='booking__item-sub'>登记于 {formatShanghaiTime(c.createdAt)}</Text>
                {receipt ? (
                  <Image
                    className='postpay-receipt'
                    src={receipt}
                    mode='aspectFit'
                    onClick={() => Taro.previewImage({ urls: [receipt], current: receipt })}
                  />
                ) : (
                  <Text className='booking__item-sub'>未上传票据</Text>
                )}
                {c.status === 'pending' && (
                  <View className='booking__row'>
                    <Button className='booking__ghost booking__ghost--danger' disabled={answering || payingBalance || undefined} onClick={() => answerCharge(c.id, false)}>
                      <Text>有异议</Text>
                    </Button>
                    <Button className='booking__button booking__wide postpay-confirm' disabled={answering || payingBalance || undefined} onClick={() => answerCharge(c.id, true)}>
                      <Text>确认费用</Text>
                    </Button>
                  </View>
                )}
              </View>
            )
          })}
          {postpay.awaitingConfirmationFen > 0 && <Text className='booking__hint'>待确认 {formatFen(postpay.awaitingConfirmationFen)}，确认后方可支付</Text>}
          <View className='booking__field'>
            <Text>已确认</Text>
            <Text className='booking__value'>{formatFen(postpay.chargedFen)}</Text>
          </View>
          <View className='booking__field'>
            <Text>已支付</Text>
            <Text className='booking__value postpay-paid'>{formatFen(postpay.paidFen)}</Text>
          </View>
          <View className='booking__field'>
            <Text>待支付</Text>
            <Text className='booking__value postpay-due'>{formatFen(postpay.dueFen)}</Text>
          </View>
          {balanceNotice && (
            <Text
              className={`booking__${balanceNotice.kind} postpay-notice`}
              onClick={balanceNotice.refresh ? () => load() : undefined}
            >
              {balanceNotice.text}
            </Text>
          )}
          {postpay.payable && !postpayAttempt?.waiting && (
            <Button
              className='booking__button postpay-pay'
              disabled={payingBalance || answering || undefined}
              loading={payingBalance || undefined}
              onClick={() => payBalance()}
            >
              <Text>{payingBalance ? '支付中…' : `支付补差款 ${formatFen(postpay.dueFen)}`}</Text>
            </Button>
          )}
        </View>
      )}

      {sheet?.kind === 'cancel' && (
        <View className='booking__card booking__sheet'>
          <Text className='booking__title'>取消订单</Text>
          {sheet.preview && sheet.preview.paidFen > 0 ? (
            <View>
              <Text className='booking__hint'>已付 {formatFen(sheet.preview.paidFen)}</Text>
              <Text className={sheet.preview.penaltyFen > 0 ? 'booking__warning' : 'booking__hint'}>
                违约金 {formatFen(sheet.preview.penaltyFen)}（{sheet.preview.penaltyBp / 100}%）
              </Text>
              <Text className='booking__hint'>退款 {formatFen(sheet.preview.refundFen)}，原路退回</Text>
            </View>
          ) : (
            <Text className='booking__hint'>订单未支付，可免费取消</Text>
          )}
          <Textarea
            className='booking__textarea'
            value={sheet.reason}
            maxlength={200}
            placeholder='取消原因（选填）'
            onInput={(e) => setSheet({ ...sheet, reason: e.detail.value })}
          />
          <View className='booking__row'>
            <Button className='booking__ghost' onClick={() => setSheet(null)}>
              再想想
            </Button>
            <Button className='booking__button booking__wide' loading={cancelling || undefined} disabled={cancelling || undefined} onClick={() => confirmCancel()}>
              <Text>{cancelling ? '取消中…' : '确认取消'}</Text>
            </Button>
          </View>
        </View>
      )}

      {sheet?.kind === 'reschedule' && (
        <View className='booking__card booking__sheet'>
          <Text className='booking__title'>改约时间</Text>
          <View className='booking__tabs'>
            {bookableDays(rules, new Date()).map((d) => (
              <Text key={d.date} className={`booking__tab ${d.date === sheet.date ? 'booking__tab--active' : ''}`} onClick={() => setSheet({ ...sheet, date: d.date, time: '' })}>
                {d.label}
              </Text>
            ))}
          </View>
          <View className='booking__slots'>
            {daySlots(rules, sheet.date, new Date()).map((s) => (
              <View
                key={s.time}
                className={`booking__slot ${s.time === sheet.time ? 'booking__slot--active' : ''} ${s.available ? '' : 'booking__slot--disabled'}`}
                onClick={() => s.available && setSheet({ ...sheet, time: s.time })}
              >
                <Text>{s.time}</Text>
              </View>
            ))}
          </View>
          {order.escortName && <Text className='booking__hint'>已安排陪诊师的订单，改约需陪诊师确认</Text>}
          <View className='booking__row'>
            <Button className='booking__ghost' onClick={() => setSheet(null)}>
              取消
            </Button>
            <Button className='booking__button booking__wide' loading={rescheduling || undefined} disabled={rescheduling || undefined} onClick={() => confirmReschedule()}>
              <Text>{rescheduling ? '提交中…' : '确认改约'}</Text>
            </Button>
          </View>
        </View>
      )}

      {!sheet && (
        <View className='booking__card'>
          <View className='booking__row'>
            {actions.includes('reschedule') && !pendingReschedule && (
              <Button className='booking__ghost' onClick={() => setSheet({ kind: 'reschedule', ...toShanghaiParts(order.startAt) })}>
                改约
              </Button>
            )}
            {actions.includes('cancel') && (
              <Button className='booking__ghost booking__ghost--danger' loading={openingCancel || undefined} disabled={openingCancel || undefined} onClick={() => openCancel()}>
                <Text>取消订单</Text>
              </Button>
            )}
            {actions.includes('confirm_complete') && (
              <Button className='booking__ghost' loading={completing || undefined} disabled={completing || undefined} onClick={() => confirmComplete()}>
                <Text>确认完成</Text>
              </Button>
            )}
            {actions.includes('book_again') && (
              <Button className='booking__ghost' onClick={() => Taro.navigateTo({ url: `${ROUTES.booking}?hospitalId=${order.hospitalId ?? ''}` })}>
                再次预约
              </Button>
            )}
            <Button className='booking__ghost order-feedback' onClick={() => Taro.navigateTo({ url: feedbackUrl })}>
              投诉/反馈
            </Button>
          </View>
        </View>
      )}

      {unpaid && payState !== 'confirming' && (
        <View className='booking__bar'>
          <Text className='booking__bar-total'>{formatFen(order.totalFen)}</Text>
          <Button className='booking__button' disabled={paying || undefined} loading={paying || undefined} onClick={() => pay()}>
            <Text>{paying ? '支付中…' : '立即支付'}</Text>
          </Button>
        </View>
      )}
    </View>
  )
}
