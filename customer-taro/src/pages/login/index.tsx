import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import SmsLoginForm from '../../components/sms-login-form'
import { useSingleFlight } from '../../hooks/use-single-flight'
import { ApiError } from '../../services/api-error'
import {
  appApi,
  customerSession,
  WECHAT_PHONE_REQUIRED,
  type CustomerProfile,
  type LoginResult,
} from '../../services/app-api'
import { showError, showMessage, showSuccess } from '../../services/feedback'
import { ROUTES } from '../../services/routes'
import './index.scss'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** A fresh wx.login code: each one is good for a single exchange. */
async function wechatCode(): Promise<string> {
  const { code } = await Taro.login()
  return code
}

function finishLogin(result: LoginResult<CustomerProfile>) {
  customerSession.save(result)
  showSuccess('登录成功')
  // Back to where the login was asked for; opened directly, land on 我的.
  setTimeout(() => {
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
    else Taro.switchTab({ url: ROUTES.mine })
  }, 600)
}

export default function LoginPage() {
  // After a WeChat login answered WECHAT_PHONE_REQUIRED, the SMS form links the phone to WeChat.
  const [linkingWechat, setLinkingWechat] = useState(false)

  const [wechatLogin, wechatRunning] = useSingleFlight(async () => {
    try {
      finishLogin(await appApi.wechatLogin({ code: await wechatCode() }))
    } catch (err) {
      if (err instanceof ApiError && err.errorCode === WECHAT_PHONE_REQUIRED) {
        setLinkingWechat(true)
        showMessage('首次微信登录，请验证手机号')
      } else {
        showError(err)
      }
    }
  })

  async function submitSms(phone: string, code: string) {
    const result = linkingWechat
      ? await appApi.wechatLogin({ code: await wechatCode(), phone, smsCode: code })
      : await appApi.smsLogin(phone, code)
    finishLogin(result)
  }

  return (
    <View className='login'>
      <Text className='login__title'>{linkingWechat ? '验证手机号' : '手机号登录'}</Text>
      <Text className='login__subtitle'>
        {linkingWechat ? '验证后，您的微信将与该手机号关联' : '未注册的手机号验证后将自动创建账号'}
      </Text>

      <SmsLoginForm
        sendCode={appApi.sendSmsCode}
        submit={submitSms}
        submitText={linkingWechat ? '验证并登录' : '登录'}
      />

      {IS_WEAPP && !linkingWechat && (
        <View className='login__wechat'>
          <Text className='login__divider'>或</Text>
          <Button
            className='login__wechat-button'
            loading={wechatRunning || undefined}
            disabled={wechatRunning || undefined}
            onClick={() => wechatLogin()}
          >
            <Text>{wechatRunning ? '登录中…' : '微信一键登录'}</Text>
          </Button>
        </View>
      )}

      <View className='login__footer'>
        <Text className='login__link' onClick={() => Taro.navigateTo({ url: ROUTES.escortLogin })}>
          我是陪诊师，去工作台登录
        </Text>
      </View>
    </View>
  )
}
