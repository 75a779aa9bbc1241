import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { ServiceItem } from './service-item.entity';
import { ServiceCityPrice } from './service-city-price.entity';
import { PriceRule } from './price-rule.entity';
import { PRICING_UNITS, SERVICE_CATEGORIES, SERVICE_CATEGORY_CODES, ServiceCategoryCode } from './catalog-codes';
import { BookableItem, calculateQuote, PriceQuote, PricingError, QuoteRequest } from './pricing';
import { CatalogErrors } from './catalog-errors';
import { CityService } from '../cities/city.service';
import { Errors } from '../../common/errors';

export type { BookableItem, PriceLine, PriceQuote, QuoteRequest } from './pricing';

/** An item as the mini-program lists it in a city. */
export interface OfferedItemView {
  id: number;
  code: string;
  name: string;
  description: string;
  includes: string[];
  preparation: string[];
  pricingUnit: string;
  unitLabel: string;
  unitPriceFen: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  defaultDurationMinutes: number;
  isErrand: boolean;
}

export interface ServiceCategoryView {
  code: ServiceCategoryCode;
  name: string;
  items: OfferedItemView[];
}

export interface PricingPreview {
  item: BookableItem;
  startAt: Date;
  endAt: Date;
  quote: PriceQuote;
}

/**
 * The service catalog as the rest of the system reads it: what can be booked in a city and at
 * what price. The orders module calls getBookableItem and quote; staff edits live in
 * CatalogAdminService.
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

  @Inject()
  cities: CityService;

  /** What dispatch matches escorts against: the item's category and required qualification codes. */
  async requirementsOf(itemId: number): Promise<{ categoryCode: string; requiredQualifications: string[] }> {
    const item = await this.items.findOne({ where: { id: itemId }, select: { id: true, categoryCode: true, requiredQualifications: true } });
    if (!item) throw Errors.notFound('服务项目');
    return { categoryCode: item.categoryCode, requiredQualifications: item.requiredQualifications };
  }

  /**
   * The item as it can be booked in the city. Unknown or disabled item → 404 SERVICE_NOT_FOUND;
   * no enabled price for the city → 422 SERVICE_NOT_OFFERED.
   */
  async getBookableItem(itemId: number, cityId: number): Promise<BookableItem> {
    const item = await this.items.findOne({ where: { id: itemId } });
    if (!item || !item.enabled) throw CatalogErrors.serviceNotFound();
    const price = await this.cityPrices.findOne({ where: { serviceItemId: itemId, cityId, enabled: true } });
    if (!price) throw CatalogErrors.serviceNotOffered(item.name);
    return toBookable(item, price);
  }

  /**
   * Prices an order with the rules of the item's city and the all-cities rules. Disabled rules
   * are loaded too, because a city's disabled rule switches off the all-cities rule of its code.
   * Input no order could have (end not after start, a duration outside the item's range) → 422
   * with the PricingError's code (INVALID_TIME_RANGE, DURATION_OUT_OF_RANGE, INVALID_QUOTE_INPUT).
   */
  async quote(req: QuoteRequest): Promise<PriceQuote> {
    const rules = await this.rules.find({ where: [{ cityId: IsNull() }, { cityId: req.item.cityId }] });
    try {
      return calculateQuote(req, rules);
    } catch (err) {
      // A broken stored rule is our fault, not the customer's: it stays a 500 and is logged.
      if (err instanceof PricingError && err.code !== 'INVALID_PRICE_RULE') throw Errors.rule(err.code, err.message);
      throw err;
    }
  }

  /** The console's preview: the quote a customer would get now for this booking. */
  async preview(input: {
    serviceItemId: number;
    cityId: number;
    hospitalGrade: string | null;
    startAt: Date;
    durationMinutes: number;
    firstOrder: boolean;
    member: boolean;
  }): Promise<PricingPreview> {
    const item = await this.getBookableItem(input.serviceItemId, input.cityId);
    const startAt = new Date(input.startAt);
    const endAt = new Date(startAt.getTime() + input.durationMinutes * 60_000);
    const quote = await this.quote({
      item,
      startAt,
      endAt,
      hospitalGrade: input.hospitalGrade || null,
      firstOrder: input.firstOrder,
      member: input.member,
      now: new Date(),
    });
    return { item, startAt, endAt, quote };
  }

  /** Categories, in their fixed order, with the items offered in the city; empty categories are left out. */
  async categoriesInCity(cityId: number): Promise<ServiceCategoryView[]> {
    await this.cities.assertExist([cityId]);
    const offered = await this.bookableItemsInCity(cityId);
    return SERVICE_CATEGORY_CODES.map(code => ({
      code,
      name: SERVICE_CATEGORIES[code],
      items: offered
        .filter(o => o.bookable.categoryCode === code)
        .map(({ item, bookable }) => ({
          id: item.id,
          code: item.code,
          name: item.name,
          description: item.description,
          includes: item.includes,
          preparation: item.preparation,
          pricingUnit: item.pricingUnit,
          unitLabel: PRICING_UNITS[item.pricingUnit] ?? item.pricingUnit,
          unitPriceFen: bookable.unitPriceFen,
          minDurationMinutes: item.minDurationMinutes,
          maxDurationMinutes: item.maxDurationMinutes,
          defaultDurationMinutes: item.defaultDurationMinutes,
          isErrand: bookable.isErrand,
        })),
    })).filter(c => c.items.length > 0);
  }

  /** Enabled items with an enabled price in the city, in catalog order. */
  async bookableItemsInCity(cityId: number): Promise<Array<{ item: ServiceItem; bookable: BookableItem }>> {
    const prices = await this.cityPrices.find({ where: { cityId, enabled: true } });
    if (!prices.length) return [];
    const byItem = new Map(prices.map(p => [p.serviceItemId, p]));
    const items = await this.items.find({ where: { id: In([...byItem.keys()]), enabled: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return items.map(item => ({ item, bookable: toBookable(item, byItem.get(item.id)!) }));
  }

  countItems(): Promise<number> {
    return this.items.count();
  }
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
