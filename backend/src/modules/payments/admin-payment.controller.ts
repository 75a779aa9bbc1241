import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { PaymentQueryService } from './payment-query.service';
import { RefundService } from './refund.service';
import {
  AdminPaymentDetail,
  AdminPaymentPage,
  AdminRefundPage,
  AdminRefundView,
  ApproveRefundDTO,
  OrderMoneyView,
  RejectRefundDTO,
  StaffPaymentQueryDTO,
  StaffRefundDTO,
  StaffRefundQueryDTO,
} from './dto/admin-payment.dto';
import { actorOf } from '../orders/order.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** Finance in the console: payments, refunds (with approval above a threshold) and an order's money timeline. */
@ApiTags('admin-payments')
@Audience('staff')
@Controller('/api/admin')
export class AdminPaymentController {
  @Inject()
  ctx: Context;

  @Inject()
  query: PaymentQueryService;

  @Inject()
  refunds: RefundService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Get('/payments', { summary: '支付单列表（按状态、订单号、通道交易号、时间筛选；金额单位：分）' })
  @RequirePermission('payment:read')
  @ApiOkResponse({ type: AdminPaymentPage })
  async list(@Query() q: StaffPaymentQueryDTO) {
    return this.query.listPayments(q, principalOf(this.ctx).cityIds);
  }

  @Get('/payments/:id', { summary: '支付单详情（含退款与原始回调报文）' })
  @RequirePermission('payment:read')
  @ApiOkResponse({ type: AdminPaymentDetail })
  async detail(@Param('id') id: string) {
    return this.query.paymentDetail(parseId(id), this.actor);
  }

  @Get('/refunds', { summary: '退款列表（按状态、订单号筛选）' })
  @RequirePermission('payment:read')
  @ApiOkResponse({ type: AdminRefundPage })
  async refundList(@Query() q: StaffRefundQueryDTO) {
    return this.query.listRefunds(q, principalOf(this.ctx).cityIds);
  }

  @Post('/orders/:id/refunds', { summary: '发起退款（需填写原因；超过审批阈值的进入待审批）' })
  @RequirePermission('refund:write')
  @ApiOkResponse({ type: AdminRefundView })
  async refund(@Param('id') id: string, @Body() body: StaffRefundDTO) {
    const r = await this.refunds.staffRefund(parseId(id), body.amountFen, body.reason, this.actor, auditContext(this.ctx));
    return this.query.refundView(r.id);
  }

  @Post('/refunds/:id/approve', { summary: '审批通过待审批的退款（随即提交支付通道）' })
  @RequirePermission('refund:approve')
  @ApiOkResponse({ type: AdminRefundView })
  async approve(@Param('id') id: string, @Body() body: ApproveRefundDTO) {
    const r = await this.refunds.approve(parseId(id), body.reason ?? '', this.actor, auditContext(this.ctx));
    return this.query.refundView(r.id);
  }

  @Post('/refunds/:id/reject', { summary: '驳回待审批的退款（金额重新可退）' })
  @RequirePermission('refund:approve')
  @ApiOkResponse({ type: AdminRefundView })
  async reject(@Param('id') id: string, @Body() body: RejectRefundDTO) {
    const r = await this.refunds.reject(parseId(id), body.reason, this.actor, auditContext(this.ctx));
    return this.query.refundView(r.id);
  }

  @Post('/refunds/:id/retry', { summary: '重试失败的退款（沿用原退款单号）' })
  @RequirePermission('refund:write')
  @ApiOkResponse({ type: AdminRefundView })
  async retry(@Param('id') id: string) {
    const r = await this.refunds.retryFailed(parseId(id), this.actor, auditContext(this.ctx));
    return this.query.refundView(r.id);
  }

  @Get('/orders/:id/money', { summary: '订单资金时间线：支付、退款、记账凭证与科目余额' })
  @RequirePermission('payment:read')
  @ApiOkResponse({ type: OrderMoneyView })
  async money(@Param('id') id: string) {
    return this.query.orderMoney(parseId(id), this.actor);
  }
}
