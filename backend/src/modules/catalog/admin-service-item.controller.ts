import { Controller, Get, Inject, Query } from '@midwayjs/core';
import { ApiTags } from '@midwayjs/swagger';
import { CatalogService } from './catalog.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { PageQueryDTO } from '../../common/dto';

@ApiTags('admin-catalog')
@Audience('staff')
@Controller('/api/admin')
export class AdminServiceItemController {
  @Inject()
  catalog: CatalogService;

  @Get('/service-items', { summary: '服务项目' })
  @RequirePermission('catalog:read')
  async list(@Query() q: PageQueryDTO) {
    return this.catalog.listItems(q);
  }
}
