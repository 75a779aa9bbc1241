import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { EscortApplicationService } from './escort-application.service';
import { Decider, EscortCredentialService } from './escort-credential.service';
import { EscortFileService } from './escort-file.service';
import { EscortService } from './escort.service';
import { ApproveDTO, RejectDTO, ReviewQueryDTO } from './dto/escort.dto';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { sendStoredFile } from '../../common/http/raw-upload';
import { AuditService } from '../audit/audit.service';
import { Errors } from '../../common/errors';
import { parseId } from '../../common/params';

/** The review queue: applications and credentials waiting for a decision, and the files behind them. */
@ApiTags('admin-escort-reviews')
@Audience('staff')
@Controller('/api/admin')
export class AdminEscortReviewController {
  @Inject()
  ctx: Context;

  @Inject()
  applications: EscortApplicationService;

  @Inject()
  credentials: EscortCredentialService;

  @Inject()
  files: EscortFileService;

  @Inject()
  escorts: EscortService;

  @Inject()
  audit: AuditService;

  private get reviewer(): Decider {
    const p = principalOf(this.ctx);
    return { type: 'staff', id: p.userId, name: p.displayName };
  }

  private get scope() {
    return principalOf(this.ctx).cityIds;
  }

  @Get('/escort-applications', { summary: '入驻申请（默认待审核队列，先到先审）' })
  @RequirePermission('escort:review')
  async applicationList(@Query() q: ReviewQueryDTO) {
    return this.applications.list(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Get('/escort-applications/:id', { summary: '入驻申请详情（身份证脱敏、证件图片链接、证书、审核记录）' })
  @RequirePermission('escort:review')
  async applicationDetail(@Param('id') id: string) {
    return this.applications.detail(parseId(id), this.scope);
  }

  @Post('/escort-applications/:id/approve', { summary: '通过入驻申请（陪诊师转为在岗，通知本人）' })
  @RequirePermission('escort:review')
  async approveApplication(@Param('id') id: string, @Body() body: ApproveDTO) {
    return this.applications.decide(auditContext(this.ctx), parseId(id), true, body.reason, this.reviewer, this.scope);
  }

  @Post('/escort-applications/:id/reject', { summary: '驳回入驻申请（需填写原因，通知本人）' })
  @RequirePermission('escort:review')
  async rejectApplication(@Param('id') id: string, @Body() body: RejectDTO) {
    return this.applications.decide(auditContext(this.ctx), parseId(id), false, body.reason, this.reviewer, this.scope);
  }

  @Get('/escort-credentials', { summary: '证书（默认待审核队列；status=expired 查看已过期）' })
  @RequirePermission('escort:review')
  async credentialList(@Query() q: ReviewQueryDTO) {
    return this.credentials.list(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }

  @Post('/escort-credentials/:id/approve', { summary: '通过证书（之后可派需要该资质的服务）' })
  @RequirePermission('escort:review')
  async approveCredential(@Param('id') id: string, @Body() body: ApproveDTO) {
    return this.credentials.decide(auditContext(this.ctx), parseId(id), true, body.reason, this.reviewer, this.scope);
  }

  @Post('/escort-credentials/:id/reject', { summary: '驳回证书（需填写原因，通知本人）' })
  @RequirePermission('escort:review')
  async rejectCredential(@Param('id') id: string, @Body() body: RejectDTO) {
    return this.credentials.decide(auditContext(this.ctx), parseId(id), false, body.reason, this.reviewer, this.scope);
  }

  /**
   * The bytes of an uploaded file, for reviewers only, never cached. Opening an ID card image
   * shows the whole ID number, so it leaves an audit row like any other reveal of personal data.
   */
  @Get('/escort-files/:id', { summary: '查看陪诊师上传的文件（仅审核权限；不缓存；查看身份证留审计记录）' })
  @RequirePermission('escort:review')
  async file(@Param('id') id: string) {
    const f = await this.files.find(parseId(id));
    if (!f) throw Errors.notFound('文件');
    await this.escorts.mustFindInScope(f.escortId, this.scope);
    const content = await this.files.read(f);
    if (f.purpose === 'id_front' || f.purpose === 'id_back') {
      await this.audit.record(auditContext(this.ctx), { action: 'escort.file.view', targetType: 'escort_file', targetId: f.id, after: { escortId: f.escortId, purpose: f.purpose } });
    }
    return sendStoredFile(this.ctx, f, content);
  }
}
