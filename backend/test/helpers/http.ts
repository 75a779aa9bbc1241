import { CipherService } from '../../src/common/crypto/cipher.service';
import { SmsThrottle } from '../../src/modules/auth/sms-throttle.entity';
import { latestSmsCode, staffToken, TestApp } from './test-app';

/** What a supertest response looks like to these helpers. */
export interface Res {
  status: number;
  body: any;
  headers: Record<string, string>;
}

/**
 * Asserts the error envelope: status, stable code, a readable message and the request id that
 * the X-Request-Id header carries. Status and body are compared together so a failure shows both.
 */
export function expectError(res: Res, status: number, errorCode: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { success: false, errorCode } });
  expect(typeof res.body.errorMessage).toBe('string');
  expect(res.body.errorMessage.length).toBeGreaterThan(0);
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
}

/** Asserts a success envelope and returns its data. */
export function expectOk(res: Res, status = 200): any {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { success: true } });
  return res.body.data;
}

/** Row counts of every table, to prove what a request wrote and what it did not. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const meta of t.dataSource.entityMetadatas) {
    counts[meta.tableName] = await t.dataSource.getRepository(meta.target).count();
  }
  return counts;
}

/** Only the tables whose row count moved between two `rowCounts` snapshots, with the difference. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const table of Object.keys(after)) {
    const delta = after[table] - (before[table] ?? 0);
    if (delta !== 0) changes[table] = delta;
  }
  return changes;
}

export async function cipherOf(t: TestApp): Promise<CipherService> {
  return t.app.getApplicationContext().getAsync(CipherService);
}

/** The blind index the backend stores instead of a phone number. */
export async function phoneHashOf(t: TestApp, phone: string): Promise<string> {
  return (await cipherOf(t)).phoneIndex(phone);
}

/** Simulates the one-minute resend wait by moving the phone's last send back in time. */
export async function letResendMinutePass(t: TestApp, phone: string): Promise<void> {
  await t.dataSource
    .getRepository(SmsThrottle)
    .update({ phoneHash: await phoneHashOf(t, phone) }, { lastSentAt: new Date(Date.now() - 61_000) });
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** Sends a customer login code and logs in with it; returns the login data (pair + user). */
export async function customerLogin(t: TestApp, phone: string): Promise<any> {
  expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
  const code = await latestSmsCode(t, phone);
  return expectOk(await t.http().post('/api/app/auth/sms-login').send({ phone, code }));
}

/** Sends an escort login code and logs in with it; returns the login data (pair + user). */
export async function escortLogin(t: TestApp, phone: string): Promise<any> {
  expectOk(await t.http().post('/api/escort/auth/sms-code').send({ phone }));
  const code = await latestSmsCode(t, phone);
  return expectOk(await t.http().post('/api/escort/auth/sms-login').send({ phone, code }));
}

export interface NewStaff {
  username: string;
  password?: string;
  displayName?: string;
  roles?: string[];
  cityIds?: number[];
}

export const NEW_STAFF_PASSWORD = 'Staff@12345';

/** Creates a staff account through the admin API (as the demo admin); returns the StaffUser view. */
export async function createStaff(t: TestApp, input: NewStaff, adminToken?: string): Promise<any> {
  const token = adminToken ?? (await staffToken(t, 'admin'));
  const res = await t
    .http()
    .post('/api/admin/staff-users')
    .set(bearer(token))
    .send({
      username: input.username,
      displayName: input.displayName ?? input.username,
      password: input.password ?? NEW_STAFF_PASSWORD,
      roles: input.roles ?? ['ops'],
      cityIds: input.cityIds ?? [1],
    });
  return expectOk(res);
}

export function loginAs(t: TestApp, username: string, password: string) {
  return t.http().post('/api/admin/auth/login').send({ username, password });
}
