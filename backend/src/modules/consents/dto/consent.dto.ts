import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { CONSENT_KINDS, ConsentKind } from '../consent-documents';

export class ConsentAnswerDTO {
  @ApiProperty({ enum: CONSENT_KINDS })
  @Rule(RuleType.string().valid(...CONSENT_KINDS).required())
  kind: ConsentKind;

  @ApiProperty({ description: '同意的文档版本（GET /api/app/legal-documents 返回的 version）' })
  @Rule(RuleType.string().max(16).required())
  version: string;

  @ApiProperty({ description: 'true 同意，false 撤回' })
  @Rule(RuleType.boolean().required())
  granted: boolean;
}
