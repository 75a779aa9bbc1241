import { Body, Controller, Get, Inject, Param, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { SettingsService } from './settings.service';
import { SettingsKey } from './settings-defaults';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext } from '../../common/auth/request-context';
import { Errors } from '../../common/errors';

const KEYS: SettingsKey[] = ['finance', 'booking', 'cancellation', 'notifications', 'workforce', 'quality'];

@ApiTags('admin-settings')
@Audience('staff')
@Controller('/api/admin')
export class AdminSettingsController {
  @Inject()
  ctx: Context;

  @Inject()
  settings: SettingsService;

  @Get('/settings', { summary: '全部业务设置（财务规则、预约规则、取消规则、通知模板、派单与陪诊师规则）' })
  @RequirePermission('settings:read')
  async all() {
    return this.settings.all();
  }

  /** Replaces one group whole; the body is the group's JSON, validated against its schema. */
  @Post('/settings/:key', { summary: '修改一组设置' })
  @RequirePermission('settings:write')
  async put(@Param('key') key: string, @Body() body: Record<string, unknown>) {
    if (!KEYS.includes(key as SettingsKey)) throw Errors.notFound('设置项');
    return this.settings.put(auditContext(this.ctx), key as SettingsKey, body);
  }
}
