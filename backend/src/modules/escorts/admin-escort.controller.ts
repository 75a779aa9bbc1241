import { Controller, Get, Inject, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { EscortService } from './escort.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { CityKeywordQueryDTO } from '../hospitals/admin-hospital.controller';

@ApiTags('admin-escorts')
@Audience('staff')
@Controller('/api/admin')
export class AdminEscortController {
  @Inject()
  ctx: Context;

  @Inject()
  escorts: EscortService;

  @Get('/escorts', { summary: '陪诊师列表（按城市范围）' })
  @RequirePermission('escort:read')
  async list(@Query() q: CityKeywordQueryDTO) {
    return this.escorts.list(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }
}
