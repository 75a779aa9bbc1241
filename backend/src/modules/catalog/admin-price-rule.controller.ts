import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { CatalogAdminService } from './catalog-admin.service';
import { CatalogService } from './catalog.service';
import { CreatePriceRuleDTO, PriceRuleQueryDTO, PricingPreviewDTO, UpdatePriceRuleDTO } from './dto/price-rule.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

@ApiTags('admin-pricing')
@Audience('staff')
@Controller('/api/admin')
export class AdminPriceRuleController {
  @Inject()
  ctx: Context;

  @Inject()
  catalogAdmin: CatalogAdminService;

  @Inject()
  catalog: CatalogService;

  @Get('/price-rules', { summary: '价格规则（全国通用及本人城市范围内）' })
  @RequirePermission('catalog:read')
  async list(@Query() q: PriceRuleQueryDTO) {
    return this.catalogAdmin.listRules(principalOf(this.ctx), q);
  }

  @Post('/price-rules', { summary: '新建价格规则' })
  @RequirePermission('catalog:write')
  async create(@Body() body: CreatePriceRuleDTO) {
    return this.catalogAdmin.createRule(auditContext(this.ctx), principalOf(this.ctx), body);
  }

  @Put('/price-rules/:id', { summary: '修改价格规则' })
  @RequirePermission('catalog:write')
  async update(@Param('id') id: string, @Body() body: UpdatePriceRuleDTO) {
    return this.catalogAdmin.updateRule(auditContext(this.ctx), principalOf(this.ctx), parseId(id), body);
  }

  @Post('/price-rules/:id/enable', { summary: '启用价格规则' })
  @RequirePermission('catalog:write')
  async enable(@Param('id') id: string) {
    return this.catalogAdmin.setRuleEnabled(auditContext(this.ctx), principalOf(this.ctx), parseId(id), true);
  }

  @Post('/price-rules/:id/disable', { summary: '停用价格规则' })
  @RequirePermission('catalog:write')
  async disable(@Param('id') id: string) {
    return this.catalogAdmin.setRuleEnabled(auditContext(this.ctx), principalOf(this.ctx), parseId(id), false);
  }

  @Post('/pricing/preview', { summary: '报价预览：按当前规则计算一单的价格' })
  @RequirePermission('catalog:read')
  async preview(@Body() body: PricingPreviewDTO) {
    return this.catalog.preview(body);
  }
}
