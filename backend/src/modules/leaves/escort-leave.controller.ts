import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { LeaveService } from './leave.service';
import { LeaveRequestDTO } from './dto/leave.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { PageQueryDTO } from '../../common/dto';
import { parseId } from '../../common/params';

@ApiTags('escort-leaves')
@Audience('escort')
@Controller('/api/escort')
export class EscortLeaveController {
  @Inject()
  ctx: Context;

  @Inject()
  leaves: LeaveService;

  @Get('/leaves', { summary: '我的请假' })
  async list(@Query() q: PageQueryDTO) {
    return this.leaves.listOwn(principalOf(this.ctx).userId, q);
  }

  @Post('/leaves', { summary: '申请请假（等待运营审批）' })
  async create(@Body() body: LeaveRequestDTO) {
    const p = principalOf(this.ctx);
    return this.leaves.create(p.userId, body, { source: 'escort', name: p.displayName });
  }

  @Post('/leaves/:id/withdraw', { summary: '撤回未审批的请假' })
  async withdraw(@Param('id') id: string) {
    return this.leaves.withdraw(principalOf(this.ctx).userId, parseId(id));
  }
}
