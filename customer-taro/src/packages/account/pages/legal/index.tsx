import { Button, Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { accountApi, type ConsentKind, type ConsentState, type LegalDocument } from '../../../../services/account-api'
import { customerSession } from '../../../../services/app-api'
import { messageOf } from '../../../../services/api-error'
import { showError, showSuccess } from '../../../../services/feedback'
import '../../account.scss'

const FAQ = [
  { q: '如何预约？', a: '首页选择服务，填写医院、时间和就诊人，确认费用后提交并支付。' },
  { q: '陪诊师什么时候联系我？', a: '派单后陪诊师会在服务前通过平台与您确认集合地点。' },
  { q: '核销码有什么用？', a: '服务开始后订单里会显示核销码，服务结束时告诉陪诊师即可完成订单。' },
  { q: '可以取消吗？', a: '可以。未支付随时免费取消；已支付按下单页展示的取消规则退款。' },
]

export default function LegalPage() {
  const [docs, setDocs] = useState<LegalDocument[]>([])
  const [consents, setConsents] = useState<ConsentState[]>([])
  const [open, setOpen] = useState<ConsentKind | null>(null)
  const [error, setError] = useState<string | null>(null)
  const loggedIn = customerSession.isLoggedIn()

  useLoad(() => {
    accountApi.legalDocuments().then(setDocs, (err) => setError(messageOf(err)))
    if (loggedIn) accountApi.consents().then(setConsents, () => undefined)
  })

  const [answer, answering] = useSingleFlight(async (doc: LegalDocument, granted: boolean) => {
    try {
      const state = await accountApi.answerConsent(doc.kind, doc.version, granted)
      setConsents((list) => [...list.filter((c) => c.kind !== doc.kind), state])
      showSuccess(granted ? '已同意' : '已撤回')
    } catch (err) {
      showError(err)
    }
  })

  return (
    <View className='booking'>
      {error && <Text className='booking__warning'>{error}</Text>}
      {docs.map((doc) => {
        const state = consents.find((c) => c.kind === doc.kind)
        return (
          <View key={doc.kind} className='booking__card'>
            <View className='booking__field' onClick={() => setOpen(open === doc.kind ? null : doc.kind)}>
              <Text className='booking__title'>{doc.title}</Text>
              <Text className='booking__value'>{state?.granted ? '已同意' : ''} ›</Text>
            </View>
            {open === doc.kind && (
              <View>
                <Text className='booking__hint'>版本 {doc.version}</Text>
                {doc.paragraphs.map((p) => (
                  <Text key={p} className='booking__paragraph'>
                    {p}
                  </Text>
                ))}
                {loggedIn && (
                  <View>
                    {state?.granted && state.answeredAt && <Text className='booking__hint'>您已于 {formatShanghaiTime(state.answeredAt)} 同意</Text>}
                    <Button
                      className={state?.granted ? 'booking__ghost booking__ghost--danger' : 'booking__button'}
                      loading={answering || undefined}
                      disabled={answering || undefined}
                      onClick={() => answer(doc, !state?.granted)}
                    >
                      <Text>{state?.granted ? '撤回同意' : '我已阅读并同意'}</Text>
                    </Button>
                  </View>
                )}
              </View>
            )}
          </View>
        )
      })}
      <View className='booking__card'>
        <Text className='booking__title'>常见问题</Text>
        {FAQ.map((f) => (
          <View key={f.q} className='booking__item'>
            <Text className='booking__item-title'>{f.q}</Text>
            <Text className='booking__item-sub'>{f.a}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
