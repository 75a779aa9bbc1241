import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { OrderService, actorOf } from './order.service';
import { OrderQueryService } from './order-query.service';
import { EscortService } from '../escorts/escort.service';
import { EscortOrderQueryDTO, ExtraChargeDTO, ReasonDTO, VerifyCodeDTO } from './dto/order.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

@ApiTags('escort-orders')
@Audience('escort')
@Controller('/api/escort')
export class EscortOrderController {
  @Inject()
  ctx: Context;

  @Inject()
  orders: OrderService;

  @Inject()
  query: OrderQueryService;

  @Inject()
  escorts: EscortService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Get('/orders', { summary: '我的任务（今天 / 之后 / 历史）' })
  async list(@Query() q: EscortOrderQueryDTO) {
    return this.query.listForEscort(this.actor.id as number, q);
  }

  @Get('/income', { summary: '我的收入（已完成订单按等级分成比例计算，单位：分）' })
  async income() {
    const escort = await this.escorts.mustFind(this.actor.id as number);
    return this.query.incomeOf(escort.id, escort.level);
  }

  @Get('/orders/:id', { summary: '任务详情（服务期间含就诊人健康信息）' })
  async detail(@Param('id') id: string) {
    return this.query.detailForEscort(parseId(id), this.actor);
  }

  @Post('/orders/:id/accept', { summary: '接单' })
  async accept(@Param('id') id: string) {
    await this.orders.escortStep(parseId(id), 'accept', this.actor);
    return this.query.detailForEscort(parseId(id), this.actor);
  }

  @Post('/orders/:id/decline', { summary: '拒单（订单回到派单池）' })
  async decline(@Param('id') id: string, @Body() body: ReasonDTO) {
    const order = await this.orders.escortStep(parseId(id), 'decline', this.actor, body.reason);
    return { id: order.id, status: order.status };
  }

  @Post('/orders/:id/depart', { summary: '出发' })
  async depart(@Param('id') id: string) {
    await this.orders.escortStep(parseId(id), 'depart', this.actor);
    return this.query.detailForEscort(parseId(id), this.actor);
  }

  @Post('/orders/:id/start', { summary: '开始服务（生成客户核销码）' })
  async start(@Param('id') id: string) {
    await this.orders.escortStep(parseId(id), 'start', this.actor);
    return this.query.detailForEscort(parseId(id), this.actor);
  }

  @Post('/orders/:id/complete', { summary: '凭客户核销码完成服务' })
  async complete(@Param('id') id: string, @Body() body: VerifyCodeDTO) {
    await this.orders.completeWithCode(parseId(id), body.code, this.actor);
    return this.query.detailForEscort(parseId(id), this.actor).catch(() => ({ id: parseId(id), status: 'completed' }));
  }

  @Post('/orders/:id/reschedules/:rescheduleId/accept', { summary: '同意改约' })
  async acceptReschedule(@Param('id') id: string, @Param('rescheduleId') rid: string) {
    await this.orders.answerReschedule(parseId(id), parseId(rid), true, this.actor);
    return this.query.detailForEscort(parseId(id), this.actor);
  }

  @Post('/orders/:id/reschedules/:rescheduleId/decline', { summary: '不同意改约' })
  async declineReschedule(@Param('id') id: string, @Param('rescheduleId') rid: string) {
    await this.orders.answerReschedule(parseId(id), parseId(rid), false, this.actor);
    return this.query.detailForEscort(parseId(id), this.actor);
  }

  @Post('/orders/:id/extra-charges', { summary: '登记代垫费用（附票据）' })
  async addCharge(@Param('id') id: string, @Body() body: ExtraChargeDTO) {
    return this.orders.addExtraCharge(parseId(id), this.actor, body);
  }
}
