import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { TicketService } from './ticket.service';
import { MyTicketQueryDTO, NewTicketDTO, TicketDetail, TicketMessageView, TicketPage, TicketReasonDTO, TicketReplyDTO } from './dto/ticket.dto';
import { actorOf } from '../orders/order.service';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** 客户的工单：投诉、反馈、建议；只看得到自己开的。 */
@ApiTags('app-tickets')
@Audience('customer')
@Controller('/api/app')
export class AppTicketController {
  @Inject()
  ctx: Context;

  @Inject()
  tickets: TicketService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Get('/tickets', { summary: '我的工单' })
  @ApiOkResponse({ type: TicketPage })
  async list(@Query() q: MyTicketQueryDTO) {
    return this.tickets.listForOpener(this.actor, q);
  }

  @Post('/tickets', { summary: '提交投诉、反馈或建议（可关联订单）' })
  @ApiOkResponse({ type: TicketDetail })
  async create(@Body() body: NewTicketDTO) {
    const t = await this.tickets.open(this.actor, body);
    return this.tickets.detailForOpener(t.id, this.actor);
  }

  @Get('/tickets/:id', { summary: '工单详情与回复' })
  @ApiOkResponse({ type: TicketDetail })
  async detail(@Param('id') id: string) {
    return this.tickets.detailForOpener(parseId(id), this.actor);
  }

  @Post('/tickets/:id/messages', { summary: '补充说明' })
  @ApiOkResponse({ type: TicketMessageView })
  async reply(@Param('id') id: string, @Body() body: TicketReplyDTO) {
    return this.tickets.reply(parseId(id), this.actor, body);
  }

  @Post('/tickets/:id/close', { summary: '确认已解决并关闭' })
  @ApiOkResponse({ type: TicketDetail })
  async close(@Param('id') id: string, @Body() body: TicketReasonDTO) {
    return this.tickets.move(parseId(id), 'close', this.actor, body.reason ?? '');
  }

  @Post('/tickets/:id/reopen', { summary: '问题未解决，重新打开（解决后 7 天内）' })
  @ApiOkResponse({ type: TicketDetail })
  async reopen(@Param('id') id: string, @Body() body: TicketReasonDTO) {
    return this.tickets.move(parseId(id), 'reopen', this.actor, body.reason ?? '');
  }
}
