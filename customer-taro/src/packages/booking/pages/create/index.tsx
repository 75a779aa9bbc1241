import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad, useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import LoginPrompt from '../../../../components/login-prompt'
import PriceLines from '../../../../components/price-lines'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime, toShanghaiParts } from '../../../../logic/booking-time'
import { escortChoice, type ChosenEscort } from '../../../../logic/escort-choice'
import { createIdempotencyMemo } from '../../../../logic/idempotency-memo'
import { formatFen } from '../../../../logic/money'
import { EMPTY_PATIENT, GENDERS, patientBody, RELATIONS, toPatientForm, type PatientForm } from '../../../../logic/patient-form'
import {
  bookableDays,
  daySlots,
  DEFAULT_BOOKING_RULES,
  describeTiers,
  durationChoices,
  durationLabel,
  firstAvailable,
  type BookingRules,
  type PenaltyTier,
} from '../../../../logic/slots'
import { accountApi } from '../../../../services/account-api'
import { customerSession } from '../../../../services/app-api'
import { messageOf } from '../../../../services/api-error'
import { resolveCity } from '../../../../services/city'
import { escortBrowseApi } from '../../../../services/escort-browse-api'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import {
  orderApi,
  type BookingInput,
  type DepartmentView,
  type HospitalView,
  type PatientView,
  type QuoteView,
  type ServiceItemView,
} from '../../../../services/order-api'
import { ROUTES } from '../../../../services/routes'
import EscortPicker from '../../components/escort-picker'
import '../../booking.scss'

type Item = ServiceItemView & { categoryName: string }

export default function BookingPage() {
  const router = useRouter()
  const [loggedIn, setLoggedIn] = useState(customerSession.isLoggedIn())
  const [cityId, setCityId] = useState<number | null>(null)
  const [rules, setRules] = useState<BookingRules>(DEFAULT_BOOKING_RULES)
  const [tiers, setTiers] = useState<PenaltyTier[]>([])
  const [items, setItems] = useState<Item[]>([])
  const [hospitals, setHospitals] = useState<HospitalView[]>([])
  const [patients, setPatients] = useState<PatientView[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)

  const [itemId, setItemId] = useState<number | null>(null)
  const [duration, setDuration] = useState<number | null>(null)
  const [hospital, setHospital] = useState<HospitalView | null>(null)
  const [departments, setDepartments] = useState<DepartmentView[]>([])
  const [departmentId, setDepartmentId] = useState<number | null>(null)
  const [searching, setSearching] = useState(false)
  const [keyword, setKeyword] = useState('')
  const [patientId, setPatientId] = useState<number | null>(null)
  const [editing, setEditing] = useState<{ id: number | null; form: PatientForm } | null>(null)
  // The preferred escort, chosen on a profile page (escortChoice) or given as ?escortId= by a profile opened elsewhere.
  const [escort, setEscort] = useState<ChosenEscort | null>(null)
  const [start, setStart] = useState(() => firstAvailable(DEFAULT_BOOKING_RULES, new Date()) ?? { date: '', time: '' })
  const [busy, setBusy] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [errandTask, setErrandTask] = useState('代取检查报告')
  const [quote, setQuote] = useState<QuoteView | null>(null)
  const [quoteError, setQuoteError] = useState<string | null>(null)
  const idempotency = useRef(createIdempotencyMemo())

  async function load() {
    setLoadError(null)
    try {
      const city = await resolveCity()
      if (!city) throw new Error('no city')
      const wantedEscort = Number(router.params.escortId)
      const [ruleView, categories, hospitalList, patientList, escortDetail] = await Promise.all([
        orderApi.bookingRules(),
        orderApi.categories(city.id),
        orderApi.hospitals(city.id),
        orderApi.patients(),
        wantedEscort > 0 ? escortBrowseApi.detail(wantedEscort).catch((err: unknown) => ({ error: messageOf(err) })) : Promise.resolve(null),
      ])
      const flat = categories.flatMap((c) => c.items.map((i) => ({ ...i, categoryName: c.name })))
      const wantedItem = Number(router.params.itemId)
      const chosen = flat.find((i) => i.id === wantedItem) ?? flat[0]
      setCityId(city.id)
      setRules(ruleView.booking)
      setTiers(ruleView.cancellation.tiers)
      setStart(firstAvailable(ruleView.booking, new Date()) ?? { date: '', time: '' })
      setItems(flat)
      setItemId(chosen?.id ?? null)
      setDuration(chosen?.defaultDurationMinutes ?? null)
      setHospitals(hospitalList)
      setHospital(hospitalList.find((h) => h.id === Number(router.params.hospitalId)) ?? hospitalList[0] ?? null)
      setPatients(patientList)
      setPatientId(patientList[0]?.id ?? null)
      // A profile opened outside the booking sent ?escortId=: that escort, if they serve this city.
      if (escortDetail && 'error' in escortDetail) showMessage(`${escortDetail.error}，已改为由平台安排陪诊师`)
      else if (escortDetail && escortDetail.cityId !== city.id) showMessage(`${escortDetail.name} 不在${city.name}服务，已改为由平台安排`)
      else if (escortDetail) setEscort({ id: escortDetail.id, name: escortDetail.name, levelLabel: escortDetail.levelLabel })
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  useLoad(() => {
    if (loggedIn) load()
  })

  useDidShow(() => {
    // Back from an escort's profile with 选TA陪诊: everything else on the form is as it was left.
    const chosen = escortChoice.take()
    if (chosen) setEscort(chosen)
    const now = customerSession.isLoggedIn()
    if (now && !loggedIn) {
      setLoggedIn(true)
      load()
    }
  })

  // Departments of the chosen hospital, for the department picker and the quote.
  useEffect(() => {
    setDepartmentId(null)
    setDepartments([])
    if (!hospital) return
    let stale = false
    orderApi.hospital(hospital.id).then(
      (d) => !stale && setDepartments(d.departments),
      () => undefined,
    )
    return () => {
      stale = true
    }
  }, [hospital])

  // Server-side search in Chinese (the backend's bigram index), a little after the typing stops.
  useEffect(() => {
    if (!searching || !cityId) return
    const timer = setTimeout(() => {
      orderApi.hospitals(cityId, keyword.trim() || undefined).then(setHospitals, showError)
    }, 300)
    return () => clearTimeout(timer)
  }, [keyword, searching, cityId])

  const item = items.find((i) => i.id === itemId)
  const patient = patients.find((p) => p.id === patientId)
  const durations = item ? durationChoices(item.minDurationMinutes ?? item.defaultDurationMinutes, item.maxDurationMinutes ?? item.defaultDurationMinutes, rules.slotMinutes) : []
  const days = useMemo(() => bookableDays(rules, new Date()), [rules])
  const slots = useMemo(() => (start.date ? daySlots(rules, start.date, new Date(), busy) : []), [rules, start.date, busy])

  const booking: BookingInput | null = useMemo(() => {
    if (!cityId || !item || !start.date || !start.time) return null
    const body: BookingInput = { serviceItemId: item.id, cityId, startAt: `${start.date}T${start.time}:00+08:00` }
    if (duration) body.durationMinutes = duration
    if (note.trim()) body.customerNote = note.trim()
    if (escort) body.preferredEscortId = escort.id
    if (item.isErrand) {
      body.errand = { tasks: [errandTask.trim() || '代办事项'] }
      if (hospital) body.hospitalId = hospital.id
    } else {
      if (!hospital || !patient) return null
      body.hospitalId = hospital.id
      if (departmentId) body.departmentId = departmentId
      body.patientId = patient.id
    }
    return body
  }, [cityId, item, hospital, departmentId, patient, start, duration, note, escort, errandTask])

  const bookingJson = booking ? JSON.stringify(booking) : ''
  useEffect(() => {
    if (!booking) {
      setQuote(null)
      return
    }
    let stale = false
    setQuoteError(null)
    const timer = setTimeout(() => {
      orderApi.quote(booking).then(
        (q) => {
          if (stale) return
          setQuote(q)
          if (q.reasonCode === 'SLOT_TAKEN' && !busy.includes(booking.startAt)) setBusy([...busy, booking.startAt])
        },
        (err) => {
          if (stale) return
          setQuote(null)
          setQuoteError(messageOf(err))
        },
      )
    }, 250)
    return () => {
      stale = true
      clearTimeout(timer)
    }
    // The JSON of the body is the dependency: a new object with the same content needs no new quote.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bookingJson])

  const [savePatient, savingPatient] = useSingleFlight(async () => {
    if (!editing) return
    const checked = patientBody(editing.form)
    if ('error' in checked) {
      showMessage(checked.error)
      return
    }
    try {
      const saved = editing.id
        ? await accountApi.updatePatient(editing.id, checked.body)
        : await accountApi.createPatient(checked.body)
      const list = await orderApi.patients()
      setPatients(list)
      setPatientId(saved.id)
      setEditing(null)
      showSuccess('已保存')
    } catch (err) {
      showError(err)
    }
  })

  const [submit, submitting] = useSingleFlight(async () => {
    if (!booking || !quote?.bookable) {
      showMessage(quote?.reasonMessage || '请先选择可预约的时间')
      return
    }
    try {
      const order = await orderApi.create(booking, idempotency.current.keyFor(booking))
      idempotency.current.succeeded()
      await Taro.redirectTo({ url: `${ROUTES.orderDetail}?id=${order.id}` })
    } catch (err) {
      // The key stays: tapping again after a timeout replays the same booking instead of a second one.
      showError(err)
    }
  })

  function chooseItem(next: Item) {
    setItemId(next.id)
    setDuration(next.defaultDurationMinutes)
  }

  function editField(key: keyof PatientForm, value: string) {
    if (editing) setEditing({ ...editing, form: { ...editing.form, [key]: value } })
  }

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

  const department = departments.find((d) => d.id === departmentId)

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__title'>服务项目</Text>
        <Picker
          mode='selector'
          range={items.map((i) => `${i.categoryName} · ${i.name}`)}
          value={Math.max(0, items.findIndex((i) => i.id === itemId))}
          onChange={(e) => items[Number(e.detail.value)] && chooseItem(items[Number(e.detail.value)])}
        >
          <View className='booking__field'>
            <Text>服务</Text>
            <Text className='booking__value booking__service'>{item ? item.name : '加载中…'} ›</Text>
          </View>
        </Picker>
        {item && (
          <Text className='booking__hint'>
            {formatFen(item.unitPriceFen)} / {item.unitLabel}
            {item.description ? ` · ${item.description}` : ''}
          </Text>
        )}
        {durations.length > 1 && (
          <View>
            <Text className='booking__hint'>服务时长</Text>
            <View className='booking__chips'>
              {durations.map((d) => (
                <Text key={d} className={`booking__tab ${d === duration ? 'booking__tab--active' : ''}`} onClick={() => setDuration(d)}>
                  {durationLabel(d)}
                </Text>
              ))}
            </View>
          </View>
        )}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>就诊医院</Text>
        <View className='booking__field' onClick={() => setSearching(!searching)}>
          <View>
            <Text className='booking__item-title'>{hospital ? hospital.name : '请选择医院'}</Text>
            {hospital?.address && <Text className='booking__item-sub'>{hospital.grade} · {hospital.address}</Text>}
          </View>
          <Text className='booking__value'>{searching ? '收起' : '更换'} ›</Text>
        </View>
        {searching && (
          <View>
            <Input
              className='booking__textarea booking__hospital-search'
              value={keyword}
              placeholder='搜索医院名称、简称或科室，如：中山'
              onInput={(e) => setKeyword(e.detail.value)}
            />
            {hospitals.length === 0 && <Text className='booking__hint'>没有找到相关医院</Text>}
            {hospitals.map((h) => (
              <View
                key={h.id}
                className={`booking__item ${h.id === hospital?.id ? 'booking__item--active' : ''}`}
                onClick={() => {
                  setHospital(h)
                  setSearching(false)
                }}
              >
                <Text className='booking__item-title'>{h.name}</Text>
                <Text className='booking__item-sub'>{[h.grade, h.address].filter(Boolean).join(' · ')}</Text>
              </View>
            ))}
          </View>
        )}
        {departments.length > 0 && (
          <Picker
            mode='selector'
            range={['不指定科室', ...departments.map((d) => d.name)]}
            value={department ? departments.indexOf(department) + 1 : 0}
            onChange={(e) => setDepartmentId(departments[Number(e.detail.value) - 1]?.id ?? null)}
          >
            <View className='booking__field'>
              <Text>科室</Text>
              <Text className='booking__value'>{department ? `${department.name}（${department.building} ${department.floor}）` : '不指定科室'} ›</Text>
            </View>
          </Picker>
        )}
        {item?.isErrand && (
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
        )}
      </View>

      {!item?.isErrand && (
        <View className='booking__card'>
          <Text className='booking__title'>就诊人</Text>
          <View className='booking__chips'>
            {patients.map((p) => (
              <Text key={p.id} className={`booking__tab ${p.id === patientId ? 'booking__tab--active' : ''}`} onClick={() => setPatientId(p.id)}>
                {p.name}
                {p.relationName ? `（${p.relationName}）` : ''}
              </Text>
            ))}
            <Text className='booking__tab' onClick={() => setEditing({ id: null, form: { ...EMPTY_PATIENT } })}>
              + 添加就诊人
            </Text>
          </View>
          {patient && !editing && (
            <Text className='booking__hint' onClick={() => setEditing({ id: patient.id, form: toPatientForm(patient as never) })}>
              {patient.phone ? `手机 ${patient.phone.slice(0, 3)}****${patient.phone.slice(-4)} · ` : ''}编辑资料 ›
            </Text>
          )}
          {patients.length === 0 && !editing && <Text className='booking__warning'>请先添加就诊人</Text>}
          {editing && (
            <View className='booking__patient-form'>
              <View className='booking__field'>
                <Text>姓名</Text>
                <Input className='booking__input' value={editing.form.name} placeholder='就诊人姓名' onInput={(e) => editField('name', e.detail.value)} />
              </View>
              <Picker
                mode='selector'
                range={RELATIONS.map((r) => r.label)}
                value={Math.max(0, RELATIONS.findIndex((r) => r.value === editing.form.relation))}
                onChange={(e) => editField('relation', RELATIONS[Number(e.detail.value)].value)}
              >
                <View className='booking__field'>
                  <Text>关系</Text>
                  <Text className='booking__value'>{RELATIONS.find((r) => r.value === editing.form.relation)?.label} ›</Text>
                </View>
              </Picker>
              <Picker
                mode='selector'
                range={GENDERS.map((g) => g.label)}
                value={Math.max(0, GENDERS.findIndex((g) => g.value === editing.form.gender))}
                onChange={(e) => editField('gender', GENDERS[Number(e.detail.value)].value)}
              >
                <View className='booking__field'>
                  <Text>性别</Text>
                  <Text className='booking__value'>{GENDERS.find((g) => g.value === editing.form.gender)?.label} ›</Text>
                </View>
              </Picker>
              <View className='booking__field'>
                <Text>手机号</Text>
                <Input className='booking__input' type='number' maxlength={11} value={editing.form.phone} placeholder='用于陪诊师联系' onInput={(e) => editField('phone', e.detail.value)} />
              </View>
              <Text className='booking__hint'>过敏史、慢病等健康信息可在“我的 › 就诊人”中补充</Text>
              <View className='booking__row'>
                <Button className='booking__ghost' onClick={() => setEditing(null)}>
                  取消
                </Button>
                <Button className='booking__button booking__wide' loading={savingPatient || undefined} disabled={savingPatient || undefined} onClick={() => savePatient()}>
                  <Text>{savingPatient ? '保存中…' : '保存就诊人'}</Text>
                </Button>
              </View>
            </View>
          )}
        </View>
      )}

      <View className='booking__card'>
        <Text className='booking__title'>服务时间</Text>
        <View className='booking__tabs'>
          {days.map((d) => (
            <Text key={d.date} className={`booking__tab ${d.date === start.date ? 'booking__tab--active' : ''}`} onClick={() => setStart({ date: d.date, time: '' })}>
              {d.label}
            </Text>
          ))}
        </View>
        <View className='booking__slots'>
          {slots.map((s) => (
            <View
              key={s.time}
              className={`booking__slot ${s.time === start.time ? 'booking__slot--active' : ''} ${s.available ? '' : 'booking__slot--disabled'}`}
              onClick={() => s.available && setStart({ date: start.date, time: s.time })}
            >
              <Text>{s.time}</Text>
              {!s.available && <Text className='booking__slot-reason'>{s.reason}</Text>}
            </View>
          ))}
        </View>
        {!start.time && <Text className='booking__hint'>请选择开始时间</Text>}
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

      <EscortPicker cityId={cityId} chosen={escort} onChoose={setEscort} />

      <View className='booking__card'>
        <Text className='booking__title'>备注</Text>
        <Textarea
          className='booking__textarea'
          value={note}
          maxlength={500}
          placeholder='如：老人行动不便，需要轮椅'
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>

      {quote && (
        <View className='booking__card'>
          <Text className='booking__title'>费用明细</Text>
          <Text className='booking__hint'>
            {formatShanghaiTime(quote.startAt)} 开始，约 {durationLabel(quote.durationMinutes)}
          </Text>
          <PriceLines lines={quote.lines} totalFen={quote.totalFen} />
        </View>
      )}

      {tiers.length > 0 && (
        <View className='booking__card booking__rules'>
          <Text className='booking__title'>取消规则</Text>
          {describeTiers(tiers).map((line) => (
            <Text key={line} className='booking__hint'>
              · {line}
            </Text>
          ))}
          <Text className='booking__hint'>· 未支付的订单可随时免费取消；下单后请在 {rules.paymentWindowMinutes} 分钟内完成支付</Text>
        </View>
      )}

      <View className='booking__bar'>
        <Text className='booking__bar-total'>{quote ? formatFen(quote.totalFen) : '¥--'}</Text>
        <Button
          className='booking__button'
          disabled={!quote?.bookable || submitting || undefined}
          loading={submitting || undefined}
          onClick={() => submit()}
        >
          <Text>{submitting ? '提交中…' : '提交订单'}</Text>
        </Button>
      </View>
    </View>
  )
}
