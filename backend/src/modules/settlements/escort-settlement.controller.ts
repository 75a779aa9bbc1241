import { Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { SettlementService } from './settlement.service';
import { EscortIncomePage, EscortStatementPage, EscortStatementView, SettlementItemPage, SettlementItemQueryDTO } from './dto/settlement.dto';
import { PageQueryDTO } from '../../common/dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** The escort's own money: confirmed statements with their items, and every income movement. */
@ApiTags('escort-settlements')
@Audience('escort')
@Controller('/api/escort')
export class EscortSettlementController {
  @Inject()
  ctx: Context;

  @Inject()
  settlements: SettlementService;

  private get escortId(): number {
    return principalOf(this.ctx).userId;
  }

  @Get('/settlements', { summary: '我的结算单（已确认、已打款）' })
  @ApiOkResponse({ type: EscortStatementPage })
  async list(@Query() q: PageQueryDTO) {
    return this.settlements.statementsOf(this.escortId, q);
  }

  @Get('/settlements/:runId', { summary: '我的一期结算单（含打款信息）' })
  @ApiOkResponse({ type: EscortStatementView })
  async get(@Param('runId') runId: string) {
    return this.settlements.statementOf(this.escortId, parseId(runId));
  }

  @Get('/settlements/:runId/items', { summary: '结算单明细：订单、退款扣回、扣款、调整' })
  @ApiOkResponse({ type: SettlementItemPage })
  async items(@Param('runId') runId: string, @Query() q: SettlementItemQueryDTO) {
    await this.settlements.statementOf(this.escortId, parseId(runId));
    return this.settlements.lineItems(parseId(runId), this.escortId, q);
  }

  @Get('/income/detail', { summary: '收入明细（账本）：每笔分成、扣回、扣款和打款，及其结算状态' })
  @ApiOkResponse({ type: EscortIncomePage })
  async incomeDetail(@Query() q: PageQueryDTO) {
    return this.settlements.incomeDetail(this.escortId, q);
  }
}
