import { Body, Controller, Del, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { ScheduleService } from './schedule.service';
import { ApplyTemplateDTO, CalendarQueryDTO, ChangeRequestQueryDTO, DecisionReasonDTO, RequiredReasonDTO, ShiftExceptionDTO, ShiftTemplateDTO, TeamCalendarQueryDTO, WeeklyScheduleDTO } from './dto/schedule.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { parseId } from '../../common/params';

@ApiTags('admin-schedules')
@Audience('staff')
@Controller('/api/admin')
export class AdminScheduleController {
  @Inject()
  ctx: Context;

  @Inject()
  schedules: ScheduleService;

  private get scope() {
    return principalOf(this.ctx).cityIds;
  }

  @Get('/escorts/:id/schedule', { summary: '陪诊师排班日历（每周模板 + 日期调整，按天展开）' })
  @RequirePermission('escort:read')
  async calendar(@Param('id') id: string, @Query() q: CalendarQueryDTO) {
    await this.schedules.escorts.mustFindInScope(parseId(id), this.scope);
    return this.schedules.calendar(parseId(id), q.from, q.to);
  }

  @Get('/schedule-team', { summary: '团队排班：在岗陪诊师 × 日期（每周模板 + 日期调整，按天展开；分页）' })
  @RequirePermission('escort:read')
  async team(@Query() q: TeamCalendarQueryDTO) {
    return this.schedules.team(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Put('/escorts/:id/weekly-shifts', { summary: '设置陪诊师每周排班（整周替换；返回排班外的已派订单供核对）' })
  @RequirePermission('schedule:write')
  async setWeekly(@Param('id') id: string, @Body() body: WeeklyScheduleDTO) {
    return this.schedules.setWeekly(auditContext(this.ctx), parseId(id), body.ranges, this.scope);
  }

  @Post('/escorts/:id/shift-exceptions', { summary: '添加排班调整（加班 / 休息；休息时段有订单则拒绝并列出）' })
  @RequirePermission('schedule:write')
  async addException(@Param('id') id: string, @Body() body: ShiftExceptionDTO) {
    return this.schedules.addException(auditContext(this.ctx), parseId(id), body, this.scope);
  }

  @Del('/escorts/:id/shift-exceptions/:exceptionId', { summary: '删除排班调整' })
  @RequirePermission('schedule:write')
  async removeException(@Param('id') id: string, @Param('exceptionId') exceptionId: string) {
    return this.schedules.removeException(auditContext(this.ctx), parseId(id), parseId(exceptionId), this.scope);
  }

  @Get('/shift-templates', { summary: '排班模板列表' })
  @RequirePermission('escort:read')
  async templates() {
    return this.schedules.listTemplates();
  }

  @Post('/shift-templates', { summary: '新建排班模板' })
  @RequirePermission('schedule:write')
  async createTemplate(@Body() body: ShiftTemplateDTO) {
    return this.schedules.saveTemplate(auditContext(this.ctx), null, body.name, body.ranges);
  }

  @Put('/shift-templates/:id', { summary: '修改排班模板（已套用的陪诊师不受影响）' })
  @RequirePermission('schedule:write')
  async updateTemplate(@Param('id') id: string, @Body() body: ShiftTemplateDTO) {
    return this.schedules.saveTemplate(auditContext(this.ctx), parseId(id), body.name, body.ranges);
  }

  @Del('/shift-templates/:id', { summary: '删除排班模板' })
  @RequirePermission('schedule:write')
  async deleteTemplate(@Param('id') id: string) {
    return this.schedules.deleteTemplate(auditContext(this.ctx), parseId(id));
  }

  @Post('/shift-templates/:id/apply', { summary: '批量套用排班模板（替换所选陪诊师的每周排班）' })
  @RequirePermission('schedule:write')
  async apply(@Param('id') id: string, @Body() body: ApplyTemplateDTO) {
    return this.schedules.applyTemplate(auditContext(this.ctx), parseId(id), body.escortIds, this.scope);
  }

  @Get('/schedule-requests', { summary: '陪诊师调班申请列表' })
  @RequirePermission('escort:read')
  async requests(@Query() q: ChangeRequestQueryDTO) {
    return this.schedules.listRequests(q, { cityIds: scopedCityFilter(principalOf(this.ctx), q.cityId) });
  }

  @Post('/schedule-requests/:id/approve', { summary: '批准调班申请（生成排班调整）' })
  @RequirePermission('schedule:write')
  async approve(@Param('id') id: string, @Body() body: DecisionReasonDTO) {
    return this.schedules.decideRequest(auditContext(this.ctx), parseId(id), true, body.reason, this.scope);
  }

  @Post('/schedule-requests/:id/reject', { summary: '驳回调班申请（需填写原因）' })
  @RequirePermission('schedule:write')
  async reject(@Param('id') id: string, @Body() body: RequiredReasonDTO) {
    return this.schedules.decideRequest(auditContext(this.ctx), parseId(id), false, body.reason, this.scope);
  }
}
