import type { Hospital } from '@/services/models';

/** Decimal degrees with at most 6 decimals, as the backend stores them exactly (micro-degrees). */
export const COORDINATE_PATTERN = /^-?\d{1,3}(\.\d{1,6})?$/;

export interface HospitalFormValues {
  cityId: number;
  name: string;
  alias?: string;
  grade: string;
  address: string;
  latitude?: string;
  longitude?: string;
  phone: string;
  outpatientHours?: string;
  visitingHours?: string;
  intro?: string;
}

/** The request body: trimmed text, coordinates kept as text (never parsed into floats). */
export function toHospitalBody(values: HospitalFormValues): API.HospitalInputDTO {
  const text = (v: string | undefined) => (v ?? '').trim();
  return {
    cityId: values.cityId,
    name: text(values.name),
    alias: text(values.alias),
    grade: values.grade as API.HospitalInputDTO['grade'],
    address: text(values.address),
    latitude: text(values.latitude) || null,
    longitude: text(values.longitude) || null,
    phone: text(values.phone),
    outpatientHours: text(values.outpatientHours),
    visitingHours: text(values.visitingHours),
    intro: text(values.intro) || null,
  };
}

export function toHospitalFormValues(h: Hospital): HospitalFormValues {
  return {
    cityId: h.cityId,
    name: h.name,
    alias: h.alias,
    grade: h.grade,
    address: h.address,
    latitude: h.latitude ?? undefined,
    longitude: h.longitude ?? undefined,
    phone: h.phone,
    outpatientHours: h.outpatientHours,
    visitingHours: h.visitingHours,
    intro: h.intro ?? undefined,
  };
}

/** Both coordinates or neither; the form shows this next to the longitude. */
export function coordinatesProblem(latitude?: string, longitude?: string): string | null {
  const lat = (latitude ?? '').trim();
  const lng = (longitude ?? '').trim();
  if (Boolean(lat) !== Boolean(lng)) return '经度和纬度需同时填写';
  if (lat && (!COORDINATE_PATTERN.test(lat) || Math.abs(Number(lat)) > 90)) return '纬度应在 -90 到 90 之间，最多 6 位小数';
  if (lng && (!COORDINATE_PATTERN.test(lng) || Math.abs(Number(lng)) > 180)) return '经度应在 -180 到 180 之间，最多 6 位小数';
  return null;
}
