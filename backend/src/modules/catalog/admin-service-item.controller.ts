import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { CatalogAdminService } from './catalog-admin.service';
import { CreateServiceItemDTO, ServiceItemQueryDTO, SetCityPriceDTO, UpdateServiceItemDTO } from './dto/service-item.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

@ApiTags('admin-catalog')
@Audience('staff')
@Controller('/api/admin')
export class AdminServiceItemController {
  @Inject()
  ctx: Context;

  @Inject()
  catalogAdmin: CatalogAdminService;

  @Get('/service-items', { summary: '服务项目列表（含各城市价格）' })
  @RequirePermission('catalog:read')
  async list(@Query() q: ServiceItemQueryDTO) {
    return this.catalogAdmin.listItems(q);
  }

  @Get('/service-items/:id', { summary: '服务项目详情' })
  @RequirePermission('catalog:read')
  async get(@Param('id') id: string) {
    return this.catalogAdmin.getItem(parseId(id));
  }

  @Post('/service-items', { summary: '新建服务项目' })
  @RequirePermission('catalog:write')
  async create(@Body() body: CreateServiceItemDTO) {
    return this.catalogAdmin.createItem(auditContext(this.ctx), body);
  }

  @Put('/service-items/:id', { summary: '修改服务项目' })
  @RequirePermission('catalog:write')
  async update(@Param('id') id: string, @Body() body: UpdateServiceItemDTO) {
    return this.catalogAdmin.updateItem(auditContext(this.ctx), parseId(id), body);
  }

  @Post('/service-items/:id/enable', { summary: '上架服务项目' })
  @RequirePermission('catalog:write')
  async enable(@Param('id') id: string) {
    return this.catalogAdmin.setItemEnabled(auditContext(this.ctx), parseId(id), true);
  }

  @Post('/service-items/:id/disable', { summary: '下架服务项目' })
  @RequirePermission('catalog:write')
  async disable(@Param('id') id: string) {
    return this.catalogAdmin.setItemEnabled(auditContext(this.ctx), parseId(id), false);
  }

  @Put('/service-items/:id/city-prices/:cityId', { summary: '设置服务项目在某城市的价格（首次设置即在该城市开通）' })
  @RequirePermission('catalog:write')
  async setCityPrice(@Param('id') id: string, @Param('cityId') cityId: string, @Body() body: SetCityPriceDTO) {
    return this.catalogAdmin.setCityPrice(auditContext(this.ctx), principalOf(this.ctx), parseId(id), parseId(cityId), body.unitPriceFen);
  }

  @Post('/service-items/:id/city-prices/:cityId/enable', { summary: '在该城市开通服务项目' })
  @RequirePermission('catalog:write')
  async enableCityPrice(@Param('id') id: string, @Param('cityId') cityId: string) {
    return this.catalogAdmin.setCityPriceEnabled(auditContext(this.ctx), principalOf(this.ctx), parseId(id), parseId(cityId), true);
  }

  @Post('/service-items/:id/city-prices/:cityId/disable', { summary: '在该城市停售服务项目' })
  @RequirePermission('catalog:write')
  async disableCityPrice(@Param('id') id: string, @Param('cityId') cityId: string) {
    return this.catalogAdmin.setCityPriceEnabled(auditContext(this.ctx), principalOf(this.ctx), parseId(id), parseId(cityId), false);
  }
}
