import { Body, Controller, Del, Get, Inject, Param, Post, Put } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { PatientService } from './patient.service';
import { PatientInputDTO } from './dto/patient.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** A customer's own patients, shown whole to them. Another customer's patient is simply not found. */
@ApiTags('app-patients')
@Audience('customer')
@Controller('/api/app')
export class AppPatientController {
  @Inject()
  ctx: Context;

  @Inject()
  patients: PatientService;

  @Get('/patients', { summary: '我的就诊人' })
  async list() {
    return this.patients.listOwn(principalOf(this.ctx).userId);
  }

  @Get('/patients/:id', { summary: '就诊人详情' })
  async detail(@Param('id') id: string) {
    return this.patients.getOwnFull(principalOf(this.ctx).userId, parseId(id));
  }

  @Post('/patients', { summary: '添加就诊人（每个账号最多 10 位）' })
  async create(@Body() body: PatientInputDTO) {
    return this.patients.create(principalOf(this.ctx).userId, body);
  }

  @Put('/patients/:id', { summary: '修改就诊人（提交完整资料）' })
  async update(@Param('id') id: string, @Body() body: PatientInputDTO) {
    return this.patients.update(principalOf(this.ctx).userId, parseId(id), body);
  }

  @Del('/patients/:id', { summary: '删除就诊人' })
  async remove(@Param('id') id: string) {
    await this.patients.remove(principalOf(this.ctx).userId, parseId(id));
    return { ok: true };
  }
}
