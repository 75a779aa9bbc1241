import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AnalyticsService } from './analytics.service';
import type { AppSettings } from '../../config/settings';

/**
 * Folds the analytics outbox into the rollups every job interval, so dashboards stay current even
 * when nobody opens them (they also fold what is pending before each read).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AnalyticsJobs {
  @Inject()
  analytics: AnalyticsService;

  @Config('app')
  settings: AppSettings;

  @Logger()
  logger: ILogger;

  private timer: NodeJS.Timeout | null = null;

  start(): void {
    if (!this.settings.jobsEnabled || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.settings.jobIntervalSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async tick(): Promise<number> {
    try {
      await this.analytics.ensureBuilt();
      return await this.analytics.applyPending();
    } catch (err) {
      this.logger.error('[analytics] applying the outbox failed: %s', err);
      return 0;
    }
  }
}
