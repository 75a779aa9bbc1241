import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { LeaveService } from './leave.service';
import { ApproveLeaveDTO, LeaveQueryDTO, StaffLeaveDTO } from './dto/leave.dto';
import { RequiredReasonDTO } from '../schedules/dto/schedule.dto';
import { actorOf } from '../orders/order.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { parseId } from '../../common/params';

@ApiTags('admin-leaves')
@Audience('staff')
@Controller('/api/admin')
export class AdminLeaveController {
  @Inject()
  ctx: Context;

  @Inject()
  leaves: LeaveService;

  private get principal() {
    return principalOf(this.ctx);
  }

  @Get('/leaves', { summary: '请假列表（按城市范围）' })
  @RequirePermission('escort:read')
  async list(@Query() q: LeaveQueryDTO) {
    return this.leaves.list(q, scopedCityFilter(this.principal, q.cityId));
  }

  @Post('/leaves', { summary: '代陪诊师录入请假（待审批）' })
  @RequirePermission('leave:write')
  async create(@Body() body: StaffLeaveDTO) {
    const { escortId, ...input } = body;
    return this.leaves.create(escortId, input, { source: 'staff', name: this.principal.displayName, audit: auditContext(this.ctx), cityIds: this.principal.cityIds });
  }

  @Get('/leaves/:id', { summary: '请假详情（含与之冲突的已派订单）' })
  @RequirePermission('escort:read')
  async detail(@Param('id') id: string) {
    return this.leaves.detail(parseId(id), this.principal.cityIds);
  }

  @Post('/leaves/:id/approve', { summary: '批准请假（有冲突订单时需先改派，或 returnToPool 退回派单池并通知调度）' })
  @RequirePermission('leave:write')
  async approve(@Param('id') id: string, @Body() body: ApproveLeaveDTO) {
    return this.leaves.approve(auditContext(this.ctx), actorOf(this.principal), parseId(id), body, this.principal.cityIds);
  }

  @Post('/leaves/:id/reject', { summary: '驳回请假（需填写原因）' })
  @RequirePermission('leave:write')
  async reject(@Param('id') id: string, @Body() body: RequiredReasonDTO) {
    return this.leaves.reject(auditContext(this.ctx), actorOf(this.principal), parseId(id), body.reason, this.principal.cityIds);
  }

  @Post('/leaves/:id/revoke', { summary: '撤销请假（释放陪诊师时间）' })
  @RequirePermission('leave:write')
  async revoke(@Param('id') id: string, @Body() body: RequiredReasonDTO) {
    return this.leaves.revoke(auditContext(this.ctx), actorOf(this.principal), parseId(id), body.reason, this.principal.cityIds);
  }
}
