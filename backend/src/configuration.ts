import { App, Configuration, IMidwayContainer, Inject, MidwayConfigService } from '@midwayjs/core';
import * as koa from '@midwayjs/koa';
import * as validate from '@midwayjs/validate';
import * as typeorm from '@midwayjs/typeorm';
import * as jwt from '@midwayjs/jwt';
import * as swagger from '@midwayjs/swagger';
import { join } from 'path';
import { RequestIdMiddleware } from './common/middleware/request-id.middleware';
import { EnvelopeMiddleware } from './common/middleware/envelope.middleware';
import { StaticSiteMiddleware } from './common/middleware/static-site.middleware';
import { ErrorFilter } from './common/filter/error.filter';
import { AccessGuard } from './common/auth/access.guard';
import { AppSettings, assertProductionSafe } from './config/settings';
import { DemoSeeder } from './seed/demo-seeder';
import { DemoOrderSeeder } from './seed/demo-orders';
import { DemoQualitySeeder } from './seed/demo-quality';
import { detectMysqlFlavor } from './config/datasource';
import { OrderJobs } from './modules/orders/order-jobs';
import { PaymentJobs } from './modules/payments/payment-jobs';
import { PaymentGatewayProvider } from './modules/payments/payment-gateway.provider';
import { DispatchJobs } from './modules/dispatch/dispatch-jobs';
import { AnalyticsJobs } from './modules/analytics/analytics-jobs';
import { TicketJobs } from './modules/tickets/ticket-jobs';
import { cacheValidationSchemas } from './common/validation-cache';

@Configuration({
  imports: [koa, validate, typeorm, jwt, swagger],
  importConfigs: [join(__dirname, './config')],
})
export class MainConfiguration {
  @App('koa')
  app: koa.Application;

  @Inject()
  configService: MidwayConfigService;

  async onConfigLoad() {
    const settings = this.configService.getConfiguration('app') as AppSettings;
    if (settings.env === 'production' || settings.env === 'prod') assertProductionSafe(settings);
    if (settings.db.type === 'mysql' && settings.db.flavor === 'mysql') {
      const flavor = await detectMysqlFlavor(settings.db);
      if (flavor === 'mariadb') return { typeorm: { dataSource: { default: { type: 'mariadb' } } } };
    }
    return {};
  }

  async onReady(container: IMidwayContainer) {
    this.app.useMiddleware([RequestIdMiddleware, StaticSiteMiddleware, EnvelopeMiddleware]);
    this.app.useFilter([ErrorFilter]);
    this.app.useGuard([AccessGuard]);
    await cacheValidationSchemas(container);
    const settings = this.configService.getConfiguration('app') as AppSettings;
    if (settings.seedDemo) {
      const seeder = await container.getAsync(DemoSeeder);
      if (await seeder.seedIfEmpty()) {
        await (await container.getAsync(DemoOrderSeeder)).seed();
        await (await container.getAsync(DemoQualitySeeder)).seed();
      }
    }
    (await container.getAsync(PaymentGatewayProvider)).checkOnStart();
    (await container.getAsync(OrderJobs)).start();
    (await container.getAsync(PaymentJobs)).start();
    (await container.getAsync(DispatchJobs)).start();
    (await container.getAsync(AnalyticsJobs)).start();
    (await container.getAsync(TicketJobs)).start();
  }

  async onStop(container: IMidwayContainer) {
    (await container.getAsync(OrderJobs)).stop();
    (await container.getAsync(PaymentJobs)).stop();
    (await container.getAsync(DispatchJobs)).stop();
    (await container.getAsync(AnalyticsJobs)).stop();
    (await container.getAsync(TicketJobs)).stop();
  }
}
