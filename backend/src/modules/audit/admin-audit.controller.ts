import { Controller, Get, Inject, Query } from '@midwayjs/core';
import { ApiProperty, ApiTags } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { AuditService } from './audit.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { PageQueryDTO } from '../../common/dto';

export class AuditQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '操作人 ID' })
  @Rule(RuleType.number().integer().min(1))
  actorId?: number;

  @ApiProperty({ required: false, example: 'staff.create' })
  @Rule(RuleType.string().max(64))
  action?: string;

  @ApiProperty({ required: false, example: 'staff_user' })
  @Rule(RuleType.string().max(32))
  targetType?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(64))
  targetId?: string;

  @ApiProperty({ required: false, description: '起始时间（含），ISO 8601' })
  @Rule(RuleType.date().iso())
  from?: Date;

  @ApiProperty({ required: false, description: '结束时间（不含），ISO 8601' })
  @Rule(RuleType.date().iso())
  to?: Date;
}

@ApiTags('admin-audit')
@Audience('staff')
@Controller('/api/admin')
export class AdminAuditController {
  @Inject()
  audit: AuditService;

  @Get('/audit-logs', { summary: '审计日志' })
  @RequirePermission('audit:read')
  async list(@Query() q: AuditQueryDTO) {
    return this.audit.list(q);
  }
}
