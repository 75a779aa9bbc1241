import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { DispatchService } from './dispatch.service';
import { SuspendDTO } from '../escorts/dto/escort.dto';
import { RequiredReasonDTO } from '../schedules/dto/schedule.dto';
import { LiveStatusQueryDTO } from './dto/dispatch.dto';
import { actorOf } from '../orders/order.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** Suspending an escort touches their orders, so it lives with dispatch, which may move orders. */
@ApiTags('admin-escorts')
@Audience('staff')
@Controller('/api/admin')
export class AdminEscortStatusController {
  @Inject()
  ctx: Context;

  @Inject()
  dispatch: DispatchService;

  @Get('/escort-live-status', { summary: '陪诊师实时状态（空闲 / 服务中 / 已派单待出发 / 请假 / 离线，由排班、请假与订单推出）' })
  @RequirePermission('escort:read')
  async liveStatus(@Query() q: LiveStatusQueryDTO) {
    const ids = [...new Set(q.escortIds.split(',').map(Number))];
    return this.dispatch.liveStatuses(ids, principalOf(this.ctx).cityIds);
  }

  @Post('/escorts/:id/suspend', { summary: '停用陪诊师（有未完成订单时需先改派，或 returnToPool 退回派单池）' })
  @RequirePermission('escort:write', 'order:dispatch')
  async suspend(@Param('id') id: string, @Body() body: SuspendDTO) {
    const p = principalOf(this.ctx);
    return this.dispatch.suspendEscort(auditContext(this.ctx), actorOf(p), parseId(id), body, p.cityIds);
  }

  @Post('/escorts/:id/reactivate', { summary: '恢复已停用的陪诊师' })
  @RequirePermission('escort:write')
  async reactivate(@Param('id') id: string, @Body() body: RequiredReasonDTO) {
    return this.dispatch.reactivateEscort(auditContext(this.ctx), parseId(id), body.reason, principalOf(this.ctx).cityIds);
  }
}
