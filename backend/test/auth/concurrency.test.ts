import { latestSmsCode, startTestApp, TestApp } from '../helpers/test-app';
import { createStaff, expectError, expectOk, loginAs, NEW_STAFF_PASSWORD, phoneHashOf, Res } from '../helpers/http';
import { SmsCode } from '../../src/modules/auth/sms-code.entity';
import { SmsThrottle } from '../../src/modules/auth/sms-throttle.entity';
import { StaffUser } from '../../src/modules/users/staff-user.entity';
import { LoginAttempt } from '../../src/modules/auth/login-attempt.entity';
import { RefreshToken } from '../../src/modules/auth/refresh-token.entity';
import { AuthSession } from '../../src/modules/auth/auth-session.entity';
import { Customer } from '../../src/modules/users/customer.entity';

/** Fires all requests before awaiting any, so they really are in flight together. */
function together(n: number, request: (i: number) => PromiseLike<Res>): Promise<Res[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => Promise.resolve(request(i))));
}

const statuses = (responses: Res[]) => responses.map(r => r.status).sort();

describe('concurrent requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('send exactly one SMS code when 20 arrive at once for one phone', async () => {
    const phone = '13400000001';
    const responses = await together(20, () => t.http().post('/api/app/auth/sms-code').send({ phone }));
    expect(statuses(responses)).toEqual([200, ...Array(19).fill(429)]);
    for (const res of responses.filter(r => r.status === 429)) expectError(res, 429, 'SMS_RATE_LIMITED');
    const phoneHash = await phoneHashOf(t, phone);
    expect(await t.dataSource.getRepository(SmsCode).count({ where: { phoneHash } })).toBe(1);
    expect(await t.dataSource.getRepository(SmsThrottle).count({ where: { phoneHash } })).toBe(1);
  });

  it('count every one of 10 simultaneous wrong passwords and lock the account', async () => {
    await createStaff(t, { username: 'race_lock' });
    const responses = await together(10, i => loginAs(t, 'race_lock', `Wrong@${i}2345`));
    for (const res of responses) {
      if (res.status === 401) expectError(res, 401, 'AUTH_INVALID_CREDENTIALS');
      else expectError(res, 423, 'AUTH_ACCOUNT_LOCKED');
    }
    const wrongAnswers = responses.filter(r => r.status === 401).length;
    const user = await t.dataSource.getRepository(StaffUser).findOneByOrFail({ username: 'race_lock' });
    expect(user.failedLoginCount).toBe(wrongAnswers);
    expect(user.failedLoginCount).toBeGreaterThanOrEqual(5);
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await t.dataSource.getRepository(LoginAttempt).count({ where: { principal: 'race_lock' } })).toBe(10);
    expectError(await loginAs(t, 'race_lock', NEW_STAFF_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
  });

  it('let at most one of 10 simultaneous refreshes with the same refresh token succeed', async () => {
    const pair = expectOk(await loginAs(t, 'ops', 'Ops@123456'));
    const sessionId = JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString()).sid;
    const responses = await together(10, () => t.http().post('/api/auth/refresh').send({ refreshToken: pair.refreshToken }));
    const succeeded = responses.filter(r => r.status === 200);
    expect(succeeded.length).toBeLessThanOrEqual(1);
    for (const res of responses.filter(r => r.status !== 200)) {
      expect(res.status).toBe(401);
      expect(['AUTH_TOKEN_REUSED', 'AUTH_TOKEN_INVALID']).toContain(res.body.errorCode);
    }
    const rows = await t.dataSource.getRepository(RefreshToken).count({ where: { sessionId } });
    expect(rows).toBe(1 + succeeded.length);
    // Any replay among them ends the family, including what the winner got.
    const session = await t.dataSource.getRepository(AuthSession).findOneByOrFail({ id: sessionId });
    expect(session.revokedAt).toBeInstanceOf(Date);
    for (const res of succeeded) {
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: res.body.data.refreshToken })).status).toBe(401);
    }
  });

  it('log in only once with one SMS code sent 10 times at once', async () => {
    const phone = '13400000002';
    expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
    const code = await latestSmsCode(t, phone);
    const responses = await together(10, () => t.http().post('/api/app/auth/sms-login').send({ phone, code }));
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(401)]);
    expect(await t.dataSource.getRepository(Customer).count({ where: { phoneHash: await phoneHashOf(t, phone) } })).toBe(1);
  });

  it('give 20 simultaneous wrong guesses of an SMS code no more than the 5 tries one code allows', async () => {
    const phone = '13400000003';
    expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
    const code = await latestSmsCode(t, phone);
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const responses = await together(20, i =>
      t
        .http()
        .post('/api/app/auth/sms-login')
        .send({ phone, code: wrong(i) })
    );
    for (const res of responses) expectError(res, 401, 'AUTH_SMS_CODE_INVALID');
    const [row] = await t.dataSource.getRepository(SmsCode).find({ where: { phoneHash: await phoneHashOf(t, phone) } });
    expect(row.failedAttempts).toBeLessThanOrEqual(5);
    expectError(await t.http().post('/api/app/auth/sms-login').send({ phone, code }), 401, 'AUTH_SMS_CODE_INVALID');
  });
});
