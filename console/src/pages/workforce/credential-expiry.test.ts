import { credentialExpiry, expiringSoon } from './credential-expiry';

describe('credential expiry', () => {
  it('calls a credential without an expiry date lasting', () => {
    expect(credentialExpiry(null, '2026-11-23', 30)).toEqual({ state: 'none', daysLeft: null, text: '长期有效' });
  });

  it('warns inside the window, counting the last valid day as valid', () => {
    expect(credentialExpiry('2026-12-10', '2026-11-23', 30)).toEqual({ state: 'expiring', daysLeft: 17, text: '17 天后到期' });
    expect(credentialExpiry('2026-11-23', '2026-11-23', 30).text).toBe('今天到期');
  });

  it('says how long ago one lapsed, and nothing alarming far ahead', () => {
    expect(credentialExpiry('2026-11-20', '2026-11-23', 30)).toEqual({ state: 'expired', daysLeft: -3, text: '已过期 3 天' });
    expect(credentialExpiry('2027-06-01', '2026-11-23', 30).state).toBe('ok');
  });

  it('counts days across a month end and a leap day exactly', () => {
    expect(credentialExpiry('2028-03-01', '2028-02-28', 30).daysLeft).toBe(2);
  });

  it('lists approved or lapsed credentials due within the window, soonest first', () => {
    const rows = [
      { id: 1, status: 'approved', expiresOn: '2026-12-20' },
      { id: 2, status: 'approved', expiresOn: '2026-11-30' },
      { id: 3, status: 'pending', expiresOn: '2026-11-25' },
      { id: 4, status: 'approved', expiresOn: null },
      { id: 5, status: 'approved', expiresOn: '2027-05-01' },
      { id: 6, status: 'expired', expiresOn: '2026-11-01' },
    ];
    expect(expiringSoon(rows, '2026-11-23', 30).map((r) => r.id)).toEqual([6, 2, 1]);
  });
});
