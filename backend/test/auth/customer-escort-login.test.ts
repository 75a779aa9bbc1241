import { latestSmsCode, startTestApp, TestApp } from '../helpers/test-app';
import {
  bearer,
  cipherOf,
  countChanges,
  customerLogin,
  escortLogin,
  expectError,
  expectOk,
  letResendMinutePass,
  phoneHashOf,
  rowCounts,
} from '../helpers/http';
import { Customer } from '../../src/modules/users/customer.entity';
import { LoginAttempt } from '../../src/modules/auth/login-attempt.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';

describe('customer and escort login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const customerByPhone = async (phone: string) =>
    t.dataSource.getRepository(Customer).findOneBy({ phoneHash: await phoneHashOf(t, phone) });
  const wechatLogin = (body: Record<string, string>) => t.http().post('/api/app/auth/wechat-login').send(body);

  describe('by SMS code', () => {
    it('creates the customer on the first login and finds the same one on the second', async () => {
      const phone = '13600000001';
      const before = await rowCounts(t);
      const first = await customerLogin(t, phone);
      expect(countChanges(before, await rowCounts(t))).toMatchObject({ customers: 1 });
      expect(first).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        user: { id: expect.any(Number), phoneMasked: '136****0001', nickname: '用户0001', avatarUrl: null, wechatLinked: false },
      });

      await letResendMinutePass(t, phone);
      const middle = await rowCounts(t);
      const second = await customerLogin(t, phone);
      expect(second.user.id).toBe(first.user.id);
      expect(countChanges(middle, await rowCounts(t))).toEqual({ sms_codes: 1, login_attempts: 1, auth_sessions: 1, refresh_tokens: 1 });
    });

    it('stores the phone encrypted with a blind index, and /api/app/me shows it masked', async () => {
      const phone = '13612345678';
      const { accessToken, user } = await customerLogin(t, phone);
      const row = (await customerByPhone(phone))!;
      expect(row.id).toBe(user.id);
      expect(row.phoneEnc).not.toContain(phone);
      expect(row.phoneEnc).not.toContain('1234567');
      expect(row.phoneHash).toBe(await phoneHashOf(t, phone));
      expect(row.phoneHash).not.toContain(phone);
      expect((await cipherOf(t)).decrypt(row.phoneEnc)).toBe(phone);

      const me = expectOk(await t.http().get('/api/app/me').set(bearer(accessToken)));
      expect(me).toEqual({ id: user.id, phoneMasked: '136****5678', nickname: '用户5678', avatarUrl: null, wechatLinked: false });
      expect(JSON.stringify(me)).not.toContain(phone);
    });

    it('logs the demo customer in to the seeded account without creating another', async () => {
      const seeded = (await customerByPhone('13800000001'))!;
      const before = await t.dataSource.getRepository(Customer).count();
      const { user } = await customerLogin(t, '13800000001');
      expect(user).toMatchObject({ id: seeded.id, nickname: '张女士', phoneMasked: '138****0001' });
      expect(await t.dataSource.getRepository(Customer).count()).toBe(before);
    });

    it('writes no audit row for a customer signing up', async () => {
      const before = await rowCounts(t);
      await customerLogin(t, '13600000002');
      expect(countChanges(before, await rowCounts(t))).toEqual({
        sms_codes: 1,
        sms_throttles: 1,
        login_attempts: 1,
        customers: 1,
        auth_sessions: 1,
        refresh_tokens: 1,
      });
    });
  });

  describe('by WeChat', () => {
    it('asks an unknown WeChat user for a phone with 422 WECHAT_PHONE_REQUIRED and writes nothing', async () => {
      const before = await rowCounts(t);
      expectError(await wechatLogin({ code: 'sandbox:new-user' }), 422, 'WECHAT_PHONE_REQUIRED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('links the openid once phone and SMS code are given, then logs the same WeChat user straight in', async () => {
      const phone = '13600000003';
      expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
      const smsCode = await latestSmsCode(t, phone);
      const linked = expectOk(await wechatLogin({ code: 'sandbox:user-3', phone, smsCode }));
      expect(linked.user).toMatchObject({ phoneMasked: '136****0003', wechatLinked: true });
      const row = (await customerByPhone(phone))!;
      expect(row.id).toBe(linked.user.id);
      expect(row.wechatOpenid).toEqual(expect.any(String));

      const before = await rowCounts(t);
      const again = expectOk(await wechatLogin({ code: 'sandbox:user-3' }));
      expect(again.user.id).toBe(linked.user.id);
      expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1, auth_sessions: 1, refresh_tokens: 1 });
      const [attempt] = await t.dataSource.getRepository(LoginAttempt).find({ order: { id: 'DESC' }, take: 1 });
      expect(attempt).toMatchObject({ kind: 'wechat', audience: 'customer', success: true });
      const me = expectOk(await t.http().get('/api/app/me').set(bearer(again.accessToken)));
      expect(me).toMatchObject({ id: linked.user.id, wechatLinked: true });
    });

    it('links WeChat to a customer who first signed up by SMS', async () => {
      const phone = '13600000004';
      const bySms = await customerLogin(t, phone);
      await letResendMinutePass(t, phone);
      expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
      const smsCode = await latestSmsCode(t, phone);
      const byWechat = expectOk(await wechatLogin({ code: 'sandbox:user-4', phone, smsCode }));
      expect(byWechat.user).toMatchObject({ id: bySms.user.id, wechatLinked: true });
    });

    it('refuses to link with a wrong SMS code and leaves the openid unlinked', async () => {
      const phone = '13600000005';
      expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
      const smsCode = await latestSmsCode(t, phone);
      const wrong = String((Number(smsCode) + 1) % 1_000_000).padStart(6, '0');
      const before = await t.dataSource.getRepository(Customer).count();
      expectError(await wechatLogin({ code: 'sandbox:user-5', phone, smsCode: wrong }), 401, 'AUTH_SMS_CODE_INVALID');
      expect(await t.dataSource.getRepository(Customer).count()).toBe(before);
      expectError(await wechatLogin({ code: 'sandbox:user-5' }), 422, 'WECHAT_PHONE_REQUIRED');
    });

    it('refuses a phone without its SMS code', async () => {
      expectError(await wechatLogin({ code: 'sandbox:user-6', phone: '13600000006' }), 422, 'WECHAT_PHONE_REQUIRED');
      expect(await customerByPhone('13600000006')).toBeNull();
    });
  });

  describe('for escorts', () => {
    it('logs the demo escort in and shows the workbench profile', async () => {
      const phone = '13900000001';
      const escort = (await t.dataSource.getRepository(Escort).findOneBy({ phoneHash: await phoneHashOf(t, phone) }))!;
      const before = await rowCounts(t);
      const data = await escortLogin(t, phone);
      const profile = { id: escort.id, name: '李静', phoneMasked: '139****0001', status: 'active', cityId: 1 };
      expect(data.user).toEqual(profile);
      expect(countChanges(before, await rowCounts(t))).toEqual({
        sms_codes: 1,
        sms_throttles: 1,
        login_attempts: 1,
        auth_sessions: 1,
        refresh_tokens: 1,
      });
      expect(expectOk(await t.http().get('/api/escort/me').set(bearer(data.accessToken)))).toEqual(profile);
    });

    it('refuses to send a code to a phone that is not a registered escort with 422 ESCORT_NOT_REGISTERED', async () => {
      const before = await rowCounts(t);
      expectError(await t.http().post('/api/escort/auth/sms-code').send({ phone: '13900009999' }), 422, 'ESCORT_NOT_REGISTERED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expectError(await t.http().get('/api/dev/sms-outbox').query({ phone: '13900009999' }), 404, 'NOT_FOUND');
    });

    it('refuses an escort login for an unknown phone with 401 AUTH_INVALID_CREDENTIALS', async () => {
      const before = await rowCounts(t);
      expectError(
        await t.http().post('/api/escort/auth/sms-login').send({ phone: '13900009999', code: '123456' }),
        401,
        'AUTH_INVALID_CREDENTIALS'
      );
      expect(countChanges(before, await rowCounts(t))).toEqual({ login_attempts: 1 });
    });

    it('does not turn a customer into an escort: an escort token is refused on /api/app/me', async () => {
      const phone = '13900000002';
      const { accessToken } = await escortLogin(t, phone);
      expectError(await t.http().get('/api/app/me').set(bearer(accessToken)), 403, 'FORBIDDEN');
      expect(await customerByPhone(phone)).toBeNull();
    });
  });
});
