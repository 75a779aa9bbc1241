import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { sendCodeLabel } from '../../logic/countdown'
import { normalizePhone, validateSmsLogin, isValidPhone } from '../../logic/validators'
import { useCountdown } from '../../hooks/use-countdown'
import { useSingleFlight } from '../../hooks/use-single-flight'
import { showError, showMessage, showSuccess } from '../../services/feedback'
import type { SmsCodeSent } from '../../services/app-api'
import './index.scss'

export interface SmsLoginFormProps {
  /** Asks the backend to send a code; resolves with when a new one may be asked for. */
  sendCode: (phone: string) => Promise<SmsCodeSent>
  /** Logs in with a checked phone and code; throws to show the error and stay on the form. */
  submit: (phone: string, code: string) => Promise<void>
  submitText?: string
  submittingText?: string
}

const DEFAULT_RESEND_SECONDS = 60

export default function SmsLoginForm(props: SmsLoginFormProps) {
  const { submitText = '登录', submittingText = '登录中…' } = props
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sentBefore, setSentBefore] = useState(false)
  const [remaining, startCountdown] = useCountdown()

  const [sendCode, sending] = useSingleFlight(async () => {
    const p = normalizePhone(phone)
    if (!isValidPhone(p)) {
      showMessage(p ? '请输入正确的 11 位手机号' : '请输入手机号')
      return
    }
    try {
      const sent = await props.sendCode(p)
      setSentBefore(true)
      startCountdown(sent?.resendAfter || DEFAULT_RESEND_SECONDS)
      showSuccess('验证码已发送')
    } catch (err) {
      showError(err)
    }
  })

  const [submit, submitting] = useSingleFlight(async () => {
    const problem = validateSmsLogin(phone, code)
    if (problem) {
      showMessage(problem)
      return
    }
    try {
      await props.submit(normalizePhone(phone), code.trim())
    } catch (err) {
      showError(err)
    }
  })

  const canSend = !sending && remaining === 0
  return (
    <View className='sms-form'>
      <View className='sms-form__row'>
        <Text className='sms-form__prefix'>+86</Text>
        <Input
          className='sms-form__input'
          type='number'
          maxlength={11}
          placeholder='请输入手机号'
          value={phone}
          onInput={(e) => setPhone(e.detail.value)}
        />
      </View>
      <View className='sms-form__row'>
        <Input
          className='sms-form__input'
          type='number'
          maxlength={6}
          placeholder='6 位验证码'
          value={code}
          onInput={(e) => setCode(e.detail.value)}
        />
        <View
          className={`sms-form__send ${canSend ? '' : 'sms-form__send--disabled'}`}
          onClick={() => canSend && sendCode()}
        >
          {sendCodeLabel(remaining, sending, sentBefore)}
        </View>
      </View>
      <Button
        className={`sms-form__submit ${submitting ? 'sms-form__submit--busy' : ''}`}
        type='primary'
        // `|| undefined`: on H5 a false value still renders the attribute, which greys the button.
        loading={submitting || undefined}
        disabled={submitting || undefined}
        onClick={() => submit()}
      >
        {/* A stable element child: on H5 the button inserts its spinner next to it, and a bare
            text node replaced by React at the same moment breaks that insertion. */}
        <Text>{submitting ? submittingText : submitText}</Text>
      </Button>
    </View>
  )
}
