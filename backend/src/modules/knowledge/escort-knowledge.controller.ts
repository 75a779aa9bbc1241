import { Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import { ApiTags } from '@midwayjs/swagger';
import { KnowledgeService } from './knowledge.service';
import { HelpQueryDTO } from './dto/knowledge.dto';
import { Audience } from '../../common/auth/access.decorator';
import { parseId } from '../../common/params';

/** Escort training material in the workbench. */
@ApiTags('escort-knowledge')
@Audience('escort')
@Controller('/api/escort/knowledge')
export class EscortKnowledgeController {
  @Inject()
  kb: KnowledgeService;

  @Get('/articles', { summary: '陪诊师培训文章与搜索' })
  async list(@Query() q: HelpQueryDTO) {
    return this.kb.listPublished('escort', q);
  }

  @Get('/articles/:id', { summary: '培训文章（bodyHtml 为安全 HTML）' })
  async read(@Param('id') id: string) {
    return this.kb.readPublished('escort', parseId(id));
  }
}
