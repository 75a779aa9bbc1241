import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HospitalDepartment } from './hospital-department.entity';
import { HospitalNotice } from './hospital-notice.entity';
import { MeetingPoint } from './meeting-point.entity';
import { StepTemplate } from './step-template.entity';
import {
  assertScope,
  departmentNotFound,
  DepartmentView,
  departmentView,
  HospitalService,
  MeetingPointView,
  meetingPointView,
  StepTemplateView,
  stepTemplateView,
} from './hospital.service';
import type { DepartmentInputDTO, MeetingPointInputDTO } from './dto/hospital.dto';
import { AuditContext, AuditService } from '../audit/audit.service';
import { AppError } from '../../common/errors';

/**
 * A hospital's departments, meeting points and step templates, kept by staff. Every write checks
 * the hospital's city against the staff member's scope and leaves its audit row in the same
 * transaction; department writes also refresh the hospital's search terms.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HospitalContentService {
  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  hospitals: HospitalService;

  @Inject()
  audit: AuditService;

  // ---- departments --------------------------------------------------------------------------

  async createDepartment(ctx: AuditContext, hospitalId: number, dto: DepartmentInputDTO): Promise<DepartmentView> {
    return this.write(ctx, hospitalId, async manager => {
      const repo = manager.getRepository(HospitalDepartment);
      const saved = await repo.save(repo.create({ hospitalId, ...departmentValues(dto) }));
      await this.hospitals.reindex(manager, hospitalId);
      const view = departmentView(saved);
      await this.audit.record(ctx, { action: 'hospital_department.create', targetType: 'hospital_department', targetId: saved.id, after: view }, manager);
      return view;
    });
  }

  async updateDepartment(ctx: AuditContext, hospitalId: number, departmentId: number, dto: DepartmentInputDTO): Promise<DepartmentView> {
    return this.write(ctx, hospitalId, async manager => {
      const repo = manager.getRepository(HospitalDepartment);
      const before = departmentView(await mustFindDepartment(manager, hospitalId, departmentId));
      await repo.update({ id: departmentId }, departmentValues(dto));
      await this.hospitals.reindex(manager, hospitalId);
      const after = departmentView(await mustFindDepartment(manager, hospitalId, departmentId));
      await this.audit.record(ctx, { action: 'hospital_department.update', targetType: 'hospital_department', targetId: departmentId, before, after }, manager);
      return after;
    });
  }

  /** Notices about the department stay, now addressed to the whole hospital. */
  async deleteDepartment(ctx: AuditContext, hospitalId: number, departmentId: number): Promise<void> {
    await this.write(ctx, hospitalId, async manager => {
      const before = departmentView(await mustFindDepartment(manager, hospitalId, departmentId));
      await manager.getRepository(HospitalNotice).update({ hospitalId, departmentId }, { departmentId: null });
      await manager.getRepository(HospitalDepartment).delete({ id: departmentId });
      await this.hospitals.reindex(manager, hospitalId);
      await this.audit.record(ctx, { action: 'hospital_department.delete', targetType: 'hospital_department', targetId: departmentId, before }, manager);
    });
  }

  // ---- meeting points -----------------------------------------------------------------------

  async createMeetingPoint(ctx: AuditContext, hospitalId: number, dto: MeetingPointInputDTO): Promise<MeetingPointView> {
    return this.write(ctx, hospitalId, async manager => {
      const repo = manager.getRepository(MeetingPoint);
      const saved = await repo.save(repo.create({ hospitalId, name: dto.name, description: dto.description ?? '' }));
      const view = meetingPointView(saved);
      await this.audit.record(ctx, { action: 'meeting_point.create', targetType: 'meeting_point', targetId: saved.id, after: view }, manager);
      return view;
    });
  }

  async updateMeetingPoint(ctx: AuditContext, hospitalId: number, pointId: number, dto: MeetingPointInputDTO): Promise<MeetingPointView> {
    return this.write(ctx, hospitalId, async manager => {
      const repo = manager.getRepository(MeetingPoint);
      const before = meetingPointView(await mustFindMeetingPoint(manager, hospitalId, pointId));
      await repo.update({ id: pointId }, { name: dto.name, description: dto.description ?? '' });
      const after = meetingPointView(await mustFindMeetingPoint(manager, hospitalId, pointId));
      await this.audit.record(ctx, { action: 'meeting_point.update', targetType: 'meeting_point', targetId: pointId, before, after }, manager);
      return after;
    });
  }

  async deleteMeetingPoint(ctx: AuditContext, hospitalId: number, pointId: number): Promise<void> {
    await this.write(ctx, hospitalId, async manager => {
      const before = meetingPointView(await mustFindMeetingPoint(manager, hospitalId, pointId));
      await manager.getRepository(MeetingPoint).delete({ id: pointId });
      await this.audit.record(ctx, { action: 'meeting_point.delete', targetType: 'meeting_point', targetId: pointId, before }, manager);
    });
  }

  // ---- step templates -----------------------------------------------------------------------

  /** One template per (hospital, category): saving replaces the steps in the order given. */
  async saveStepTemplate(ctx: AuditContext, hospitalId: number, categoryCode: string, steps: string[]): Promise<StepTemplateView> {
    return this.write(ctx, hospitalId, async manager => {
      const repo = manager.getRepository(StepTemplate);
      const current = await repo.findOne({ where: { hospitalId, categoryCode } });
      const before = current ? stepTemplateView(current) : null;
      if (current) await repo.update({ id: current.id }, { steps });
      else await repo.insert({ hospitalId, categoryCode, steps });
      const after = stepTemplateView(await repo.findOneOrFail({ where: { hospitalId, categoryCode } }));
      await this.audit.record(ctx, { action: 'step_template.save', targetType: 'step_template', targetId: after.id, before, after }, manager);
      return after;
    });
  }

  async deleteStepTemplate(ctx: AuditContext, hospitalId: number, categoryCode: string): Promise<void> {
    await this.write(ctx, hospitalId, async manager => {
      const repo = manager.getRepository(StepTemplate);
      const current = await repo.findOne({ where: { hospitalId, categoryCode } });
      if (!current) throw new AppError(404, 'STEP_TEMPLATE_NOT_FOUND', '该服务的流程模板不存在');
      await repo.delete({ id: current.id });
      await this.audit.record(ctx, { action: 'step_template.delete', targetType: 'step_template', targetId: current.id, before: stepTemplateView(current) }, manager);
    });
  }

  /** Runs a write in one transaction after checking the hospital exists and is in the caller's cities. */
  private async write<T>(ctx: AuditContext, hospitalId: number, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async manager => {
      const hospital = await this.hospitals.mustFind(hospitalId, manager);
      assertScope(ctx, hospital.cityId);
      return work(manager);
    });
  }
}

function departmentValues(dto: DepartmentInputDTO) {
  return {
    name: dto.name,
    building: dto.building ?? '',
    floor: dto.floor ?? '',
    room: dto.room ?? '',
    phone: dto.phone ?? '',
    notes: dto.notes ?? '',
  };
}

async function mustFindDepartment(manager: EntityManager, hospitalId: number, id: number): Promise<HospitalDepartment> {
  const d = await manager.getRepository(HospitalDepartment).findOne({ where: { id, hospitalId } });
  if (!d) throw departmentNotFound();
  return d;
}

async function mustFindMeetingPoint(manager: EntityManager, hospitalId: number, id: number): Promise<MeetingPoint> {
  const p = await manager.getRepository(MeetingPoint).findOne({ where: { id, hospitalId } });
  if (!p) throw new AppError(404, 'MEETING_POINT_NOT_FOUND', '集合点不存在');
  return p;
}
