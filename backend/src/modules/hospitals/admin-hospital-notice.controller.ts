import { Body, Controller, Del, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { HospitalNoticeService } from './hospital-notice.service';
import { NoticeBoardQueryDTO, NoticeInputDTO } from './dto/hospital.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { parseId } from '../../common/params';

@ApiTags('admin-hospital-notices')
@Audience('staff')
@Controller('/api/admin')
export class AdminHospitalNoticeController {
  @Inject()
  ctx: Context;

  @Inject()
  notices: HospitalNoticeService;

  @Get('/hospital-notices', { summary: '公告栏：城市范围内各医院的公告（生效中 / 未开始 / 已结束）' })
  @RequirePermission('hospital:read')
  async board(@Query() q: NoticeBoardQueryDTO) {
    return this.notices.board(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Put('/hospital-notices/:id', { summary: '修改公告' })
  @RequirePermission('hospital:write')
  async update(@Param('id') id: string, @Body() body: NoticeInputDTO) {
    return this.notices.update(auditContext(this.ctx), parseId(id), body);
  }

  @Post('/hospital-notices/:id/end', { summary: '立即结束公告' })
  @RequirePermission('hospital:write')
  async end(@Param('id') id: string) {
    return this.notices.endNow(auditContext(this.ctx), parseId(id));
  }

  @Del('/hospital-notices/:id', { summary: '删除公告' })
  @RequirePermission('hospital:write')
  async remove(@Param('id') id: string) {
    await this.notices.remove(auditContext(this.ctx), parseId(id));
    return { ok: true };
  }
}
