import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { EMPTY_PATIENT, GENDERS, hasHealthNotes, patientBody, RELATIONS, toPatientForm, type PatientForm } from '../../../../logic/patient-form'
import { accountApi, type ConsentState, type LegalDocument } from '../../../../services/account-api'
import { messageOf } from '../../../../services/api-error'
import { showError, showMessage, showSuccess } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import '../../account.scss'

const TEXT_FIELDS: { key: keyof PatientForm; label: string; placeholder: string; type?: 'number' }[] = [
  { key: 'name', label: '姓名', placeholder: '就诊人姓名' },
  { key: 'phone', label: '手机号', placeholder: '陪诊师联系就诊人', type: 'number' },
  { key: 'idCardNo', label: '身份证号', placeholder: '选填，用于挂号' },
  { key: 'emergencyContactName', label: '紧急联系人', placeholder: '选填' },
  { key: 'emergencyContactPhone', label: '联系人电话', placeholder: '选填', type: 'number' },
]

const HEALTH_FIELDS: { key: keyof PatientForm; label: string; placeholder: string }[] = [
  { key: 'allergies', label: '过敏史', placeholder: '如：青霉素过敏' },
  { key: 'chronicConditions', label: '慢性病', placeholder: '如：高血压' },
  { key: 'medications', label: '用药情况', placeholder: '如：氨氯地平 5mg 每日一次' },
]

export default function PatientEditPage() {
  const router = useRouter()
  const id = Number(router.params.id) || null
  const [form, setForm] = useState<PatientForm>({ ...EMPTY_PATIENT })
  const [healthConsent, setHealthConsent] = useState<ConsentState | null>(null)
  const [healthDoc, setHealthDoc] = useState<LegalDocument | null>(null)
  const [error, setError] = useState<string | null>(null)

  useLoad(() => {
    if (id) accountApi.patient(id).then((p) => setForm(toPatientForm(p as never)), (err) => setError(messageOf(err)))
    accountApi.consents().then((list) => setHealthConsent(list.find((c) => c.kind === 'health_data') ?? null), () => undefined)
    accountApi.legalDocuments().then((docs) => setHealthDoc(docs.find((d) => d.kind === 'health_data') ?? null), () => undefined)
  })

  const set = (key: keyof PatientForm, value: string) => setForm({ ...form, [key]: value })

  const [grant, granting] = useSingleFlight(async () => {
    if (!healthDoc) return
    try {
      setHealthConsent(await accountApi.answerConsent('health_data', healthDoc.version, true))
    } catch (err) {
      showError(err)
    }
  })

  const [save, saving] = useSingleFlight(async () => {
    const checked = patientBody(form)
    if ('error' in checked) {
      showMessage(checked.error)
      return
    }
    if (hasHealthNotes(form) && !healthConsent?.granted) {
      showMessage('填写健康信息前，请先同意《健康信息处理授权》')
      return
    }
    try {
      if (id) await accountApi.updatePatient(id, checked.body)
      else await accountApi.createPatient(checked.body)
      showSuccess('已保存')
      setTimeout(() => Taro.navigateBack(), 500)
    } catch (err) {
      showError(err)
    }
  })

  const [remove, removing] = useSingleFlight(async () => {
    if (!id) return
    const { confirm } = await Taro.showModal({ title: '删除就诊人', content: `确定删除「${form.name}」吗？已下的订单不受影响。` })
    if (!confirm) return
    try {
      await accountApi.deletePatient(id)
      showSuccess('已删除')
      setTimeout(() => Taro.navigateBack(), 500)
    } catch (err) {
      showError(err)
    }
  })

  if (error) {
    return (
      <View className='booking'>
        <Text className='booking__warning'>{error}</Text>
      </View>
    )
  }

  return (
    <View className='booking'>
      <View className='booking__card'>
        <Text className='booking__title'>基本信息</Text>
        {TEXT_FIELDS.map((f) => (
          <View key={f.key} className='booking__field'>
            <Text>{f.label}</Text>
            <Input className='booking__input' type={f.type ?? 'text'} value={form[f.key]} placeholder={f.placeholder} onInput={(e) => set(f.key, e.detail.value)} />
          </View>
        ))}
        <Picker mode='selector' range={RELATIONS.map((r) => r.label)} value={Math.max(0, RELATIONS.findIndex((r) => r.value === form.relation))} onChange={(e) => set('relation', RELATIONS[Number(e.detail.value)].value)}>
          <View className='booking__field'>
            <Text>与我的关系</Text>
            <Text className='booking__value'>{RELATIONS.find((r) => r.value === form.relation)?.label} ›</Text>
          </View>
        </Picker>
        {!form.idCardNo && (
          <Picker mode='selector' range={GENDERS.map((g) => g.label)} value={Math.max(0, GENDERS.findIndex((g) => g.value === form.gender))} onChange={(e) => set('gender', GENDERS[Number(e.detail.value)].value)}>
            <View className='booking__field'>
              <Text>性别</Text>
              <Text className='booking__value'>{GENDERS.find((g) => g.value === form.gender)?.label} ›</Text>
            </View>
          </Picker>
        )}
        {!form.idCardNo && (
          <Picker mode='date' value={form.birthDate || '1960-01-01'} start='1900-01-01' end='2030-12-31' onChange={(e) => set('birthDate', e.detail.value)}>
            <View className='booking__field'>
              <Text>出生日期</Text>
              <Text className='booking__value'>{form.birthDate || '选填'} ›</Text>
            </View>
          </Picker>
        )}
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>健康信息（选填）</Text>
        {healthConsent?.granted ? (
          HEALTH_FIELDS.map((f) => (
            <View key={f.key}>
              <Text className='booking__hint'>{f.label}</Text>
              <Textarea className='booking__textarea' value={form[f.key]} maxlength={500} placeholder={f.placeholder} onInput={(e) => set(f.key, e.detail.value)} />
            </View>
          ))
        ) : (
          <View>
            {(healthDoc?.paragraphs ?? []).map((p) => (
              <Text key={p} className='booking__hint'>
                {p}
              </Text>
            ))}
            <Text className='booking__hint' onClick={() => Taro.navigateTo({ url: ROUTES.legal })}>
              查看《隐私政策》›
            </Text>
            <Button className='booking__button' loading={granting || undefined} disabled={granting || !healthDoc || undefined} onClick={() => grant()}>
              <Text>{granting ? '提交中…' : '同意并填写健康信息'}</Text>
            </Button>
          </View>
        )}
      </View>

      <View className='booking__bar'>
        {id ? (
          <Button className='booking__ghost booking__ghost--danger' loading={removing || undefined} disabled={removing || undefined} onClick={() => remove()}>
            <Text>删除</Text>
          </Button>
        ) : (
          <Text />
        )}
        <Button className='booking__button' loading={saving || undefined} disabled={saving || undefined} onClick={() => save()}>
          <Text>{saving ? '保存中…' : '保存'}</Text>
        </Button>
      </View>
    </View>
  )
}
