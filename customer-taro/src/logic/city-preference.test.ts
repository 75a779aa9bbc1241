import { parseRememberedCityId, pickCity } from './city-preference'

const cities = [
  { id: 1, code: 'shanghai', name: '上海' },
  { id: 2, code: 'beijing', name: '北京' },
]

describe('city preference', () => {
  it('keeps the remembered city while it is still offered', () => {
    expect(pickCity(cities, 2)?.name).toBe('北京')
  })

  it('falls back to the first city when nothing is remembered or the city is gone', () => {
    expect(pickCity(cities, null)?.name).toBe('上海')
    expect(pickCity(cities, 99)?.name).toBe('上海')
  })

  it('has no city to show when none is offered', () => {
    expect(pickCity([], 1)).toBeNull()
  })

  it('reads the stored id whether storage gives back a string, a number or nothing', () => {
    expect(parseRememberedCityId('2')).toBe(2)
    expect(parseRememberedCityId(2)).toBe(2)
    expect(parseRememberedCityId('')).toBeNull()
    expect(parseRememberedCityId('abc')).toBeNull()
    expect(parseRememberedCityId(undefined)).toBeNull()
  })
})
