import { Config, Init, Inject, Provide, Scope, ScopeEnum, ILogger, Logger } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { SmsCode, SmsPurpose } from './sms-code.entity';
import { SmsThrottle } from './sms-throttle.entity';
import { DevSmsSender, SmsSender } from './sms-sender';
import { CipherService } from '../../common/crypto/cipher.service';
import { randomDigits, timingSafeEqualHex } from '../../common/crypto/token-hash';
import { Errors } from '../../common/errors';
import { isUniqueViolation } from '../../common/db-errors';
import type { AppSettings } from '../../config/settings';

export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_RESEND_SECONDS = 60;
export const SMS_MAX_PER_HOUR = 5;
export const SMS_MAX_PER_DAY = 10;
/** Wrong guesses a single code survives; six digits and five guesses keep brute force hopeless. */
export const SMS_MAX_FAILED_ATTEMPTS = 5;

/** One-time login codes: 6 random digits, 5 minutes, single use, bound to phone and purpose. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SmsCodeService {
  @InjectEntityModel(SmsCode)
  codes: Repository<SmsCode>;

  @InjectEntityModel(SmsThrottle)
  throttles: Repository<SmsThrottle>;

  @Inject()
  cipherService: CipherService;

  @Config('app')
  settings: AppSettings;

  @Logger()
  logger: ILogger;

  sender: SmsSender;

  @Init()
  init() {
    // Only the development sender exists so far, and production refuses it at start-up; an
    // unknown provider name must fail loudly rather than fall back to logging codes.
    if (this.settings.smsProvider !== 'dev') {
      throw new Error(`SMS_PROVIDER=${this.settings.smsProvider} has no adapter yet (available: dev)`);
    }
    this.sender = new DevSmsSender(this.logger);
  }

  async send(phone: string, purpose: SmsPurpose, ip?: string): Promise<{ expiresIn: number; resendAfter: number }> {
    const phoneHash = this.cipherService.phoneIndex(phone);
    const now = new Date();
    const [lastHour, lastDay] = await Promise.all([
      this.codes.count({ where: { phoneHash, createdAt: MoreThan(new Date(now.getTime() - 3600_000)) } }),
      this.codes.count({ where: { phoneHash, createdAt: MoreThan(new Date(now.getTime() - 86400_000)) } }),
    ]);
    if (lastDay >= SMS_MAX_PER_DAY) {
      throw Errors.rateLimited('SMS_RATE_LIMITED', `今日验证码发送次数已达上限（${SMS_MAX_PER_DAY} 次），请明天再试`, 3600);
    }
    if (lastHour >= SMS_MAX_PER_HOUR) {
      throw Errors.rateLimited('SMS_RATE_LIMITED', `验证码发送过于频繁，每小时最多 ${SMS_MAX_PER_HOUR} 次，请稍后再试`, 600);
    }
    await this.claimMinute(phoneHash, now);

    const code = randomDigits(6);
    await this.codes.insert({
      phoneHash,
      purpose,
      codeHash: this.codeHash(purpose, phoneHash, code),
      expiresAt: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000),
      consumedAt: null,
      failedAttempts: 0,
      ip: ip?.slice(0, 64) ?? null,
    });
    await this.sender.sendCode(phone, code, purpose, SMS_CODE_TTL_SECONDS / 60);
    return { expiresIn: SMS_CODE_TTL_SECONDS, resendAfter: SMS_RESEND_SECONDS };
  }

  /** Consumes the latest code for this phone and purpose, or throws 401 AUTH_SMS_CODE_INVALID. */
  async verify(phone: string, purpose: SmsPurpose, code: string): Promise<void> {
    const phoneHash = this.cipherService.phoneIndex(phone);
    const latest = await this.codes.findOne({ where: { phoneHash, purpose }, order: { id: 'DESC' } });
    const now = new Date();
    if (!latest || latest.consumedAt || latest.expiresAt <= now) throw Errors.smsCodeInvalid();
    // Each guess claims one of the code's tries in a conditional UPDATE before it is compared:
    // parallel guesses that all read the same count must still get no more tries than allowed.
    const claimed = await this.codes
      .createQueryBuilder()
      .update()
      .set({ failedAttempts: () => 'failed_attempts + 1' })
      .where('id = :id AND consumed_at IS NULL AND failed_attempts < :max', { id: latest.id, max: SMS_MAX_FAILED_ATTEMPTS })
      .execute();
    if (!claimed.affected) throw Errors.smsCodeInvalid();
    if (!timingSafeEqualHex(latest.codeHash, this.codeHash(purpose, phoneHash, code))) throw Errors.smsCodeInvalid();
    // Single use even when two logins race with the same code; the right guess gives its try back.
    const consumed = await this.codes
      .createQueryBuilder()
      .update()
      .set({ consumedAt: now, failedAttempts: () => 'failed_attempts - 1' })
      .where('id = :id AND consumed_at IS NULL', { id: latest.id })
      .execute();
    if (!consumed.affected) throw Errors.smsCodeInvalid();
  }

  /** Development only: the code the dev sender "sent" last to this phone. */
  devOutbox(phone: string) {
    return this.sender instanceof DevSmsSender ? this.sender.latest(phone) : undefined;
  }

  async countSentSince(since: Date): Promise<number> {
    return this.codes.count({ where: { createdAt: MoreThan(since) } });
  }

  /**
   * The one-per-minute rule as a compare-and-swap on the phone's throttle row: an UPDATE that
   * only succeeds when the last send is older than a minute, or the first INSERT for the phone.
   */
  private async claimMinute(phoneHash: string, now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - SMS_RESEND_SECONDS * 1000);
    const updated = await this.throttles
      .createQueryBuilder()
      .update()
      .set({ lastSentAt: now })
      .where('phone_hash = :phoneHash AND last_sent_at <= :cutoff', { phoneHash, cutoff })
      .execute();
    if (updated.affected) return;
    const existing = await this.throttles.findOne({ where: { phoneHash } });
    if (!existing) {
      try {
        await this.throttles.insert({ phoneHash, lastSentAt: now });
        return;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const waitSeconds = existing
      ? Math.max(1, Math.ceil((existing.lastSentAt.getTime() + SMS_RESEND_SECONDS * 1000 - now.getTime()) / 1000))
      : SMS_RESEND_SECONDS;
    throw Errors.rateLimited('SMS_RATE_LIMITED', `验证码已发送，请 ${waitSeconds} 秒后再试`, waitSeconds);
  }

  private codeHash(purpose: string, phoneHash: string, code: string): string {
    return this.cipherService.keyedHash(`sms:${purpose}:${phoneHash}:${code}`);
  }
}
