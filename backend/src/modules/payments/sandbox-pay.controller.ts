import { Body, Controller, Get, Inject, Param, Post } from '@midwayjs/core';
import { ApiExcludeController } from '@midwayjs/swagger';
import { PaymentGatewayProvider } from './payment-gateway.provider';
import { SandboxDelivery, SandboxPayChannel } from './sandbox-pay-channel';
import { CompleteSandboxRefundDTO } from './dto/payment.dto';
import { Public } from '../../common/auth/access.decorator';
import { Errors } from '../../common/errors';

const deliverySummary = (d: SandboxDelivery) => ({ delivered: d.delivered, attempts: d.attempts.map(a => ({ at: a.at, status: a.status, error: a.error ?? null })) });

/**
 * The sandbox's cashier and back office, standing in for WeChat in development and tests. Every
 * route answers 404 unless PAYMENT_PROVIDER=sandbox outside production (which refuses to start
 * with the sandbox anyway).
 */
@ApiExcludeController()
@Public()
@Controller('/api/sandbox-pay')
export class SandboxPayController {
  @Inject()
  gateways: PaymentGatewayProvider;

  private channel(): SandboxPayChannel {
    const channel = this.gateways.sandbox;
    if (!channel) throw Errors.notFound('接口');
    return channel;
  }

  @Get('/transactions/:prepayId')
  async show(@Param('prepayId') prepayId: string) {
    const tx = this.channel().transactionByPrepayId(prepayId);
    if (!tx) throw Errors.notFound('沙箱支付单');
    return { prepayId: tx.prepayId, outTradeNo: tx.outTradeNo, description: tx.description, amountFen: tx.totalFen, state: tx.state, expiresAt: tx.expiresAt };
  }

  /** The payer confirms: the sandbox takes the money and sends the signed, encrypted callback. */
  @Post('/transactions/:prepayId/pay')
  async pay(@Param('prepayId') prepayId: string) {
    const { transaction, delivery } = await this.channel().pay(prepayId);
    return { outTradeNo: transaction.outTradeNo, transactionId: transaction.transactionId, state: transaction.state, notification: deliverySummary(delivery) };
  }

  /** The back office finishes a refund (SANDBOX_PAY_REFUNDS=manual) and sends its callback. */
  @Post('/refunds/:outRefundNo/complete')
  async completeRefund(@Param('outRefundNo') outRefundNo: string, @Body() body: CompleteSandboxRefundDTO) {
    const { refund, delivery } = await this.channel().completeRefund(outRefundNo, body.status ?? 'SUCCESS');
    return { outRefundNo: refund.outRefundNo, refundId: refund.refundId, status: refund.status, notification: deliverySummary(delivery) };
  }

  /** Sends again, now, every callback we have not yet answered with success. */
  @Post('/notifications/redeliver')
  async redeliver() {
    return { delivered: await this.channel().redeliverPending() };
  }
}
