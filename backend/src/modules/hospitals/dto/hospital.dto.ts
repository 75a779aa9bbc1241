import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { HOSPITAL_GRADES } from '../hospital.entity';
import { NOTICE_LEVELS } from '../hospital-notice.entity';
import { SERVICE_CATEGORIES } from '../../catalog/catalog-codes';

const text = (max: number, label: string) =>
  RuleType.string()
    .trim()
    .max(max)
    .messages(zhMessages({ 'string.max': `${label}最多 ${max} 个字` }));
const requiredText = (max: number, label: string) =>
  RuleType.string()
    .trim()
    .min(1)
    .max(max)
    .required()
    .messages(zhMessages({ 'string.empty': `请填写${label}`, 'any.required': `请填写${label}`, 'string.max': `${label}最多 ${max} 个字` }));
const coordinate = (label: string) =>
  RuleType.string()
    .pattern(/^-?\d{1,3}(\.\d{1,6})?$/)
    .allow(null)
    .messages(zhMessages({ 'string.pattern.base': `${label}应为十进制度数，最多 6 位小数（如 31.197845）` }));

export const CATEGORY_CODES = Object.keys(SERVICE_CATEGORIES);
export const NOTICE_STATUSES = ['active', 'upcoming', 'expired'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export class HospitalQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '城市 ID' })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false, description: '名称、别名、地址或科室关键字（中文子串）' })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;

  @ApiProperty({ required: false, description: '只看启用（true）或停用（false）' })
  @Rule(RuleType.boolean())
  enabled?: boolean;
}

export class AppHospitalQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '城市 ID' })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false, description: '名称、别名、地址或科室关键字' })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;
}

export class HospitalInputDTO {
  @ApiProperty({ example: 1 })
  @Rule(RuleType.number().integer().min(1).required().messages(zhMessages({ 'any.required': '请选择城市' })))
  cityId: number;

  @ApiProperty({ example: '复旦大学附属中山医院' })
  @Rule(requiredText(64, '医院名称'))
  name: string;

  @ApiProperty({ required: false, example: '中山医院', description: '别名，多个用空格或逗号分隔' })
  @Rule(text(128, '别名').allow(''))
  alias?: string;

  @ApiProperty({ enum: HOSPITAL_GRADES })
  @Rule(RuleType.string().valid(...HOSPITAL_GRADES).required().messages(zhMessages({ 'any.only': '医院等级不正确', 'any.required': '请选择医院等级' })))
  grade: string;

  @ApiProperty({ example: '上海市徐汇区枫林路180号' })
  @Rule(requiredText(255, '地址'))
  address: string;

  @ApiProperty({ type: 'string', nullable: true, required: false, example: '31.197845', description: '纬度（十进制度数字符串，最多 6 位小数）' })
  @Rule(coordinate('纬度'))
  latitude?: string | null;

  @ApiProperty({ type: 'string', nullable: true, required: false, example: '121.454800', description: '经度（十进制度数字符串，最多 6 位小数）' })
  @Rule(coordinate('经度'))
  longitude?: string | null;

  @ApiProperty({ example: '021-64041990' })
  @Rule(
    RuleType.string()
      .trim()
      .pattern(/^[0-9+\-() ]{3,32}$/)
      .required()
      .messages(zhMessages({ 'string.pattern.base': '电话只能包含数字、空格和 + - ( )', 'any.required': '请填写电话', 'string.empty': '请填写电话' }))
  )
  phone: string;

  @ApiProperty({ required: false, example: '周一至周五 8:00-17:00' })
  @Rule(text(500, '门诊时间').allow(''))
  outpatientHours?: string;

  @ApiProperty({ required: false, example: '每日 15:00-20:00' })
  @Rule(text(500, '探视时间').allow(''))
  visitingHours?: string;

  @ApiProperty({ type: 'string', nullable: true, required: false })
  @Rule(text(5000, '简介').allow('', null))
  intro?: string | null;
}

export class DepartmentInputDTO {
  @ApiProperty({ example: '心内科' })
  @Rule(requiredText(64, '科室名称'))
  name: string;

  @ApiProperty({ required: false, example: '门诊楼' })
  @Rule(text(64, '楼宇').allow(''))
  building?: string;

  @ApiProperty({ required: false, example: '3F' })
  @Rule(text(16, '楼层').allow(''))
  floor?: string;

  @ApiProperty({ required: false, example: '312' })
  @Rule(text(32, '房间').allow(''))
  room?: string;

  @ApiProperty({ required: false })
  @Rule(text(32, '电话').allow(''))
  phone?: string;

  @ApiProperty({ required: false })
  @Rule(text(500, '备注').allow(''))
  notes?: string;
}

export class MeetingPointInputDTO {
  @ApiProperty({ example: '门诊楼 2 号门' })
  @Rule(requiredText(64, '集合点名称'))
  name: string;

  @ApiProperty({ required: false, example: '枫林路正门进入后右转，门诊楼东侧' })
  @Rule(text(500, '说明').allow(''))
  description?: string;
}

export class StepTemplateInputDTO {
  @ApiProperty({ type: [String], example: ['在 2 号门集合', '1 楼自助挂号', '3 楼候诊'] })
  @Rule(
    RuleType.array()
      .items(RuleType.string().trim().min(1).max(100).messages(zhMessages({ 'string.empty': '步骤内容不能为空', 'string.max': '每个步骤最多 100 个字' })))
      .min(1)
      .max(30)
      .required()
      .messages(zhMessages({ 'array.min': '至少填写一个步骤', 'array.max': '最多 30 个步骤', 'any.required': '请填写步骤' }))
  )
  steps: string[];
}

export class NoticeInputDTO {
  @ApiProperty({ type: 'integer', nullable: true, required: false, description: '只对某个科室（可空）' })
  @Rule(RuleType.number().integer().min(1).allow(null))
  departmentId?: number | null;

  @ApiProperty({ example: 'CT 机维修' })
  @Rule(requiredText(64, '标题'))
  title: string;

  @ApiProperty({ example: '放射科 CT 机维修，期间 CT 检查改至急诊楼 1 楼' })
  @Rule(requiredText(1000, '内容'))
  content: string;

  @ApiProperty({ enum: NOTICE_LEVELS })
  @Rule(RuleType.string().valid(...NOTICE_LEVELS).default('info').messages(zhMessages({ 'any.only': '公告级别不正确' })))
  level: string;

  @ApiProperty({ type: 'string', format: 'date-time', description: '开始时间（含），ISO 8601', example: '2025-06-01T00:00:00Z' })
  @Rule(RuleType.date().iso().required().messages(zhMessages({ 'any.required': '请填写开始时间', 'date.format': '开始时间格式不正确' })))
  startsAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', description: '结束时间（不含），ISO 8601', example: '2025-06-08T00:00:00Z' })
  @Rule(RuleType.date().iso().required().messages(zhMessages({ 'any.required': '请填写结束时间', 'date.format': '结束时间格式不正确' })))
  endsAt: Date;
}

export class NoticeBoardQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: NOTICE_STATUSES, description: 'active 生效中 / upcoming 未开始 / expired 已结束' })
  @Rule(RuleType.string().valid(...NOTICE_STATUSES))
  status?: NoticeStatus;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  cityId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  hospitalId?: number;
}
