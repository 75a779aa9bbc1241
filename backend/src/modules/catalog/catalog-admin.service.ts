import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In, IsNull, Like, Repository } from 'typeorm';
import { ServiceItem } from './service-item.entity';
import { ServiceCityPrice } from './service-city-price.entity';
import { PriceRule } from './price-rule.entity';
import { PRICE_RULE_TYPES, PRICING_UNITS, PriceRuleType, SERVICE_CATEGORIES } from './catalog-codes';
import { PriceRuleParams, PricingError, validateRule, DEFAULT_NIGHT_END, DEFAULT_NIGHT_START } from './pricing';
import { CatalogErrors } from './catalog-errors';
import type { CreateServiceItemDTO, ServiceItemQueryDTO, UpdateServiceItemDTO } from './dto/service-item.dto';
import type { CreatePriceRuleDTO, PriceRuleQueryDTO, UpdatePriceRuleDTO } from './dto/price-rule.dto';
import { AuditContext, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { Errors } from '../../common/errors';
import { isUniqueViolation } from '../../common/db-errors';
import { Page, toPage } from '../../common/pagination';
import { assertCityInScope } from '../../common/auth/city-scope';
import type { Principal } from '../../common/auth/principal';

export interface CityPriceView {
  id: number;
  serviceItemId: number;
  cityId: number;
  cityName: string;
  unitPriceFen: number;
  enabled: boolean;
}

export interface ServiceItemView {
  id: number;
  code: string;
  categoryCode: string;
  categoryName: string;
  name: string;
  description: string;
  includes: string[];
  requiredQualifications: string[];
  preparation: string[];
  minDurationMinutes: number;
  maxDurationMinutes: number;
  defaultDurationMinutes: number;
  pricingUnit: string;
  unitLabel: string;
  basePriceFen: number;
  enabled: boolean;
  sortOrder: number;
  cityPrices: CityPriceView[];
  updatedAt: Date;
}

export interface PriceRuleView {
  id: number;
  code: string;
  name: string;
  type: PriceRuleType;
  typeName: string;
  kind: 'surcharge' | 'discount';
  amountType: 'bp' | 'fen';
  amount: number;
  params: PriceRuleParams;
  categoryCodes: string[];
  cityId: number | null;
  cityName: string | null;
  enabled: boolean;
  sortOrder: number;
  updatedAt: Date;
}

/** The parameter keys each rule type reads; any other key is refused so a typo never passes silently. */
const PARAM_KEYS: Record<PriceRuleType, (keyof PriceRuleParams)[]> = {
  hospital_grade: ['grades'],
  night: ['startTime', 'endTime'],
  same_day: ['withinHours', 'sameCalendarDay'],
  first_order: [],
  member: [],
};

/**
 * Staff edits of the catalog: items, their city prices and the price rules. Every write records
 * one audit row in the same transaction. Items are one catalog for all cities; city prices and
 * city rules stay inside the editor's city scope, and rules for all cities need all-city scope.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CatalogAdminService {
  @InjectDataSource()
  dataSource: DataSource;

  @InjectEntityModel(ServiceItem)
  items: Repository<ServiceItem>;

  @InjectEntityModel(ServiceCityPrice)
  cityPrices: Repository<ServiceCityPrice>;

  @InjectEntityModel(PriceRule)
  rules: Repository<PriceRule>;

  @Inject()
  audit: AuditService;

  @Inject()
  cities: CityService;

  // ---- items ------------------------------------------------------------------------------------

  async listItems(q: ServiceItemQueryDTO): Promise<Page<ServiceItemView>> {
    const base: FindOptionsWhere<ServiceItem> = {};
    if (q.categoryCode) base.categoryCode = q.categoryCode;
    if (q.enabled !== undefined) base.enabled = q.enabled;
    const where = q.keyword ? [{ ...base, name: Like(`%${q.keyword}%`) }, { ...base, code: Like(`%${q.keyword.toUpperCase()}%`) }] : [base];
    const [rows, total] = await this.items.findAndCount({
      where,
      order: { sortOrder: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(await this.itemViews(rows), total, q);
  }

  async getItem(id: number): Promise<ServiceItemView> {
    const [view] = await this.itemViews([await this.mustFindItem(id)]);
    return view;
  }

  async createItem(ctx: AuditContext, dto: CreateServiceItemDTO): Promise<ServiceItemView> {
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(ServiceItem);
      let saved: ServiceItem;
      try {
        saved = await repo.save(repo.create({ ...itemFields(dto), code: dto.code, enabled: true }));
      } catch (err) {
        if (isUniqueViolation(err)) throw Errors.conflict('SERVICE_CODE_TAKEN', `项目编码 ${dto.code} 已被使用`);
        throw err;
      }
      const [after] = await this.itemViews([saved], manager);
      await this.audit.record(ctx, { action: 'catalog.item.create', targetType: 'service_item', targetId: saved.id, after }, manager);
      return after;
    });
  }

  async updateItem(ctx: AuditContext, id: number, dto: UpdateServiceItemDTO): Promise<ServiceItemView> {
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(ServiceItem);
      const [before] = await this.itemViews([await this.mustFindItem(id, repo)], manager);
      await repo.update({ id }, itemFields(dto));
      const [after] = await this.itemViews([await this.mustFindItem(id, repo)], manager);
      await this.audit.record(ctx, { action: 'catalog.item.update', targetType: 'service_item', targetId: id, before, after }, manager);
      return after;
    });
  }

  async setItemEnabled(ctx: AuditContext, id: number, enabled: boolean): Promise<ServiceItemView> {
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(ServiceItem);
      const [before] = await this.itemViews([await this.mustFindItem(id, repo)], manager);
      await repo.update({ id }, { enabled });
      const [after] = await this.itemViews([await this.mustFindItem(id, repo)], manager);
      const action = enabled ? 'catalog.item.enable' : 'catalog.item.disable';
      await this.audit.record(ctx, { action, targetType: 'service_item', targetId: id, before, after }, manager);
      return after;
    });
  }

  // ---- city prices ------------------------------------------------------------------------------

  /** Sets the item's price in a city; the first price for a city also offers the item there. */
  async setCityPrice(ctx: AuditContext, principal: Principal, itemId: number, cityId: number, unitPriceFen: number): Promise<CityPriceView> {
    assertCityInScope(principal, cityId);
    await this.cities.assertExist([cityId]);
    return this.dataSource.transaction(async manager => {
      await this.mustFindItem(itemId, manager.getRepository(ServiceItem));
      const repo = manager.getRepository(ServiceCityPrice);
      const existing = await repo.findOne({ where: { serviceItemId: itemId, cityId } });
      const before = existing ? await this.cityPriceView(existing) : null;
      let row: ServiceCityPrice;
      if (existing) {
        await repo.update({ id: existing.id }, { unitPriceFen });
        row = await repo.findOneByOrFail({ id: existing.id });
      } else {
        try {
          row = await repo.save(repo.create({ serviceItemId: itemId, cityId, unitPriceFen, enabled: true }));
        } catch (err) {
          // Two editors setting the first price at once: the unique key lets one in.
          if (isUniqueViolation(err)) throw Errors.conflict('CITY_PRICE_CONFLICT', '该城市价格刚被其他人设置，请刷新后重试');
          throw err;
        }
      }
      const after = await this.cityPriceView(row);
      await this.audit.record(ctx, { action: 'catalog.city_price.set', targetType: 'service_city_price', targetId: row.id, before, after }, manager);
      return after;
    });
  }

  async setCityPriceEnabled(ctx: AuditContext, principal: Principal, itemId: number, cityId: number, enabled: boolean): Promise<CityPriceView> {
    assertCityInScope(principal, cityId);
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(ServiceCityPrice);
      const existing = await repo.findOne({ where: { serviceItemId: itemId, cityId } });
      if (!existing) throw Errors.notFound('该城市的价格');
      const before = await this.cityPriceView(existing);
      await repo.update({ id: existing.id }, { enabled });
      const after = await this.cityPriceView(await repo.findOneByOrFail({ id: existing.id }));
      const action = enabled ? 'catalog.city_price.enable' : 'catalog.city_price.disable';
      await this.audit.record(ctx, { action, targetType: 'service_city_price', targetId: existing.id, before, after }, manager);
      return after;
    });
  }

  // ---- price rules ------------------------------------------------------------------------------

  /** Rules for all cities plus those of the cities in the staff member's scope. */
  async listRules(principal: Principal, q: PriceRuleQueryDTO): Promise<PriceRuleView[]> {
    const where: FindOptionsWhere<PriceRule>[] = [];
    const extra: FindOptionsWhere<PriceRule> = {};
    if (q.type) extra.type = q.type;
    if (q.enabled !== undefined) extra.enabled = q.enabled;
    if (q.cityId === 0) {
      where.push({ ...extra, cityId: IsNull() });
    } else if (q.cityId !== undefined) {
      assertCityInScope(principal, q.cityId);
      where.push({ ...extra, cityId: q.cityId });
    } else {
      where.push({ ...extra, cityId: IsNull() });
      if (principal.cityIds === null) where.push(extra);
      else if (principal.cityIds.length) where.push({ ...extra, cityId: In(principal.cityIds) });
    }
    const rows = await this.rules.find({ where, order: { sortOrder: 'ASC', id: 'ASC' } });
    const names = await this.cities.nameMap();
    return rows.map(r => ruleView(r, names));
  }

  async createRule(ctx: AuditContext, principal: Principal, dto: CreatePriceRuleDTO): Promise<PriceRuleView> {
    this.assertRuleScope(principal, dto.cityId);
    if (dto.cityId !== null) await this.cities.assertExist([dto.cityId]);
    const fields = { ...ruleFields(dto.type, dto), code: dto.code, type: dto.type, cityId: dto.cityId, enabled: true };
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(PriceRule);
      // A unique key does not stop two NULL cities, so the all-cities code is checked here as well.
      const clash = await repo.findOne({ where: { code: dto.code, cityId: dto.cityId === null ? IsNull() : dto.cityId } });
      if (clash) throw ruleCodeTaken(dto.code);
      let saved: PriceRule;
      try {
        saved = await repo.save(repo.create(fields));
      } catch (err) {
        if (isUniqueViolation(err)) throw ruleCodeTaken(dto.code);
        throw err;
      }
      const after = ruleView(saved, await this.cities.nameMap());
      await this.audit.record(ctx, { action: 'catalog.price_rule.create', targetType: 'price_rule', targetId: saved.id, after }, manager);
      return after;
    });
  }

  async updateRule(ctx: AuditContext, principal: Principal, id: number, dto: UpdatePriceRuleDTO): Promise<PriceRuleView> {
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(PriceRule);
      const existing = await this.mustFindRule(id, repo);
      this.assertRuleScope(principal, existing.cityId);
      const names = await this.cities.nameMap();
      const before = ruleView(existing, names);
      await repo.update({ id }, ruleFields(existing.type, dto));
      const after = ruleView(await this.mustFindRule(id, repo), names);
      await this.audit.record(ctx, { action: 'catalog.price_rule.update', targetType: 'price_rule', targetId: id, before, after }, manager);
      return after;
    });
  }

  async setRuleEnabled(ctx: AuditContext, principal: Principal, id: number, enabled: boolean): Promise<PriceRuleView> {
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(PriceRule);
      const existing = await this.mustFindRule(id, repo);
      this.assertRuleScope(principal, existing.cityId);
      const names = await this.cities.nameMap();
      const before = ruleView(existing, names);
      await repo.update({ id }, { enabled });
      const after = ruleView(await this.mustFindRule(id, repo), names);
      const action = enabled ? 'catalog.price_rule.enable' : 'catalog.price_rule.disable';
      await this.audit.record(ctx, { action, targetType: 'price_rule', targetId: id, before, after }, manager);
      return after;
    });
  }

  // ---- internals ----------------------------------------------------------------------------------

  /** A rule for every city changes prices everywhere, so only all-city staff (admin) may touch it. */
  private assertRuleScope(principal: Principal, cityId: number | null): void {
    if (cityId === null) {
      if (principal.cityIds !== null) throw Errors.forbidden('全国通用的价格规则只有管理员可以修改');
    } else {
      assertCityInScope(principal, cityId);
    }
  }

  private async itemViews(rows: ServiceItem[], manager?: EntityManager): Promise<ServiceItemView[]> {
    if (!rows.length) return [];
    const priceRepo = manager ? manager.getRepository(ServiceCityPrice) : this.cityPrices;
    const prices = await priceRepo.find({ where: { serviceItemId: In(rows.map(r => r.id)) }, order: { cityId: 'ASC' } });
    const names = await this.cities.nameMap();
    return rows.map(i => ({
      id: i.id,
      code: i.code,
      categoryCode: i.categoryCode,
      categoryName: SERVICE_CATEGORIES[i.categoryCode] ?? i.categoryCode,
      name: i.name,
      description: i.description,
      includes: i.includes,
      requiredQualifications: i.requiredQualifications,
      preparation: i.preparation,
      minDurationMinutes: i.minDurationMinutes,
      maxDurationMinutes: i.maxDurationMinutes,
      defaultDurationMinutes: i.defaultDurationMinutes,
      pricingUnit: i.pricingUnit,
      unitLabel: PRICING_UNITS[i.pricingUnit] ?? i.pricingUnit,
      basePriceFen: i.basePriceFen,
      enabled: i.enabled,
      sortOrder: i.sortOrder,
      cityPrices: prices.filter(p => p.serviceItemId === i.id).map(p => cityPriceViewOf(p, names)),
      updatedAt: i.updatedAt,
    }));
  }

  private async cityPriceView(row: ServiceCityPrice): Promise<CityPriceView> {
    return cityPriceViewOf(row, await this.cities.nameMap());
  }

  private async mustFindItem(id: number, repo: Repository<ServiceItem> = this.items): Promise<ServiceItem> {
    const item = await repo.findOne({ where: { id } });
    if (!item) throw CatalogErrors.serviceNotFound();
    return item;
  }

  private async mustFindRule(id: number, repo: Repository<PriceRule> = this.rules): Promise<PriceRule> {
    const rule = await repo.findOne({ where: { id } });
    if (!rule) throw Errors.notFound('价格规则');
    return rule;
  }
}

function itemFields(dto: UpdateServiceItemDTO) {
  return {
    categoryCode: dto.categoryCode,
    name: dto.name,
    description: dto.description,
    includes: dto.includes,
    requiredQualifications: dto.requiredQualifications,
    preparation: dto.preparation,
    minDurationMinutes: dto.minDurationMinutes,
    maxDurationMinutes: dto.maxDurationMinutes,
    defaultDurationMinutes: dto.defaultDurationMinutes,
    pricingUnit: dto.pricingUnit,
    basePriceFen: dto.basePriceFen,
    sortOrder: dto.sortOrder ?? 0,
  };
}

/**
 * The stored fields of a rule, after the checks the DTO cannot express: only the type's own
 * parameters, the ones it needs, and amounts the pricing function accepts. Failures are 400s.
 */
function ruleFields(type: PriceRuleType, dto: UpdatePriceRuleDTO) {
  const given = (dto.params ?? {}) as PriceRuleParams;
  const allowed = PARAM_KEYS[type];
  const stray = Object.keys(given).filter(k => !allowed.includes(k as keyof PriceRuleParams));
  if (stray.length) throw Errors.validation(`「${PRICE_RULE_TYPES[type]}」规则不接受参数：${stray.join('、')}`);
  const params: PriceRuleParams = {};
  if (type === 'hospital_grade') {
    if (!given.grades?.length) throw Errors.validation('医院等级规则至少选择一个医院等级');
    params.grades = given.grades;
  }
  if (type === 'night') {
    params.startTime = given.startTime ?? DEFAULT_NIGHT_START;
    params.endTime = given.endTime ?? DEFAULT_NIGHT_END;
  }
  if (type === 'same_day') {
    if (given.withinHours === undefined && given.sameCalendarDay !== true) {
      throw Errors.validation('当日加急规则需要设置“开始前不足多少小时”或勾选“同一天”');
    }
    if (given.withinHours !== undefined) params.withinHours = given.withinHours;
    if (given.sameCalendarDay !== undefined) params.sameCalendarDay = given.sameCalendarDay;
  }
  const fields = {
    name: dto.name,
    kind: dto.kind,
    amountType: dto.amountType,
    amount: dto.amount,
    params,
    categoryCodes: dto.categoryCodes ?? [],
    sortOrder: dto.sortOrder ?? 0,
  };
  try {
    validateRule({ ...fields, code: 'rule', type, cityId: null, enabled: true });
  } catch (err) {
    if (err instanceof PricingError) throw Errors.validation(err.message.replace(/^价格规则 rule：/, ''));
    throw err;
  }
  return fields;
}

function ruleCodeTaken(code: string) {
  return Errors.conflict('PRICE_RULE_CODE_TAKEN', `规则编码 ${code} 在该范围内已存在`);
}

function cityPriceViewOf(p: ServiceCityPrice, names: Map<number, string>): CityPriceView {
  return {
    id: p.id,
    serviceItemId: p.serviceItemId,
    cityId: p.cityId,
    cityName: names.get(p.cityId) ?? String(p.cityId),
    unitPriceFen: p.unitPriceFen,
    enabled: p.enabled,
  };
}

function ruleView(r: PriceRule, names: Map<number, string>): PriceRuleView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    typeName: PRICE_RULE_TYPES[r.type] ?? r.type,
    kind: r.kind,
    amountType: r.amountType,
    amount: r.amount,
    params: r.params,
    categoryCodes: r.categoryCodes,
    cityId: r.cityId,
    cityName: r.cityId === null ? null : names.get(r.cityId) ?? String(r.cityId),
    enabled: r.enabled,
    sortOrder: r.sortOrder,
    updatedAt: r.updatedAt,
  };
}
