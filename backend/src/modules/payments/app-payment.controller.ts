import { Controller, Get, Inject, Param, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiHeader, ApiTags } from '@midwayjs/swagger';
import { PaymentService } from './payment.service';
import { RefundService } from './refund.service';
import { OrderService, actorOf } from '../orders/order.service';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { parseId } from '../../common/params';

@ApiTags('app-payments')
@Audience('customer')
@Controller('/api/app')
export class AppPaymentController {
  @Inject()
  ctx: Context;

  @Inject()
  payments: PaymentService;

  @Inject()
  refunds: RefundService;

  @Inject()
  orders: OrderService;

  @Inject()
  idempotency: IdempotencyService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '同一个键重复提交，返回第一次的支付参数' })
  @Post('/orders/:id/pay', { summary: '发起支付：返回 wx.requestPayment 所需参数（同一订单复用未完成的支付单）' })
  async pay(@Param('id') id: string) {
    const orderId = parseId(id);
    const actor = this.actor;
    // The order id is part of what the key stands for: the same key on another order is refused.
    return this.idempotency.run(`customer:${actor.id}:pay-order`, this.ctx.get('idempotency-key') || undefined, { orderId }, () => this.payments.startPayment(orderId, actor));
  }

  @Get('/orders/:id/postpay', { summary: '服务后补差款：已确认的代垫费用、已付、待付与支付记录' })
  async postpay(@Param('id') id: string) {
    return this.payments.postpayView(parseId(id), this.actor);
  }

  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '同一个键重复提交，返回第一次的支付参数' })
  @Post('/orders/:id/postpay/pay', { summary: '支付补差款：返回 wx.requestPayment 所需参数（金额为当前待付补差款）' })
  async payPostpay(@Param('id') id: string) {
    const orderId = parseId(id);
    const actor = this.actor;
    return this.idempotency.run(`customer:${actor.id}:pay-postpay`, this.ctx.get('idempotency-key') || undefined, { orderId }, () => this.payments.startPostpay(orderId, actor));
  }

  @Get('/orders/:id/payments', { summary: '订单的支付与退款记录' })
  async list(@Param('id') id: string) {
    const order = await this.orders.getForActor(parseId(id), this.actor);
    const [payments, refunds] = await Promise.all([this.payments.listForOrder(order.id), this.refunds.listForOrder(order.id)]);
    return {
      payments: payments.map(p => ({ id: p.id, outTradeNo: p.outTradeNo, purpose: p.purpose, amountFen: p.amountFen, status: p.status, paidAt: p.paidAt, createdAt: p.createdAt })),
      refunds: refunds.map(r => ({ id: r.id, outRefundNo: r.outRefundNo, amountFen: r.amountFen, reason: r.reason, status: r.status, succeededAt: r.succeededAt, createdAt: r.createdAt })),
    };
  }
}
