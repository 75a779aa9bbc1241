import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { mergeEscortPage } from '../../../../logic/escort-filters'
import { formatFen } from '../../../../logic/money'
import { groupByMonth, incomeSourceLabel, settlementStatusText, signedFen, type IncomeMovement } from '../../../../logic/statement'
import { messageOf } from '../../../../services/api-error'
import { escortApi, escortSession } from '../../../../services/escort-api'
import { showError } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import '../../escort.scss'

const PAGE_SIZE = 30

/** 收入明细: every movement of what the platform owes the escort, newest first, by month. */
export default function EscortIncomeDetailPage() {
  const [list, setList] = useState<IncomeMovement[] | null>(null)
  const [owedFen, setOwedFen] = useState(0)
  const [page, setPage] = useState(1)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function load() {
    setError(null)
    try {
      const first = await escortApi.incomeDetail(1, PAGE_SIZE)
      const merged = mergeEscortPage([], first, 1)
      setList(merged.list)
      setHasMore(merged.hasMore)
      setOwedFen(first.owedFen)
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
      const next = await escortApi.incomeDetail(page + 1, PAGE_SIZE)
      const merged = mergeEscortPage(list ?? [], next, page + 1)
      setList(merged.list)
      setHasMore(merged.hasMore)
      setOwedFen(next.owedFen)
      setPage(page + 1)
    } catch (err) {
      showError(err)
    }
  })

  if (error) return <EmptyState title='收入明细加载失败' description={error} actionText='重新加载' onAction={load} />
  if (!list) return <Text className='booking__hint'>加载中…</Text>

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__hint'>平台待付给你</Text>
        <Text className='statement__amount income-owed'>{formatFen(owedFen)}</Text>
        <Text className='statement__amount-label'>含未结算的分成；结算确认后按结算单打款</Text>
      </View>
      {list.length === 0 && <EmptyState title='暂无收入明细' description='完成服务后，每笔分成会显示在这里' />}
      {groupByMonth(list).map((g) => (
        <View key={g.month} className='booking__card'>
          <View className='statement__group'>
            <Text className='statement__group-label'>{g.month}</Text>
            <Text className='statement__money'>{signedFen(g.totalFen, formatFen)}</Text>
          </View>
          {g.items.map((m) => {
            const status = settlementStatusText(m)
            return (
              <View key={m.id} className='statement__item income-movement'>
                <View className='statement__item-body'>
                  <Text className='booking__item-title'>
                    {incomeSourceLabel(m.sourceType)}
                    {m.serviceName ? ` · ${m.serviceName}` : ''}
                  </Text>
                  {m.orderNo && <Text className='booking__item-sub'>订单 {m.orderNo}</Text>}
                  <Text className='booking__item-sub'>{formatShanghaiTime(m.bookedAt)}</Text>
                  <Text className={`booking__tag booking__tag--${status.tone}`}>{status.label}</Text>
                </View>
                <Text className={`statement__money ${m.amountFen < 0 ? 'statement__money--out' : 'statement__money--in'}`}>{signedFen(m.amountFen, formatFen)}</Text>
              </View>
            )
          })}
        </View>
      ))}
      {hasMore && (
        <Button className='booking__ghost' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  )
}
