import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { FindOptionsWhere, In, Like, Repository } from 'typeorm';
import { Hospital } from './hospital.entity';
import { HospitalDepartment } from './hospital-department.entity';
import { StepTemplate } from './step-template.entity';
import { AppError } from '../../common/errors';
import { CityService } from '../cities/city.service';
import { PageQuery, toPage } from '../../common/pagination';

export interface HospitalForBooking {
  id: number;
  cityId: number;
  name: string;
  grade: string;
  address: string;
  /** Micro-degrees (× 10^6), for distances in dispatch; null when not recorded. */
  latitudeE6: number | null;
  longitudeE6: number | null;
}

export interface DepartmentForBooking {
  id: number;
  hospitalId: number;
  name: string;
  building: string;
  floor: string;
  room: string;
}

export const hospitalNotFound = () => new AppError(404, 'HOSPITAL_NOT_FOUND', '医院不存在或已停用');
export const departmentNotFound = () => new AppError(404, 'DEPARTMENT_NOT_FOUND', '科室不存在');

@Provide()
@Scope(ScopeEnum.Singleton)
export class HospitalService {
  @InjectEntityModel(Hospital)
  hospitals: Repository<Hospital>;

  @InjectEntityModel(HospitalDepartment)
  departments: Repository<HospitalDepartment>;

  @InjectEntityModel(StepTemplate)
  stepTemplates: Repository<StepTemplate>;

  @Inject()
  cities: CityService;

  // ---- for the orders module ----------------------------------------------------------------

  /** An enabled hospital to book at; 404 HOSPITAL_NOT_FOUND when missing or disabled. */
  async getForBooking(hospitalId: number): Promise<HospitalForBooking> {
    const h = await this.hospitals.findOne({ where: { id: hospitalId, enabled: true } });
    if (!h) throw hospitalNotFound();
    return {
      id: h.id,
      cityId: h.cityId,
      name: h.name,
      grade: h.grade,
      address: h.address,
      latitudeE6: h.latitudeE6,
      longitudeE6: h.longitudeE6,
    };
  }

  /** A department of this hospital; 404 DEPARTMENT_NOT_FOUND also when it belongs to another one. */
  async getDepartment(hospitalId: number, departmentId: number): Promise<DepartmentForBooking> {
    const d = await this.departments.findOne({ where: { id: departmentId, hospitalId } });
    if (!d) throw departmentNotFound();
    return { id: d.id, hospitalId: d.hospitalId, name: d.name, building: d.building, floor: d.floor, room: d.room };
  }

  /** The hospital's ordered steps for a service category, or null when none are kept. */
  async stepsFor(hospitalId: number, categoryCode: string): Promise<string[] | null> {
    const t = await this.stepTemplates.findOne({ where: { hospitalId, categoryCode } });
    return t ? [...t.steps] : null;
  }

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
