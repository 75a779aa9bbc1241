import { Controller, Get, Inject, Query } from '@midwayjs/core';
import { ApiTags } from '@midwayjs/swagger';
import { CatalogService } from './catalog.service';
import { ServiceCategoryQueryDTO } from './dto/service-item.dto';
import { Public } from '../../common/auth/access.decorator';

/** Customers browse the catalog before they log in. */
@ApiTags('app-catalog')
@Public()
@Controller('/api/app')
export class AppServiceCategoryController {
  @Inject()
  catalog: CatalogService;

  @Get('/service-categories', { summary: '城市开通的服务类别与项目（含该城市价格）' })
  async list(@Query() q: ServiceCategoryQueryDTO) {
    return this.catalog.categoriesInCity(q.cityId);
  }
}
