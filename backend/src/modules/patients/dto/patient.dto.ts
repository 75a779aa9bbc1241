import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { zhMessages } from '../../../common/dto';
import { GENDERS, PATIENT_RELATION_CODES } from '../patient.entity';

const MOBILE = /^1[3-9]\d{9}$/;
const mobile = (label: string) =>
  RuleType.string()
    .pattern(MOBILE)
    .messages(zhMessages({ 'string.pattern.base': `${label}应为 11 位手机号`, 'string.base': `${label}应为 11 位手机号` }));
const note = (label: string) =>
  RuleType.string()
    .trim()
    .max(500)
    .allow('')
    .messages(zhMessages({ 'string.max': `${label}最多 500 字` }));

/** What a customer submits for a patient; PUT sends the whole patient again (they see it whole). */
export class PatientInputDTO {
  @ApiProperty({ example: '张建国' })
  @Rule(RuleType.string().trim().min(1).max(32).required().messages(zhMessages({ 'string.empty': '请填写就诊人姓名', 'any.required': '请填写就诊人姓名', 'string.max': '姓名最多 32 个字' })))
  name: string;

  @ApiProperty({ enum: PATIENT_RELATION_CODES, description: 'self 本人 / parent 父母 / spouse 配偶 / child 子女 / other 其他' })
  @Rule(RuleType.string().valid(...PATIENT_RELATION_CODES).required().messages(zhMessages({ 'any.only': '与本人关系不正确', 'any.required': '请选择与本人关系' })))
  relation: string;

  @ApiProperty({ enum: Object.keys(GENDERS), required: false, description: '有身份证号时可省略（由身份证号得出）' })
  @Rule(RuleType.string().valid(...Object.keys(GENDERS)).messages(zhMessages({ 'any.only': '性别不正确' })))
  gender?: string;

  @ApiProperty({ type: 'string', nullable: true, required: false, example: '1956-03-08', description: 'YYYY-MM-DD；有身份证号时可省略' })
  @Rule(RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/).allow(null).messages(zhMessages({ 'string.pattern.base': '出生日期格式应为 YYYY-MM-DD' })))
  birthDate?: string | null;

  @ApiProperty({ example: '13800000002' })
  @Rule(mobile('手机号').required().messages(zhMessages({ 'any.required': '请填写手机号' })))
  phone: string;

  @ApiProperty({ type: 'string', nullable: true, required: false, example: '11010519491231002X', description: '18 位居民身份证号' })
  @Rule(RuleType.string().trim().max(20).allow('', null))
  idCardNo?: string | null;

  @ApiProperty({ required: false, description: '过敏史' })
  @Rule(note('过敏史'))
  allergies?: string;

  @ApiProperty({ required: false, description: '慢性病' })
  @Rule(note('慢性病'))
  chronicConditions?: string;

  @ApiProperty({ required: false, description: '常用药' })
  @Rule(note('常用药'))
  medications?: string;

  @ApiProperty({ required: false, description: '紧急联系人' })
  @Rule(RuleType.string().trim().max(32).allow(''))
  emergencyContactName?: string;

  @ApiProperty({ required: false, description: '紧急联系人手机号' })
  @Rule(mobile('紧急联系人手机号').allow(''))
  emergencyContactPhone?: string;
}
