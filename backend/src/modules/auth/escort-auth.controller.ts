import { Body, Controller, Get, Inject, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { AuthService } from './auth.service';
import { SmsCodeRequestDTO, SmsLoginDTO } from './dto/auth.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { clientMeta, principalOf } from '../../common/auth/request-context';
import { EscortService } from '../escorts/escort.service';
import { Errors } from '../../common/errors';

@ApiTags('escort-auth')
@Audience('escort')
@Controller('/api/escort')
export class EscortAuthController {
  @Inject()
  ctx: Context;

  @Inject()
  auth: AuthService;

  @Inject()
  escorts: EscortService;

  @Public()
  @Post('/auth/sms-code', { summary: '陪诊师发送登录验证码' })
  async sendCode(@Body() body: SmsCodeRequestDTO) {
    return this.auth.sendEscortCode(body.phone, this.ctx.ip);
  }

  @Public()
  @Post('/auth/sms-login', { summary: '陪诊师手机号 + 验证码登录' })
  async smsLogin(@Body() body: SmsLoginDTO) {
    return this.auth.escortSmsLogin(body.phone, body.code, clientMeta(this.ctx));
  }

  @Get('/me', { summary: '当前陪诊师信息' })
  async me() {
    const escort = await this.escorts.findUsable(principalOf(this.ctx).userId);
    if (!escort) throw Errors.tokenInvalid();
    return this.escorts.profileOf(escort);
  }
}
