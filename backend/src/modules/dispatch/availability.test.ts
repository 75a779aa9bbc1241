import { checkAvailability, credentialValidFor, liveStatus, slotDays, type AvailabilityInput, type CredentialFact, type UnavailableReason } from './availability';
import { shiftIntervals } from '../schedules/shift-calendar';

/** Shanghai wall clock to a Date. */
const sh = (s: string) => new Date(`${s}+08:00`);
const iv = (a: string, b: string) => ({ start: sh(a), end: sh(b) });

const basicEscort: CredentialFact = { typeCode: 'basic_escort', status: 'approved', issuedOn: '2025-01-01', expiresOn: '2027-12-31' };
const nursing: CredentialFact = { typeCode: 'nursing_cert', status: 'approved', issuedOn: '2025-01-01', expiresOn: null };

// Monday 2026-11-23, a 09:00-17:00 weekday shift; the order is 10:00-12:00 in city 1.
const weekdayShifts = shiftIntervals(
  [1, 2, 3, 4, 5].map(weekday => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
  [],
  sh('2026-11-22T00:00:00'),
  sh('2026-11-30T00:00:00')
).map(s => ({ start: s.start, end: s.end }));

function input(overrides: Partial<AvailabilityInput> & { start?: string; end?: string; required?: string[] } = {}): AvailabilityInput {
  const { start = '2026-11-23T10:00:00', end = '2026-11-23T12:00:00', required = ['basic_escort'], ...rest } = overrides;
  return {
    escort: { status: 'active', cityId: 1 },
    slot: { cityId: 1, start: sh(start), end: sh(end), requiredQualifications: required },
    travelBufferMinutes: 30,
    shifts: weekdayShifts,
    leaves: [],
    claims: [],
    credentials: [basicEscort],
    ...rest,
  };
}

describe('checkAvailability', () => {
  const cases: Array<[string, AvailabilityInput, UnavailableReason[]]> = [
    ['an active escort in shift, free, qualified, in the city is available', input(), []],
    ['an order ending exactly when the shift ends fits', input({ start: '2026-11-23T15:00:00', end: '2026-11-23T17:00:00' }), []],
    ['an order starting exactly when the shift starts fits', input({ start: '2026-11-23T09:00:00', end: '2026-11-23T10:00:00' }), []],
    ['an order running past the end of the shift is outside it', input({ start: '2026-11-23T16:00:00', end: '2026-11-23T18:00:00' }), ['outside_shift']],
    ['an order on a Saturday without a shift is outside it', input({ start: '2026-11-28T10:00:00', end: '2026-11-28T12:00:00' }), ['outside_shift']],
    ['an applicant is not available', input({ escort: { status: 'applicant', cityId: 1 } }), ['escort_inactive']],
    ['a suspended escort is not available', input({ escort: { status: 'suspended', cityId: 1 } }), ['escort_inactive']],
    ['an escort of another city is not available', input({ escort: { status: 'active', cityId: 2 } }), ['city_mismatch']],
    ['approved leave overlapping the order blocks it', input({ leaves: [iv('2026-11-23T11:00:00', '2026-11-24T00:00:00')] }), ['on_leave']],
    ['leave that ends when the order starts does not block it', input({ leaves: [iv('2026-11-22T00:00:00', '2026-11-23T10:00:00')] }), []],
    ['another order overlapping the time blocks it', input({ claims: [iv('2026-11-23T11:30:00', '2026-11-23T13:00:00')] }), ['time_claimed']],
    ['another order ending 15 minutes before leaves too little travel time', input({ claims: [iv('2026-11-23T08:00:00', '2026-11-23T09:45:00')] }), ['travel_buffer']],
    ['another order starting 30 minutes after the end is just enough', input({ claims: [iv('2026-11-23T12:30:00', '2026-11-23T14:00:00')] }), []],
    ['back-to-back orders are fine without a travel buffer', input({ travelBufferMinutes: 0, claims: [iv('2026-11-23T12:00:00', '2026-11-23T14:00:00')] }), []],
    ['no credential for a required qualification', input({ credentials: [] }), ['credential_missing']],
    ['a pending credential does not count', input({ credentials: [{ ...basicEscort, status: 'pending' }] }), ['credential_missing']],
    ['a rejected credential does not count', input({ credentials: [{ ...basicEscort, status: 'rejected' }] }), ['credential_missing']],
    ['a credential that expired the day before', input({ credentials: [{ ...basicEscort, expiresOn: '2026-11-22' }] }), ['credential_expired']],
    ['a credential marked expired by the daily job', input({ credentials: [{ ...basicEscort, status: 'expired', expiresOn: '2026-11-22' }] }), ['credential_expired']],
    ['a credential valid through the day of the order', input({ credentials: [{ ...basicEscort, expiresOn: '2026-11-23' }] }), []],
    ['a credential issued after the day of the order', input({ credentials: [{ ...basicEscort, issuedOn: '2026-11-24' }] }), ['credential_expired']],
    ['an item needing two qualifications with one held', input({ required: ['basic_escort', 'nursing_cert'] }), ['credential_missing']],
    ['an item needing two qualifications with both held', input({ required: ['basic_escort', 'nursing_cert'], credentials: [basicEscort, nursing] }), []],
    ['an item needing no qualification', input({ required: [], credentials: [] }), []],
    [
      'every reason at once',
      input({
        start: '2026-11-28T10:00:00',
        end: '2026-11-28T12:00:00',
        escort: { status: 'suspended', cityId: 2 },
        leaves: [iv('2026-11-28T00:00:00', '2026-11-29T00:00:00')],
        claims: [iv('2026-11-28T09:00:00', '2026-11-28T10:30:00')],
        credentials: [],
      }),
      ['escort_inactive', 'city_mismatch', 'outside_shift', 'on_leave', 'time_claimed', 'credential_missing'],
    ],
  ];

  it.each(cases)('%s', (_label, given, reasons) => {
    const result = checkAvailability(given);
    expect(result.reasons).toEqual(reasons);
    expect(result.available).toBe(reasons.length === 0);
  });

  it('names the qualifications that are missing', () => {
    expect(checkAvailability(input({ required: ['basic_escort', 'nursing_cert', 'health_cert'] })).missingQualifications).toEqual(['nursing_cert', 'health_cert']);
  });

  it('lets a dispatcher override only shift and travel-buffer reasons', () => {
    expect(checkAvailability(input({ start: '2026-11-28T10:00:00', end: '2026-11-28T12:00:00' })).overridable).toBe(true);
    expect(checkAvailability(input({ claims: [iv('2026-11-23T08:00:00', '2026-11-23T09:45:00')] })).overridable).toBe(true);
    expect(checkAvailability(input({ credentials: [] })).overridable).toBe(false);
    expect(checkAvailability(input({ start: '2026-11-28T10:00:00', end: '2026-11-28T12:00:00', credentials: [] })).overridable).toBe(false);
    expect(checkAvailability(input()).overridable).toBe(false);
  });
});

describe('credentialValidFor and slotDays', () => {
  it('counts an order ending at midnight as one day', () => {
    expect(slotDays(sh('2026-11-23T22:00:00'), sh('2026-11-24T00:00:00'))).toEqual(['2026-11-23', '2026-11-23']);
    expect(slotDays(sh('2026-11-23T23:00:00'), sh('2026-11-24T01:00:00'))).toEqual(['2026-11-23', '2026-11-24']);
  });
  it('needs the credential valid on the last day of a slot that crosses midnight', () => {
    expect(credentialValidFor({ ...basicEscort, expiresOn: '2026-11-23' }, '2026-11-23', '2026-11-24')).toBe(false);
    expect(credentialValidFor({ ...basicEscort, expiresOn: '2026-11-24' }, '2026-11-23', '2026-11-24')).toBe(true);
  });
});

describe('liveStatus', () => {
  const now = sh('2026-11-23T10:00:00');
  const base = { escortStatus: 'active', orders: [], leaves: [], shifts: weekdayShifts };
  const order = (status: string, a: string, b: string) => ({ status, startAt: sh(a), endAt: sh(b) });
  it.each([
    ['free inside a shift is 空闲 (idle)', base, 'idle'],
    ['outside any shift is 离线 (offline)', { ...base, shifts: [] }, 'offline'],
    ['a suspended escort is offline', { ...base, escortStatus: 'suspended' }, 'offline'],
    ['an order in service is 服务中', { ...base, orders: [order('in_service', '2026-11-23T09:00:00', '2026-11-23T11:00:00')] }, 'in_service'],
    ['on the way to an order counts as 服务中', { ...base, orders: [order('departed', '2026-11-23T10:30:00', '2026-11-23T12:00:00')] }, 'in_service'],
    ['an accepted order later today is 已派单待出发', { ...base, orders: [order('accepted', '2026-11-23T14:00:00', '2026-11-23T16:00:00')] }, 'assigned'],
    ['an order assigned for tomorrow leaves today idle', { ...base, orders: [order('dispatched', '2026-11-24T09:00:00', '2026-11-24T11:00:00')] }, 'idle'],
    ['approved leave now is 请假', { ...base, leaves: [iv('2026-11-23T00:00:00', '2026-11-24T00:00:00')] }, 'on_leave'],
  ])('%s', (_label, given, expected) => {
    expect(liveStatus(now, given as any)).toBe(expected);
  });
});
