import type { RecipientType } from './notification.entity';

export interface OutgoingMessage {
  recipientType: RecipientType;
  recipientId: number;
  event: string;
  title: string;
  body: string;
  orderId: number | null;
}

export interface DeliveryResult {
  status: 'sent' | 'skipped';
  detail: string;
}

/**
 * An outside channel. The real WeChat subscription-message and SMS providers implement this; they
 * look up the recipient's openid or phone themselves. Throwing means "try again later".
 */
export interface NotificationChannel {
  readonly code: 'wechat' | 'sms';
  deliver(message: OutgoingMessage): Promise<DeliveryResult>;
}

/**
 * Development channel: keeps the last messages in memory (GET /api/dev/notification-outbox) and
 * logs them. Production refuses to start while SMS or WeChat are in development mode.
 */
export class DevOutboxChannel implements NotificationChannel {
  private readonly sent: Array<OutgoingMessage & { channel: string; at: string }> = [];

  constructor(readonly code: 'wechat' | 'sms') {}

  async deliver(message: OutgoingMessage): Promise<DeliveryResult> {
    this.sent.push({ ...message, channel: this.code, at: new Date().toISOString() });
    if (this.sent.length > 1000) this.sent.shift();
    return { status: 'sent', detail: `dev-${this.code}` };
  }

  recent(): ReadonlyArray<OutgoingMessage & { channel: string; at: string }> {
    return this.sent;
  }
}

/** `{orderNo}` style placeholders; unknown ones are left visible so a template typo shows. */
export function renderTemplate(text: string, vars: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (vars[name] === undefined ? whole : String(vars[name])));
}
