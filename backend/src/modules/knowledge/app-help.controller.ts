import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { KnowledgeService } from './knowledge.service';
import { HelpQueryDTO, VoteDTO } from './dto/knowledge.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** The customer help center: published customer articles and FAQ, searchable, readable before login. */
@ApiTags('app-help')
@Audience('customer')
@Controller('/api/app/help')
export class AppHelpController {
  @Inject()
  ctx: Context;

  @Inject()
  kb: KnowledgeService;

  @Public()
  @Get('/', { summary: '帮助中心首页：分类与常见问题' })
  async home() {
    return this.kb.helpHome('customer');
  }

  @Public()
  @Get('/articles', { summary: '帮助文章列表与搜索（中文子串）' })
  async list(@Query() q: HelpQueryDTO) {
    return this.kb.listPublished('customer', q);
  }

  @Public()
  @Get('/articles/:id', { summary: '帮助文章（bodyHtml 为安全 HTML，可直接交给 rich-text）' })
  async read(@Param('id') id: string) {
    return this.kb.readPublished('customer', parseId(id));
  }

  @Post('/articles/:id/vote', { summary: '有帮助 / 没帮助（每人一票，可改）' })
  async vote(@Param('id') id: string, @Body() body: VoteDTO) {
    return this.kb.vote(principalOf(this.ctx).userId, parseId(id), body.helpful);
  }
}
