import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { ReviewService } from './review.service';
import { EscortPerformanceDetail, EscortPerformanceRow, HideReviewDTO, HospitalRatingRow, PerformanceQueryDTO, ReviewReplyDTO, StaffReviewPage, StaffReviewQueryDTO, StaffReviewView } from './dto/review.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** Reviews in the console: list, moderation, the platform's reply, and escort / hospital statistics. */
@ApiTags('admin-reviews')
@Audience('staff')
@Controller('/api/admin')
export class AdminReviewController {
  @Inject()
  ctx: Context;

  @Inject()
  reviews: ReviewService;

  private get cityIds() {
    return principalOf(this.ctx).cityIds;
  }

  @Get('/reviews', { summary: '评价列表（按状态、陪诊师、医院、评分筛选）' })
  @RequirePermission('review:read')
  @ApiOkResponse({ type: StaffReviewPage })
  async list(@Query() q: StaffReviewQueryDTO) {
    return this.reviews.listForStaff(q, this.cityIds);
  }

  @Get('/reviews/:id', { summary: '评价详情' })
  @RequirePermission('review:read')
  @ApiOkResponse({ type: StaffReviewView })
  async detail(@Param('id') id: string) {
    return this.reviews.detailForStaff(parseId(id), this.cityIds);
  }

  @Post('/reviews/:id/hide', { summary: '隐藏评价（需原因；可同时扣客户信用分）' })
  @RequirePermission('review:moderate')
  @ApiOkResponse({ type: StaffReviewView })
  async hide(@Param('id') id: string, @Body() body: HideReviewDTO) {
    return this.reviews.hide(auditContext(this.ctx), parseId(id), this.cityIds, body);
  }

  @Post('/reviews/:id/restore', { summary: '恢复显示' })
  @RequirePermission('review:moderate')
  @ApiOkResponse({ type: StaffReviewView })
  async restore(@Param('id') id: string) {
    return this.reviews.restore(auditContext(this.ctx), parseId(id), this.cityIds);
  }

  @Post('/reviews/:id/reply', { summary: '平台回复（可修改，记审计）' })
  @RequirePermission('review:moderate')
  @ApiOkResponse({ type: StaffReviewView })
  async reply(@Param('id') id: string, @Body() body: ReviewReplyDTO) {
    return this.reviews.staffReply(auditContext(this.ctx), parseId(id), this.cityIds, body.content);
  }

  @Get('/quality/escort-performance', { summary: '陪诊师绩效排行：服务单数、各维度评分、好评率、投诉、迟到、拒单' })
  @RequirePermission('review:read')
  @ApiOkResponse({ type: [EscortPerformanceRow] })
  async performance(@Query() q: PerformanceQueryDTO) {
    return this.reviews.performance(q, this.cityIds);
  }

  @Get('/quality/escort-performance/:escortId', { summary: '单个陪诊师的评分与月度趋势' })
  @RequirePermission('review:read')
  @ApiOkResponse({ type: EscortPerformanceDetail })
  async escortDetail(@Param('escortId') escortId: string) {
    return this.reviews.escortPerformanceDetail(parseId(escortId), this.cityIds);
  }

  @Get('/quality/hospital-ratings', { summary: '医院评价统计（整洁、医护态度、指引）' })
  @RequirePermission('review:read')
  @ApiOkResponse({ type: [HospitalRatingRow] })
  async hospitals() {
    return this.reviews.hospitalRanking(this.cityIds);
  }
}
