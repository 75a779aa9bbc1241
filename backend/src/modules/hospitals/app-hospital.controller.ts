import { Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import { ApiTags } from '@midwayjs/swagger';
import { HospitalService } from './hospital.service';
import { AppHospitalQueryDTO } from './dto/hospital.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { parseId } from '../../common/params';

/** Customer routes; browsing hospitals needs no login, since customers look before they sign in. */
@ApiTags('app-hospitals')
@Audience('customer')
@Controller('/api/app')
export class AppHospitalController {
  @Inject()
  hospitals: HospitalService;

  @Public()
  @Get('/hospitals', { summary: '医院列表（按城市，关键字支持中文子串检索）' })
  async list(@Query() q: AppHospitalQueryDTO) {
    return this.hospitals.listForCustomers(q);
  }

  @Public()
  @Get('/hospitals/:id', { summary: '医院详情：科室、生效中的公告、集合点、服务流程' })
  async detail(@Param('id') id: string) {
    return this.hospitals.detailForCustomers(parseId(id));
  }
}
