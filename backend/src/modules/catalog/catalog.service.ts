import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { ServiceItem } from './service-item.entity';
import { SERVICE_CATEGORIES } from './catalog-codes';
import { PageQuery, toPage } from '../../common/pagination';

@Provide()
@Scope(ScopeEnum.Singleton)
export class CatalogService {
  @InjectEntityModel(ServiceItem)
  items: Repository<ServiceItem>;

  async listItems(q: PageQuery) {
    const [rows, total] = await this.items.findAndCount({ order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(
      rows.map(i => ({
        id: i.id,
        code: i.code,
        categoryCode: i.categoryCode,
        categoryName: SERVICE_CATEGORIES[i.categoryCode] ?? i.categoryCode,
        name: i.name,
        pricingUnit: i.pricingUnit,
        basePriceFen: i.basePriceFen,
        enabled: i.enabled,
      })),
      total,
      q
    );
  }

  countItems(): Promise<number> {
    return this.items.count();
  }
}
