import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';

/** The sandbox back office finishing a refund (manual mode). */
export class CompleteSandboxRefundDTO {
  @ApiProperty({ required: false, enum: ['SUCCESS', 'ABNORMAL', 'CLOSED'], description: '退款结果，默认 SUCCESS' })
  @Rule(RuleType.string().valid('SUCCESS', 'ABNORMAL', 'CLOSED').default('SUCCESS'))
  status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
}
