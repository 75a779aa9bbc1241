import { Controller, Get, Inject } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { CityService } from './city.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';

@ApiTags('admin-cities')
@Audience('staff')
@Controller('/api/admin')
export class AdminCityController {
  @Inject()
  ctx: Context;

  @Inject()
  cities: CityService;

  @Get('/cities', { summary: '城市（限本人城市范围）' })
  @RequirePermission('city:read')
  async list() {
    return this.cities.list(principalOf(this.ctx).cityIds);
  }
}
