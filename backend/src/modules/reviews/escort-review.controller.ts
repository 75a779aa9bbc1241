import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { ReviewService } from './review.service';
import { ReviewReplyDTO } from './dto/review.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { PageQueryDTO } from '../../common/dto';
import { parseId } from '../../common/params';

/** The escort's reviews and their one reply to each. */
@ApiTags('escort-reviews')
@Audience('escort')
@Controller('/api/escort')
export class EscortReviewController {
  @Inject()
  ctx: Context;

  @Inject()
  reviews: ReviewService;

  @Get('/reviews', { summary: '我收到的评价与评分汇总' })
  async list(@Query() q: PageQueryDTO) {
    return this.reviews.listForEscort(principalOf(this.ctx).userId, q);
  }

  @Post('/reviews/:id/reply', { summary: '回复评价（每条只能回复一次）' })
  async reply(@Param('id') id: string, @Body() body: ReviewReplyDTO) {
    return this.reviews.escortReply(principalOf(this.ctx).userId, parseId(id), body.content);
  }
}
