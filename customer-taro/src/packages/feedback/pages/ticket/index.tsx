import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import LoginPrompt from '../../../../components/login-prompt'
import { useCustomerSession } from '../../../../hooks/use-customer-session'
import { usePolling } from '../../../../hooks/use-polling'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { formatFen } from '../../../../logic/money'
import { textCounter } from '../../../../logic/review-form'
import { threadItems, TICKET_REPLY_MAX, ticketOffer, ticketStatus, ticketTypeLabel } from '../../../../logic/ticket'
import { messageOf } from '../../../../services/api-error'
import { ticketApi, type TicketDetail } from '../../../../services/care-api'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import '../../feedback.scss'

/**
 * 反馈详情: what the customer wrote, the conversation with support (replies only; staff notes never
 * reach the app), 补充说明 while it is open, 确认解决 once resolved, and 重新打开 within the
 * window after resolving (the backend decides; the reason shows when it is too late).
 */
export default function TicketPage() {
  const router = useRouter()
  const id = Number(router.params.id)
  const [ticket, setTicket] = useState<TicketDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reply, setReply] = useState('')
  const [reopening, setReopening] = useState<{ reason: string } | null>(null)

  async function load() {
    setError(null)
    try {
      setTicket(await ticketApi.detail(id))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  // Each show reads the ticket again (support may have answered meanwhile).
  const loggedIn = useCustomerSession((now) => {
    if (!now) return
    if (Number.isInteger(id) && id > 0) load()
    else setError('反馈不存在')
  })

  // Support answers from the console: follow the thread while the ticket is being handled.
  usePolling(
    () => {
      ticketApi.detail(id).then(setTicket, () => undefined)
    },
    5000,
    !!ticket && (ticket.status === 'open' || ticket.status === 'in_progress'),
  )

  const [send, sending] = useSingleFlight(async () => {
    const text = reply.trim()
    if (!text) {
      showMessage('请输入要补充的内容')
      return
    }
    if (text.length > TICKET_REPLY_MAX) {
      showMessage(`最多 ${TICKET_REPLY_MAX} 个字`)
      return
    }
    try {
      await ticketApi.reply(id, text)
      setReply('')
      await load()
    } catch (err) {
      showError(err)
      await load()
    }
  })

  const [close, closing] = useSingleFlight(async () => {
    const { confirm } = await Taro.showModal({ title: '确认问题已解决', content: '确认后这条反馈将关闭。如果之后发现仍未解决，解决后 7 天内还可以重新打开。' })
    if (!confirm) return
    try {
      setTicket(await ticketApi.close(id))
      showSuccess('已确认解决')
    } catch (err) {
      showError(err)
      await load()
    }
  })

  const [reopen, reopeningBusy] = useSingleFlight(async () => {
    if (!reopening) return
    try {
      setTicket(await ticketApi.reopen(id, reopening.reason.trim()))
      setReopening(null)
      showSuccess('已重新打开')
    } catch (err) {
      // Too late (the window closed meanwhile): the backend's message says so; show the current state.
      showError(err)
      setReopening(null)
      await load()
    }
  })

  if (!loggedIn) return <LoginPrompt message='登录后查看您的反馈' />
  if (error) return <EmptyState title='加载失败' description={error} actionText='重新加载' onAction={load} />
  if (!ticket) {
    return (
      <View className='booking'>
        <Text className='booking__hint'>加载中…</Text>
      </View>
    )
  }

  const status = ticketStatus(ticket.status)
  const offer = ticketOffer(ticket)
  const items = threadItems(ticket.messages)
  const counter = textCounter(reply, TICKET_REPLY_MAX)

  return (
    <View className='booking ticket-detail'>
      <View className='booking__card'>
        <View className='care__list-head'>
          <Text className='care__list-title'>{ticket.title}</Text>
          <Text className={`care__status care__status--${status.tone} ticket-status`}>{status.label}</Text>
        </View>
        <Text className='care__meta'>
          {ticketTypeLabel(ticket.type)} · 编号 {ticket.ticketNo}
        </Text>
        <Text className='care__meta'>提交于 {formatShanghaiTime(ticket.createdAt)}</Text>
        {ticket.orderId && (
          <Text className='care__meta' onClick={() => Taro.navigateTo({ url: `${ROUTES.orderDetail}?id=${ticket.orderId}` })}>
            关联订单 {ticket.orderNo} ›
          </Text>
        )}
        <Text className='care__text'>{ticket.content}</Text>
        {ticket.photos.length > 0 && (
          <View className='care__photos'>
            {ticket.photos.map((p) => (
              <Image key={p} className='care__photo' src={p} mode='aspectFill' onClick={() => Taro.previewImage({ urls: ticket.photos, current: p })} />
            ))}
          </View>
        )}
      </View>

      {ticket.resolution && (ticket.status === 'resolved' || ticket.status === 'closed') && (
        <View className='booking__card'>
          <Text className='booking__title'>处理结果</Text>
          <Text className='care__text'>{ticket.resolution}</Text>
          {ticket.compensationFen > 0 && <Text className='booking__hint'>赔偿 {formatFen(ticket.compensationFen)} 将原路退回您的支付账户</Text>}
        </View>
      )}

      <View className='booking__card'>
        <Text className='booking__title'>沟通记录</Text>
        {items.length === 0 && <Text className='booking__hint'>客服会尽快回复您</Text>}
        <View className='care__thread'>
          {items.map((m) =>
            m.side === 'event' ? (
              <Text key={m.id} className='care__event'>
                {formatShanghaiTime(m.at)} {m.content}
              </Text>
            ) : (
              <View key={m.id} className={`care__bubble-row care__bubble-row--${m.side} ticket-message ticket-message--${m.side}`}>
                <Text className='care__bubble-name'>
                  {m.name} · {formatShanghaiTime(m.at)}
                </Text>
                <Text className='care__bubble'>{m.content}</Text>
                {m.photos.length > 0 && (
                  <View className='care__photos'>
                    {m.photos.map((p) => (
                      <Image key={p} className='care__photo' src={p} mode='aspectFill' onClick={() => Taro.previewImage({ urls: m.photos, current: p })} />
                    ))}
                  </View>
                )}
              </View>
            ),
          )}
        </View>
        {(ticket.status === 'open' || ticket.status === 'in_progress') && !ticket.messages.some((m) => m.kind === 'reply' && m.authorType === 'staff') && (
          <Text className='booking__hint'>已收到您的反馈，客服会尽快回复，请留意这里和消息通知</Text>
        )}
      </View>

      {offer.canReply && (
        <View className='booking__card'>
          <Text className='booking__title'>补充说明</Text>
          <Textarea
            className='care__textarea ticket-reply-input'
            value={reply}
            maxlength={TICKET_REPLY_MAX}
            placeholder='还有什么想告诉客服的？'
            onInput={(e) => setReply(e.detail.value)}
          />
          <Text className={`care__counter ${counter.over ? 'care__counter--over' : ''}`}>{counter.text}</Text>
          <Button className='booking__button care__submit' loading={sending || undefined} disabled={sending || undefined} onClick={() => send()}>
            <Text>{sending ? '发送中…' : '发送'}</Text>
          </Button>
        </View>
      )}

      {reopening ? (
        <View className='booking__card booking__sheet'>
          <Text className='booking__title'>重新打开</Text>
          <Textarea
            className='care__textarea'
            value={reopening.reason}
            maxlength={255}
            placeholder='还有什么问题没有解决？（选填）'
            onInput={(e) => setReopening({ reason: e.detail.value })}
          />
          <View className='booking__row'>
            <Button className='booking__ghost' onClick={() => setReopening(null)}>
              取消
            </Button>
            <Button className='booking__button booking__wide' loading={reopeningBusy || undefined} disabled={reopeningBusy || undefined} onClick={() => reopen()}>
              <Text>{reopeningBusy ? '提交中…' : '确认重新打开'}</Text>
            </Button>
          </View>
        </View>
      ) : (
        (offer.canClose || offer.canReopen || offer.reopenBlocked) && (
          <View className='booking__card'>
            {offer.reopenUntil && <Text className='booking__hint'>如问题仍未解决，可在 {formatShanghaiTime(offer.reopenUntil.toISOString())} 前重新打开</Text>}
            {offer.reopenBlocked && <Text className='booking__warning ticket-reopen-blocked'>{offer.reopenBlocked}</Text>}
            <View className='booking__row'>
              {offer.canReopen && (
                <Button className='booking__ghost' onClick={() => setReopening({ reason: '' })}>
                  问题未解决，重新打开
                </Button>
              )}
              {offer.canClose && (
                <Button className='booking__button booking__wide' loading={closing || undefined} disabled={closing || undefined} onClick={() => close()}>
                  <Text>{closing ? '提交中…' : '确认解决'}</Text>
                </Button>
              )}
              {offer.reopenBlocked && (
                <Button
                  className='booking__button booking__wide'
                  onClick={() => Taro.navigateTo({ url: `${ROUTES.ticketNew}${ticket.orderId ? `?orderId=${ticket.orderId}&orderNo=${encodeURIComponent(ticket.orderNo)}` : ''}` })}
                >
                  提交新的反馈
                </Button>
              )}
            </View>
          </View>
        )
      )}
    </View>
  )
}
