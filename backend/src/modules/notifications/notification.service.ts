import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Notification, RecipientType } from './notification.entity';
import { NotificationDelivery } from './notification-delivery.entity';
import { DevOutboxChannel, NotificationChannel, renderTemplate } from './notification-channels';
import { SettingsService } from '../settings/settings.service';
import type { NotificationEvent } from '../settings/settings-defaults';
import { Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';

export interface Recipient {
  type: RecipientType;
  id: number;
}

const MAX_ATTEMPTS = 5;

/** Inboxes for customers, escorts and staff, and the outbox of messages to outside channels. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NotificationService {
  @InjectEntityModel(Notification)
  notifications: Repository<Notification>;

  @InjectEntityModel(NotificationDelivery)
  deliveries: Repository<NotificationDelivery>;

  @Inject()
  settings: SettingsService;

  /**
   * Set when this process queued an outside delivery since its last flush, so a request that
   * queued nothing does not pay for a query. The job flushes with `force` and picks up rows other
   * processes queued.
   */
  private queuedSinceFlush = false;

  readonly channels: Record<'wechat' | 'sms', NotificationChannel> = {
    wechat: new DevOutboxChannel('wechat'),
    sms: new DevOutboxChannel('sms'),
  };

  /**
   * Renders the event's template for each recipient and writes the inbox rows plus pending
   * deliveries with the caller's transaction. Call `flush()` after the commit.
   */
  async notify(manager: EntityManager, event: NotificationEvent, recipients: Recipient[], vars: Record<string, string | number | undefined>, orderId: number | null): Promise<void> {
    if (!recipients.length) return;
    const template = (await this.settings.get('notifications', manager)).templates[event];
    const title = renderTemplate(template.title, vars).slice(0, 64);
    const body = renderTemplate(template.body, vars).slice(0, 500);
    for (const r of recipients) {
      const saved = await manager.getRepository(Notification).insert({ recipientType: r.type, recipientId: r.id, event, title, body, orderId, readAt: null });
      const notificationId = saved.identifiers[0].id as number;
      // Staff read the console; outside channels are for customers and escorts.
      const outside = r.type === 'staff' ? [] : template.channels.filter((c): c is 'wechat' | 'sms' => c !== 'in_app');
      for (const channel of outside) {
        await manager.getRepository(NotificationDelivery).insert({ notificationId, channel, status: 'pending', attempts: 0, detail: '', deliveredAt: null });
        this.queuedSinceFlush = true;
      }
    }
  }

  /** Delivers pending outside messages; safe to run from several places (each row is claimed by CAS). */
  async flush(options: { force?: boolean; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
    if (!options.force && !this.queuedSinceFlush) return { sent: 0, failed: 0 };
    this.queuedSinceFlush = false;
    const limit = options.limit ?? 100;
    const pending = await this.deliveries.find({ where: { status: 'pending' }, order: { id: 'ASC' }, take: limit });
    let sent = 0;
    let failed = 0;
    for (const d of pending) {
      // Claim: bump attempts only if nobody else did since we read the row.
      const claim = await this.deliveries.update({ id: d.id, status: 'pending', attempts: d.attempts }, { attempts: d.attempts + 1 });
      if (!claim.affected) continue;
      const n = await this.notifications.findOne({ where: { id: d.notificationId } });
      if (!n) continue;
      try {
        const result = await this.channels[d.channel].deliver({ recipientType: n.recipientType, recipientId: n.recipientId, event: n.event, title: n.title, body: n.body, orderId: n.orderId });
        await this.deliveries.update({ id: d.id }, { status: result.status, detail: result.detail.slice(0, 255), deliveredAt: new Date() });
        sent++;
      } catch (err) {
        const giveUp = d.attempts + 1 >= MAX_ATTEMPTS;
        await this.deliveries.update({ id: d.id }, { status: giveUp ? 'failed' : 'pending', detail: String((err as Error)?.message ?? err).slice(0, 255) });
        failed++;
      }
    }
    return { sent, failed };
  }

  async inbox(r: Recipient, q: PageQuery & { unreadOnly?: boolean }) {
    const where = { recipientType: r.type, recipientId: r.id, ...(q.unreadOnly ? { readAt: IsNull() } : {}) };
    const [rows, total] = await this.notifications.findAndCount({ where, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const unread = await this.notifications.count({ where: { recipientType: r.type, recipientId: r.id, readAt: IsNull() } });
    return { ...toPage(rows.map(present), total, q), unread };
  }

  async unreadCount(r: Recipient): Promise<{ unread: number }> {
    return { unread: await this.notifications.count({ where: { recipientType: r.type, recipientId: r.id, readAt: IsNull() } }) };
  }

  /** Marks one message read; someone else's message is "not found", never "forbidden". */
  async markRead(r: Recipient, id: number): Promise<{ id: number; readAt: Date }> {
    const n = await this.notifications.findOne({ where: { id, recipientType: r.type, recipientId: r.id } });
    if (!n) throw Errors.notFound('消息');
    if (!n.readAt) await this.notifications.update({ id, readAt: IsNull() }, { readAt: new Date() });
    const after = await this.notifications.findOneOrFail({ where: { id } });
    return { id, readAt: after.readAt as Date };
  }

  async markAllRead(r: Recipient): Promise<{ updated: number }> {
    const res = await this.notifications.update({ recipientType: r.type, recipientId: r.id, readAt: IsNull() }, { readAt: new Date() });
    return { updated: res.affected ?? 0 };
  }

  async deliveriesOf(notificationIds: number[]) {
    return notificationIds.length ? this.deliveries.find({ where: { notificationId: In(notificationIds) } }) : [];
  }
}

function present(n: Notification) {
  return { id: n.id, event: n.event, title: n.title, body: n.body, orderId: n.orderId, read: n.readAt !== null, readAt: n.readAt, createdAt: n.createdAt };
}
