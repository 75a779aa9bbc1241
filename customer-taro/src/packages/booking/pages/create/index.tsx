import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import LoginPrompt from '../../../../components/login-prompt'
import PriceLines from '../../../../components/price-lines'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import {
  defaultStart,
  formatShanghaiTime,
  newIdempotencyKey,
  shanghaiDateAfter,
  shanghaiStartIso,
  toShanghaiParts,
} from '../../../../logic/booking-time'
import { parseRememberedCityId } from '../../../../logic/city-preference'
import { formatFen } from '../../../../logic/money'
import { appApi, customerSession } from '../../../../services/app-api'
import { messageOf } from '../../../../services/api-error'
import { showError, showMessage } from '../../../../services/feedback'
import {
  orderApi,
  type BookingInput,
  type HospitalView,
  type PatientView,
  type QuoteView,
  type ServiceItemView,
} from '../../../../services/order-api'
import { ROUTES } from '../../../../services/routes'
import '../../booking.scss'

const CITY_KEY = 'app.cityId'
const BOOKABLE_DAYS = 3

interface Choices {
  items: (ServiceItemView & { categoryName: string })[]
  hospitals: HospitalView[]
  patients: PatientView[]
}

async function resolveCityId(): Promise<number | null> {
  const remembered = parseRememberedCityId(Taro.getStorageSync(CITY_KEY))
  if (remembered) return remembered
  const cities = await appApi.cities()
  return cities[0]?.id ?? null
}

export default function BookingPage() {
  const [loggedIn] = useState(customerSession.isLoggedIn())
  const [cityId, setCityId] = useState<number | null>(null)
  const [choices, setChoices] = useState<Choices>({ items: [], hospitals: [], patients: [] })
  const [loadError, setLoadError] = useState<string | null>(null)
  const [itemIndex, setItemIndex] = useState(0)
  const [hospitalIndex, setHospitalIndex] = useState(0)
  const [patientIndex, setPatientIndex] = useState(0)
  const [start, setStart] = useState(() => defaultStart(new Date()))
  const [errandTask, setErrandTask] = useState('代取检查报告')
  const [quote, setQuote] = useState<QuoteView | null>(null)
  const [quoteError, setQuoteError] = useState<string | null>(null)
  // One key per distinct booking: a retry of the same form replays, a changed form is a new booking.
  const idempotency = useRef<{ body: string; key: string } | null>(null)

  async function load() {
    setLoadError(null)
    try {
      const city = await resolveCityId()
      if (!city) throw new Error('no city')
      const [categories, hospitals, patients] = await Promise.all([
        orderApi.categories(city),
        orderApi.hospitals(city),
        orderApi.patients(),
      ])
      setCityId(city)
      setChoices({
        items: categories.flatMap((c) => c.items.map((i) => ({ ...i, categoryName: c.name }))),
        hospitals,
        patients,
      })
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  useLoad(() => {
    if (loggedIn) load()
  })

  const item = choices.items[itemIndex]
  const hospital = choices.hospitals[hospitalIndex]
  const patient = choices.patients[patientIndex]

  const booking: BookingInput | null = useMemo(() => {
    if (!cityId || !item) return null
    const body: BookingInput = { serviceItemId: item.id, cityId, startAt: shanghaiStartIso(start.date, start.time) }
    if (item.isErrand) {
      body.errand = { tasks: [errandTask.trim() || '代办事项'] }
      if (hospital) body.hospitalId = hospital.id
    } else {
      if (!hospital || !patient) return null
      body.hospitalId = hospital.id
      body.patientId = patient.id
    }
    return body
  }, [cityId, item, hospital, patient, start, errandTask])

  const bookingJson = booking ? JSON.stringify(booking) : ''
  useEffect(() => {
    if (!booking) {
      setQuote(null)
      return
    }
    let stale = false
    setQuoteError(null)
    orderApi.quote(booking).then(
      (q) => !stale && setQuote(q),
      (err) => {
        if (stale) return
        setQuote(null)
        setQuoteError(messageOf(err))
      },
    )
    return () => {
      stale = true
    }
    // The JSON of the body is the dependency: a new object with the same content needs no new quote.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bookingJson])

  const [submit, submitting] = useSingleFlight(async () => {
    if (!booking || !quote?.bookable) {
      showMessage(quote?.reasonMessage || '请先选择可预约的时间')
      return
    }
    if (!idempotency.current || idempotency.current.body !== bookingJson) {
      idempotency.current = { body: bookingJson, key: newIdempotencyKey() }
    }
    try {
      const order = await orderApi.create(booking, idempotency.current.key)
      idempotency.current = null
      await Taro.redirectTo({ url: `${ROUTES.orderDetail}?id=${order.id}` })
    } catch (err) {
      showError(err)
    }
  })

  if (!loggedIn) {
    return (
      <View className='booking'>
        <LoginPrompt message='登录后即可预约陪诊服务' />
      </View>
    )
  }

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

  const today = shanghaiDateAfter(new Date(), 0)
  const lastDay = shanghaiDateAfter(new Date(), BOOKABLE_DAYS)

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__title'>服务信息</Text>
        <Picker
          mode='selector'
          range={choices.items.map((i) => `${i.categoryName} · ${i.name}`)}
          value={itemIndex}
          onChange={(e) => setItemIndex(Number(e.detail.value))}
        >
          <View className='booking__field'>
            <Text>服务项目</Text>
            <Text className='booking__value booking__service'>{item ? item.name : '加载中…'} ›</Text>
          </View>
        </Picker>
        {item && (
          <Text className='booking__hint'>
            {formatFen(item.unitPriceFen)} / {item.unitLabel}
            {item.description ? ` · ${item.description}` : ''}
          </Text>
        )}
        <Picker
          mode='selector'
          range={choices.hospitals.map((h) => h.name)}
          value={hospitalIndex}
          onChange={(e) => setHospitalIndex(Number(e.detail.value))}
        >
          <View className='booking__field'>
            <Text>就诊医院</Text>
            <Text className='booking__value'>{hospital ? hospital.name : '暂无可选医院'} ›</Text>
          </View>
        </Picker>
        {item?.isErrand ? (
          <View className='booking__field'>
            <Text>代办事项</Text>
            <Input
              className='booking__input'
              value={errandTask}
              maxlength={100}
              placeholder='如：代取 CT 报告'
              onInput={(e) => setErrandTask(e.detail.value)}
            />
          </View>
        ) : (
          <Picker
            mode='selector'
            range={choices.patients.map((p) => p.name)}
            value={patientIndex}
            onChange={(e) => setPatientIndex(Number(e.detail.value))}
          >
            <View className='booking__field'>
              <Text>就诊人</Text>
              <Text className='booking__value'>{patient ? patient.name : '暂无就诊人'} ›</Text>
            </View>
          </Picker>
        )}
        {!item?.isErrand && choices.items.length > 0 && choices.patients.length === 0 && (
          <Text className='booking__warning'>请先添加就诊人，或选择无需就诊人的代办服务</Text>
        )}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>服务时间</Text>
        <Picker mode='date' value={start.date} start={today} end={lastDay} onChange={(e) => setStart({ ...start, date: e.detail.value })}>
          <View className='booking__field'>
            <Text>日期</Text>
            <Text className='booking__value'>{start.date} ›</Text>
          </View>
        </Picker>
        <Picker mode='time' value={start.time} start='07:00' end='18:00' onChange={(e) => setStart({ ...start, time: e.detail.value })}>
          <View className='booking__field'>
            <Text>开始时间</Text>
            <Text className='booking__value'>{start.time} ›</Text>
          </View>
        </Picker>
        {quote && !quote.bookable && (
          <View>
            <Text className='booking__warning'>{quote.reasonMessage || '该时间暂不可预约'}</Text>
            {quote.suggestions.length > 0 && (
              <View>
                <Text className='booking__hint'>可预约的相近时间：</Text>
                <View className='booking__chips'>
                  {quote.suggestions.map((s) => (
                    <Text key={s} className='booking__chip' onClick={() => setStart(toShanghaiParts(s))}>
                      {formatShanghaiTime(s)}
                    </Text>
                  ))}
                </View>
              </View>
            )}
          </View>
        )}
        {quoteError && <Text className='booking__warning'>{quoteError}</Text>}
      </View>

      {quote && (
        <View className='booking__card'>
          <Text className='booking__title'>费用明细</Text>
          <Text className='booking__hint'>
            {formatShanghaiTime(quote.startAt)} 开始，约 {quote.durationMinutes} 分钟
          </Text>
          <PriceLines lines={quote.lines} totalFen={quote.totalFen} />
        </View>
      )}

      <View className='booking__bar'>
        <Text className='booking__bar-total'>{quote ? formatFen(quote.totalFen) : '¥--'}</Text>
        <Button
          className='booking__button'
          disabled={!quote?.bookable || submitting}
          loading={submitting}
          onClick={() => submit()}
        >
          提交订单
        </Button>
      </View>
    </View>
  )
}
