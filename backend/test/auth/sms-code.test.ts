import { latestSmsCode, startTestApp, TestApp } from '../helpers/test-app';
import { countChanges, expectError, expectOk, letResendMinutePass, phoneHashOf, rowCounts } from '../helpers/http';
import { SmsCode } from '../../src/modules/auth/sms-code.entity';
import { SmsThrottle } from '../../src/modules/auth/sms-throttle.entity';
import { LoginAttempt } from '../../src/modules/auth/login-attempt.entity';

describe('SMS login codes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const sendCode = (phone: string) => t.http().post('/api/app/auth/sms-code').send({ phone });
  const smsLogin = (phone: string, code: string) => t.http().post('/api/app/auth/sms-login').send({ phone, code });
  const codesOf = async (phone: string) =>
    t.dataSource.getRepository(SmsCode).find({ where: { phoneHash: await phoneHashOf(t, phone) }, order: { id: 'ASC' } });
  /** Moves every code of the phone back in time, as if that much time had passed since they were sent. */
  const ageCodes = async (phone: string, ms: number) => {
    for (const row of await codesOf(phone)) {
      await t.dataSource.getRepository(SmsCode).update({ id: row.id }, { createdAt: new Date(row.createdAt.getTime() - ms) });
    }
  };
  /** A six-digit code that is not the one just sent. */
  const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('sends a six-digit code that the development outbox shows, storing only its hash', async () => {
    const phone = '13700000001';
    const before = await rowCounts(t);
    const data = expectOk(await sendCode(phone));
    expect(data).toEqual({ expiresIn: 300, resendAfter: 60 });
    const outbox = expectOk(await t.http().get('/api/dev/sms-outbox').query({ phone }));
    expect(outbox).toMatchObject({ phone, purpose: 'customer_login', code: expect.stringMatching(/^\d{6}$/) });
    expect(countChanges(before, await rowCounts(t))).toEqual({ sms_codes: 1, sms_throttles: 1 });
    const [row] = await codesOf(phone);
    expect(row).toMatchObject({ purpose: 'customer_login', consumedAt: null, failedAttempts: 0 });
    expect(row.codeHash).not.toContain(outbox.code);
    expect(row.phoneHash).not.toContain(phone);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(290_000);
  });

  it('refuses a second code within a minute with 429 SMS_RATE_LIMITED, a Retry-After header and no new code', async () => {
    const phone = '13700000002';
    expectOk(await sendCode(phone));
    const firstCode = await latestSmsCode(t, phone);
    const before = await rowCounts(t);
    const res = await sendCode(phone);
    expectError(res, 429, 'SMS_RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect(await codesOf(phone)).toHaveLength(1);
    expect(await latestSmsCode(t, phone)).toBe(firstCode);
  });

  it('sends again once the minute has passed', async () => {
    const phone = '13700000003';
    expectOk(await sendCode(phone));
    await letResendMinutePass(t, phone);
    expectOk(await sendCode(phone));
    expect(await codesOf(phone)).toHaveLength(2);
  });

  it('allows 5 codes an hour, refuses the sixth, and allows it again an hour later', async () => {
    const phone = '13700000004';
    for (let i = 0; i < 5; i++) {
      await letResendMinutePass(t, phone);
      expectOk(await sendCode(phone));
    }
    await letResendMinutePass(t, phone);
    const before = await rowCounts(t);
    const res = await sendCode(phone);
    expectError(res, 429, 'SMS_RATE_LIMITED');
    expect(res.body.errorMessage).toContain('每小时');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect(await codesOf(phone)).toHaveLength(5);

    await ageCodes(phone, 61 * 60_000);
    expectOk(await sendCode(phone));
    expect(await codesOf(phone)).toHaveLength(6);
  });

  it('allows 10 codes a day, refuses the eleventh, and allows it again the next day', async () => {
    const phone = '13700000005';
    for (let i = 0; i < 5; i++) {
      await letResendMinutePass(t, phone);
      expectOk(await sendCode(phone));
    }
    await ageCodes(phone, 2 * 3600_000);
    for (let i = 0; i < 5; i++) {
      await letResendMinutePass(t, phone);
      expectOk(await sendCode(phone));
    }
    await ageCodes(phone, 2 * 3600_000);
    await letResendMinutePass(t, phone);
    const before = await rowCounts(t);
    const res = await sendCode(phone);
    expectError(res, 429, 'SMS_RATE_LIMITED');
    expect(res.body.errorMessage).toContain('今日');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect(await codesOf(phone)).toHaveLength(10);

    await ageCodes(phone, 23 * 3600_000);
    expectOk(await sendCode(phone));
    expect(await codesOf(phone)).toHaveLength(11);
  });

  it('counts the limits per phone: another phone is not held back', async () => {
    expectOk(await sendCode('13700000006'));
    expectOk(await sendCode('13700000007'));
  });

  it('accepts a code once only', async () => {
    const phone = '13700000010';
    expectOk(await sendCode(phone));
    const code = await latestSmsCode(t, phone);
    expectOk(await smsLogin(phone, code));
    const before = await rowCounts(t);
    expectError(await smsLogin(phone, code), 401, 'AUTH_SMS_CODE_INVALID');
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
    expect((await codesOf(phone))[0].consumedAt).toBeInstanceOf(Date);
  });

  it('refuses a wrong code with 401 AUTH_SMS_CODE_INVALID, counts the guess and creates nobody', async () => {
    const phone = '13700000011';
    expectOk(await sendCode(phone));
    const code = await latestSmsCode(t, phone);
    const before = await rowCounts(t);
    expectError(await smsLogin(phone, otherCode(code)), 401, 'AUTH_SMS_CODE_INVALID');
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
    expect((await codesOf(phone))[0]).toMatchObject({ failedAttempts: 1, consumedAt: null });
    const [attempt] = await t.dataSource.getRepository(LoginAttempt).find({ order: { id: 'DESC' }, take: 1 });
    expect(attempt).toMatchObject({
      kind: 'sms',
      audience: 'customer',
      success: false,
      reason: 'bad_code',
      principal: await phoneHashOf(t, phone),
    });
    // The right code still works after one wrong guess, and only the wrong one counts.
    expectOk(await smsLogin(phone, code));
    expect((await codesOf(phone))[0]).toMatchObject({ failedAttempts: 1, consumedAt: expect.any(Date) });
  });

  it('burns the code after 5 wrong guesses, so that even the right one fails', async () => {
    const phone = '13700000012';
    expectOk(await sendCode(phone));
    const code = await latestSmsCode(t, phone);
    for (let i = 0; i < 5; i++) expectError(await smsLogin(phone, otherCode(code)), 401, 'AUTH_SMS_CODE_INVALID');
    const before = await rowCounts(t);
    expectError(await smsLogin(phone, code), 401, 'AUTH_SMS_CODE_INVALID');
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
    expect((await codesOf(phone))[0]).toMatchObject({ failedAttempts: 5, consumedAt: null });
  });

  it('refuses an expired code', async () => {
    const phone = '13700000013';
    expectOk(await sendCode(phone));
    const code = await latestSmsCode(t, phone);
    const [row] = await codesOf(phone);
    await t.dataSource.getRepository(SmsCode).update({ id: row.id }, { expiresAt: new Date(Date.now() - 1000) });
    const before = await rowCounts(t);
    expectError(await smsLogin(phone, code), 401, 'AUTH_SMS_CODE_INVALID');
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
  });

  it('accepts only the latest code when a new one has been sent', async () => {
    const phone = '13700000014';
    expectOk(await sendCode(phone));
    const first = await latestSmsCode(t, phone);
    await letResendMinutePass(t, phone);
    expectOk(await sendCode(phone));
    const second = await latestSmsCode(t, phone);
    if (first !== second) expectError(await smsLogin(phone, first), 401, 'AUTH_SMS_CODE_INVALID');
    expectOk(await smsLogin(phone, second));
  });

  it('binds a code to its purpose: a customer-login code does not log an escort in', async () => {
    const phone = '13900000001'; // the demo escort, who may also be a customer
    expectOk(await sendCode(phone));
    const customerCode = await latestSmsCode(t, phone);
    expectError(await t.http().post('/api/escort/auth/sms-login').send({ phone, code: customerCode }), 401, 'AUTH_SMS_CODE_INVALID');
    expect((await codesOf(phone))[0].consumedAt).toBeNull();
    // ...and an escort-login code does not log a customer in.
    await letResendMinutePass(t, phone);
    expectOk(await t.http().post('/api/escort/auth/sms-code').send({ phone }));
    const escortCode = await latestSmsCode(t, phone);
    expect(expectOk(await t.http().get('/api/dev/sms-outbox').query({ phone })).purpose).toBe('escort_login');
    if (escortCode !== customerCode) expectError(await smsLogin(phone, escortCode), 401, 'AUTH_SMS_CODE_INVALID');
    expectOk(await smsLogin(phone, customerCode));
    expectOk(await t.http().post('/api/escort/auth/sms-login').send({ phone, code: escortCode }));
  });

  it.each([
    ['one digit short', '1380000001'],
    ['one digit long', '138000000011'],
    ['starting with 12', '12800000001'],
    ['with a letter in it', '1380000000a'],
    ['with +86 in front', '+8613800000001'],
  ])('refuses a phone number %s with 400 and sends nothing', async (_why, phone) => {
    const before = await rowCounts(t);
    expectError(await sendCode(phone), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect(await t.dataSource.getRepository(SmsThrottle).count({ where: { phoneHash: await phoneHashOf(t, phone) } })).toBe(0);
  });

  it('refuses a code that is not six digits with 400 without spending a guess', async () => {
    const phone = '13700000015';
    expectOk(await sendCode(phone));
    const before = await rowCounts(t);
    expectError(await smsLogin(phone, '12345'), 400, 'VALIDATION_FAILED');
    expectError(await smsLogin(phone, 'abcdef'), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect((await codesOf(phone))[0].failedAttempts).toBe(0);
  });

  it('refuses a login for a phone that was never sent a code', async () => {
    const before = await rowCounts(t);
    expectError(await smsLogin('13700000016', '123456'), 401, 'AUTH_SMS_CODE_INVALID');
    expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
  });
});
