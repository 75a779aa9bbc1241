import Taro from '@tarojs/taro'
import { parseRememberedCityId, pickCity, type City } from '../logic/city-preference'
import { appApi } from './app-api'

export const CITY_KEY = 'app.cityId'

/** The remembered city while it is still offered, else the first one. */
export async function resolveCity(): Promise<City | null> {
  const cities = await appApi.cities()
  return pickCity(cities, parseRememberedCityId(Taro.getStorageSync(CITY_KEY)))
}

export function rememberCity(city: City) {
  Taro.setStorageSync(CITY_KEY, String(city.id))
}
