import { Button, Picker, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { parseRememberedCityId, pickCity, type City } from '../../logic/city-preference'
import { appApi } from '../../services/app-api'
import { messageOf } from '../../services/api-error'
import { ROUTES } from '../../services/routes'
import './index.scss'

const CITY_KEY = 'app.cityId'

const SERVICES = [
  { name: '全程陪诊', desc: '挂号、候诊、检查、取药全程陪同' },
  { name: '半天陪诊', desc: '4 小时内的门诊陪同' },
  { name: '代取报告', desc: '代取检查报告并拍照发送' },
  { name: '住院陪护', desc: '住院期间的日常照护' },
]

const STEPS = ['选择服务', '预约时间', '陪诊师接单', '就诊陪同', '核销评价']

export default function HomePage() {
  const [cities, setCities] = useState<City[]>([])
  const [city, setCity] = useState<City | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  async function loadCities() {
    setLoadError(null)
    try {
      const list = await appApi.cities()
      setCities(list)
      setCity(pickCity(list, parseRememberedCityId(Taro.getStorageSync(CITY_KEY))))
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  useLoad(() => {
    loadCities()
  })

  function chooseCity(index: number) {
    const chosen = cities[index]
    if (!chosen) return
    setCity(chosen)
    Taro.setStorageSync(CITY_KEY, String(chosen.id))
  }

  const cityIndex = Math.max(0, cities.findIndex((c) => c.id === city?.id))

  return (
    <View className='home'>
      <View className='home__hero'>
        <View className='home__city-bar'>
          {loadError ? (
            <Text className='home__city' onClick={loadCities}>
              城市加载失败，点击重试
            </Text>
          ) : (
            <Picker
              mode='selector'
              range={cities.map((c) => c.name)}
              value={cityIndex}
              onChange={(e) => chooseCity(Number(e.detail.value))}
            >
              <Text className='home__city'>{city ? city.name : '选择城市'} ▾</Text>
            </Picker>
          )}
        </View>
        <Text className='home__welcome'>您好，欢迎使用陪诊服务</Text>
        <Text className='home__tagline'>专业陪诊师陪您就医，挂号、候诊、检查、取药全程有人照应</Text>
      </View>

      <View className='card'>
        <Text className='home__section-title'>我们的服务</Text>
        <View className='home__services'>
          {SERVICES.map((s) => (
            <View key={s.name} className='home__service'>
              <Text className='home__service-name'>{s.name}</Text>
              <Text className='home__service-desc'>{s.desc}</Text>
            </View>
          ))}
        </View>
        <Button className='home__book' onClick={() => Taro.navigateTo({ url: ROUTES.booking })}>
          立即预约
        </Button>
      </View>

      <View className='card'>
        <Text className='home__section-title'>服务流程</Text>
        <View className='home__steps'>
          {STEPS.map((step, i) => (
            <View key={step} className='home__step'>
              <Text className='home__step-no'>{i + 1}</Text>
              <Text className='home__step-name'>{step}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
