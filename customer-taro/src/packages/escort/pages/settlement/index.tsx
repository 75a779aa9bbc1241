import { Button, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { formatFen } from '../../../../logic/money'
import {
  groupStatementItems,
  itemDetail,
  itemTitle,
  kindTotalFen,
  payoutState,
  periodLabel,
  statementAddsUp,
  statementRows,
  type StatementItem,
} from '../../../../logic/statement'
import { messageOf } from '../../../../services/api-error'
import { escortApi, type EscortStatementDetail } from '../../../../services/escort-api'
import { showError } from '../../../../services/feedback'
import '../../escort.scss'

const ITEM_PAGE_SIZE = 100

/** 结算单详情: the statement's arithmetic, its payout, and the orders, claw-backs, deductions and adjustments behind it. */
export default function EscortSettlementPage() {
  const router = useRouter()
  const runId = Number(router.params.runId)
  const [statement, setStatement] = useState<EscortStatementDetail | null>(null)
  const [items, setItems] = useState<StatementItem[]>([])
  const [itemTotal, setItemTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [error, setError] = useState<string | null>(null)

  async function load() {
    setError(null)
    try {
      const [s, first] = await Promise.all([escortApi.settlement(runId), escortApi.settlementItems(runId, 1, ITEM_PAGE_SIZE)])
      setStatement(s)
      setItems(first.list)
      setItemTotal(first.total)
      setPage(1)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useLoad(() => {
    load()
  })

  const [loadMore, loadingMore] = useSingleFlight(async () => {
    try {
      const next = await escortApi.settlementItems(runId, page + 1, ITEM_PAGE_SIZE)
      const seen = new Set(items.map((i) => i.id))
      setItems([...items, ...next.list.filter((i) => !seen.has(i.id))])
      setItemTotal(next.total)
      setPage(page + 1)
    } catch (err) {
      showError(err)
    }
  })

  if (error) {
    return (
      <View className='booking'>
        <View className='booking__card'>
          <Text className='booking__warning'>{error}</Text>
          <Button className='booking__button' onClick={load}>
            重新加载
          </Button>
        </View>
      </View>
    )
  }
  if (!statement) return <Text className='booking__hint'>加载中…</Text>

  const state = payoutState(statement)
  const allLoaded = items.length >= itemTotal

  return (
    <View className='booking statement-detail'>
      <View className='booking__card'>
        <View className='statement__head'>
          <Text className='statement__period'>{periodLabel(statement.periodKey)}</Text>
          <Text className={`booking__tag booking__tag--${state.tone}`}>{state.label}</Text>
        </View>
        <Text className='statement__amount statement-payable'>{formatFen(statement.payableFen)}</Text>
        <Text className='statement__amount-label'>应付给你</Text>
        {statementRows(statement).map((r) => (
          <View key={r.key} className={`statement__row statement__row--${r.key} ${r.strong ? 'statement__row--strong' : ''}`}>
            <Text>{r.label}</Text>
            <Text>{formatFen(r.fen)}</Text>
          </View>
        ))}
        {!statementAddsUp(statement) && <Text className='booking__warning'>金额核对异常，请联系财务</Text>}
      </View>

      <View className='booking__card statement-payout'>
        <Text className='booking__title'>打款</Text>
        <View className='booking__field'>
          <Text>状态</Text>
          <Text className='booking__value'>{state.label}</Text>
        </View>
        {statement.payout ? (
          <View>
            <View className='booking__field'>
              <Text>打款金额</Text>
              <Text className='booking__value'>{formatFen(statement.payout.amountFen)}</Text>
            </View>
            <View className='booking__field'>
              <Text>打款流水号</Text>
              <Text className='booking__value statement-payout__reference'>{statement.payout.referenceNo}</Text>
            </View>
            <View className='booking__field'>
              <Text>打款时间</Text>
              <Text className='booking__value'>{formatShanghaiTime(statement.payout.paidAt)}</Text>
            </View>
          </View>
        ) : (
          <Text className='booking__hint'>{state.detail}</Text>
        )}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>明细（{itemTotal} 笔）</Text>
        {items.length === 0 && <Text className='booking__hint'>本期没有明细</Text>}
        {groupStatementItems(items).map((g) => {
          const total = kindTotalFen(statement, g.kind)
          return (
            <View key={g.kind} className={`statement-group statement-group--${g.kind}`}>
              <View className='statement__group'>
                <Text className='statement__group-label'>
                  {g.label}（{g.items.length}）
                </Text>
                <Text className='statement__money'>{formatFen(allLoaded || total === null ? g.subtotalFen : total)}</Text>
              </View>
              {g.hint && <Text className='booking__item-sub'>{g.hint}</Text>}
              {g.items.map((i) => (
                <View key={i.id} className='statement__item'>
                  <View className='statement__item-body'>
                    <Text className='booking__item-title'>{itemTitle(i)}</Text>
                    {itemDetail(i) && <Text className='booking__item-sub'>{itemDetail(i)}</Text>}
                    <Text className='booking__item-sub'>{formatShanghaiTime(i.bookedAt)}</Text>
                  </View>
                  <Text className={`statement__money ${i.amountFen < 0 ? 'statement__money--out' : 'statement__money--in'}`}>{formatFen(i.amountFen)}</Text>
                </View>
              ))}
            </View>
          )
        })}
        {!allLoaded && (
          <Button className='booking__ghost' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => loadMore()}>
            加载更多明细
          </Button>
        )}
      </View>
    </View>
  )
}
