import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { ServiceItem } from './service-item.entity';
import { ServiceCityPrice } from './service-city-price.entity';
import { PriceRule } from './price-rule.entity';
import { SERVICE_CATEGORIES } from './catalog-codes';
import { BookableItem, calculateQuote, PriceQuote, PricingError, QuoteRequest } from './pricing';
import { AppError, Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';

export type { BookableItem, PriceLine, PriceQuote, QuoteRequest } from './pricing';

/**
 * The service catalog as other modules see it: what can be booked in a city, at what price.
 * Orders call getBookableItem and quote; staff edits go through CatalogAdminService.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CatalogService {
  @InjectEntityModel(ServiceItem)
  items: Repository<ServiceItem>;

  @InjectEntityModel(ServiceCityPrice)
  cityPrices: Repository<ServiceCityPrice>;

  @InjectEntityModel(PriceRule)
  rules: Repository<PriceRule>;

  /**
   * The item as it can be booked in the city. Unknown or disabled item → 404 SERVICE_NOT_FOUND;
   * no enabled price for the city → 422 SERVICE_NOT_OFFERED.
   */
  async getBookableItem(itemId: number, cityId: number): Promise<BookableItem> {
    const item = await this.items.findOne({ where: { id: itemId } });
    if (!item || !item.enabled) throw serviceNotFound();
    const price = await this.cityPrices.findOne({ where: { serviceItemId: itemId, cityId, enabled: true } });
    if (!price) throw Errors.rule('SERVICE_NOT_OFFERED', `该城市暂未开通「${item.name}」服务`);
    return toBookable(item, price);
  }

  /**
   * Prices an order with the rules of the item's city (and the all-cities ones). Disabled rules
   * are loaded too: a city's disabled rule switches off the all-cities rule of the same code.
   * Input no order could have (end before start, a duration outside the item's range) → 422.
   */
  async quote(req: QuoteRequest): Promise<PriceQuote> {
    const rules = await this.rules.find({ where: [{ cityId: IsNull() }, { cityId: req.item.cityId }] });
    try {
      return calculateQuote(req, rules);
    } catch (err) {
      if (err instanceof PricingError && err.code !== 'INVALID_PRICE_RULE') throw Errors.rule(err.code, err.message);
      throw err;
    }
  }

  async listItems(q: PageQuery) {
    const [rows, total] = await this.items.findAndCount({ order: { sortOrder: 'ASC', id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
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

  /** Enabled items with an enabled price in the city, in catalog order, with that price. */
  async bookableItemsInCity(cityId: number): Promise<Array<BookableItem & { item: ServiceItem }>> {
    const prices = await this.cityPrices.find({ where: { cityId, enabled: true } });
    if (!prices.length) return [];
    const byItem = new Map(prices.map(p => [p.serviceItemId, p]));
    const items = await this.items.find({ where: { id: In([...byItem.keys()]), enabled: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return items.map(i => ({ ...toBookable(i, byItem.get(i.id)!), item: i }));
  }
}

export function serviceNotFound(): AppError {
  return new AppError(404, 'SERVICE_NOT_FOUND', '服务项目不存在或已下架');
}

function toBookable(item: ServiceItem, price: ServiceCityPrice): BookableItem {
  return {
    id: item.id,
    code: item.code,
    name: item.name,
    categoryCode: item.categoryCode,
    pricingUnit: item.pricingUnit,
    minDurationMinutes: item.minDurationMinutes,
    maxDurationMinutes: item.maxDurationMinutes,
    defaultDurationMinutes: item.defaultDurationMinutes,
    requiredQualifications: [...item.requiredQualifications],
    preparation: [...item.preparation],
    isErrand: item.categoryCode === 'errand',
    cityId: price.cityId,
    unitPriceFen: price.unitPriceFen,
  };
}
