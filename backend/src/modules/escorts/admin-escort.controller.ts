import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { EscortService } from './escort.service';
import { EscortFileService } from './escort-file.service';
import { EscortCredentialService } from './escort-credential.service';
import { CredentialDTO, EscortAdminQueryDTO, EscortCreateDTO, EscortUpdateDTO, UploadQueryDTO } from './dto/escort.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { readRawBody } from '../../common/http/raw-upload';
import { parseId } from '../../common/params';
import { MAX_UPLOAD_BYTES } from './file-checks';

@ApiTags('admin-escorts')
@Audience('staff')
@Controller('/api/admin')
export class AdminEscortController {
  @Inject()
  ctx: Context;

  @Inject()
  escorts: EscortService;

  @Inject()
  files: EscortFileService;

  @Inject()
  credentials: EscortCredentialService;

  private get scope() {
    return principalOf(this.ctx).cityIds;
  }

  @Get('/escorts', { summary: '陪诊师列表（按城市范围；可按状态、等级筛选）' })
  @RequirePermission('escort:read')
  async list(@Query() q: EscortAdminQueryDTO) {
    return this.escorts.list(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Post('/escorts', { summary: '登记陪诊师（待入驻审核；之后可用手机号登录工作台提交申请）' })
  @RequirePermission('escort:write')
  async create(@Body() body: EscortCreateDTO) {
    return this.escorts.create(auditContext(this.ctx), body, this.scope);
  }

  @Get('/escorts/:id', { summary: '陪诊师档案（含证书）' })
  @RequirePermission('escort:read')
  async detail(@Param('id') id: string) {
    const e = await this.escorts.mustFindInScope(parseId(id), this.scope);
    return { ...(await this.escorts.staffView(e)), credentials: await this.credentials.listOwn(e.id) };
  }

  @Put('/escorts/:id', { summary: '修改陪诊师档案（等级决定分成比例）' })
  @RequirePermission('escort:write')
  async update(@Param('id') id: string, @Body() body: EscortUpdateDTO) {
    return this.escorts.update(auditContext(this.ctx), parseId(id), body, this.scope);
  }

  @Post('/escorts/:id/files', { summary: '代陪诊师上传文件（请求体为文件内容 application/octet-stream；JPG/PNG/PDF，≤5MB）' })
  @RequirePermission('escort:write')
  async upload(@Param('id') id: string, @Query() q: UploadQueryDTO) {
    const e = await this.escorts.mustFindInScope(parseId(id), this.scope);
    const content = await readRawBody(this.ctx, MAX_UPLOAD_BYTES);
    const f = await this.files.store(e.id, q.purpose, q.filename, content, { type: 'staff', id: principalOf(this.ctx).userId });
    return { id: f.id, purpose: f.purpose, mime: f.mime, sizeBytes: f.sizeBytes };
  }

  @Post('/escorts/:id/credentials', { summary: '代陪诊师录入证书（待审核）' })
  @RequirePermission('escort:write')
  async addCredential(@Param('id') id: string, @Body() body: CredentialDTO) {
    const e = await this.escorts.mustFindInScope(parseId(id), this.scope);
    return this.credentials.submit(e.id, body, { audit: auditContext(this.ctx) });
  }

  @Get('/escorts/:id/review-history', { summary: '审核记录（入驻申请与证书的每次决定）' })
  @RequirePermission('escort:review')
  async history(@Param('id') id: string) {
    const e = await this.escorts.mustFindInScope(parseId(id), this.scope);
    return this.credentials.history(e.id);
  }
}
