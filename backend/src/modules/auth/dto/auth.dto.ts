import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PHONE_RULE, SMS_CODE_RULE } from '../../../common/dto';
import { PASSWORD_MAX_LENGTH } from '../password';

export class StaffLoginDTO {
  @ApiProperty({ example: 'admin' })
  @Rule(RuleType.string().min(1).max(32).required())
  username: string;

  @ApiProperty({ example: 'Admin@12345' })
  @Rule(RuleType.string().min(1).max(PASSWORD_MAX_LENGTH).required())
  password: string;
}

export class SmsCodeRequestDTO {
  @ApiProperty({ example: '13800000001' })
  @Rule(PHONE_RULE)
  phone: string;
}

export class SmsLoginDTO {
  @ApiProperty({ example: '13800000001' })
  @Rule(PHONE_RULE)
  phone: string;

  @ApiProperty({ example: '123456' })
  @Rule(SMS_CODE_RULE)
  code: string;
}

export class WechatLoginDTO {
  @ApiProperty({ description: 'wx.login 返回的 code' })
  @Rule(RuleType.string().min(1).max(128).required())
  code: string;

  @ApiProperty({ required: false, description: '首次微信登录时绑定的手机号' })
  @Rule(PHONE_RULE.optional())
  phone?: string;

  @ApiProperty({ required: false })
  @Rule(SMS_CODE_RULE.optional())
  smsCode?: string;
}
