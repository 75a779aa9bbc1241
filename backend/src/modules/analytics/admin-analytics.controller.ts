import { Controller, Get, Inject, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { AnalyticsQueryService, DashboardFilters, resolveRange } from './analytics-query.service';
import { AnalyticsQueryDTO } from './dto/analytics.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';

/** 数据分析: dashboards read from the daily rollups, limited to the caller's cities. */
@ApiTags('admin-analytics')
@Audience('staff')
@Controller('/api/admin/analytics')
export class AdminAnalyticsController {
  @Inject()
  ctx: Context;

  @Inject()
  query: AnalyticsQueryService;

  private filters(q: AnalyticsQueryDTO): DashboardFilters {
    return { ...resolveRange(q), cityIds: scopedCityFilter(principalOf(this.ctx), q.cityId), categoryCode: q.categoryCode, hospitalId: q.hospitalId };
  }

  @Get('/operations', { summary: '运营看板：订单趋势、完成/取消率、服务结构、热门医院、时段热力图、派单时效、开始时未派单、陪诊师利用率与状态' })
  @RequirePermission('analytics:read')
  async operations(@Query() q: AnalyticsQueryDTO) {
    return this.query.operations(this.filters(q));
  }

  @Get('/customers', { summary: '客户看板：新客、复购率、转化漏斗（询价→下单→支付→完成）、城市分布、就诊人年龄段' })
  @RequirePermission('analytics:read')
  async customers(@Query() q: AnalyticsQueryDTO) {
    return this.query.customers(this.filters(q));
  }

  @Get('/finance', { summary: '财务看板：GMV、退款、平台收入、陪诊师应付（按日、按月），各服务退款率' })
  @RequirePermission('analytics:read')
  async finance(@Query() q: AnalyticsQueryDTO) {
    return this.query.finance(this.filters(q));
  }

  @Get('/quality', { summary: '服务质量看板：评分分布、好评/差评率趋势、每百单投诉、投诉原因排行、陪诊师评分排名' })
  @RequirePermission('analytics:read')
  async quality(@Query() q: AnalyticsQueryDTO) {
    return this.query.quality(this.filters(q));
  }

  @Get('/options', { summary: '看板筛选项：权限内城市、服务类型、医院' })
  @RequirePermission('analytics:read')
  async options() {
    return this.query.options(principalOf(this.ctx).cityIds);
  }
}
