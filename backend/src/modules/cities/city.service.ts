import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { City } from './city.entity';
import { Errors } from '../../common/errors';

export interface CityView {
  id: number;
  code: string;
  name: string;
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class CityService {
  @InjectEntityModel(City)
  cities: Repository<City>;

  /** Enabled cities, limited to a staff scope when one is given (null = all). */
  async list(scope: number[] | null = null): Promise<CityView[]> {
    const rows = await this.cities.find({
      where: scope === null ? { enabled: true } : { enabled: true, id: In(scope) },
      order: { id: 'ASC' },
    });
    return rows.map(c => ({ id: c.id, code: c.code, name: c.name }));
  }

  async nameMap(): Promise<Map<number, string>> {
    const rows = await this.cities.find({ select: ['id', 'name'] });
    return new Map(rows.map(c => [c.id, c.name]));
  }

  async assertExist(ids: number[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.cities.count({ where: { id: In(ids) } });
    if (found !== new Set(ids).size) throw Errors.rule('CITY_NOT_FOUND', '所选城市不存在');
  }
}
