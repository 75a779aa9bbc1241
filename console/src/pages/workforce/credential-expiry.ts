/**
 * How close a credential is to its last valid day, for the warnings reviewers and ops see. Dates
 * are Shanghai calendar days `YYYY-MM-DD`; `expiresOn` is the last valid day.
 */
export type ExpiryState = 'none' | 'ok' | 'expiring' | 'expired';

export interface Expiry {
  state: ExpiryState;
  /** Days from today to the last valid day (negative once past); null without an expiry. */
  daysLeft: number | null;
  text: string;
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function credentialExpiry(expiresOn: string | null, today: string, warningDays: number): Expiry {
  if (!expiresOn) return { state: 'none', daysLeft: null, text: '长期有效' };
  const daysLeft = dayNumber(expiresOn) - dayNumber(today);
  if (daysLeft < 0) return { state: 'expired', daysLeft, text: `已过期 ${-daysLeft} 天` };
  if (daysLeft <= warningDays) return { state: 'expiring', daysLeft, text: daysLeft === 0 ? '今天到期' : `${daysLeft} 天后到期` };
  return { state: 'ok', daysLeft, text: `有效至 ${expiresOn}` };
}

export const EXPIRY_COLOR: Record<ExpiryState, string> = { none: 'default', ok: 'green', expiring: 'orange', expired: 'red' };

/** Approved credentials that lapse within the warning window (or already did), soonest first. */
export function expiringSoon<T extends { status: string; expiresOn: string | null }>(rows: T[], today: string, warningDays: number): T[] {
  return rows
    .filter((r) => r.status === 'approved' || r.status === 'expired')
    .filter((r) => {
      const s = credentialExpiry(r.expiresOn, today, warningDays).state;
      return s === 'expiring' || s === 'expired';
    })
    .sort((a, b) => (a.expiresOn as string).localeCompare(b.expiresOn as string));
}
