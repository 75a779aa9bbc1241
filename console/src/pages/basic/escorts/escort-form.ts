/** The escort profile form ↔ the API body: only what changed is sent on edit (PUT takes a partial profile). */
import type { EscortProfile } from '@/services/workforce-models';

export interface EscortFormValues {
  cityId?: number;
  name: string;
  phone?: string;
  gender: 'male' | 'female';
  level: string;
  education?: string;
  experienceYears?: number;
  serviceDistricts?: string[];
  skills?: string[];
  bio?: string;
  baseAddress?: string;
  baseLatitude?: string;
  baseLongitude?: string;
}

export function formValuesOf(e: EscortProfile): EscortFormValues {
  return {
    name: e.name,
    gender: e.gender as 'male' | 'female',
    level: e.level,
    education: e.education || undefined,
    experienceYears: e.experienceYears,
    serviceDistricts: e.serviceDistricts,
    skills: e.skills,
    bio: e.bio,
    baseAddress: e.baseAddress,
    baseLatitude: e.baseLatitude ?? undefined,
    baseLongitude: e.baseLongitude ?? undefined,
  };
}

const clean = (list: string[] | undefined) => [...new Set((list ?? []).map((s) => s.trim()).filter(Boolean))];
const coordinate = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** The profile fields as the API takes them. */
export function profileBody(v: EscortFormValues) {
  return {
    name: v.name.trim(),
    gender: v.gender,
    level: v.level,
    education: v.education ?? '',
    experienceYears: Number(v.experienceYears ?? 0),
    serviceDistricts: clean(v.serviceDistricts),
    skills: clean(v.skills),
    bio: (v.bio ?? '').trim(),
    baseAddress: (v.baseAddress ?? '').trim(),
    baseLatitude: coordinate(v.baseLatitude),
    baseLongitude: coordinate(v.baseLongitude),
  };
}

/** Only the fields whose value differs from the stored profile (an unchanged form sends nothing). */
export function changedFields(before: EscortProfile, v: EscortFormValues): Partial<ReturnType<typeof profileBody>> {
  const next = profileBody(v);
  const prev = profileBody(formValuesOf(before));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(prev[key])) out[key] = next[key];
  }
  return out as Partial<ReturnType<typeof profileBody>>;
}
