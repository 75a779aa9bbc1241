import { Config, Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { MoreThanOrEqual, Repository } from 'typeorm';
import { LoginAttempt } from './login-attempt.entity';
import { ClientMeta, TokenPair, TokenService } from './token.service';
import { SmsCodeService } from './sms-code.service';
import { dummyPasswordHash, verifyPassword } from './password';
import { SandboxWechatSessionClient, WechatApiSessionClient, WechatSessionClient } from './wechat-session.client';
import { StaffProfile, StaffUserService } from '../users/staff-user.service';
import { CustomerProfile, CustomerService } from '../users/customer.service';
import { EscortProfile, EscortService } from '../escorts/escort.service';
import { CipherService } from '../../common/crypto/cipher.service';
import { Errors } from '../../common/errors';
import type { AppSettings } from '../../config/settings';

type Attempt = Pick<LoginAttempt, 'kind' | 'audience' | 'principal' | 'success' | 'reason'>;

/** Logins for all three audiences, token refresh and logout. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuthService {
  @Inject()
  tokens: TokenService;

  @Inject()
  sms: SmsCodeService;

  @Inject()
  staffUsers: StaffUserService;

  @Inject()
  customers: CustomerService;

  @Inject()
  escorts: EscortService;

  @Inject()
  cipherService: CipherService;

  @InjectEntityModel(LoginAttempt)
  attempts: Repository<LoginAttempt>;

  @Config('app')
  settings: AppSettings;

  wechat: WechatSessionClient;

  @Init()
  init() {
    this.wechat =
      this.settings.wechatProvider === 'wechat'
        ? new WechatApiSessionClient(this.settings.wechatAppId, this.settings.wechatAppSecret)
        : new SandboxWechatSessionClient();
  }

  async staffLogin(username: string, password: string, meta: ClientMeta): Promise<TokenPair & { user: StaffProfile }> {
    const now = new Date();
    const user = await this.staffUsers.findForLogin(username);
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      await this.recordAttempt(meta, { kind: 'password', audience: 'staff', principal: username, success: false, reason: 'unknown_user' });
      throw Errors.invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.recordAttempt(meta, { kind: 'password', audience: 'staff', principal: username, success: false, reason: 'locked' });
      throw Errors.accountLocked(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000));
    }
    if (user.lockedUntil) await this.staffUsers.clearExpiredLock(user.id);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.staffUsers.registerFailedLogin(user.id, now);
      await this.recordAttempt(meta, { kind: 'password', audience: 'staff', principal: username, success: false, reason: 'wrong_password' });
      throw Errors.invalidCredentials();
    }
    if (user.status !== 'active') {
      await this.recordAttempt(meta, { kind: 'password', audience: 'staff', principal: username, success: false, reason: 'disabled' });
      throw Errors.accountDisabled();
    }
    await this.staffUsers.registerSuccessfulLogin(user.id, now);
    await this.recordAttempt(meta, { kind: 'password', audience: 'staff', principal: username, success: true, reason: null });
    const pair = await this.tokens.issue('staff', user.id, meta);
    return { ...pair, user: this.staffUsers.profileOf(user) };
  }

  async customerSmsLogin(phone: string, code: string, meta: ClientMeta): Promise<TokenPair & { user: CustomerProfile }> {
    await this.verifySms(phone, 'customer_login', code, 'customer', meta);
    const customer = await this.customers.findOrCreateByPhone(phone);
    if (customer.status !== 'active') throw Errors.accountDisabled();
    const pair = await this.tokens.issue('customer', customer.id, meta);
    return { ...pair, user: this.customers.profileOf(customer) };
  }

  /**
   * WeChat login: a known openid logs straight in; an unknown one must prove a phone with an
   * SMS code once, and is then linked to that phone's customer.
   */
  async customerWechatLogin(
    input: { code: string; phone?: string; smsCode?: string },
    meta: ClientMeta
  ): Promise<TokenPair & { user: CustomerProfile }> {
    const { openid } = await this.wechat.code2session(input.code);
    let customer = await this.customers.findByOpenid(openid);
    if (!customer) {
      if (!input.phone || !input.smsCode) {
        throw Errors.rule('WECHAT_PHONE_REQUIRED', '首次使用微信登录，请先验证手机号');
      }
      await this.verifySms(input.phone, 'customer_login', input.smsCode, 'customer', meta);
      customer = await this.customers.linkOpenid(await this.customers.findOrCreateByPhone(input.phone), openid);
    }
    if (customer.status !== 'active') throw Errors.accountDisabled();
    await this.recordAttempt(meta, { kind: 'wechat', audience: 'customer', principal: openid.slice(0, 64), success: true, reason: null });
    const pair = await this.tokens.issue('customer', customer.id, meta);
    return { ...pair, user: this.customers.profileOf(customer) };
  }

  async escortSmsLogin(phone: string, code: string, meta: ClientMeta): Promise<TokenPair & { user: EscortProfile }> {
    const escort = await this.escorts.findByPhone(phone);
    if (!escort) {
      await this.recordAttempt(meta, { kind: 'sms', audience: 'escort', principal: this.cipherService.phoneIndex(phone), success: false, reason: 'unknown_escort' });
      throw Errors.invalidCredentials();
    }
    await this.verifySms(phone, 'escort_login', code, 'escort', meta);
    if (escort.status === 'suspended') throw Errors.accountDisabled();
    const pair = await this.tokens.issue('escort', escort.id, meta);
    return { ...pair, user: this.escorts.profileOf(escort) };
  }

  /** Escorts ask for a code only if they are known; customers sign up by logging in. */
  async sendEscortCode(phone: string, ip?: string) {
    if (!(await this.escorts.findByPhone(phone))) {
      throw Errors.rule('ESCORT_NOT_REGISTERED', '该手机号未登记为陪诊师，请联系运营人员');
    }
    return this.sms.send(phone, 'escort_login', ip);
  }

  /** Rotates the refresh token, refusing accounts that were disabled since the last refresh. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const { audience, subjectId, ...pair } = await this.tokens.refresh(refreshToken);
    const alive =
      audience === 'staff'
        ? await this.staffUsers.findActive(subjectId)
        : audience === 'customer'
          ? await this.customers.findActive(subjectId)
          : await this.escorts.findUsable(subjectId);
    if (!alive) throw Errors.accountDisabled();
    return pair;
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revokeByRefreshToken(refreshToken);
  }

  async countFailedSince(since: Date): Promise<number> {
    return this.attempts.count({ where: { success: false, createdAt: MoreThanOrEqual(since) } });
  }

  private async verifySms(phone: string, purpose: 'customer_login' | 'escort_login', code: string, audience: string, meta: ClientMeta) {
    try {
      await this.sms.verify(phone, purpose, code);
    } catch (err) {
      await this.recordAttempt(meta, { kind: 'sms', audience, principal: this.cipherService.phoneIndex(phone), success: false, reason: 'bad_code' });
      throw err;
    }
    await this.recordAttempt(meta, { kind: 'sms', audience, principal: this.cipherService.phoneIndex(phone), success: true, reason: null });
  }

  private async recordAttempt(meta: ClientMeta, a: Attempt) {
    await this.attempts.insert({ ...a, ip: meta.ip?.slice(0, 64) ?? null });
  }
}
