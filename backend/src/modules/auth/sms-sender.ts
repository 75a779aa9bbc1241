import { ILogger } from '@midwayjs/core';
import { maskPhone } from '../../common/mask';

/** A channel that delivers a text message to a phone. Real providers implement this. */
export interface SmsSender {
  readonly name: string;
  sendCode(phone: string, code: string, purpose: string, ttlMinutes: number): Promise<void>;
}

export interface OutboxEntry {
  phone: string;
  code: string;
  purpose: string;
  sentAt: string;
}

/**
 * Development sender: "delivers" by writing to the log and keeping the latest code per phone
 * for the demo and browser tests (GET /api/dev/sms-outbox). Production refuses to start with it.
 */
export class DevSmsSender implements SmsSender {
  readonly name = 'dev';
  private readonly outbox = new Map<string, OutboxEntry>();

  constructor(private readonly logger: ILogger) {}

  async sendCode(phone: string, code: string, purpose: string, ttlMinutes: number): Promise<void> {
    this.outbox.set(phone, { phone, code, purpose, sentAt: new Date().toISOString() });
    if (this.outbox.size > 10_000) this.outbox.delete(this.outbox.keys().next().value as string);
    this.logger.info(`[dev-sms] to ${maskPhone(phone)} purpose=${purpose}: 验证码 ${code}，${ttlMinutes} 分钟内有效`);
  }

  latest(phone: string): OutboxEntry | undefined {
    return this.outbox.get(phone);
  }
}
