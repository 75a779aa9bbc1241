import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiHeader, ApiTags } from '@midwayjs/swagger';
import { OrderService, actorOf } from './order.service';
import { OrderQueryService } from './order-query.service';
import { BookingDTO, CancelDTO, CustomerOrderQueryDTO, RescheduleDTO } from './dto/order.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { parseId } from '../../common/params';

@ApiTags('app-orders')
@Audience('customer')
@Controller('/api/app')
export class AppOrderController {
  @Inject()
  ctx: Context;

  @Inject()
  orders: OrderService;

  @Inject()
  query: OrderQueryService;

  @Inject()
  idempotency: IdempotencyService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Post('/orders/quote', { summary: '询价：价格明细、是否可约、可约的相近时间' })
  async quote(@Body() body: BookingDTO) {
    return this.orders.quote(this.actor.id as number, body);
  }

  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '同一个键 + 同样的内容重复提交，返回第一次的结果' })
  @Post('/orders', { summary: '下单（待支付），返回订单与价格明细' })
  async create(@Body() body: BookingDTO) {
    const customerId = this.actor.id as number;
    return this.idempotency.run(`customer:${customerId}:create-order`, this.ctx.get('idempotency-key') || undefined, body, async () => {
      return this.query.bookingSummary(await this.orders.create(customerId, body));
    });
  }

  @Get('/orders', { summary: '我的订单' })
  async list(@Query() q: CustomerOrderQueryDTO) {
    return this.query.listForCustomer(this.actor.id as number, q);
  }

  @Get('/orders/:id', { summary: '订单详情（服务中时含核销码）' })
  async detail(@Param('id') id: string) {
    return this.query.detailForCustomer(parseId(id), this.actor);
  }

  @Get('/orders/:id/cancel-preview', { summary: '取消前查看违约金与退款金额' })
  async cancelPreview(@Param('id') id: string) {
    return this.orders.cancelPreview(parseId(id), this.actor);
  }

  @Post('/orders/:id/cancel', { summary: '取消订单' })
  async cancel(@Param('id') id: string, @Body() body: CancelDTO) {
    const order = await this.orders.cancel(parseId(id), this.actor, body.reason);
    return this.query.detailForCustomer(order.id, this.actor);
  }

  @Post('/orders/:id/reschedule', { summary: '改约（已派单时需陪诊师同意）' })
  async reschedule(@Param('id') id: string, @Body() body: RescheduleDTO) {
    const result = await this.orders.requestReschedule(parseId(id), new Date(body.startAt), this.actor, { reason: body.reason });
    return { applied: result.applied, pendingEscort: result.pendingEscort, order: await this.query.detailForCustomer(result.order.id, this.actor) };
  }

  @Post('/orders/:id/confirm-complete', { summary: '确认服务完成' })
  async confirmComplete(@Param('id') id: string) {
    const order = await this.orders.complete(parseId(id), this.actor, '客户确认完成');
    return this.query.detailForCustomer(order.id, this.actor);
  }

  @Post('/orders/:id/extra-charges/:chargeId/confirm', { summary: '确认代垫费用' })
  async confirmCharge(@Param('id') id: string, @Param('chargeId') chargeId: string) {
    return this.orders.answerExtraCharge(parseId(id), parseId(chargeId), true, this.actor);
  }

  @Post('/orders/:id/extra-charges/:chargeId/reject', { summary: '拒绝代垫费用' })
  async rejectCharge(@Param('id') id: string, @Param('chargeId') chargeId: string) {
    return this.orders.answerExtraCharge(parseId(id), parseId(chargeId), false, this.actor);
  }
}
