import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { LEAVE_TYPES } from '../escort-leave.entity';

const isoTime = () =>
  RuleType.date()
    .iso()
    .messages(zhMessages({ 'date.format': '时间格式不正确，请使用 ISO 8601（如 2026-11-24T09:00:00+08:00）', 'date.base': '时间格式不正确' }));

export class LeaveRequestDTO {
  @ApiProperty({ enum: Object.keys(LEAVE_TYPES), description: '类型：personal 事假 / sick 病假 / annual 年假 / other 其他' })
  @Rule(RuleType.string().valid(...Object.keys(LEAVE_TYPES)).required())
  type: keyof typeof LEAVE_TYPES;

  @ApiProperty({ description: '开始（含），ISO 8601', example: '2026-11-24T00:00:00+08:00' })
  @Rule(isoTime().required())
  startAt: Date;

  @ApiProperty({ description: '结束（不含），ISO 8601', example: '2026-11-25T00:00:00+08:00' })
  @Rule(isoTime().required())
  endAt: Date;

  @ApiProperty({ description: '原因' })
  @Rule(RuleType.string().trim().min(2).max(255).required())
  reason: string;
}

export class StaffLeaveDTO extends LeaveRequestDTO {
  @ApiProperty({ description: '陪诊师 ID' })
  @Rule(RuleType.number().integer().min(1).required())
  escortId: number;
}

export class LeaveQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ['pending', 'approved', 'rejected', 'cancelled'] })
  @Rule(RuleType.string().valid('pending', 'approved', 'rejected', 'cancelled'))
  status?: 'pending' | 'approved' | 'rejected' | 'cancelled';

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  escortId?: number;
}

export class ApproveLeaveDTO {
  @ApiProperty({
    required: false,
    description: '请假时段内已派的订单一并退回派单池（会通知调度）；不选时若有冲突订单则拒绝批准并列出订单',
  })
  @Rule(RuleType.boolean().default(false))
  returnToPool: boolean;

  @ApiProperty({ required: false, description: '审批意见' })
  @Rule(RuleType.string().max(255).allow('').default(''))
  reason: string;
}
