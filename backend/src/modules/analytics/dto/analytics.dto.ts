import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { zhMessages } from '../../../common/dto';

const day = () =>
  RuleType.string()
    .pattern(/^\d{4}-\d{2}-\d{2}$/)
    .messages(zhMessages({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' }));

/** Filters every dashboard takes. Days are Shanghai calendar days; both ends are included. */
export class AnalyticsQueryDTO {
  @ApiProperty({ required: false, description: '开始日期（含），YYYY-MM-DD，默认 30 天前' })
  @Rule(day().optional())
  from?: string;

  @ApiProperty({ required: false, description: '结束日期（含），YYYY-MM-DD，默认今天' })
  @Rule(day().optional())
  to?: string;

  @ApiProperty({ required: false, description: '城市 ID（不填为权限内全部城市）' })
  @Rule(RuleType.number().integer().min(1).optional())
  cityId?: number;

  @ApiProperty({ required: false, description: '服务类型代码，如 outpatient' })
  @Rule(RuleType.string().max(32).optional())
  categoryCode?: string;

  @ApiProperty({ required: false, description: '医院 ID' })
  @Rule(RuleType.number().integer().min(1).optional())
  hospitalId?: number;
}
