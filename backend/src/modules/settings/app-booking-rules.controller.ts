import { Controller, Get, Inject } from '@midwayjs/core';
import { ApiTags } from '@midwayjs/swagger';
import { SettingsService } from './settings.service';
import { Public } from '../../common/auth/access.decorator';

/**
 * The rules the booking page lays its time grid out with and the cancellation tiers it shows
 * before the customer confirms. The server checks the same rules again on quote and create.
 */
@ApiTags('app-settings')
@Public()
@Controller('/api/app')
export class AppBookingRulesController {
  @Inject()
  settings: SettingsService;

  @Get('/booking-rules', { summary: '预约规则（可约天数、提前量、服务时段、时间粒度、支付时限）与取消规则' })
  async rules() {
    const [booking, cancellation] = await Promise.all([this.settings.get('booking'), this.settings.get('cancellation')]);
    return { booking, cancellation: { tiers: [...cancellation.tiers].sort((a, b) => b.hoursBefore - a.hoursBefore) } };
  }
}
