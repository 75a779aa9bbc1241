import { Config, Controller, Get, Inject, Query } from '@midwayjs/core';
import { ApiExcludeController } from '@midwayjs/swagger';
import { Rule } from '@midwayjs/validate';
import { SmsCodeService } from './sms-code.service';
import { Public } from '../../common/auth/access.decorator';
import { PHONE_RULE } from '../../common/dto';
import { Errors } from '../../common/errors';
import type { AppSettings } from '../../config/settings';

class OutboxQueryDTO {
  @Rule(PHONE_RULE)
  phone: string;
}

/** Development helpers; every route answers 404 unless the development SMS sender is active. */
@ApiExcludeController()
@Public()
@Controller('/api/dev')
export class DevController {
  @Inject()
  sms: SmsCodeService;

  @Config('app')
  settings: AppSettings;

  @Get('/sms-outbox')
  async outbox(@Query() q: OutboxQueryDTO) {
    if (this.settings.smsProvider !== 'dev' || this.settings.env === 'production') throw Errors.notFound('接口');
    const entry = this.sms.devOutbox(q.phone);
    if (!entry) throw Errors.notFound('验证码');
    return entry;
  }
}
