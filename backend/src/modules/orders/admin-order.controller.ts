import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { OrderService, actorOf } from './order.service';
import { OrderQueryService } from './order-query.service';
import { BoardQueryDTO, NoteDTO, StaffCancelDTO, StaffCompleteDTO, StaffOrderQueryDTO, StaffRescheduleDTO } from './dto/order.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { parseId } from '../../common/params';
import { toShanghaiDateString } from '../../common/time';

@ApiTags('admin-orders')
@Audience('staff')
@Controller('/api/admin')
export class AdminOrderController {
  @Inject()
  ctx: Context;

  @Inject()
  orders: OrderService;

  @Inject()
  query: OrderQueryService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Get('/orders', { summary: '订单列表（按城市范围）' })
  @RequirePermission('order:read')
  async list(@Query() q: StaffOrderQueryDTO) {
    return this.query.listForStaff(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Get('/orders/board', { summary: '今日看板：按小时的订单，未派单与迟到高亮' })
  @RequirePermission('order:read')
  async board(@Query() q: BoardQueryDTO) {
    return this.query.board(q.date ?? toShanghaiDateString(new Date()), scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Get('/orders/:id', { summary: '订单详情（状态时间线、价格明细、就诊人脱敏信息、可执行操作）' })
  @RequirePermission('order:read')
  async detail(@Param('id') id: string) {
    return this.query.detailForStaff(parseId(id), this.actor);
  }

  @Get('/orders/:id/cancel-preview', { summary: '取消前查看违约金与退款金额（noShow=true：按客户爽约计算，押金不退）' })
  @RequirePermission('order:read')
  async cancelPreview(@Param('id') id: string, @Query('noShow') noShow?: string) {
    return this.orders.cancelPreview(parseId(id), this.actor, new Date(), { noShow: noShow === 'true' });
  }

  @Post('/orders/:id/cancel', { summary: '取消订单（需填写原因，可免除违约金；客户爽约时押金不退并记信用）' })
  @RequirePermission('order:write')
  async cancel(@Param('id') id: string, @Body() body: StaffCancelDTO) {
    await this.orders.cancel(parseId(id), this.actor, body.reason, { waivePenalty: body.waivePenalty, noShow: body.noShow, audit: auditContext(this.ctx) });
    return this.query.detailForStaff(parseId(id), this.actor);
  }

  @Post('/orders/:id/reschedule', { summary: '改约' })
  @RequirePermission('order:write')
  async reschedule(@Param('id') id: string, @Body() body: StaffRescheduleDTO) {
    const result = await this.orders.requestReschedule(parseId(id), new Date(body.startAt), this.actor, {
      reason: body.reason,
      redispatch: body.redispatch,
      audit: auditContext(this.ctx),
    });
    return { applied: result.applied, pendingEscort: result.pendingEscort, order: await this.query.detailForStaff(parseId(id), this.actor) };
  }

  @Post('/orders/:id/complete', { summary: '人工完成（如核销码已锁定）' })
  @RequirePermission('order:write')
  async complete(@Param('id') id: string, @Body() body: StaffCompleteDTO) {
    await this.orders.complete(parseId(id), this.actor, body.reason, auditContext(this.ctx));
    return this.query.detailForStaff(parseId(id), this.actor);
  }

  @Post('/orders/:id/notes', { summary: '添加备注' })
  @RequirePermission('order:write')
  async note(@Param('id') id: string, @Body() body: NoteDTO) {
    return this.orders.addNote(parseId(id), this.actor, body.content, auditContext(this.ctx));
  }
}
