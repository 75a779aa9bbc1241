import { Button, Picker, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { parseRememberedCityId, pickCity, type City } from '../../logic/city-preference'
import { formatFen } from '../../logic/money'
import { appApi } from '../../services/app-api'
import { messageOf } from '../../services/api-error'
import { CITY_KEY } from '../../services/city'
import { orderApi, type HospitalNotice, type ServiceCategoryView } from '../../services/order-api'
import { ROUTES } from '../../services/routes'
import './index.scss'

const STEPS = ['选择服务', '预约时间', '陪诊师接单', '就诊陪同', '核销评价']

export default function HomePage() {
  const [cities, setCities] = useState<City[]>([])
  const [city, setCity] = useState<City | null>(null)
  const [categories, setCategories] = useState<ServiceCategoryView[]>([])
  const [activeCategory, setActiveCategory] = useState<string>('')
  const [notices, setNotices] = useState<HospitalNotice[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)

  async function loadCity(c: City) {
    const [cats, hospitals] = await Promise.all([orderApi.categories(c.id), orderApi.hospitals(c.id)])
    setCategories(cats)
    setActiveCategory(cats[0]?.code ?? '')
    // Notices are on each hospital's detail; the first few hospitals cover the demo's active ones.
    const details = await Promise.all(hospitals.slice(0, 5).map((h) => orderApi.hospital(h.id).catch(() => null)))
    setNotices(details.flatMap((d) => d?.notices ?? []).slice(0, 3))
  }

  async function load() {
    setLoadError(null)
    try {
      const list = await appApi.cities()
      const chosen = pickCity(list, parseRememberedCityId(Taro.getStorageSync(CITY_KEY)))
      setCities(list)
      setCity(chosen)
      if (chosen) await loadCity(chosen)
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  useLoad(() => {
    load()
  })

  function chooseCity(index: number) {
    const chosen = cities[index]
    if (!chosen) return
    setCity(chosen)
    Taro.setStorageSync(CITY_KEY, String(chosen.id))
    loadCity(chosen).catch((err) => setLoadError(messageOf(err)))
  }

  const cityIndex = Math.max(0, cities.findIndex((c) => c.id === city?.id))
  const category = categories.find((c) => c.code === activeCategory)
  const featured = categories.map((c) => c.items[0]).filter(Boolean).slice(0, 4)

  return (
    <View className='home'>
      <View className='home__hero'>
        <View className='home__city-bar'>
          {loadError ? (
            <Text className='home__city' onClick={load}>
              加载失败，点击重试
            </Text>
          ) : (
            <Picker mode='selector' range={cities.map((c) => c.name)} value={cityIndex} onChange={(e) => chooseCity(Number(e.detail.value))}>
              <Text className='home__city'>{city ? city.name : '选择城市'} ▾</Text>
            </Picker>
          )}
        </View>
        <Text className='home__welcome'>您好，欢迎使用陪诊服务</Text>
        <Text className='home__tagline'>专业陪诊师陪您就医，挂号、候诊、检查、取药全程有人照应</Text>
      </View>

      {notices.length > 0 && (
        <View className='card home__notices'>
          <Text className='home__section-title'>医院公告</Text>
          {notices.map((n) => (
            <View key={n.id} className='home__notice'>
              <Text className='home__notice-title'>
                {n.hospitalName} · {n.title}
              </Text>
              <Text className='home__notice-body'>{n.content}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='home__section-title'>服务分类</Text>
        <View className='home__tabs'>
          {categories.map((c) => (
            <Text key={c.code} className={`home__tab ${c.code === activeCategory ? 'home__tab--active' : ''}`} onClick={() => setActiveCategory(c.code)}>
              {c.name}
            </Text>
          ))}
        </View>
        <View className='home__services'>
          {(category?.items ?? []).map((s) => (
            <View key={s.id} className='home__service' onClick={() => Taro.navigateTo({ url: `${ROUTES.serviceDetail}?id=${s.id}` })}>
              <Text className='home__service-name'>{s.name}</Text>
              <Text className='home__service-desc'>
                {formatFen(s.unitPriceFen)} / {s.unitLabel}
              </Text>
            </View>
          ))}
        </View>
        <Button className='home__book' onClick={() => Taro.navigateTo({ url: ROUTES.booking })}>
          立即预约
        </Button>
      </View>

      {featured.length > 0 && (
        <View className='card'>
          <Text className='home__section-title'>热门服务</Text>
          {featured.map((s) => (
            <View key={s.id} className='home__featured' onClick={() => Taro.navigateTo({ url: `${ROUTES.serviceDetail}?id=${s.id}` })}>
              <Text className='home__service-name'>{s.name}</Text>
              <Text className='home__service-desc'>{s.description}</Text>
            </View>
          ))}
        </View>
      )}

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

      <View className='card home__help' onClick={() => Taro.navigateTo({ url: ROUTES.help })}>
        <Text className='home__section-title'>帮助中心</Text>
        <Text className='home__service-desc'>常见问题、搜索帮助、联系客服、服务协议与隐私政策 ›</Text>
      </View>
    </View>
  )
}
