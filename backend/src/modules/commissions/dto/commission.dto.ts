import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { zhMessages } from '../../../common/dto';

export class CommissionCellDTO {
  @ApiProperty({ enum: ['trainee', 'junior', 'senior', 'expert'], description: '陪诊师等级' })
  @Rule(RuleType.string().valid('trainee', 'junior', 'senior', 'expert').required())
  escortLevel: string;

  @ApiProperty({ description: '服务类别代码；* 表示该等级的其他所有类别', example: '*' })
  @Rule(RuleType.string().max(32).required())
  categoryCode: string;

  @ApiProperty({ description: '陪诊师分成（基点，10000 = 100%），平台得其余部分', example: 7000 })
  @Rule(RuleType.number().integer().min(0).max(10_000).required())
  shareBp: number;
}

export class CreateCommissionVersionDTO {
  @ApiProperty({ description: '生效时间（ISO 8601，不早于当前）；在此之后完成的订单按此版本分成', example: '2026-12-01T00:00:00+08:00' })
  @Rule(RuleType.date().iso().required().messages(zhMessages({ 'date.format': '时间格式不正确，请使用 ISO 8601', 'date.base': '时间格式不正确' })))
  effectiveFrom: Date;

  @ApiProperty({ required: false, description: '说明（调整原因）' })
  @Rule(RuleType.string().trim().max(255).allow('').default(''))
  note: string;

  @ApiProperty({ type: [CommissionCellDTO], description: '分成表：每个等级必须有类别 * 的默认分成' })
  @Rule(RuleType.array().items(RuleType.object({
    escortLevel: RuleType.string().valid('trainee', 'junior', 'senior', 'expert').required(),
    categoryCode: RuleType.string().max(32).required(),
    shareBp: RuleType.number().integer().min(0).max(10_000).required(),
  })).min(4).max(200).required())
  cells: CommissionCellDTO[];
}

export class CommissionVersionViewDTO {
  @ApiProperty({ description: '版本 ID；0 为系统默认' }) id: number;
  @ApiProperty() effectiveFrom: Date;
  @ApiProperty() note: string;
  @ApiProperty() createdByName: string;
  @ApiProperty({ nullable: true, type: String }) createdAt: Date | null;
  @ApiProperty({ enum: ['in_force', 'scheduled', 'superseded'] }) state: string;
  @ApiProperty({ type: [CommissionCellDTO] }) cells: CommissionCellDTO[];
}

export class CommissionShareQueryDTO {
  @ApiProperty({ enum: ['trainee', 'junior', 'senior', 'expert'] })
  @Rule(RuleType.string().valid('trainee', 'junior', 'senior', 'expert').required())
  escortLevel: string;

  @ApiProperty()
  @Rule(RuleType.string().max(32).required())
  categoryCode: string;

  @ApiProperty({ required: false, description: '完成时间（默认现在）' })
  @Rule(RuleType.date().iso())
  at?: Date;
}

export class ResolvedShareDTO {
  @ApiProperty() shareBp: number;
  @ApiProperty({ description: '使用的版本；0 为系统默认' }) versionId: number;
}
