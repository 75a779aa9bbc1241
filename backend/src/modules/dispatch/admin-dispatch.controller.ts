import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { DispatchService } from './dispatch.service';
import { AvailabilityQueryDTO, BoardDTO, CandidatesQueryDTO, DispatchAssignDTO, PoolQueryDTO, ReturnToPoolDTO } from './dto/dispatch.dto';
import { UNAVAILABLE_REASONS } from './availability';
import { OrderQueryService } from '../orders/order-query.service';
import { actorOf } from '../orders/order.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { assertCityInScope, scopedCityFilter } from '../../common/auth/city-scope';
import { Errors } from '../../common/errors';
import { parseId } from '../../common/params';
import { toShanghaiDateString } from '../../common/time';

@ApiTags('admin-dispatch')
@Audience('staff')
@Controller('/api/admin')
export class AdminDispatchController {
  @Inject()
  ctx: Context;

  @Inject()
  dispatch: DispatchService;

  @Inject()
  query: OrderQueryService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Get('/dispatch/pool', { summary: '派单池：已支付未派单订单（按开始时间），含 SLA 标记与出发迟到的订单' })
  @RequirePermission('order:dispatch')
  async pool(@Query() q: PoolQueryDTO) {
    return this.dispatch.pool(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Get('/dispatch/board', { summary: '派单日视图：陪诊师 × 小时（排班、请假、订单条）与未派订单，用于甘特图' })
  @RequirePermission('order:dispatch')
  async board(@Query() q: BoardDTO) {
    const p = principalOf(this.ctx);
    let cityId = q.cityId;
    if (cityId === undefined) {
      if (p.cityIds === null || p.cityIds.length !== 1) throw Errors.validation('请选择城市');
      cityId = p.cityIds[0];
    }
    assertCityInScope(p, cityId);
    return this.dispatch.board(q.date ?? toShanghaiDateString(new Date()), cityId, q);
  }

  @Get('/dispatch/unavailable-reasons', { summary: '不可派单原因代码与中文说明' })
  @RequirePermission('order:dispatch')
  async reasons() {
    return Object.entries(UNAVAILABLE_REASONS).map(([code, label]) => ({ code, label }));
  }

  @Get('/orders/:id/candidates', { summary: '推荐陪诊师：按可用性与评分排序，含各项得分与不可用原因' })
  @RequirePermission('order:dispatch')
  async candidates(@Param('id') id: string, @Query() q: CandidatesQueryDTO) {
    return this.dispatch.candidates(parseId(id), this.actor, q.limit);
  }

  @Get('/orders/:id/availability', { summary: '某位陪诊师能否接该订单（原因列表）' })
  @RequirePermission('order:dispatch')
  async availability(@Param('id') id: string, @Query() q: AvailabilityQueryDTO) {
    const result = await this.dispatch.availabilityFor(parseId(id), q.escortId, this.actor);
    return { ...result, reasons: result.reasons.map(code => ({ code, label: UNAVAILABLE_REASONS[code] })) };
  }

  @Post('/orders/:id/assign', { summary: '派单 / 改派（需填写原因；不可用时拒绝，排班外可确认例外）' })
  @RequirePermission('order:dispatch')
  async assign(@Param('id') id: string, @Body() body: DispatchAssignDTO) {
    await this.dispatch.assign(parseId(id), body.escortId, { reason: body.reason, force: body.force }, this.actor, auditContext(this.ctx));
    return this.query.detailForStaff(parseId(id), this.actor);
  }

  @Post('/orders/:id/return-to-pool', { summary: '退回派单池（释放陪诊师时间，通知陪诊师与调度）' })
  @RequirePermission('order:dispatch')
  async returnToPool(@Param('id') id: string, @Body() body: ReturnToPoolDTO) {
    await this.dispatch.returnToPool(parseId(id), body.reason, this.actor, auditContext(this.ctx));
    return this.query.detailForStaff(parseId(id), this.actor);
  }
}
