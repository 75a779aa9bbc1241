import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { ReconciliationService } from './reconciliation.service';
import { ExplainItemDTO, ImportBillDTO, ReconciliationRangeQueryDTO, ReconDayReport, ReconItemView, ReconRangeReport } from './dto/reconciliation.dto';
import { actorOf } from '../orders/order.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** 对账: the channel's daily trade bill against our payments and refunds. */
@ApiTags('admin-reconciliation')
@Audience('staff')
@Controller('/api/admin')
export class AdminReconciliationController {
  @Inject()
  ctx: Context;

  @Inject()
  reconciliation: ReconciliationService;

  private get actor() {
    return actorOf(principalOf(this.ctx));
  }

  @Get('/reconciliation/days', { summary: '对账区间报告：每天最新一次对账的结果与合计' })
  @RequirePermission('payment:read')
  @ApiOkResponse({ type: ReconRangeReport })
  async range(@Query() q: ReconciliationRangeQueryDTO) {
    return this.reconciliation.rangeReport(q.from, q.to);
  }

  @Get('/reconciliation/days/:date', { summary: '某日对账报告：最新一次对账与差异明细' })
  @RequirePermission('payment:read')
  @ApiOkResponse({ type: ReconDayReport })
  async day(@Param('date') date: string) {
    return this.reconciliation.dayReport(date);
  }

  @Post('/reconciliation/days/:date/fetch', { summary: '从支付通道下载该日交易账单并对账' })
  @RequirePermission('reconciliation:write')
  @ApiOkResponse({ type: ReconDayReport })
  async fetch(@Param('date') date: string) {
    return this.reconciliation.fetchDay(date, this.actor, auditContext(this.ctx));
  }

  @Post('/reconciliation/days/:date/import', { summary: '导入该日交易账单文件并对账' })
  @RequirePermission('reconciliation:write')
  @ApiOkResponse({ type: ReconDayReport })
  async import(@Param('date') date: string, @Body() body: ImportBillDTO) {
    return this.reconciliation.importDay(date, body.content, this.actor, auditContext(this.ctx));
  }

  @Post('/reconciliation/items/:id/explain', { summary: '说明一条对账差异（审计留痕）' })
  @RequirePermission('reconciliation:write')
  @ApiOkResponse({ type: ReconItemView })
  async explain(@Param('id') id: string, @Body() body: ExplainItemDTO) {
    return this.reconciliation.explain(parseId(id), body.note, this.actor, auditContext(this.ctx));
  }
}
