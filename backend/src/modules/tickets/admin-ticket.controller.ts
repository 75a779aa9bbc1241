import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { TicketService } from './ticket.service';
import { EscortPenaltyService } from './escort-penalty.service';
import {
  AssignTicketDTO,
  PenaltyPage,
  PenaltyQueryDTO,
  PenaltyView,
  PenaltyVoidDTO,
  ResolveTicketDTO,
  StaffNewTicketDTO,
  StaffTicketQueryDTO,
  StaffTicketReplyDTO,
  TicketDetail,
  TicketMessageView,
  TicketPage,
  TicketPriorityDTO,
  TicketReasonDTO,
  TicketSlaSummary,
} from './dto/ticket.dto';
import { actorOf } from '../orders/order.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** The support inbox: tickets with their SLA, the thread, status, compensation and penalties. */
@ApiTags('admin-tickets')
@Audience('staff')
@Controller('/api/admin')
export class AdminTicketController {
  @Inject()
  ctx: Context;

  @Inject()
  tickets: TicketService;

  @Inject()
  penalties: EscortPenaltyService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Get('/tickets', { summary: '工单列表（未响应的按截止时间在前；可筛选状态、类型、优先级、超时、指派）' })
  @RequirePermission('ticket:read')
  @ApiOkResponse({ type: TicketPage })
  async list(@Query() q: StaffTicketQueryDTO) {
    return this.tickets.listForStaff(q, this.actor);
  }

  @Get('/tickets/sla-summary', { summary: '工单 SLA 概览：未响应、已超时、即将超时' })
  @RequirePermission('ticket:read')
  @ApiOkResponse({ type: TicketSlaSummary })
  async slaSummary() {
    return this.tickets.slaSummary(this.actor);
  }

  @Post('/tickets', { summary: '代客户或陪诊师创建工单' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketDetail })
  async create(@Body() body: StaffNewTicketDTO) {
    const t = await this.tickets.open(this.actor, body, auditContext(this.ctx));
    return this.tickets.detailForStaff(t.id, this.actor);
  }

  @Get('/tickets/:id', { summary: '工单详情：会话（含内部备注）、处罚、可执行操作' })
  @RequirePermission('ticket:read')
  @ApiOkResponse({ type: TicketDetail })
  async detail(@Param('id') id: string) {
    return this.tickets.detailForStaff(parseId(id), this.actor);
  }

  @Post('/tickets/:id/messages', { summary: '回复客户或写内部备注（首次回复计入 SLA）' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketMessageView })
  async reply(@Param('id') id: string, @Body() body: StaffTicketReplyDTO) {
    return this.tickets.reply(parseId(id), this.actor, body);
  }

  @Post('/tickets/:id/start', { summary: '开始处理' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketDetail })
  async start(@Param('id') id: string) {
    return this.tickets.move(parseId(id), 'start', this.actor, '', auditContext(this.ctx));
  }

  @Post('/tickets/:id/resolve', { summary: '解决（可同时赔偿客户、处罚陪诊师）' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketDetail })
  async resolve(@Param('id') id: string, @Body() body: ResolveTicketDTO) {
    return this.tickets.resolve(parseId(id), this.actor, auditContext(this.ctx), body);
  }

  @Post('/tickets/:id/close', { summary: '关闭已解决的工单' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketDetail })
  async close(@Param('id') id: string, @Body() body: TicketReasonDTO) {
    return this.tickets.move(parseId(id), 'close', this.actor, body.reason ?? '', auditContext(this.ctx));
  }

  @Post('/tickets/:id/reopen', { summary: '重新打开（解决后 N 天内）' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketDetail })
  async reopen(@Param('id') id: string, @Body() body: TicketReasonDTO) {
    return this.tickets.move(parseId(id), 'reopen', this.actor, body.reason ?? '', auditContext(this.ctx));
  }

  @Post('/tickets/:id/assign', { summary: '指派处理人' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketDetail })
  async assign(@Param('id') id: string, @Body() body: AssignTicketDTO) {
    return this.tickets.assign(parseId(id), body.assigneeId, this.actor, auditContext(this.ctx));
  }

  @Post('/tickets/:id/priority', { summary: '调整优先级（重新计算首次响应截止时间）' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: TicketDetail })
  async priority(@Param('id') id: string, @Body() body: TicketPriorityDTO) {
    return this.tickets.setPriority(parseId(id), body.priority, this.actor, auditContext(this.ctx));
  }

  @Get('/escort-penalties', { summary: '陪诊师处罚记录（待结算、已结算、已撤销）' })
  @RequirePermission('ticket:read')
  @ApiOkResponse({ type: PenaltyPage })
  async penaltyList(@Query() q: PenaltyQueryDTO) {
    return this.penalties.list(q);
  }

  @Post('/escort-penalties/:id/void', { summary: '撤销待结算的处罚' })
  @RequirePermission('ticket:write')
  @ApiOkResponse({ type: PenaltyView })
  async voidPenalty(@Param('id') id: string, @Body() body: PenaltyVoidDTO) {
    return this.penalties.voidPenalty(auditContext(this.ctx), parseId(id), body.reason);
  }
}
