import { Controller, Get, Inject } from '@midwayjs/core';
import { ApiTags } from '@midwayjs/swagger';
import { CityService } from './city.service';
import { Public } from '../../common/auth/access.decorator';

@ApiTags('app-cities')
@Public()
@Controller('/api/app')
export class AppCityController {
  @Inject()
  cities: CityService;

  @Get('/cities', { summary: '开通服务的城市' })
  async list() {
    return this.cities.list();
  }
}
