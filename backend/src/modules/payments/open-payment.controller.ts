import { Controller, Inject, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { CallbackAnswer, IncomingCallback, PaymentNotificationService } from './payment-notification.service';
import { Public } from '../../common/auth/access.decorator';

/**
 * WeChat Pay callbacks. Public because WeChat holds no token of ours: each request is believed
 * only after its signature verifies with the platform key. Answers follow WeChat's protocol
 * (204, or 4xx/5xx with {code: 'FAIL', message}), not the API envelope.
 */
@ApiTags('open-payments')
@Public()
@Controller('/api/open/payments/wechat')
export class OpenPaymentController {
  @Inject()
  ctx: Context;

  @Inject()
  notifications: PaymentNotificationService;

  @Post('/notify', { summary: '微信支付结果通知（验签、解密后入账，重复通知只入账一次）' })
  async notify() {
    return this.answer(await this.notifications.receive('transaction', this.incoming()));
  }

  @Post('/refund-notify', { summary: '微信退款结果通知（验签、解密后更新退款单）' })
  async refundNotify() {
    return this.answer(await this.notifications.receive('refund', this.incoming()));
  }

  private incoming(): IncomingCallback {
    return {
      // koa-bodyparser keeps the text it parsed; the signature covers exactly these bytes.
      body: (this.ctx.request as unknown as { rawBody?: string }).rawBody,
      headers: this.ctx.headers,
      requestId: this.ctx.requestId,
      ip: this.ctx.ip,
    };
  }

  private answer(a: CallbackAnswer) {
    this.ctx.status = a.status;
    if (a.body) return a.body;
    this.ctx.body = null;
    return undefined;
  }
}
