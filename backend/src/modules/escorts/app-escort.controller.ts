import { Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { EscortService } from './escort.service';
import { PublicEscortQueryDTO } from './dto/escort.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { sendStoredFile } from '../../common/http/raw-upload';
import { Errors } from '../../common/errors';
import { parseId } from '../../common/params';

/** What customers browse before choosing an escort: public fields only (no phone, ID or location). */
@ApiTags('app-escorts')
@Audience('customer')
@Controller('/api/app')
export class AppEscortController {
  @Inject()
  ctx: Context;

  @Inject()
  escorts: EscortService;

  @Public()
  @Get('/escorts', { summary: '城市的在岗陪诊师（公开信息：等级、经验、服务区域、服务单数、评分）' })
  async list(@Query() q: PublicEscortQueryDTO) {
    return this.escorts.publicList(q);
  }

  @Public()
  @Get('/escorts/:id', { summary: '陪诊师公开资料' })
  async detail(@Param('id') id: string) {
    const e = await this.escorts.escorts.findOne({ where: { id: parseId(id), status: 'active' } });
    if (!e) throw Errors.notFound('陪诊师');
    return this.escorts.publicView(e);
  }

  @Public()
  @Get('/escorts/:id/photo', { summary: '陪诊师形象照' })
  async photo(@Param('id') id: string) {
    const { file, content } = await this.escorts.publicPhoto(parseId(id));
    return sendStoredFile(this.ctx, file, content, { publicCache: true });
  }
}
