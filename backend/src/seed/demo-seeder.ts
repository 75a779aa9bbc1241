import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { City } from '../modules/cities/city.entity';
import { StaffUser } from '../modules/users/staff-user.entity';
import { Hospital } from '../modules/hospitals/hospital.entity';
import { Escort } from '../modules/escorts/escort.entity';
import { ServiceItem } from '../modules/catalog/service-item.entity';
import { ServiceCityPrice } from '../modules/catalog/service-city-price.entity';
import { PriceRule } from '../modules/catalog/price-rule.entity';
import { Customer } from '../modules/users/customer.entity';
import { CipherService } from '../common/crypto/cipher.service';
import { hashPassword } from '../modules/auth/password';
import { DEMO } from './demo-data';

/**
 * Fills an empty database with the demo data documented in the README, once: it runs only when
 * there is no staff account yet, so a second start keeps everything the first one wrote.
 * Seeding writes straight to the tables in one transaction; it is the only code that does so
 * across modules, and it never runs in production.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DemoSeeder {
  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  cipherService: CipherService;

  @Logger()
  logger: ILogger;

  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataSource.getRepository(StaffUser).count()) > 0) return false;
    const staffHashes = await Promise.all(DEMO.staff.map(s => hashPassword(s.password)));
    await this.dataSource.transaction(async m => {
      for (const c of DEMO.cities) await m.getRepository(City).insert({ id: c.id, code: c.code, name: c.name, enabled: true });
      await m.getRepository(StaffUser).insert(
        DEMO.staff.map((s, i) => ({
          username: s.username,
          displayName: s.displayName,
          passwordHash: staffHashes[i],
          roles: s.roles,
          cityIds: s.cityIds,
          status: 'active' as const,
          failedLoginCount: 0,
        }))
      );
      await m.getRepository(Hospital).insert(DEMO.hospitals.map(h => ({ ...h })));
      await this.seedCatalog(m);
      await m.getRepository(Escort).insert(
        DEMO.escorts.map(e => ({
          cityId: e.cityId,
          name: e.name,
          gender: e.gender,
          level: e.level,
          status: e.status,
          phoneEnc: this.cipherService.encrypt(e.phone),
          phoneHash: this.cipherService.phoneIndex(e.phone),
        }))
      );
      await m.getRepository(Customer).insert(
        DEMO.customers.map(c => ({
          nickname: c.nickname,
          status: 'active' as const,
          phoneEnc: this.cipherService.encrypt(c.phone),
          phoneHash: this.cipherService.phoneIndex(c.phone),
        }))
      );
    });
    this.logger.info(
      `demo data seeded: ${DEMO.staff.length} staff, ${DEMO.cities.length} cities, ${DEMO.hospitals.length} hospitals, ` +
        `${DEMO.serviceItems.length} service items, ${DEMO.escorts.length} escorts`
    );
    return true;
  }

  /** Items with a price in every demo city (Beijing's a little higher) and the default price rules. */
  private async seedCatalog(m: EntityManager): Promise<void> {
    const items = m.getRepository(ServiceItem);
    for (const [index, { priceFen, beijingPriceFen, ...item }] of DEMO.serviceItems.entries()) {
      const saved = await items.save(items.create({ ...item, basePriceFen: priceFen, enabled: true, sortOrder: (index + 1) * 10 }));
      await m.getRepository(ServiceCityPrice).insert(
        DEMO.cities.map(c => ({ serviceItemId: saved.id, cityId: c.id, unitPriceFen: c.code === '110100' ? beijingPriceFen : priceFen, enabled: true }))
      );
    }
    const rules = m.getRepository(PriceRule);
    for (const rule of DEMO.priceRules) await rules.save(rules.create({ ...rule, cityId: null, enabled: true }));
  }
}
