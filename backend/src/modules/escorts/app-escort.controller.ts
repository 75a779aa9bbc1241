import { Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { EscortService } from './escort.service';
import { PublicEscortDetail, PublicEscortPage, PublicEscortQueryDTO } from './dto/escort.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { sendStoredFile } from '../../common/http/raw-upload';
import { parseId } from '../../common/params';

/** What customers browse before choosing an escort: public fields only (no phone, ID, birth date or location). */
@ApiTags('app-escorts')
@Audience('customer')
@Controller('/api/app')
export class AppEscortController {
  @Inject()
  ctx: Context;

  @Inject()
  escorts: EscortService;

  @Public()
  @Get('/escorts', {
    summary: '城市的在岗陪诊师（公开信息：年龄段、等级、经验、服务区域、服务单数、评分），可按性别、年龄段、从业年限、等级筛选，按服务单数或评分排序',
  })
  @ApiOkResponse({ type: PublicEscortPage })
  async list(@Query() q: PublicEscortQueryDTO) {
    return this.escorts.publicList(q);
  }

  @Public()
  @Get('/escorts/:id', { summary: '陪诊师公开资料（含服务过的医院）' })
  @ApiOkResponse({ type: PublicEscortDetail })
  async detail(@Param('id') id: string) {
    return this.escorts.publicDetail(parseId(id));
  }

  @Public()
  @Get('/escorts/:id/photo', { summary: '陪诊师形象照' })
  async photo(@Param('id') id: string) {
    const { file, content } = await this.escorts.publicPhoto(parseId(id));
    return sendStoredFile(this.ctx, file, content, { publicCache: true });
  }
}
