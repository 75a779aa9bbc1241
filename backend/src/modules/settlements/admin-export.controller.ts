import { Body, Controller, Get, Inject, Param, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { ExportService } from './export.service';
import { ExportJob } from './export-job.entity';
import { CreateExportDTO, ExportJobView } from './dto/settlement.dto';
import { EXPORT_CONTENT_TYPES } from '../../common/export/table-export';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** Exports run as jobs: create, poll the row count, download. Each user sees their own. */
@ApiTags('admin-exports')
@Audience('staff')
@Controller('/api/admin')
export class AdminExportController {
  @Inject()
  ctx: Context;

  @Inject()
  exports: ExportService;

  private get ownerId(): number {
    return principalOf(this.ctx).userId;
  }

  @Post('/exports', { summary: '发起导出（xlsx 或 CSV），后台生成，轮询进度后下载' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: ExportJobView })
  async create(@Body() body: CreateExportDTO) {
    const { kind, format, ...params } = body;
    return view(await this.exports.createJob(kind, format, params, auditContext(this.ctx)));
  }

  @Get('/exports', { summary: '我最近的导出' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: [ExportJobView] })
  async list() {
    return (await this.exports.listJobs(this.ownerId)).map(view);
  }

  @Get('/exports/:id', { summary: '导出进度' })
  @RequirePermission('settlement:read')
  @ApiOkResponse({ type: ExportJobView })
  async get(@Param('id') id: string) {
    return view(await this.exports.getJob(parseId(id), this.ownerId));
  }

  @Get('/exports/:id/download', { summary: '下载导出的文件' })
  @RequirePermission('settlement:read')
  async download(@Param('id') id: string) {
    const { job, stream } = await this.exports.openFile(parseId(id), this.ownerId);
    this.ctx.status = 200;
    this.ctx.type = EXPORT_CONTENT_TYPES[job.format];
    this.ctx.set('Cache-Control', 'private, no-store, max-age=0');
    this.ctx.set('X-Content-Type-Options', 'nosniff');
    this.ctx.set('Content-Length', String(job.sizeBytes));
    this.ctx.set('Content-Disposition', `attachment; filename="export-${job.id}.${job.format}"; filename*=UTF-8''${encodeURIComponent(job.fileName)}`);
    this.ctx.body = stream;
    return stream;
  }
}

/** The job without where its file lives on disk. */
function view(job: ExportJob) {
  const { storedName: _stored, params: _params, createdById: _by, ...rest } = job;
  return rest;
}
