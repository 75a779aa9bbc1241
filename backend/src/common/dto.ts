import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { MAX_PAGE_SIZE } from './pagination';

/** Shared request shapes. Validation happens here at the edge; services receive typed values. */
export class PageQueryDTO {
  @ApiProperty({ description: '页码，从 1 开始', required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).default(1))
  page: number;

  @ApiProperty({ description: `每页条数，最多 ${MAX_PAGE_SIZE}`, required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(MAX_PAGE_SIZE).default(20))
  pageSize: number;
}

/**
 * A rule's own Chinese messages. midway-validate hands Joi its translated tables keyed by locale
 * ('zh-cn') and Joi prefers a locale's message to a rule's unkeyed one, so a plain `.messages()`
 * would never be shown; keying ours by the locale too puts them first.
 */
export function zhMessages(messages: Record<string, string>): Record<string, any> {
  return { ...messages, 'zh-cn': messages };
}

export const PHONE_RULE = RuleType.string()
  .pattern(/^1[3-9]\d{9}$/)
  .required()
  .messages(zhMessages({ 'string.pattern.base': '请输入正确的 11 位手机号' }));

export const SMS_CODE_RULE = RuleType.string()
  .pattern(/^\d{6}$/)
  .required()
  .messages(zhMessages({ 'string.pattern.base': '验证码为 6 位数字' }));

export class RefreshTokenDTO {
  @ApiProperty({ description: '刷新令牌' })
  @Rule(RuleType.string().min(16).max(256).required())
  refreshToken: string;
}

export class IdParamDTO {
  @Rule(RuleType.number().integer().min(1).required())
  id: number;
}
