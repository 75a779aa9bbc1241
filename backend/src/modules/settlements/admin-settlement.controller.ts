import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { SettlementService } from './settlement.service';
import { FinanceSummaryService } from './finance-summary.service';
import {
  CreateDeductionDTO,
  CreateSettlementRunDTO,
  DailySummaryAnswer,
  DailySummaryQueryDTO,
  DeductionQueryDTO,
  EscortDeductionPage,
  EscortDeductionView,
  ImportPayoutsDTO,
  PayoutImportRowView,
  RecordPayoutDTO,
  SettlementItemPage,
  SettlementItemQueryDTO,
  SettlementLineQueryDTO,
  SettlementLinePage,
  SettlementLineView,
  SettlementPayoutView,
  SettlementRunPage,
  SettlementRunQueryDTO,
  SettlementRunView,
} from './dto/settlement.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** Finance: settlement runs (draft → confirmed → paid), their lines and items, payouts, deductions, and the daily summary. */
@ApiTags('admin-settlements')
@Audience('staff')
@Controller('/api/admin')
export class AdminSettlementController {
  @Inject()
  ctx: Context;

  @Inject()
  settlements: SettlementService;

  @Inject()
  summary: FinanceSummaryService;

  @Get('/settlement-runs', { summary: '结算单列表（最新周期在前）' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: SettlementRunPage })
  async list(@Query() q: SettlementRunQueryDTO) {
    return this.settlements.listRuns(q);
  }

  @Post('/settlement-runs', { summary: '为一个已结束的周期生成结算单（草稿）' })
  @RequirePermission('settlement:write')
  @ApiOkResponse({ type: SettlementRunView })
  async create(@Body() body: CreateSettlementRunDTO) {
    return this.settlements.createRun(body, auditContext(this.ctx));
  }

  @Get('/settlement-runs/:id', { summary: '结算单' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: SettlementRunView })
  async get(@Param('id') id: string) {
    return this.settlements.getRun(parseId(id));
  }

  @Post('/settlement-runs/:id/recompute', { summary: '按账本重算草稿（已确认的结算单不可重算）' })
  @RequirePermission('settlement:write')
  @ApiOkResponse({ type: SettlementRunView })
  async recompute(@Param('id') id: string) {
    return this.settlements.recompute(parseId(id), auditContext(this.ctx));
  }

  @Post('/settlement-runs/:id/confirm', { summary: '确认结算单（此后不可修改）' })
  @RequirePermission('settlement:write')
  @ApiOkResponse({ type: SettlementRunView })
  async confirm(@Param('id') id: string) {
    return this.settlements.confirm(parseId(id), auditContext(this.ctx));
  }

  @Post('/settlement-runs/:id/discard', { summary: '删除草稿结算单' })
  @RequirePermission('settlement:write')
  async discard(@Param('id') id: string) {
    await this.settlements.deleteDraft(parseId(id), auditContext(this.ctx));
    return { id: parseId(id), discarded: true };
  }

  @Get('/settlement-runs/:id/lines', { summary: '结算单明细：每位陪诊师一行' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: SettlementLinePage })
  async lines(@Param('id') id: string, @Query() q: SettlementLineQueryDTO) {
    return this.settlements.runLines(parseId(id), q);
  }

  @Get('/settlement-runs/:id/lines/:escortId', { summary: '某位陪诊师本期的结算行' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: SettlementLineView })
  async line(@Param('id') id: string, @Param('escortId') escortId: string) {
    return this.settlements.line(parseId(id), parseId(escortId));
  }

  @Get('/settlement-runs/:id/lines/:escortId/items', { summary: '结算行背后的订单、退款、扣款与调整' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: SettlementItemPage })
  async items(@Param('id') id: string, @Param('escortId') escortId: string, @Query() q: SettlementItemQueryDTO) {
    return this.settlements.lineItems(parseId(id), parseId(escortId), q);
  }

  @Get('/settlement-runs/:id/payouts', { summary: '本期打款记录' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: [SettlementPayoutView] })
  async payouts(@Param('id') id: string) {
    return this.settlements.payoutsOf(parseId(id));
  }

  @Post('/settlement-runs/:id/payouts', { summary: '登记一位陪诊师的打款（每人每期一次，金额为应付全额）' })
  @RequirePermission('settlement:pay')
  @ApiOkResponse({ type: SettlementPayoutView })
  async pay(@Param('id') id: string, @Body() body: RecordPayoutDTO) {
    return this.settlements.recordPayout(parseId(id), body, auditContext(this.ctx));
  }

  @Post('/settlement-runs/:id/payouts/import', { summary: '导入打款结果（CSV），逐行登记' })
  @RequirePermission('settlement:pay')
  @ApiOkResponse({ type: [PayoutImportRowView] })
  async importPayouts(@Param('id') id: string, @Body() body: ImportPayoutsDTO) {
    return this.settlements.importPayouts(parseId(id), body.csv, auditContext(this.ctx));
  }

  @Get('/escort-deductions', { summary: '陪诊师扣款（罚款、赔偿）' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: EscortDeductionPage })
  async deductions(@Query() q: DeductionQueryDTO) {
    return this.settlements.listDeductions(q);
  }

  @Post('/escort-deductions', { summary: '登记扣款：记入账本，在下一期结算中扣除' })
  @RequirePermission('settlement:write')
  @ApiOkResponse({ type: EscortDeductionView })
  async addDeduction(@Body() body: CreateDeductionDTO) {
    return this.settlements.addDeduction(body, auditContext(this.ctx));
  }

  @Get('/finance/daily-summary', { summary: '财务日报：收款、退款、平台收入、应付陪诊师、已打款，差额必须为 0' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: DailySummaryAnswer })
  async daily(@Query() q: DailySummaryQueryDTO) {
    return this.summary.daily(q.from, q.to);
  }
}
