import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import type { ChosenEscort } from '../../../../logic/escort-choice'
import {
  activeFilterCount,
  AGE_BAND_OPTIONS,
  DEFAULT_ESCORT_FILTERS,
  describeFilters,
  escortPhotoSrc,
  escortSubtitle,
  EXPERIENCE_OPTIONS,
  GENDER_OPTIONS,
  LEVEL_OPTIONS,
  LEVEL_PRICE_NOTE,
  mergeEscortPage,
  ratingText,
  SORT_OPTIONS,
  type EscortFilters,
  type Option,
} from '../../../../logic/escort-filters'
import { messageOf } from '../../../../services/api-error'
import { escortBrowseApi, type PublicEscort } from '../../../../services/escort-browse-api'
import { API_BASE } from '../../../../services/request'
import { ROUTES } from '../../../../services/routes'
import './index.scss'

interface Props {
  cityId: number | null
  chosen: ChosenEscort | null
  onChoose: (escort: ChosenEscort | null) => void
}

/**
 * 指定陪诊师（可选）on the booking page: filters and sorting go to the backend, a page at a time;
 * a row opens the escort's profile, whose 选TA陪诊 hands the choice back (logic/escort-choice.ts).
 * It lives inside the booking page, so its filters and list survive the trip to a profile and back.
 */
export default function EscortPicker({ cityId, chosen, onChoose }: Props) {
  const [open, setOpen] = useState(false)
  const [filters, setFilters] = useState<EscortFilters>(DEFAULT_ESCORT_FILTERS)
  const [list, setList] = useState<PublicEscort[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Answers to an older filter set are dropped: only the latest request may fill the list.
  const generation = useRef(0)

  async function fetchPage(pageNo: number, shown: PublicEscort[]) {
    if (!cityId) return
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    try {
      const answer = await escortBrowseApi.list(cityId, filters, pageNo)
      if (mine !== generation.current) return
      const merged = mergeEscortPage(shown, answer, pageNo)
      setList(merged.list)
      setHasMore(merged.hasMore)
      setTotal(answer.total)
      setPage(pageNo)
    } catch (err) {
      if (mine === generation.current) setError(messageOf(err))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }

  useEffect(() => {
    if (open && cityId) fetchPage(1, [])
    // fetchPage reads the filters of this render; the list reloads when they or the city change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, cityId, filters])

  const [loadMore, loadingMore] = useSingleFlight(async () => {
    await fetchPage(page + 1, list)
  })

  function set<K extends keyof EscortFilters>(key: K, value: EscortFilters[K]) {
    setFilters({ ...filters, [key]: value })
  }

  function chipRow<K extends keyof EscortFilters>(label: string, key: K, options: Option<EscortFilters[K]>[]) {
    return (
      <View className='escort-picker__filter'>
        <Text className='escort-picker__filter-label'>{label}</Text>
        <View className='escort-picker__chips'>
          {options.map((o) => (
            <Text
              key={String(o.value)}
              className={`escort-picker__chip ${o.value === filters[key] ? 'escort-picker__chip--active' : ''}`}
              onClick={() => set(key, o.value)}
            >
              {o.label}
            </Text>
          ))}
        </View>
      </View>
    )
  }

  const count = activeFilterCount(filters)

  return (
    <View className='booking__card escort-picker'>
      <View className='booking__field' onClick={() => setOpen(!open)}>
        <Text className='booking__title'>指定陪诊师（可选）</Text>
        <Text className='booking__value escort-picker__chosen'>{chosen ? `${chosen.name} · ${chosen.levelLabel}` : '由平台安排'} ›</Text>
      </View>
      {open && (
        <View>
          {chipRow('性别', 'gender', GENDER_OPTIONS)}
          {chipRow('年龄', 'ageBand', AGE_BAND_OPTIONS)}
          {chipRow('经验', 'minExperienceYears', EXPERIENCE_OPTIONS)}
          {chipRow('等级', 'level', LEVEL_OPTIONS)}
          {chipRow('排序', 'sort', SORT_OPTIONS)}
          <Text className='booking__hint'>{LEVEL_PRICE_NOTE}</Text>
          <View className='escort-picker__summary'>
            <Text className='booking__hint'>
              {describeFilters(filters)}
              {loading ? '' : ` · 共 ${total} 位`}
            </Text>
            {count > 0 && (
              <Text className='escort-picker__reset' onClick={() => setFilters({ ...DEFAULT_ESCORT_FILTERS, sort: filters.sort })}>
                清除筛选
              </Text>
            )}
          </View>

          <View className={`booking__item ${chosen === null ? 'booking__item--active' : ''}`} onClick={() => onChoose(null)}>
            <Text className='booking__item-title'>由平台安排</Text>
            <Text className='booking__item-sub'>支付后由调度为您匹配合适的陪诊师</Text>
          </View>

          {error && (
            <View>
              <Text className='booking__warning'>{error}</Text>
              <Text className='escort-picker__retry' onClick={() => fetchPage(1, [])}>
                重新加载
              </Text>
            </View>
          )}
          {!error && !loading && list.length === 0 && <Text className='booking__hint'>没有符合条件的陪诊师，换个条件试试</Text>}

          {list.map((e) => {
            const photo = escortPhotoSrc(e.photoUrl, API_BASE)
            return (
              <View
                key={e.id}
                className={`escort-row ${chosen?.id === e.id ? 'escort-row--chosen' : ''}`}
                onClick={() => Taro.navigateTo({ url: `${ROUTES.escortProfile}?id=${e.id}` })}
              >
                {photo ? <Image className='escort-row__photo' src={photo} mode='aspectFill' lazyLoad /> : <Text className='escort-row__photo escort-row__initial'>{e.name.slice(0, 1)}</Text>}
                <View className='escort-row__body'>
                  <View className='escort-row__head'>
                    <Text className='escort-row__name'>{e.name}</Text>
                    <Text className='booking__tag'>{e.levelLabel}</Text>
                    {chosen?.id === e.id && <Text className='booking__tag booking__tag--warning'>已选</Text>}
                  </View>
                  <Text className='booking__item-sub'>{escortSubtitle(e)}</Text>
                  <Text className='booking__item-sub'>
                    {ratingText(e.rating)} · 服务 {e.ordersServed} 单
                  </Text>
                  {e.skillLabels.length > 0 && (
                    <View>
                      {e.skillLabels.slice(0, 4).map((s) => (
                        <Text key={s} className='booking__tag booking__tag--muted'>
                          {s}
                        </Text>
                      ))}
                    </View>
                  )}
                </View>
                <Text className='escort-row__more'>›</Text>
              </View>
            )
          })}

          {loading && <Text className='booking__hint'>加载中…</Text>}
          {hasMore && !loading && (
            <Button className='booking__ghost escort-picker__more' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => loadMore()}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
