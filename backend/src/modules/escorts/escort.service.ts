import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, FindOptionsWhere, In, Like, Repository } from 'typeorm';
import { EDUCATION_LEVELS, ESCORT_LEVELS, ESCORT_STATUSES, Escort, EscortLevel, EscortStatus } from './escort.entity';
import { EscortFileService, staffFileUrl } from './escort-file.service';
import { WorkforceFactsVersion } from './workforce-facts-version';
import type { EscortCreateDTO, EscortUpdateDTO, PublicEscortSort } from './dto/escort.dto';
import { CipherService } from '../../common/crypto/cipher.service';
import { maskIdCard, maskPhone } from '../../common/mask';
import { CityService } from '../cities/city.service';
import { CommissionService } from '../commissions/commission.service';
import { ANY_CATEGORY } from '../commissions/commission-rules';
import { AuditContext, AuditService } from '../audit/audit.service';
import { SERVICE_CATEGORIES } from '../catalog/catalog-codes';
import { Order } from '../orders/order.entity';
import { AGE_BANDS, AgeBand, ageBandOf, ageIn, birthYearRange, jsonListEntryPattern } from './public-filters';
import { formatMicroDegrees, parseMicroDegrees } from '../hospitals/geo';
import { TransactionService } from '../../common/db/transaction.service';
import { isUniqueViolation } from '../../common/db-errors';
import { Page, PageQuery, toPage } from '../../common/pagination';
import { Errors } from '../../common/errors';

export interface EscortProfile {
  id: number;
  name: string;
  phoneMasked: string;
  status: Escort['status'];
  cityId: number;
}

/** What dispatch needs of every escort of a city, read in one query. */
export interface EscortDispatchFacts {
  id: number;
  name: string;
  cityId: number;
  status: string;
  level: EscortLevel;
  baseLatitudeE6: number | null;
  baseLongitudeE6: number | null;
  skills: string[];
  ratingTotal: number;
  ratingCount: number;
}

export function ratingAverage(e: { ratingTotal: number; ratingCount: number }): number | null {
  // One decimal, computed in tenths so no float drifts into the answer.
  return e.ratingCount ? Math.round((e.ratingTotal * 10) / e.ratingCount) / 10 : null;
}

/** The columns the public list and profile read: never the phone, ID number or base location. */
const PUBLIC_COLUMNS: (keyof Escort)[] = [
  'id',
  'cityId',
  'name',
  'gender',
  'level',
  'birthYear',
  'photoFileId',
  'education',
  'experienceYears',
  'serviceDistricts',
  'skills',
  'bio',
  'ordersServed',
  'ratingTotal',
  'ratingCount',
];

/** Skill codes that are service categories read as their names; free tags stay as they are. */
function skillLabel(skill: string): string {
  return (SERVICE_CATEGORIES as Record<string, string>)[skill] ?? skill;
}

export interface PublicEscortQuery extends PageQuery {
  cityId: number;
  district?: string;
  skill?: string;
  gender?: 'male' | 'female';
  ageBand?: AgeBand;
  minExperienceYears?: number;
  level?: EscortLevel;
  sort?: PublicEscortSort;
}

/** Escort profiles: staff CRUD, the public list customers browse, and facts other modules read. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EscortService {
  @InjectEntityModel(Escort)
  escorts: Repository<Escort>;

  @Inject()
  cipherService: CipherService;

  @Inject()
  cities: CityService;

  @Inject()
  commissions: CommissionService;

  @Inject()
  audit: AuditService;

  @Inject()
  files: EscortFileService;

  @Inject()
  tx: TransactionService;

  @Inject()
  factsVersion: WorkforceFactsVersion;

  findByPhone(phone: string): Promise<Escort | null> {
    return this.escorts.findOne({ where: { phoneHash: this.cipherService.phoneIndex(phone) } });
  }

  /** Suspended escorts cannot use the workbench; applicants can (to finish their application). */
  findUsable(id: number): Promise<Escort | null> {
    return this.escorts.findOne({ where: { id, status: In(['applicant', 'active']) } });
  }

  async mustFind(id: number, manager?: EntityManager): Promise<Escort> {
    const e = await (manager ? manager.getRepository(Escort) : this.escorts).findOne({ where: { id } });
    if (!e) throw Errors.notFound('陪诊师');
    return e;
  }

  /** 404 when the escort is outside the staff member's cities (null scope = every city). */
  async mustFindInScope(id: number, cityIds: number[] | null): Promise<Escort> {
    const e = await this.mustFind(id);
    if (cityIds !== null && !cityIds.includes(e.cityId)) throw Errors.cityScope();
    return e;
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

  /** The escort's default share now (the commission rule in force, category `*`); a category may have its own. */
  async commissionBp(level: EscortLevel, manager?: EntityManager): Promise<number> {
    return (await this.commissions.shareFor(manager ?? this.escorts.manager, level, ANY_CATEGORY, new Date())).shareBp;
  }

  /** The staff view: everything but the ID number, which shows masked. */
  async staffView(e: Escort, cityNames?: Map<number, string>) {
    const names = cityNames ?? (await this.cities.nameMap());
    return {
      ...this.profileOf(e),
      cityName: names.get(e.cityId) ?? '',
      gender: e.gender,
      level: e.level,
      levelLabel: ESCORT_LEVELS[e.level],
      commissionBp: await this.commissionBp(e.level),
      statusLabel: ESCORT_STATUSES[e.status],
      birthYear: e.birthYear,
      age: ageIn(e.birthYear),
      education: e.education,
      educationLabel: EDUCATION_LEVELS[e.education as keyof typeof EDUCATION_LEVELS] ?? '',
      experienceYears: e.experienceYears,
      serviceDistricts: e.serviceDistricts,
      skills: e.skills,
      bio: e.bio,
      photoFileId: e.photoFileId,
      photoUrl: staffFileUrl(e.photoFileId),
      baseAddress: e.baseAddress,
      baseLatitude: formatMicroDegrees(e.baseLatitudeE6),
      baseLongitude: formatMicroDegrees(e.baseLongitudeE6),
      idCardMasked: e.idCardEnc ? (maskIdCard(this.cipherService.decrypt(e.idCardEnc)) as string) : null,
      ordersServed: e.ordersServed,
      rating: ratingAverage(e),
      ratingCount: e.ratingCount,
      createdAt: e.createdAt,
    };
  }

  /** What customers see: no phone, no ID, no birth date (an age band), no home location. */
  publicView(e: Escort, now = new Date()) {
    const ageBand = ageBandOf(e.birthYear, now);
    return {
      id: e.id,
      name: e.name,
      gender: e.gender,
      ageBand,
      ageBandLabel: ageBand ? AGE_BANDS[ageBand].label : '',
      level: e.level,
      levelLabel: ESCORT_LEVELS[e.level],
      photoUrl: e.photoFileId ? `/api/app/escorts/${e.id}/photo` : null,
      educationLabel: EDUCATION_LEVELS[e.education as keyof typeof EDUCATION_LEVELS] ?? '',
      experienceYears: e.experienceYears,
      serviceDistricts: e.serviceDistricts,
      skills: e.skills,
      skillLabels: e.skills.map(skillLabel),
      bio: e.bio,
      ordersServed: e.ordersServed,
      rating: ratingAverage(e),
      ratingCount: e.ratingCount,
    };
  }

  /** An active escort's public profile, with the hospitals they have served at most. */
  async publicDetail(id: number) {
    const e = await this.escorts.findOne({ where: { id, status: 'active' }, select: PUBLIC_COLUMNS });
    if (!e) throw Errors.notFound('陪诊师');
    const rows = await this.escorts.manager
      .getRepository(Order)
      .createQueryBuilder('o')
      .select(['o.hospital_id AS hospitalId', 'MAX(o.hospital_name) AS name', 'COUNT(*) AS orders'])
      .where('o.escort_id = :id AND o.status = :status AND o.hospital_id IS NOT NULL', { id, status: 'completed' })
      .groupBy('o.hospital_id')
      .orderBy('orders', 'DESC')
      .addOrderBy('o.hospital_id', 'ASC')
      .limit(5)
      .getRawMany();
    const servedHospitals = rows.map(r => ({ hospitalId: Number(r.hospitalId), name: String(r.name), orders: Number(r.orders) }));
    return { ...this.publicView(e), cityId: e.cityId, servedHospitals };
  }

  async list(q: PageQuery & { keyword?: string; status?: EscortStatus; level?: EscortLevel }, cityIds: number[] | null) {
    const where: FindOptionsWhere<Escort> = cityIds === null ? {} : { cityId: In(cityIds) };
    if (q.keyword) where.name = Like(`%${q.keyword}%`);
    if (q.status) where.status = q.status;
    if (q.level) where.level = q.level;
    const [rows, total] = await this.escorts.findAndCount({ where, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const names = await this.cities.nameMap();
    const list = [];
    for (const e of rows) list.push(await this.staffView(e, names));
    return toPage(list, total, q);
  }

  /**
   * Active escorts of a city for customers, filtered, sorted and paged in the database. The city's
   * active escorts come through idx_escorts_public_list (city, status, orders served), which also
   * gives the default order; the other filters are simple comparisons on those rows.
   */
  async publicList(q: PublicEscortQuery, now = new Date()): Promise<Page<ReturnType<EscortService['publicView']>>> {
    const qb = this.escorts
      .createQueryBuilder('e')
      .select(PUBLIC_COLUMNS.map(c => `e.${c}`))
      .where('e.city_id = :cityId AND e.status = :status', { cityId: q.cityId, status: 'active' });
    if (q.gender) qb.andWhere('e.gender = :gender', { gender: q.gender });
    if (q.level) qb.andWhere('e.level = :level', { level: q.level });
    if (q.minExperienceYears) qb.andWhere('e.experience_years >= :minExperience', { minExperience: q.minExperienceYears });
    if (q.ageBand) {
      const { from, to } = birthYearRange(q.ageBand, now);
      qb.andWhere('e.birth_year BETWEEN :bornFrom AND :bornTo', { bornFrom: from, bornTo: to });
    }
    if (q.district) qb.andWhere("e.service_districts LIKE :district ESCAPE '!'", { district: jsonListEntryPattern(q.district) });
    if (q.skill) qb.andWhere("e.skills LIKE :skill ESCAPE '!'", { skill: jsonListEntryPattern(q.skill) });
    if (q.sort === 'rating') {
      // Best average first; unrated escorts last (NULL sorts last descending on SQLite and MySQL alike).
      qb.orderBy('e.rating_total * 1.0 / NULLIF(e.rating_count, 0)', 'DESC').addOrderBy('e.rating_count', 'DESC').addOrderBy('e.orders_served', 'DESC');
    } else {
      qb.orderBy('e.orders_served', 'DESC');
    }
    qb.addOrderBy('e.id', 'ASC');
    const total = await qb.getCount();
    const rows = total > (q.page - 1) * q.pageSize ? await qb.offset((q.page - 1) * q.pageSize).limit(q.pageSize).getMany() : [];
    return toPage(rows.map(e => this.publicView(e, now)), total, q);
  }

  /** The public photo: only an active escort's current profile photo. */
  async publicPhoto(id: number) {
    const e = await this.escorts.findOne({ where: { id, status: 'active' } });
    if (!e || !e.photoFileId) throw Errors.notFound('照片');
    const f = await this.files.find(e.photoFileId);
    if (!f || f.escortId !== e.id || f.purpose !== 'photo') throw Errors.notFound('照片');
    return { file: f, content: await this.files.read(f) };
  }

  private async profileColumns(escortId: number | null, dto: EscortUpdateDTO, manager: EntityManager): Promise<Partial<Escort>> {
    const cols: Partial<Escort> = {};
    if (dto.name !== undefined) cols.name = dto.name;
    if (dto.gender !== undefined) cols.gender = dto.gender;
    if (dto.level !== undefined) cols.level = dto.level;
    if (dto.phone !== undefined) {
      cols.phoneEnc = this.cipherService.encrypt(dto.phone);
      cols.phoneHash = this.cipherService.phoneIndex(dto.phone);
    }
    if (dto.birthYear !== undefined) cols.birthYear = dto.birthYear;
    if (dto.education !== undefined) cols.education = dto.education;
    if (dto.experienceYears !== undefined) cols.experienceYears = dto.experienceYears;
    if (dto.serviceDistricts !== undefined) cols.serviceDistricts = dto.serviceDistricts;
    if (dto.skills !== undefined) cols.skills = dto.skills;
    if (dto.bio !== undefined) cols.bio = dto.bio;
    if (dto.baseAddress !== undefined) cols.baseAddress = dto.baseAddress;
    if (dto.baseLatitude !== undefined) cols.baseLatitudeE6 = dto.baseLatitude === null ? null : parseMicroDegrees(dto.baseLatitude, 90);
    if (dto.baseLongitude !== undefined) cols.baseLongitudeE6 = dto.baseLongitude === null ? null : parseMicroDegrees(dto.baseLongitude, 180);
    if (cols.baseLatitudeE6 === null && dto.baseLatitude) throw Errors.validation('纬度超出范围');
    if (cols.baseLongitudeE6 === null && dto.baseLongitude) throw Errors.validation('经度超出范围');
    if (dto.photoFileId !== undefined) {
      if (dto.photoFileId !== null) {
        if (escortId === null) throw Errors.validation('新建陪诊师时不能指定照片，请先创建再上传');
        await this.files.assertUsable(manager, escortId, dto.photoFileId, ['photo']);
      }
      cols.photoFileId = dto.photoFileId;
    }
    return cols;
  }

  /** Staff register an escort (an applicant until their application is approved). */
  async create(ctx: AuditContext, dto: EscortCreateDTO, cityIds: number[] | null) {
    if (cityIds !== null && !cityIds.includes(dto.cityId)) throw Errors.cityScope();
    await this.cities.assertExist([dto.cityId]);
    const id = await this.tx.run(async manager => {
      const cols = await this.profileColumns(null, dto, manager);
      try {
        const inserted = await manager.getRepository(Escort).insert({ ...cols, cityId: dto.cityId, status: 'applicant', level: dto.level ?? 'junior' } as Escort);
        const newId = inserted.identifiers[0].id as number;
        await this.audit.record(ctx, { action: 'escort.create', targetType: 'escort', targetId: newId, after: { ...dto } }, manager);
        return newId;
      } catch (err) {
        if (isUniqueViolation(err)) throw Errors.conflict('ESCORT_PHONE_TAKEN', '该手机号已登记为陪诊师');
        throw err;
      }
    });
    this.factsVersion.bump();
    return this.staffView(await this.mustFind(id));
  }

  async update(ctx: AuditContext, id: number, dto: EscortUpdateDTO, cityIds: number[] | null) {
    const before = await this.mustFindInScope(id, cityIds);
    await this.tx.run(async manager => {
      const cols = await this.profileColumns(id, dto, manager);
      if (!Object.keys(cols).length) return;
      try {
        await manager.getRepository(Escort).update({ id }, cols);
      } catch (err) {
        if (isUniqueViolation(err)) throw Errors.conflict('ESCORT_PHONE_TAKEN', '该手机号已登记为陪诊师');
        throw err;
      }
      await this.audit.record(ctx, { action: 'escort.update', targetType: 'escort', targetId: id, before: { level: before.level, name: before.name }, after: { ...dto } }, manager);
    });
    this.factsVersion.bump();
    return this.staffView(await this.mustFind(id));
  }

  /**
   * Status change by compare-and-swap, inside the caller's transaction: `from` is what the escort
   * must still be, so two reviewers (or a reviewer and a suspension) cannot both win.
   */
  async swapStatus(manager: EntityManager, id: number, from: EscortStatus[], to: EscortStatus, extra: Partial<Escort> = {}): Promise<boolean> {
    const res = await manager
      .createQueryBuilder()
      .update(Escort)
      .set({ ...extra, status: to })
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return Boolean(res.affected);
  }

  /** Counted when an order completes, in its transaction. */
  async recordServed(manager: EntityManager, id: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Escort)
      .set({ ordersServed: () => 'orders_served + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** For the reviews module: one review's stars (1-5). */
  async recordRating(manager: EntityManager, id: number, stars: number): Promise<void> {
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw Errors.validation('评分应为 1-5 星');
    await manager
      .createQueryBuilder()
      .update(Escort)
      .set({ ratingTotal: () => `rating_total + ${stars}`, ratingCount: () => 'rating_count + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** For the reviews module: a hidden review's stars no longer count. */
  async withdrawRating(manager: EntityManager, id: number, stars: number): Promise<void> {
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw Errors.validation('评分应为 1-5 星');
    await manager
      .createQueryBuilder()
      .update(Escort)
      .set({ ratingTotal: () => `rating_total - ${stars}`, ratingCount: () => 'rating_count - 1' })
      .where('id = :id AND rating_count > 0', { id })
      .execute();
  }

  /** Every escort of a city with what ranking needs, as plain rows (thousands per city; dispatch caches them). */
  async dispatchFacts(cityId: number): Promise<EscortDispatchFacts[]> {
    const rows = await this.escorts
      .createQueryBuilder('e')
      .select([
        'e.id AS id',
        'e.name AS name',
        'e.city_id AS cityId',
        'e.status AS status',
        'e.level AS level',
        'e.base_latitude_e6 AS lat',
        'e.base_longitude_e6 AS lng',
        'e.skills AS skills',
        'e.rating_total AS ratingTotal',
        'e.rating_count AS ratingCount',
      ])
      .where('e.city_id = :cityId', { cityId })
      .getRawMany();
    return rows.map(r => ({
      id: Number(r.id),
      name: r.name,
      cityId: Number(r.cityId),
      status: r.status,
      level: r.level,
      baseLatitudeE6: r.lat === null ? null : Number(r.lat),
      baseLongitudeE6: r.lng === null ? null : Number(r.lng),
      skills: r.skills ? (JSON.parse(r.skills) as string[]) : [],
      ratingTotal: Number(r.ratingTotal),
      ratingCount: Number(r.ratingCount),
    }));
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
