import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO } from '../../../common/dto';

export class InboxQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '只看未读' })
  @Rule(RuleType.boolean().default(false))
  unreadOnly?: boolean;
}
