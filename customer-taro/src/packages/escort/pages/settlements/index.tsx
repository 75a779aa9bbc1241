import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { mergeEscortPage } from '../../../../logic/escort-filters'
import { formatFen } from '../../../../logic/money'
import { payoutState, periodLabel } from '../../../../logic/statement'
import { messageOf } from '../../../../services/api-error'
import { escortApi, escortSession, type EscortStatement } from '../../../../services/escort-api'
import { showError } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import '../../escort.scss'

const PAGE_SIZE = 20

/** 我的结算单: the escort's confirmed and paid statements, newest period first. */
export default function EscortSettlementsPage() {
  const [list, setList] = useState<EscortStatement[] | null>(null)
  const [page, setPage] = useState(1)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function load() {
    setError(null)
    try {
      const first = await escortApi.settlements(1, PAGE_SIZE)
      const merged = mergeEscortPage([], first, 1)
      setList(merged.list)
      setHasMore(merged.hasMore)
      setPage(1)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useLoad(() => {
    if (!escortSession.isLoggedIn()) {
      Taro.redirectTo({ url: ROUTES.escortLogin })
      return
    }
    load()
  })

  const [loadMore, loadingMore] = useSingleFlight(async () => {
    try {
      const next = await escortApi.settlements(page + 1, PAGE_SIZE)
      const merged = mergeEscortPage(list ?? [], next, page + 1)
      setList(merged.list)
      setHasMore(merged.hasMore)
      setPage(page + 1)
    } catch (err) {
      showError(err)
    }
  })

  if (error) return <EmptyState title='结算单加载失败' description={error} actionText='重新加载' onAction={load} />
  if (!list) return <Text className='booking__hint'>加载中…</Text>

  return (
    <View className='booking'>
      {list.length === 0 && <EmptyState title='暂无结算单' description='财务按期确认结算后，结算单会显示在这里' />}
      {list.map((s) => {
        const state = payoutState(s)
        return (
          <View key={s.id} className='booking__card statement-card' onClick={() => Taro.navigateTo({ url: `${ROUTES.escortSettlement}?runId=${s.runId}` })}>
            <View className='statement__head'>
              <Text className='statement__period'>{periodLabel(s.periodKey)}</Text>
              <Text className={`booking__tag booking__tag--${state.tone}`}>{state.label}</Text>
            </View>
            <Text className='statement__amount'>{formatFen(s.payableFen)}</Text>
            <Text className='statement__amount-label'>应付给你</Text>
            <View className='statement__row'>
              <Text>订单 {s.orderCount} 单 · 分成</Text>
              <Text>{formatFen(s.shareFen)}</Text>
            </View>
            <View className='statement__row'>
              <Text>本期净额</Text>
              <Text>{formatFen(s.netFen)}</Text>
            </View>
            <Text className='booking__hint'>查看明细 ›</Text>
          </View>
        )
      })}
      {hasMore && (
        <Button className='booking__ghost' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  )
}
