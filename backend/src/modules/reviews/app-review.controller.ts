import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { ReviewService } from './review.service';
import { NewReviewDTO, ReviewAppendDTO } from './dto/review.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { PageQueryDTO } from '../../common/dto';
import { parseId } from '../../common/params';

/** Customers review completed orders (once; later words are appended) and read escorts' reviews. */
@ApiTags('app-reviews')
@Audience('customer')
@Controller('/api/app')
export class AppReviewController {
  @Inject()
  ctx: Context;

  @Inject()
  reviews: ReviewService;

  @Post('/orders/:id/review', { summary: '评价已完成的订单（每单一次）' })
  async create(@Param('id') id: string, @Body() body: NewReviewDTO) {
    return this.reviews.create(principalOf(this.ctx).userId, parseId(id), body);
  }

  @Get('/orders/:id/review', { summary: '我对该订单的评价（未评价为 null）' })
  async mineForOrder(@Param('id') id: string) {
    return this.reviews.mineForOrder(principalOf(this.ctx).userId, parseId(id));
  }

  @Post('/reviews/:id/appends', { summary: '追加评价（不修改原评价）' })
  async append(@Param('id') id: string, @Body() body: ReviewAppendDTO) {
    return this.reviews.append(principalOf(this.ctx).userId, parseId(id), body);
  }

  @Get('/reviews', { summary: '我的评价' })
  async mine(@Query() q: PageQueryDTO) {
    return this.reviews.listMine(principalOf(this.ctx).userId, q);
  }

  @Public()
  @Get('/escorts/:id/reviews', { summary: '陪诊师的公开评价与评分汇总' })
  async escortReviews(@Param('id') id: string, @Query() q: PageQueryDTO) {
    return this.reviews.publicForEscort(parseId(id), q);
  }
}
