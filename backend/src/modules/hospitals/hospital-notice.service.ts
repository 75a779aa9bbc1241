import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Hospital } from './hospital.entity';
import { HospitalDepartment } from './hospital-department.entity';
import { HospitalNotice, NoticeLevel } from './hospital-notice.entity';
import { assertScope, HospitalService, NoticeView, noticeView } from './hospital.service';
import type { NoticeBoardQueryDTO, NoticeInputDTO } from './dto/hospital.dto';
import { AuditContext, AuditService } from '../audit/audit.service';
import { AppError, Errors } from '../../common/errors';
import { Page, toPage } from '../../common/pagination';

const noticeNotFound = () => new AppError(404, 'NOTICE_NOT_FOUND', '公告不存在');

/**
 * Time-limited hospital notices ("CT 机维修"): shown to customers while now ∈ [startsAt, endsAt),
 * listed on the console's notice board as active, upcoming or expired across the staff member's cities.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HospitalNoticeService {
  @InjectEntityModel(HospitalNotice)
  notices: Repository<HospitalNotice>;

  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  hospitals: HospitalService;

  @Inject()
  audit: AuditService;

  /** The notice board: notices of hospitals in the given cities (null = all), newest start first. */
  async board(q: NoticeBoardQueryDTO, cityIds: number[] | null, now = new Date()): Promise<Page<NoticeView>> {
    const qb = this.notices
      .createQueryBuilder('n')
      .innerJoin(Hospital, 'h', 'h.id = n.hospitalId')
      .leftJoin(HospitalDepartment, 'd', 'd.id = n.departmentId')
      .addSelect('h.name', 'hospital_name')
      .addSelect('d.name', 'department_name');
    if (cityIds !== null) qb.andWhere(cityIds.length ? 'h.cityId IN (:...cityIds)' : '1 = 0', { cityIds });
    if (q.hospitalId !== undefined) qb.andWhere('n.hospitalId = :hospitalId', { hospitalId: q.hospitalId });
    if (q.status === 'active') qb.andWhere('n.startsAt <= :now AND n.endsAt > :now', { now });
    if (q.status === 'upcoming') qb.andWhere('n.startsAt > :now', { now });
    if (q.status === 'expired') qb.andWhere('n.endsAt <= :now', { now });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('n.startsAt', q.status === 'upcoming' ? 'ASC' : 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities();
    const extra = new Map(raw.map(r => [Number(r.n_id), { hospitalName: r.hospital_name as string, departmentName: (r.department_name as string) ?? null }]));
    return toPage(
      entities.map(n => noticeView(n, extra.get(n.id)?.hospitalName ?? '', extra.get(n.id)?.departmentName ?? null, now)),
      total,
      q
    );
  }

  async create(ctx: AuditContext, hospitalId: number, dto: NoticeInputDTO): Promise<NoticeView> {
    assertRange(dto);
    return this.dataSource.transaction(async manager => {
      const hospital = await this.hospitals.mustFind(hospitalId, manager);
      assertScope(ctx, hospital.cityId);
      const departmentName = await departmentNameOf(manager, hospitalId, dto.departmentId ?? null);
      const repo = manager.getRepository(HospitalNotice);
      const saved = await repo.save(repo.create({ hospitalId, ...noticeValues(dto) }));
      const view = noticeView(saved, hospital.name, departmentName, new Date());
      await this.audit.record(ctx, { action: 'hospital_notice.create', targetType: 'hospital_notice', targetId: saved.id, after: view }, manager);
      return view;
    });
  }

  async update(ctx: AuditContext, noticeId: number, dto: NoticeInputDTO): Promise<NoticeView> {
    assertRange(dto);
    return this.dataSource.transaction(async manager => {
      const { notice, hospital } = await this.mustFindInScope(ctx, manager, noticeId);
      const before = noticeView(notice, hospital.name, await departmentNameOf(manager, hospital.id, notice.departmentId), new Date());
      const departmentName = await departmentNameOf(manager, hospital.id, dto.departmentId ?? null);
      await manager.getRepository(HospitalNotice).update({ id: noticeId }, noticeValues(dto));
      const saved = await manager.getRepository(HospitalNotice).findOneByOrFail({ id: noticeId });
      const after = noticeView(saved, hospital.name, departmentName, new Date());
      await this.audit.record(ctx, { action: 'hospital_notice.update', targetType: 'hospital_notice', targetId: noticeId, before, after }, manager);
      return after;
    });
  }

  /** Ends an active or upcoming notice now (the CT machine was repaired early). */
  async endNow(ctx: AuditContext, noticeId: number): Promise<NoticeView> {
    return this.dataSource.transaction(async manager => {
      const { notice, hospital } = await this.mustFindInScope(ctx, manager, noticeId);
      const now = wholeSecond(new Date());
      const departmentName = await departmentNameOf(manager, hospital.id, notice.departmentId);
      const before = noticeView(notice, hospital.name, departmentName, now);
      if (before.status === 'expired') throw Errors.rule('NOTICE_ALREADY_ENDED', '该公告已结束');
      // An upcoming notice ends before it starts: its window becomes empty [now, now).
      const startsAt = notice.startsAt > now ? now : notice.startsAt;
      await manager.getRepository(HospitalNotice).update({ id: noticeId }, { startsAt, endsAt: now });
      const after = noticeView({ ...notice, startsAt, endsAt: now }, hospital.name, departmentName, now);
      await this.audit.record(ctx, { action: 'hospital_notice.end', targetType: 'hospital_notice', targetId: noticeId, before, after }, manager);
      return after;
    });
  }

  async remove(ctx: AuditContext, noticeId: number): Promise<void> {
    await this.dataSource.transaction(async manager => {
      const { notice, hospital } = await this.mustFindInScope(ctx, manager, noticeId);
      const before = noticeView(notice, hospital.name, await departmentNameOf(manager, hospital.id, notice.departmentId), new Date());
      await manager.getRepository(HospitalNotice).delete({ id: noticeId });
      await this.audit.record(ctx, { action: 'hospital_notice.delete', targetType: 'hospital_notice', targetId: noticeId, before }, manager);
    });
  }

  private async mustFindInScope(ctx: AuditContext, manager: EntityManager, noticeId: number) {
    const notice = await manager.getRepository(HospitalNotice).findOne({ where: { id: noticeId } });
    if (!notice) throw noticeNotFound();
    const hospital = await this.hospitals.mustFind(notice.hospitalId, manager);
    assertScope(ctx, hospital.cityId);
    return { notice, hospital };
  }
}

function assertRange(dto: NoticeInputDTO): void {
  if (dto.endsAt.getTime() <= dto.startsAt.getTime()) throw Errors.validation('结束时间必须晚于开始时间');
}

function noticeValues(dto: NoticeInputDTO) {
  return {
    departmentId: dto.departmentId ?? null,
    title: dto.title,
    content: dto.content,
    level: (dto.level ?? 'info') as NoticeLevel,
    startsAt: wholeSecond(dto.startsAt),
    endsAt: wholeSecond(dto.endsAt),
  };
}

/** SQLite keeps datetimes to the second and MySQL's DATETIME rounds: store whole seconds on both. */
function wholeSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** The department's name; 422 when it is not a department of this hospital. */
async function departmentNameOf(manager: EntityManager, hospitalId: number, departmentId: number | null): Promise<string | null> {
  if (departmentId === null) return null;
  const d = await manager.getRepository(HospitalDepartment).findOne({ where: { id: departmentId, hospitalId } });
  if (!d) throw Errors.rule('DEPARTMENT_NOT_IN_HOSPITAL', '所选科室不属于该医院');
  return d.name;
}
