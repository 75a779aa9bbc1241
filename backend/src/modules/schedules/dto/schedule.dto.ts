import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO, zhMessages } from '../../../common/dto';

const clock = () =>
  RuleType.string()
    .pattern(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/)
    .messages(zhMessages({ 'string.pattern.base': '时间格式应为 HH:mm（00:00-24:00）' }));
const day = () =>
  RuleType.string()
    .pattern(/^\d{4}-\d{2}-\d{2}$/)
    .messages(zhMessages({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' }));
const rangeSchema = RuleType.object({
  weekday: RuleType.number().integer().min(1).max(7).required(),
  start: clock().required(),
  end: clock().required(),
});

export class WeeklyRangeDTO {
  @ApiProperty({ description: '星期：1 周一 … 7 周日' })
  weekday: number;
  @ApiProperty({ example: '08:00', description: '开始（上海时间 HH:mm）' })
  start: string;
  @ApiProperty({ example: '17:00', description: '结束（HH:mm，24:00 表示当天结束）' })
  end: string;
}

export class WeeklyScheduleDTO {
  @ApiProperty({ type: [WeeklyRangeDTO], description: '每周排班时间段，每天可多段；传空数组表示不排班' })
  @Rule(RuleType.array().items(rangeSchema).max(70).required())
  ranges: WeeklyRangeDTO[];
}

export class ShiftTemplateDTO extends WeeklyScheduleDTO {
  @ApiProperty({ description: '模板名称，如 工作日白班' })
  @Rule(RuleType.string().trim().min(1).max(32).required())
  name: string;
}

export class ApplyTemplateDTO {
  @ApiProperty({ type: [Number], description: '要套用模板的陪诊师 ID（会替换其原有每周排班）' })
  @Rule(RuleType.array().items(RuleType.number().integer().min(1)).min(1).max(1000).unique().required())
  escortIds: number[];
}

export class ShiftExceptionDTO {
  @ApiProperty({ description: '日期（上海）YYYY-MM-DD' })
  @Rule(day().required())
  date: string;

  @ApiProperty({ enum: ['extra', 'off'], description: 'extra 加班 / off 休息' })
  @Rule(RuleType.string().valid('extra', 'off').required())
  kind: 'extra' | 'off';

  @ApiProperty({ required: false, nullable: true, example: '09:00', description: '开始；休息不填表示全天' })
  @Rule(clock().allow(null))
  start?: string | null;

  @ApiProperty({ required: false, nullable: true, example: '12:00' })
  @Rule(clock().allow(null))
  end?: string | null;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(255).allow('').default(''))
  note: string;
}

export class ChangeRequestDTO {
  @ApiProperty({ description: '日期（上海）YYYY-MM-DD' })
  @Rule(day().required())
  date: string;

  @ApiProperty({ enum: ['extra', 'off'], description: 'extra 申请加班 / off 申请休息' })
  @Rule(RuleType.string().valid('extra', 'off').required())
  kind: 'extra' | 'off';

  @ApiProperty({ required: false, nullable: true, example: '09:00' })
  @Rule(clock().allow(null))
  start?: string | null;

  @ApiProperty({ required: false, nullable: true, example: '12:00' })
  @Rule(clock().allow(null))
  end?: string | null;

  @ApiProperty({ description: '原因' })
  @Rule(RuleType.string().trim().min(2).max(255).required())
  reason: string;
}

export class CalendarQueryDTO {
  @ApiProperty({ description: '开始日期（上海）YYYY-MM-DD' })
  @Rule(day().required())
  from: string;

  @ApiProperty({ description: '结束日期（含）YYYY-MM-DD，最多 62 天' })
  @Rule(day().required())
  to: string;
}

export class ChangeRequestQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ['pending', 'approved', 'rejected', 'withdrawn'] })
  @Rule(RuleType.string().valid('pending', 'approved', 'rejected', 'withdrawn'))
  status?: 'pending' | 'approved' | 'rejected' | 'withdrawn';

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;
}

export class DecisionReasonDTO {
  @ApiProperty({ required: false, description: '审批意见' })
  @Rule(RuleType.string().max(255).allow('').default(''))
  reason: string;
}

export class RequiredReasonDTO {
  @ApiProperty({ description: '原因（必填）' })
  @Rule(RuleType.string().trim().min(2).max(255).required())
  reason: string;
}

export class TeamCalendarQueryDTO extends PageQueryDTO {
  @ApiProperty({ description: '开始日期（上海）YYYY-MM-DD' })
  @Rule(day().required())
  from: string;

  @ApiProperty({ description: '结束日期（含）YYYY-MM-DD，最多 31 天' })
  @Rule(day().required())
  to: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false, description: '姓名关键字' })
  @Rule(RuleType.string().trim().max(32).allow(''))
  keyword?: string;
}
