import { Controller, Get, Inject } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/access.decorator';

const VERSION = require('../../../package.json').version as string;

@ApiTags('health')
@Public()
@Controller('/api')
export class HealthController {
  @Inject()
  ctx: Context;

  @InjectDataSource()
  dataSource: DataSource;

  @Get('/health', { summary: '健康检查（含数据库）' })
  async health() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (err) {
      this.ctx.logger.error(err);
      this.ctx.status = 503;
      this.ctx.body = { success: false, errorCode: 'DB_UNAVAILABLE', errorMessage: '数据库不可用', requestId: this.ctx.requestId };
      return;
    }
    return { status: 'ok', db: 'ok', version: VERSION };
  }
}
