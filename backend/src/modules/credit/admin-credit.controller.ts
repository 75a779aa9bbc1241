import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { CreditService } from './credit.service';
import { CreditAdjustDTO, CreditBehaviourDTO, CreditEventPage, CreditPage, CreditQueryDTO, CreditReasonDTO, CreditView } from './dto/credit.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext } from '../../common/auth/request-context';
import { PageQueryDTO } from '../../common/dto';
import { parseId } from '../../common/params';

/** Credit management in the console: scores, history, adjustments, warnings and suspensions (all audited). */
@ApiTags('admin-credit')
@Audience('staff')
@Controller('/api/admin')
export class AdminCreditController {
  @Inject()
  ctx: Context;

  @Inject()
  credit: CreditService;

  @Get('/credits', { summary: '客户信用列表（按状态、分数、手机号筛选，分低在前）' })
  @RequirePermission('credit:read')
  @ApiOkResponse({ type: CreditPage })
  async list(@Query() q: CreditQueryDTO) {
    return this.credit.list(q);
  }

  @Get('/credits/:customerId', { summary: '客户信用详情' })
  @RequirePermission('credit:read')
  @ApiOkResponse({ type: CreditView })
  async detail(@Param('customerId') customerId: string) {
    return this.credit.view(parseId(customerId));
  }

  @Get('/credits/:customerId/events', { summary: '客户信用变动记录（新的在前）' })
  @RequirePermission('credit:read')
  @ApiOkResponse({ type: CreditEventPage })
  async events(@Param('customerId') customerId: string, @Query() q: PageQueryDTO) {
    return this.credit.history(parseId(customerId), q);
  }

  @Post('/credits/:customerId/adjust', { summary: '人工调整信用分（需原因，记审计）' })
  @RequirePermission('credit:write')
  @ApiOkResponse({ type: CreditView })
  async adjust(@Param('customerId') customerId: string, @Body() body: CreditAdjustDTO) {
    return this.credit.staffChange(auditContext(this.ctx), parseId(customerId), { kind: 'staff_adjust', delta: body.delta, reason: body.reason });
  }

  @Post('/credits/:customerId/behaviours', { summary: '记录爽约、恶意评价/投诉、虚假信息（按设置扣分）' })
  @RequirePermission('credit:write')
  @ApiOkResponse({ type: CreditView })
  async behaviour(@Param('customerId') customerId: string, @Body() body: CreditBehaviourDTO) {
    return this.credit.staffChange(auditContext(this.ctx), parseId(customerId), { kind: body.kind, orderId: body.orderId ?? null, reason: body.reason });
  }

  @Post('/credits/:customerId/warn', { summary: '警告账号' })
  @RequirePermission('credit:write')
  @ApiOkResponse({ type: CreditView })
  async warn(@Param('customerId') customerId: string, @Body() body: CreditReasonDTO) {
    return this.credit.staffChange(auditContext(this.ctx), parseId(customerId), { kind: 'warning', delta: 0, reason: body.reason, status: 'warned' });
  }

  @Post('/credits/:customerId/suspend', { summary: '封禁账号（不能预约，直到解除）' })
  @RequirePermission('credit:write')
  @ApiOkResponse({ type: CreditView })
  async suspend(@Param('customerId') customerId: string, @Body() body: CreditReasonDTO) {
    return this.credit.staffChange(auditContext(this.ctx), parseId(customerId), { kind: 'suspend', delta: 0, reason: body.reason, status: 'suspended' });
  }

  @Post('/credits/:customerId/restore', { summary: '解除警告或封禁' })
  @RequirePermission('credit:write')
  @ApiOkResponse({ type: CreditView })
  async restore(@Param('customerId') customerId: string, @Body() body: CreditReasonDTO) {
    return this.credit.staffChange(auditContext(this.ctx), parseId(customerId), { kind: 'restore', delta: 0, reason: body.reason, status: 'normal' });
  }
}
