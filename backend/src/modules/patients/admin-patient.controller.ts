import { Controller, Get, Inject, Param, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { PatientService } from './patient.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** Patients in the console: masked by default; whole only through an audited reveal. */
@ApiTags('admin-patients')
@Audience('staff')
@Controller('/api/admin')
export class AdminPatientController {
  @Inject()
  ctx: Context;

  @Inject()
  patients: PatientService;

  @Get('/customers/:id/patients', { summary: '客户的就诊人（脱敏）' })
  @RequirePermission('customer:read')
  async listForCustomer(@Param('id') id: string) {
    return this.patients.listForCustomer(parseId(id));
  }

  @Post('/patients/:id/reveal', { summary: '查看就诊人完整信息（记审计日志）' })
  @RequirePermission('customer:read', 'pii:reveal')
  async reveal(@Param('id') id: string) {
    return this.patients.reveal(auditContext(this.ctx), parseId(id));
  }
}
