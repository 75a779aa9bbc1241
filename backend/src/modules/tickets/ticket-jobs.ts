import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { TicketService } from './ticket.service';
import type { AppSettings } from '../../config/settings';

/**
 * Scheduled ticket work, every JOB_INTERVAL_SECONDS: resolved tickets that nobody reopened within
 * `settings.quality.reopenDays` of their resolution are closed. Each close is a compare-and-swap,
 * so two processes running the same tick close each ticket once.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TicketJobs {
  @Inject()
  tickets: TicketService;

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

  /** One pass; tests call it with a chosen clock. */
  async tick(now = new Date()): Promise<{ autoClosed: number }> {
    if (this.running) return { autoClosed: 0 };
    this.running = true;
    try {
      const autoClosed = await this.tickets.autoCloseResolved(now);
      if (autoClosed) this.logger.info(`[jobs] closed ${autoClosed} resolved tickets past the reopen window`);
      return { autoClosed };
    } catch (err) {
      this.logger.error('[jobs] ticket tick failed: %s', err);
      return { autoClosed: 0 };
    } finally {
      this.running = false;
    }
  }
}
