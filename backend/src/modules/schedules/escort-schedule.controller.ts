import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { ScheduleService } from './schedule.service';
import { CalendarQueryDTO, ChangeRequestDTO, ChangeRequestQueryDTO } from './dto/schedule.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

@ApiTags('escort-schedule')
@Audience('escort')
@Controller('/api/escort')
export class EscortScheduleController {
  @Inject()
  ctx: Context;

  @Inject()
  schedules: ScheduleService;

  private get me() {
    return principalOf(this.ctx).userId;
  }

  @Get('/schedule', { summary: '我的排班（按天展开）' })
  async calendar(@Query() q: CalendarQueryDTO) {
    return this.schedules.calendar(this.me, q.from, q.to);
  }

  @Get('/schedule-requests', { summary: '我的调班申请' })
  async list(@Query() q: ChangeRequestQueryDTO) {
    return this.schedules.listRequests({ page: q.page, pageSize: q.pageSize, status: q.status }, { escortId: this.me });
  }

  @Post('/schedule-requests', { summary: '申请调班（加班或休息，等待运营审批）' })
  async request(@Body() body: ChangeRequestDTO) {
    return this.schedules.requestChange(this.me, body);
  }

  @Post('/schedule-requests/:id/withdraw', { summary: '撤回未处理的调班申请' })
  async withdraw(@Param('id') id: string) {
    return this.schedules.withdrawRequest(this.me, parseId(id));
  }
}
