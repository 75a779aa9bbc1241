import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { Hospital } from './hospital.entity';
import { HospitalDepartment } from './hospital-department.entity';
import { HospitalNotice } from './hospital-notice.entity';
import { MeetingPoint } from './meeting-point.entity';
import { StepTemplate } from './step-template.entity';
import { formatMicroDegrees, parseMicroDegrees } from './geo';
import { noticeStatus } from './notice-window';
import type { HospitalInputDTO, NoticeStatus } from './dto/hospital.dto';
import { CityService } from '../cities/city.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TextIndexService } from '../search/text-index.service';
import { containsQuery } from '../search/text-terms';
import { SERVICE_CATEGORIES } from '../catalog/catalog-codes';
import { Page, PageQuery, toPage } from '../../common/pagination';
import { AppError, Errors } from '../../common/errors';

/** Document type of hospitals in the shared text index. */
export const HOSPITAL_DOC = 'hospital';
/** How much a match in each field counts when ranking search results. */
const FIELD_WEIGHTS = { name: 10, alias: 8, department: 4, address: 2 } as const;

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

export interface HospitalView {
  id: number;
  cityId: number;
  cityName: string;
  name: string;
  alias: string;
  grade: string;
  address: string;
  /** Decimal degrees as text ("31.197845"), exact to the stored micro-degree. */
  latitude: string | null;
  longitude: string | null;
  phone: string;
  outpatientHours: string;
  visitingHours: string;
  intro: string | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface DepartmentView {
  id: number;
  hospitalId: number;
  name: string;
  building: string;
  floor: string;
  room: string;
  phone: string;
  notes: string;
}

export interface MeetingPointView {
  id: number;
  hospitalId: number;
  name: string;
  description: string;
}

export interface StepTemplateView {
  id: number;
  hospitalId: number;
  categoryCode: string;
  categoryName: string;
  steps: string[];
  updatedAt: Date;
}

export interface NoticeView {
  id: number;
  hospitalId: number;
  hospitalName: string;
  departmentId: number | null;
  departmentName: string | null;
  title: string;
  content: string;
  level: string;
  startsAt: Date;
  endsAt: Date;
  status: NoticeStatus;
}

export interface HospitalDetail extends HospitalView {
  departments: DepartmentView[];
  notices: NoticeView[];
  meetingPoints: MeetingPointView[];
  stepTemplates: StepTemplateView[];
}

export const hospitalNotFound = () => new AppError(404, 'HOSPITAL_NOT_FOUND', '医院不存在或已停用');
export const departmentNotFound = () => new AppError(404, 'DEPARTMENT_NOT_FOUND', '科室不存在');

/** Throws 403 CITY_SCOPE_FORBIDDEN unless the acting staff member may work in this city. */
export function assertScope(ctx: AuditContext, cityId: number): void {
  const scope = ctx.principal?.cityIds;
  if (scope && !scope.includes(cityId)) throw Errors.cityScope();
}

/**
 * Hospitals per city: the console keeps them (city scope applies to every write), customers
 * browse the enabled ones, and the orders module books through getForBooking / getDepartment /
 * stepsFor. Searchable through the shared text index, maintained in every write's transaction.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HospitalService {
  @InjectEntityModel(Hospital)
  hospitals: Repository<Hospital>;

  @InjectEntityModel(HospitalDepartment)
  departments: Repository<HospitalDepartment>;

  @InjectEntityModel(HospitalNotice)
  notices: Repository<HospitalNotice>;

  @InjectEntityModel(MeetingPoint)
  meetingPoints: Repository<MeetingPoint>;

  @InjectEntityModel(StepTemplate)
  stepTemplates: Repository<StepTemplate>;

  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  cities: CityService;

  @Inject()
  audit: AuditService;

  @Inject()
  textIndex: TextIndexService;

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

  /** Where a hospital is (micro-degrees), for dispatch distances; null when unknown or gone. */
  async coordinatesOf(hospitalId: number): Promise<{ latitudeE6: number; longitudeE6: number } | null> {
    const h = await this.hospitals.findOne({ where: { id: hospitalId }, select: { id: true, latitudeE6: true, longitudeE6: true } });
    if (!h || h.latitudeE6 === null || h.longitudeE6 === null) return null;
    return { latitudeE6: h.latitudeE6, longitudeE6: h.longitudeE6 };
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

  // ---- lists and details --------------------------------------------------------------------

  /** Console list: hospitals of the given cities (null = all), optionally searched and filtered. */
  async list(q: PageQuery & { keyword?: string; enabled?: boolean }, cityIds: number[] | null): Promise<Page<HospitalView>> {
    const where: FindOptionsWhere<Hospital> = cityIds === null ? {} : { cityId: In(cityIds) };
    if (q.enabled !== undefined) where.enabled = q.enabled;
    return this.page(q, where);
  }

  /** Mini-program list: enabled hospitals only. */
  async listForCustomers(q: PageQuery & { keyword?: string; cityId?: number }): Promise<Page<HospitalView>> {
    const where: FindOptionsWhere<Hospital> = { enabled: true };
    if (q.cityId !== undefined) where.cityId = q.cityId;
    return this.page(q, where);
  }

  /** Full detail for the console (every notice, with its status). */
  async detailForStaff(ctx: AuditContext, id: number): Promise<HospitalDetail> {
    const h = await this.mustFind(id);
    assertScope(ctx, h.cityId);
    return this.detail(h, false);
  }

  /** Detail for customers: enabled hospitals only, active notices only. */
  async detailForCustomers(id: number): Promise<HospitalDetail> {
    const h = await this.hospitals.findOne({ where: { id, enabled: true } });
    if (!h) throw hospitalNotFound();
    return this.detail(h, true);
  }

  count(cityIds: number[] | null): Promise<number> {
    return this.hospitals.count({ where: cityIds === null ? {} : { cityId: In(cityIds) } });
  }

  // ---- writes (staff) -----------------------------------------------------------------------

  async create(ctx: AuditContext, dto: HospitalInputDTO): Promise<HospitalView> {
    assertScope(ctx, dto.cityId);
    await this.cities.assertExist([dto.cityId]);
    const values = hospitalValues(dto);
    const id = await this.dataSource.transaction(async manager => {
      const saved = await manager.getRepository(Hospital).save(manager.getRepository(Hospital).create({ ...values, enabled: true }));
      await this.reindex(manager, saved.id);
      const view = await this.viewOf(saved);
      await this.audit.record(ctx, { action: 'hospital.create', targetType: 'hospital', targetId: saved.id, after: view }, manager);
      return saved.id;
    });
    return this.viewOf(await this.mustFind(id));
  }

  async update(ctx: AuditContext, id: number, dto: HospitalInputDTO): Promise<HospitalView> {
    assertScope(ctx, dto.cityId);
    await this.cities.assertExist([dto.cityId]);
    await this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(Hospital);
      const current = await this.mustFind(id, manager);
      assertScope(ctx, current.cityId);
      const before = await this.viewOf(current);
      await repo.update({ id }, hospitalValues(dto));
      await this.reindex(manager, id);
      const after = await this.viewOf(await this.mustFind(id, manager));
      await this.audit.record(ctx, { action: 'hospital.update', targetType: 'hospital', targetId: id, before, after }, manager);
    });
    return this.viewOf(await this.mustFind(id));
  }

  /** Disabling hides the hospital from customers and from new bookings; nothing is deleted. */
  async setEnabled(ctx: AuditContext, id: number, enabled: boolean): Promise<HospitalView> {
    await this.dataSource.transaction(async manager => {
      const current = await this.mustFind(id, manager);
      assertScope(ctx, current.cityId);
      const before = await this.viewOf(current);
      await manager.getRepository(Hospital).update({ id }, { enabled });
      const after = await this.viewOf(await this.mustFind(id, manager));
      await this.audit.record(
        ctx,
        { action: enabled ? 'hospital.enable' : 'hospital.disable', targetType: 'hospital', targetId: id, before, after },
        manager
      );
    });
    return this.viewOf(await this.mustFind(id));
  }

  /**
   * Rewrites the hospital's search terms from its name, alias, address and department names.
   * Called inside the transaction of every write that changes any of them.
   */
  async reindex(manager: EntityManager, hospitalId: number): Promise<void> {
    const h = await manager.getRepository(Hospital).findOne({ where: { id: hospitalId } });
    if (!h) {
      await this.textIndex.removeDocument(manager, HOSPITAL_DOC, hospitalId);
      return;
    }
    const departments = await manager.getRepository(HospitalDepartment).find({ where: { hospitalId }, select: ['id', 'name'] });
    await this.textIndex.indexDocument(manager, HOSPITAL_DOC, hospitalId, [
      { text: h.name, weight: FIELD_WEIGHTS.name },
      // Aliases are a list: each is its own text, so two aliases never run into each other.
      ...aliasesOf(h.alias).map(text => ({ text, weight: FIELD_WEIGHTS.alias })),
      { text: h.address, weight: FIELD_WEIGHTS.address },
      ...departments.map(d => ({ text: d.name, weight: FIELD_WEIGHTS.department })),
    ]);
  }

  /** The hospital, or 404; staff callers check its city with assertScope. */
  async mustFind(id: number, manager?: EntityManager): Promise<Hospital> {
    const h = await (manager ? manager.getRepository(Hospital) : this.hospitals).findOne({ where: { id } });
    if (!h) throw new AppError(404, 'HOSPITAL_NOT_FOUND', '医院不存在');
    return h;
  }

  async viewOf(h: Hospital, names?: Map<number, string>): Promise<HospitalView> {
    const cityNames = names ?? (await this.cities.nameMap());
    return {
      id: h.id,
      cityId: h.cityId,
      cityName: cityNames.get(h.cityId) ?? '',
      name: h.name,
      alias: h.alias,
      grade: h.grade,
      address: h.address,
      latitude: formatMicroDegrees(h.latitudeE6),
      longitude: formatMicroDegrees(h.longitudeE6),
      phone: h.phone,
      outpatientHours: h.outpatientHours,
      visitingHours: h.visitingHours,
      intro: h.intro,
      enabled: h.enabled,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    };
  }

  // ---- internals ----------------------------------------------------------------------------

  /**
   * Without a keyword: a plain paged query. With one: the text index gives the hospitals holding
   * every query term; those passing the filters are ranked (whole-substring hit in the name, then
   * alias, then address, then by index score) and paged.
   */
  private async page(q: PageQuery & { keyword?: string }, where: FindOptionsWhere<Hospital>): Promise<Page<HospitalView>> {
    const names = await this.cities.nameMap();
    const keyword = q.keyword?.trim();
    if (!keyword) {
      const [rows, total] = await this.hospitals.findAndCount({ where, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
      return toPage(await Promise.all(rows.map(h => this.viewOf(h, names))), total, q);
    }
    const matches = await this.textIndex.search(HOSPITAL_DOC, keyword);
    if (!matches.length) return toPage([], 0, q);
    const score = new Map(matches.map(m => [m.docId, m.score]));
    const rows = await this.hospitals.find({ where: { ...where, id: In([...score.keys()]) } });
    const tier = (h: Hospital) => {
      if (containsQuery(h.name, keyword)) return 0;
      if (aliasesOf(h.alias).some(a => containsQuery(a, keyword))) return 1;
      return containsQuery(h.address, keyword) ? 2 : 3;
    };
    const ranked = rows
      .map(h => ({ h, tier: tier(h), score: score.get(h.id) ?? 0 }))
      .sort((a, b) => a.tier - b.tier || b.score - a.score || a.h.id - b.h.id)
      .map(r => r.h);
    const pageRows = ranked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    return toPage(await Promise.all(pageRows.map(h => this.viewOf(h, names))), ranked.length, q);
  }

  private async detail(h: Hospital, customerView: boolean): Promise<HospitalDetail> {
    const now = new Date();
    const [departments, notices, meetingPoints, templates] = await Promise.all([
      this.departments.find({ where: { hospitalId: h.id }, order: { id: 'ASC' } }),
      this.notices.find({
        where: customerView ? { hospitalId: h.id, startsAt: LessThanOrEqual(now), endsAt: MoreThan(now) } : { hospitalId: h.id },
        order: { startsAt: 'DESC', id: 'DESC' },
      }),
      this.meetingPoints.find({ where: { hospitalId: h.id }, order: { id: 'ASC' } }),
      this.stepTemplates.find({ where: { hospitalId: h.id } }),
    ]);
    const deptNames = new Map(departments.map(d => [d.id, d.name]));
    const categoryOrder = Object.keys(SERVICE_CATEGORIES);
    return {
      ...(await this.viewOf(h)),
      departments: departments.map(departmentView),
      notices: notices.map(n => noticeView(n, h.name, n.departmentId ? deptNames.get(n.departmentId) ?? null : null, now)),
      meetingPoints: meetingPoints.map(meetingPointView),
      stepTemplates: templates
        .sort((a, b) => categoryOrder.indexOf(a.categoryCode) - categoryOrder.indexOf(b.categoryCode))
        .map(stepTemplateView),
    };
  }
}

function aliasesOf(alias: string): string[] {
  return alias.split(/[\s,，、;；]+/).filter(Boolean);
}

function hospitalValues(dto: HospitalInputDTO) {
  const latitudeE6 = dto.latitude ? parseMicroDegrees(dto.latitude, 90) : null;
  const longitudeE6 = dto.longitude ? parseMicroDegrees(dto.longitude, 180) : null;
  if (dto.latitude && latitudeE6 === null) throw Errors.validation('纬度应在 -90 到 90 之间');
  if (dto.longitude && longitudeE6 === null) throw Errors.validation('经度应在 -180 到 180 之间');
  if ((latitudeE6 === null) !== (longitudeE6 === null)) throw Errors.validation('经度和纬度需同时填写');
  return {
    cityId: dto.cityId,
    name: dto.name,
    alias: dto.alias ?? '',
    grade: dto.grade,
    address: dto.address,
    latitudeE6,
    longitudeE6,
    phone: dto.phone,
    outpatientHours: dto.outpatientHours ?? '',
    visitingHours: dto.visitingHours ?? '',
    intro: dto.intro || null,
  };
}

export function departmentView(d: HospitalDepartment): DepartmentView {
  return { id: d.id, hospitalId: d.hospitalId, name: d.name, building: d.building, floor: d.floor, room: d.room, phone: d.phone, notes: d.notes };
}

export function meetingPointView(p: MeetingPoint): MeetingPointView {
  return { id: p.id, hospitalId: p.hospitalId, name: p.name, description: p.description };
}

export function stepTemplateView(t: StepTemplate): StepTemplateView {
  return {
    id: t.id,
    hospitalId: t.hospitalId,
    categoryCode: t.categoryCode,
    categoryName: SERVICE_CATEGORIES[t.categoryCode as keyof typeof SERVICE_CATEGORIES] ?? t.categoryCode,
    steps: [...t.steps],
    updatedAt: t.updatedAt,
  };
}

export function noticeView(n: HospitalNotice, hospitalName: string, departmentName: string | null, now: Date): NoticeView {
  return {
    id: n.id,
    hospitalId: n.hospitalId,
    hospitalName,
    departmentId: n.departmentId,
    departmentName,
    title: n.title,
    content: n.content,
    level: n.level,
    startsAt: n.startsAt,
    endsAt: n.endsAt,
    status: noticeStatus(n, now),
  };
}
