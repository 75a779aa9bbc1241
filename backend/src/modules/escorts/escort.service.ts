import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { FindOptionsWhere, In, Like, Repository } from 'typeorm';
import { Escort } from './escort.entity';
import { CipherService } from '../../common/crypto/cipher.service';
import { maskPhone } from '../../common/mask';
import { CityService } from '../cities/city.service';
import { Page, PageQuery, toPage } from '../../common/pagination';
import { Errors } from '../../common/errors';

export interface EscortProfile {
  id: number;
  name: string;
  phoneMasked: string;
  status: Escort['status'];
  cityId: number;
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class EscortService {
  @InjectEntityModel(Escort)
  escorts: Repository<Escort>;

  @Inject()
  cipherService: CipherService;

  @Inject()
  cities: CityService;

  findByPhone(phone: string): Promise<Escort | null> {
    return this.escorts.findOne({ where: { phoneHash: this.cipherService.phoneIndex(phone) } });
  }

  /** Suspended escorts cannot use the workbench; applicants can (to finish their application). */
  findUsable(id: number): Promise<Escort | null> {
    return this.escorts.findOne({ where: { id, status: In(['applicant', 'active']) } });
  }

  /** The escort as an order needs them: must exist and be active (applicants and suspended escorts take no orders). */
  async getAssignable(id: number): Promise<Escort> {
    const escort = await this.escorts.findOne({ where: { id } });
    if (!escort) throw Errors.notFound('陪诊师');
    if (escort.status !== 'active') throw Errors.rule('ESCORT_NOT_ACTIVE', `陪诊师 ${escort.name} 当前不可接单`);
    return escort;
  }

  async nameMap(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.escorts.find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(rows.map(r => [r.id, r.name]));
  }

  phoneOf(e: Escort): string {
    return this.cipherService.decrypt(e.phoneEnc);
  }

  profileOf(e: Escort): EscortProfile {
    return {
      id: e.id,
      name: e.name,
      phoneMasked: maskPhone(this.cipherService.decrypt(e.phoneEnc)) as string,
      status: e.status,
      cityId: e.cityId,
    };
  }

  async list(q: PageQuery & { keyword?: string }, cityIds: number[] | null) {
    const base: FindOptionsWhere<Escort> = cityIds === null ? {} : { cityId: In(cityIds) };
    const where = q.keyword ? { ...base, name: Like(`%${q.keyword}%`) } : base;
    const [rows, total] = await this.escorts.findAndCount({ where, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const names = await this.cities.nameMap();
    return toPage(
      rows.map(e => ({ ...this.profileOf(e), cityName: names.get(e.cityId) ?? '', gender: e.gender, level: e.level })),
      total,
      q
    ) as Page<EscortProfile & { cityName: string; gender: string; level: string }>;
  }

  async counts(cityIds: number[] | null): Promise<{ total: number; active: number }> {
    const scope: FindOptionsWhere<Escort> = cityIds === null ? {} : { cityId: In(cityIds) };
    const [total, active] = await Promise.all([
      this.escorts.count({ where: scope }),
      this.escorts.count({ where: { ...scope, status: 'active' } }),
    ]);
    return { total, active };
  }
}
