import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { STAFF_ROLE_CODES } from '../roles';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password';

const ROLES_RULE = RuleType.array()
  .items(RuleType.string().valid(...STAFF_ROLE_CODES))
  .min(1)
  .unique()
  .required();
const CITY_IDS_RULE = RuleType.array().items(RuleType.number().integer().min(1)).unique().max(50).required();
const PASSWORD_RULE = RuleType.string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .required()
  .messages(zhMessages({ 'string.min': `密码至少 ${PASSWORD_MIN_LENGTH} 位`, 'string.max': `密码最多 ${PASSWORD_MAX_LENGTH} 位` }));

export class StaffUserQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '用户名或姓名关键字' })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;

  @ApiProperty({ required: false, enum: STAFF_ROLE_CODES })
  @Rule(RuleType.string().valid(...STAFF_ROLE_CODES))
  role?: string;

  @ApiProperty({ required: false, enum: ['active', 'disabled'] })
  @Rule(RuleType.string().valid('active', 'disabled'))
  status?: 'active' | 'disabled';
}

export class CreateStaffUserDTO {
  @ApiProperty({ example: 'ops_sh' })
  @Rule(
    RuleType.string()
      .pattern(/^[a-zA-Z][a-zA-Z0-9_]{2,31}$/)
      .required()
      .messages(zhMessages({ 'string.pattern.base': '用户名为 3–32 位字母、数字或下划线，以字母开头' }))
  )
  username: string;

  @ApiProperty({ example: '王运营' })
  @Rule(RuleType.string().trim().min(1).max(32).required())
  displayName: string;

  @ApiProperty({ example: 'Passw0rd!' })
  @Rule(PASSWORD_RULE)
  password: string;

  @ApiProperty({ type: [String], example: ['ops'] })
  @Rule(ROLES_RULE)
  roles: string[];

  @ApiProperty({ type: [Number], example: [1] })
  @Rule(CITY_IDS_RULE)
  cityIds: number[];
}

export class UpdateStaffUserDTO {
  @ApiProperty()
  @Rule(RuleType.string().trim().min(1).max(32).required())
  displayName: string;

  @ApiProperty({ type: [String] })
  @Rule(ROLES_RULE)
  roles: string[];

  @ApiProperty({ type: [Number] })
  @Rule(CITY_IDS_RULE)
  cityIds: number[];
}

export class ResetPasswordDTO {
  @ApiProperty()
  @Rule(PASSWORD_RULE)
  newPassword: string;
}
