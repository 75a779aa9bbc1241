import { noticeStatus } from './notice-window';

describe('a notice’s window', () => {
  const notice = { startsAt: new Date('2025-06-01T00:00:00Z'), endsAt: new Date('2025-06-08T00:00:00Z') };

  it('is upcoming before its start', () => {
    expect(noticeStatus(notice, new Date('2025-05-31T23:59:59Z'))).toBe('upcoming');
  });

  it('is active from its first instant up to just before its end', () => {
    expect(noticeStatus(notice, new Date('2025-06-01T00:00:00Z'))).toBe('active');
    expect(noticeStatus(notice, new Date('2025-06-07T23:59:59Z'))).toBe('active');
  });

  it('is expired at its end', () => {
    expect(noticeStatus(notice, new Date('2025-06-08T00:00:00Z'))).toBe('expired');
  });
});
