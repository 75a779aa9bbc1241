import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { CommissionService } from './commission.service';
import { CommissionShareQueryDTO, CommissionVersionViewDTO, CreateCommissionVersionDTO, ResolvedShareDTO } from './dto/commission.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** Finance: the escort's share by level × category, in dated versions. */
@ApiTags('admin-commissions')
@Audience('staff')
@Controller('/api/admin')
export class AdminCommissionController {
  @Inject()
  ctx: Context;

  @Inject()
  commissions: CommissionService;

  @Get('/commission-rules', { summary: '分成规则版本（最新在前，含系统默认）' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: [CommissionVersionViewDTO] })
  async list() {
    return this.commissions.list();
  }

  @Get('/commission-rules/share', { summary: '查询某等级、类别在某时刻适用的分成' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: ResolvedShareDTO })
  async share(@Query() q: CommissionShareQueryDTO) {
    return this.commissions.shareFor(this.commissions.versions.manager, q.escortLevel, q.categoryCode, q.at ?? new Date());
  }

  @Post('/commission-rules', { summary: '新增分成规则版本（生效时间不早于现在，仅影响之后完成的订单）' })
  @RequirePermission('commission:write')
  @ApiOkResponse({ type: CommissionVersionViewDTO })
  async create(@Body() body: CreateCommissionVersionDTO) {
    return this.commissions.create(body, auditContext(this.ctx));
  }

  @Post('/commission-rules/:id/withdraw', { summary: '撤回尚未生效的版本' })
  @RequirePermission('commission:write')
  async withdraw(@Param('id') id: string) {
    await this.commissions.withdraw(parseId(id), auditContext(this.ctx));
    return { id: parseId(id), withdrawn: true };
  }
}
