import type { EscortProfile } from '@/services/workforce-models';
import { changedFields, formValuesOf, profileBody } from './escort-form';

const escort = {
  id: 1,
  name: '李静',
  gender: 'female',
  level: 'senior',
  education: 'college',
  experienceYears: 5,
  serviceDistricts: ['徐汇区'],
  skills: ['outpatient', '老年'],
  bio: '耐心细致',
  baseAddress: '徐汇区漕溪北路',
  baseLatitude: '31.197845',
  baseLongitude: '121.454800',
} as EscortProfile;

describe('escort form', () => {
  it('sends trimmed, de-duplicated tags and empty coordinates as null', () => {
    const body = profileBody({ ...formValuesOf(escort), skills: [' 老年', '老年', ''], baseLatitude: ' ', baseLongitude: undefined });
    expect(body.skills).toEqual(['老年']);
    expect([body.baseLatitude, body.baseLongitude]).toEqual([null, null]);
  });

  it('sends only what changed when editing', () => {
    expect(changedFields(escort, formValuesOf(escort))).toEqual({});
    expect(changedFields(escort, { ...formValuesOf(escort), level: 'expert', serviceDistricts: ['徐汇区', '静安区'] })).toEqual({
      level: 'expert',
      serviceDistricts: ['徐汇区', '静安区'],
    });
  });
});
