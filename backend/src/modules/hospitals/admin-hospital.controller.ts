import { Controller, Get, Inject, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiProperty, ApiTags } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { HospitalService } from './hospital.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { scopedCityFilter } from '../../common/auth/city-scope';
import { PageQueryDTO } from '../../common/dto';

export class CityKeywordQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;
}

@ApiTags('admin-hospitals')
@Audience('staff')
@Controller('/api/admin')
export class AdminHospitalController {
  @Inject()
  ctx: Context;

  @Inject()
  hospitals: HospitalService;

  @Get('/hospitals', { summary: '医院列表（按城市范围）' })
  @RequirePermission('hospital:read')
  async list(@Query() q: CityKeywordQueryDTO) {
    return this.hospitals.list(q, scopedCityFilter(principalOf(this.ctx), q.cityId));
  }
}
