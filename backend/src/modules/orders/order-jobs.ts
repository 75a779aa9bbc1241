import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { OrderService } from './order.service';
import { NotificationService } from '../notifications/notification.service';
import type { AppSettings } from '../../config/settings';

/**
 * The scheduled work orders need: close unpaid orders after the payment window (releasing their
 * claims), send start reminders, deliver queued outside messages. Each step decides per row with a
 * compare-and-swap, so two processes running the same tick do each thing once.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrderJobs {
  @Inject()
  orders: OrderService;

  @Inject()
  notifications: NotificationService;

  @Config('app')
  settings: AppSettings;

  @Logger()
  logger: ILogger;

  private timer: NodeJS.Timeout | null = null;
  private running = false;

  start(): void {
    if (!this.settings.jobsEnabled || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.settings.jobIntervalSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass of every job; also what tests call with a chosen clock. */
  async tick(now = new Date()): Promise<{ closed: number; reminded: number; delivered: number }> {
    if (this.running) return { closed: 0, reminded: 0, delivered: 0 };
    this.running = true;
    try {
      const closed = await this.orders.expireUnpaid(now);
      const reminded = await this.orders.sendReminders(now);
      const { sent } = await this.notifications.flush({ force: true });
      if (closed || reminded) this.logger.info(`[jobs] closed ${closed} unpaid orders, sent ${reminded} reminders`);
      return { closed, reminded, delivered: sent };
    } catch (err) {
      this.logger.error('[jobs] tick failed: %s', err);
      return { closed: 0, reminded: 0, delivered: 0 };
    } finally {
      this.running = false;
    }
  }
}
