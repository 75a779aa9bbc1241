import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { FindOptionsWhere, In, Like, Repository } from 'typeorm';
import { Hospital } from './hospital.entity';
import { CityService } from '../cities/city.service';
import { PageQuery, toPage } from '../../common/pagination';

@Provide()
@Scope(ScopeEnum.Singleton)
export class HospitalService {
  @InjectEntityModel(Hospital)
  hospitals: Repository<Hospital>;

  @Inject()
  cities: CityService;

  async list(q: PageQuery & { keyword?: string }, cityIds: number[] | null) {
    const base: FindOptionsWhere<Hospital> = cityIds === null ? {} : { cityId: In(cityIds) };
    const where = q.keyword ? { ...base, name: Like(`%${q.keyword}%`) } : base;
    const [rows, total] = await this.hospitals.findAndCount({ where, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const names = await this.cities.nameMap();
    return toPage(
      rows.map(h => ({ id: h.id, cityId: h.cityId, cityName: names.get(h.cityId) ?? '', name: h.name, grade: h.grade, address: h.address, phone: h.phone })),
      total,
      q
    );
  }

  count(cityIds: number[] | null): Promise<number> {
    return this.hospitals.count({ where: cityIds === null ? {} : { cityId: In(cityIds) } });
  }
}
