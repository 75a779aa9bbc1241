import { Body, Controller, Get, Inject, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { AuthService } from './auth.service';
import { SmsCodeService } from './sms-code.service';
import { SmsCodeRequestDTO, SmsLoginDTO, WechatLoginDTO } from './dto/auth.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { clientMeta, principalOf } from '../../common/auth/request-context';
import { CustomerService } from '../users/customer.service';
import { Errors } from '../../common/errors';

@ApiTags('app-auth')
@Audience('customer')
@Controller('/api/app')
export class AppAuthController {
  @Inject()
  ctx: Context;

  @Inject()
  auth: AuthService;

  @Inject()
  sms: SmsCodeService;

  @Inject()
  customers: CustomerService;

  @Public()
  @Post('/auth/sms-code', { summary: '发送登录验证码' })
  async sendCode(@Body() body: SmsCodeRequestDTO) {
    return this.sms.send(body.phone, 'customer_login', this.ctx.ip);
  }

  @Public()
  @Post('/auth/sms-login', { summary: '手机号 + 验证码登录（首次登录自动注册）' })
  async smsLogin(@Body() body: SmsLoginDTO) {
    return this.auth.customerSmsLogin(body.phone, body.code, clientMeta(this.ctx));
  }

  @Public()
  @Post('/auth/wechat-login', { summary: '微信登录（首次需验证手机号）' })
  async wechatLogin(@Body() body: WechatLoginDTO) {
    return this.auth.customerWechatLogin(body, clientMeta(this.ctx));
  }

  @Get('/me', { summary: '当前客户信息' })
  async me() {
    const customer = await this.customers.findActive(principalOf(this.ctx).userId);
    if (!customer) throw Errors.tokenInvalid();
    return this.customers.profileOf(customer);
  }
}
