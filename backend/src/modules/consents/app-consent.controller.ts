import { Body, Controller, Get, Inject, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { ConsentService } from './consent.service';
import { ConsentAnswerDTO } from './dto/consent.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';

/** Terms, privacy policy and the customer's consent to health-data processing, with its history kept. */
@ApiTags('app-consents')
@Audience('customer')
@Controller('/api/app')
export class AppConsentController {
  @Inject()
  ctx: Context;

  @Inject()
  consents: ConsentService;

  @Public()
  @Get('/legal-documents', { summary: '服务协议、隐私政策与健康信息授权的当前版本与正文' })
  async documents() {
    return this.consents.documents();
  }

  @Get('/consents', { summary: '我的授权状态（每份文档是否已同意当前版本）' })
  async state() {
    return this.consents.stateOf(principalOf(this.ctx).userId);
  }

  @Post('/consents', { summary: '同意或撤回（追加记录，不改旧记录）' })
  async answer(@Body() body: ConsentAnswerDTO) {
    return this.consents.answer(principalOf(this.ctx).userId, body.kind, body.version, body.granted, this.ctx.ip);
  }
}
