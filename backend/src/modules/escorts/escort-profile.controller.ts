import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { EscortService } from './escort.service';
import { EscortFileService } from './escort-file.service';
import { EscortApplicationService } from './escort-application.service';
import { EscortCredentialService } from './escort-credential.service';
import { ApplicationDTO, CredentialDTO, UploadQueryDTO } from './dto/escort.dto';
import { MAX_UPLOAD_BYTES } from './file-checks';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { readRawBody, sendStoredFile } from '../../common/http/raw-upload';
import { Errors } from '../../common/errors';
import { parseId } from '../../common/params';

/** The escort's own profile, uploads, application and credentials. */
@ApiTags('escort-profile')
@Audience('escort')
@Controller('/api/escort')
export class EscortProfileController {
  @Inject()
  ctx: Context;

  @Inject()
  escorts: EscortService;

  @Inject()
  files: EscortFileService;

  @Inject()
  applications: EscortApplicationService;

  @Inject()
  credentials: EscortCredentialService;

  private get me() {
    return principalOf(this.ctx).userId;
  }

  @Get('/profile', { summary: '我的档案（等级、分成比例、服务统计）' })
  async profile() {
    return this.escorts.staffView(await this.escorts.mustFind(this.me));
  }

  @Post('/files', { summary: '上传文件（请求体为文件内容 application/octet-stream；JPG/PNG/PDF，≤5MB；返回文件 ID）' })
  async upload(@Query() q: UploadQueryDTO) {
    const content = await readRawBody(this.ctx, MAX_UPLOAD_BYTES);
    const f = await this.files.store(this.me, q.purpose, q.filename, content, { type: 'escort', id: this.me });
    return { id: f.id, purpose: f.purpose, mime: f.mime, sizeBytes: f.sizeBytes };
  }

  @Get('/files/:id', { summary: '查看自己上传的文件' })
  async file(@Param('id') id: string) {
    const f = await this.files.find(parseId(id));
    if (!f || f.escortId !== this.me) throw Errors.notFound('文件');
    return sendStoredFile(this.ctx, f, await this.files.read(f));
  }

  @Get('/application', { summary: '我的入驻申请与证书' })
  async application() {
    return this.applications.mine(this.me);
  }

  @Post('/application', { summary: '提交入驻申请（身份证号加密保存，需先上传身份证两面）' })
  async apply(@Body() body: ApplicationDTO) {
    return this.applications.apply(this.me, body);
  }

  @Get('/credentials', { summary: '我的证书' })
  async credentialList() {
    return this.credentials.listOwn(this.me);
  }

  @Post('/credentials', { summary: '提交证书（健康证、培训证书等，待审核）' })
  async addCredential(@Body() body: CredentialDTO) {
    return this.credentials.submit(this.me, body);
  }
}
