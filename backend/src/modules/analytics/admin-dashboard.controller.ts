import { Controller, Get, Inject } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { DashboardService } from './dashboard.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';

@ApiTags('admin-dashboard')
@Audience('staff')
@Controller('/api/admin/dashboard')
export class AdminDashboardController {
  @Inject()
  ctx: Context;

  @Inject()
  dashboard: DashboardService;

  @Get('/today', { summary: '今日概况' })
  @RequirePermission('dashboard:read')
  async today() {
    return this.dashboard.today(principalOf(this.ctx).cityIds);
  }
}
