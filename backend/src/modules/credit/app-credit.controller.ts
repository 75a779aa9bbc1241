import { Controller, Get, Inject, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { CreditService } from './credit.service';
import { CreditEventPage, CreditView } from './dto/credit.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { PageQueryDTO } from '../../common/dto';

/** The customer's own credit in the mini-program. */
@ApiTags('app-credit')
@Audience('customer')
@Controller('/api/app')
export class AppCreditController {
  @Inject()
  ctx: Context;

  @Inject()
  credit: CreditService;

  @Get('/credit', { summary: '我的信用分与预约限制' })
  @ApiOkResponse({ type: CreditView })
  async mine() {
    const view = await this.credit.view(principalOf(this.ctx).userId);
    // The customer sees their standing, not staff's notes about it.
    return { ...view, statusReason: '' };
  }

  @Get('/credit/events', { summary: '我的信用变动记录' })
  @ApiOkResponse({ type: CreditEventPage })
  async events(@Query() q: PageQueryDTO) {
    const page = await this.credit.history(principalOf(this.ctx).userId, q);
    return { ...page, list: page.list.map(e => ({ ...e, actorName: e.actorType === 'staff' ? '平台' : e.actorName })) };
  }
}
