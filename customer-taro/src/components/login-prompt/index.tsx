import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../services/routes'
import './index.scss'

export default function LoginPrompt(props: { message: string }) {
  return (
    <View className='login-prompt'>
      <View className='login-prompt__badge'>
        <Text>登</Text>
      </View>
      <Text className='login-prompt__message'>{props.message}</Text>
      <Button className='login-prompt__button' onClick={() => Taro.navigateTo({ url: ROUTES.login })}>
        登录 / 注册
      </Button>
    </View>
  )
}
