import { Body, Controller, Del, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiProperty, ApiTags } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { HospitalService } from './hospital.service';
import { HospitalContentService } from './hospital-content.service';
import { HospitalNoticeService } from './hospital-notice.service';
import {
  CATEGORY_CODES,
  DepartmentInputDTO,
  HospitalInputDTO,
  HospitalQueryDTO,
  MeetingPointInputDTO,
  NoticeInputDTO,
  StepTemplateInputDTO,
} from './dto/hospital.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { PageQueryDTO } from '../../common/dto';
import { Errors } from '../../common/errors';
import { parseId } from '../../common/params';

/** City filter plus keyword, shared by the console's hospital and escort lists. */
export class CityKeywordQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;
}

function parseCategory(code: string): string {
  if (!CATEGORY_CODES.includes(code)) throw Errors.validation('服务类别不正确');
  return code;
}

@ApiTags('admin-hospitals')
@Audience('staff')
@Controller('/api/admin')
export class AdminHospitalController {
  @Inject()
  ctx: Context;

  @Inject()
  hospitals: HospitalService;

  @Inject()
  content: HospitalContentService;

  @Inject()
  notices: HospitalNoticeService;

  @Get('/hospitals', { summary: '医院列表（按城市范围，关键字走中文检索索引）' })
  @RequirePermission('hospital:read')
  async list(@Query() q: HospitalQueryDTO) {
    return this.hospitals.list(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Get('/hospitals/:id', { summary: '医院详情（科室、公告、集合点、流程模板）' })
  @RequirePermission('hospital:read')
  async detail(@Param('id') id: string) {
    return this.hospitals.detailForStaff(auditContext(this.ctx), parseId(id));
  }

  @Post('/hospitals', { summary: '新建医院' })
  @RequirePermission('hospital:write')
  async create(@Body() body: HospitalInputDTO) {
    return this.hospitals.create(auditContext(this.ctx), body);
  }

  @Put('/hospitals/:id', { summary: '修改医院资料' })
  @RequirePermission('hospital:write')
  async update(@Param('id') id: string, @Body() body: HospitalInputDTO) {
    return this.hospitals.update(auditContext(this.ctx), parseId(id), body);
  }

  @Post('/hospitals/:id/disable', { summary: '停用医院（用户端不再展示、不可预约）' })
  @RequirePermission('hospital:write')
  async disable(@Param('id') id: string) {
    return this.hospitals.setEnabled(auditContext(this.ctx), parseId(id), false);
  }

  @Post('/hospitals/:id/enable', { summary: '启用医院' })
  @RequirePermission('hospital:write')
  async enable(@Param('id') id: string) {
    return this.hospitals.setEnabled(auditContext(this.ctx), parseId(id), true);
  }

  @Post('/hospitals/:id/departments', { summary: '新增科室' })
  @RequirePermission('hospital:write')
  async createDepartment(@Param('id') id: string, @Body() body: DepartmentInputDTO) {
    return this.content.createDepartment(auditContext(this.ctx), parseId(id), body);
  }

  @Put('/hospitals/:id/departments/:departmentId', { summary: '修改科室' })
  @RequirePermission('hospital:write')
  async updateDepartment(@Param('id') id: string, @Param('departmentId') departmentId: string, @Body() body: DepartmentInputDTO) {
    return this.content.updateDepartment(auditContext(this.ctx), parseId(id), parseId(departmentId), body);
  }

  @Del('/hospitals/:id/departments/:departmentId', { summary: '删除科室（相关公告改为全院公告）' })
  @RequirePermission('hospital:write')
  async deleteDepartment(@Param('id') id: string, @Param('departmentId') departmentId: string) {
    await this.content.deleteDepartment(auditContext(this.ctx), parseId(id), parseId(departmentId));
    return { ok: true };
  }

  @Post('/hospitals/:id/meeting-points', { summary: '新增集合点' })
  @RequirePermission('hospital:write')
  async createMeetingPoint(@Param('id') id: string, @Body() body: MeetingPointInputDTO) {
    return this.content.createMeetingPoint(auditContext(this.ctx), parseId(id), body);
  }

  @Put('/hospitals/:id/meeting-points/:pointId', { summary: '修改集合点' })
  @RequirePermission('hospital:write')
  async updateMeetingPoint(@Param('id') id: string, @Param('pointId') pointId: string, @Body() body: MeetingPointInputDTO) {
    return this.content.updateMeetingPoint(auditContext(this.ctx), parseId(id), parseId(pointId), body);
  }

  @Del('/hospitals/:id/meeting-points/:pointId', { summary: '删除集合点' })
  @RequirePermission('hospital:write')
  async deleteMeetingPoint(@Param('id') id: string, @Param('pointId') pointId: string) {
    await this.content.deleteMeetingPoint(auditContext(this.ctx), parseId(id), parseId(pointId));
    return { ok: true };
  }

  @Put('/hospitals/:id/step-templates/:categoryCode', { summary: '保存某服务类别的流程模板（整体替换，按顺序）' })
  @RequirePermission('hospital:write')
  async saveStepTemplate(@Param('id') id: string, @Param('categoryCode') categoryCode: string, @Body() body: StepTemplateInputDTO) {
    return this.content.saveStepTemplate(auditContext(this.ctx), parseId(id), parseCategory(categoryCode), body.steps);
  }

  @Del('/hospitals/:id/step-templates/:categoryCode', { summary: '删除流程模板' })
  @RequirePermission('hospital:write')
  async deleteStepTemplate(@Param('id') id: string, @Param('categoryCode') categoryCode: string) {
    await this.content.deleteStepTemplate(auditContext(this.ctx), parseId(id), parseCategory(categoryCode));
    return { ok: true };
  }

  @Post('/hospitals/:id/notices', { summary: '发布医院公告' })
  @RequirePermission('hospital:write')
  async createNotice(@Param('id') id: string, @Body() body: NoticeInputDTO) {
    return this.notices.create(auditContext(this.ctx), parseId(id), body);
  }
}
