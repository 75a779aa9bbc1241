import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import SmsLoginForm from '../../../../components/sms-login-form'
import { escortApi, escortSession } from '../../../../services/escort-api'
import { showSuccess } from '../../../../services/feedback'
import { ROUTES } from '../../../../services/routes'
import './index.scss'

export default function EscortLoginPage() {
  async function submit(phone: string, code: string) {
    const result = await escortApi.smsLogin(phone, code)
    escortSession.save(result)
    showSuccess('登录成功')
    setTimeout(() => Taro.redirectTo({ url: ROUTES.escortWorkbench }), 600)
  }

  return (
    <View className='escort-login'>
      <Text className='escort-login__title'>陪诊师工作台</Text>
      <Text className='escort-login__subtitle'>请使用平台登记的手机号登录</Text>
      <SmsLoginForm sendCode={escortApi.sendSmsCode} submit={submit} />
    </View>
  )
}
