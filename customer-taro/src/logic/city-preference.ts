export interface City {
  id: number
  code: string
  name: string
}

/**
 * The city to show: the remembered one while it is still offered, otherwise the first offered
 * city (上海 on the demo data), or null when the list is empty.
 */
export function pickCity(cities: City[], rememberedId: number | null | undefined): City | null {
  if (cities.length === 0) return null
  return cities.find((c) => c.id === rememberedId) ?? cities[0]
}

export function parseRememberedCityId(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw !== '' ? Number(raw) : NaN
  return Number.isInteger(n) && n > 0 ? n : null
}
