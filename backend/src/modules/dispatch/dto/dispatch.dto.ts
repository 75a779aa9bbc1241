import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO } from '../../../common/dto';

const id = () => RuleType.number().integer().min(1);
const date = () => RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/);

export class PoolQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false })
  @Rule(id())
  cityId?: number;

  @ApiProperty({ required: false, description: '服务日期（上海）YYYY-MM-DD；不填为全部待派订单' })
  @Rule(date())
  date?: string;
}

export class CandidatesQueryDTO {
  @ApiProperty({ required: false, description: '返回前 N 名（默认 20，最多 200）' })
  @Rule(RuleType.number().integer().min(1).max(200).default(20))
  limit: number;
}

export class AvailabilityQueryDTO {
  @ApiProperty({ description: '陪诊师 ID' })
  @Rule(id().required())
  escortId: number;
}

export class DispatchAssignDTO {
  @ApiProperty({ description: '陪诊师 ID' })
  @Rule(id().required())
  escortId: number;

  @ApiProperty({ description: '派单 / 改派原因（必填，记入订单时间线）', example: '距离最近，已电话确认' })
  @Rule(RuleType.string().trim().min(2).max(200).required())
  reason: string;

  @ApiProperty({ required: false, description: '确认例外：陪诊师不在排班内或路程缓冲不足时仍派单（资质、请假、时间冲突不可例外）' })
  @Rule(RuleType.boolean().default(false))
  force: boolean;
}

export class ReturnToPoolDTO {
  @ApiProperty({ description: '退回原因（必填，会通知陪诊师与调度）' })
  @Rule(RuleType.string().trim().min(2).max(200).required())
  reason: string;
}

export class BoardDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '日期（上海）YYYY-MM-DD，默认今天' })
  @Rule(date())
  date?: string;

  @ApiProperty({ required: false, description: '城市 ID（只负责一个城市时可不填）' })
  @Rule(id())
  cityId?: number;

  @ApiProperty({ required: false, description: '只显示当天有排班或订单的陪诊师（默认 true）' })
  @Rule(RuleType.boolean().default(true))
  onlyWorking: boolean;
}

export class LiveStatusQueryDTO {
  @ApiProperty({ description: '陪诊师 ID，逗号分隔，最多 200 个', example: '1,2,3' })
  @Rule(RuleType.string().pattern(/^\d{1,10}(,\d{1,10}){0,199}$/).required())
  escortIds: string;
}
