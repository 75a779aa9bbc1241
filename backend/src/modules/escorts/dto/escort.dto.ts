import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { EDUCATION_LEVELS, ESCORT_LEVEL_CODES } from '../escort.entity';
import { FILE_PURPOSES } from '../escort-file.entity';
import { QUALIFICATION_CODES } from '../../catalog/catalog-codes';
import { AGE_BAND_CODES, AGE_BANDS, AgeBand } from '../public-filters';

const id = () => RuleType.number().integer().min(1);
const day = () =>
  RuleType.string()
    .pattern(/^\d{4}-\d{2}-\d{2}$/)
    .messages(zhMessages({ 'string.pattern.base': '日期格式应为 YYYY-MM-DD' }));
const coordinate = (limit: 90 | 180) =>
  RuleType.string()
    .pattern(limit === 90 ? /^-?\d{1,2}(\.\d{1,6})?$/ : /^-?\d{1,3}(\.\d{1,6})?$/)
    .allow(null)
    .messages(zhMessages({ 'string.pattern.base': '坐标格式不正确（十进制度数，最多 6 位小数）' }));
const tags = (label: string) =>
  RuleType.array()
    .items(RuleType.string().trim().min(1).max(16))
    .max(20)
    .unique()
    .messages(zhMessages({ 'array.max': `${label}最多 20 项`, 'array.unique': `${label}不能重复` }));
const EDUCATION_CODES = Object.keys(EDUCATION_LEVELS);

/** Profile fields staff may set; all optional on update. */
class EscortProfileFields {
  @ApiProperty({ required: false, description: '出生年份' })
  @Rule(RuleType.number().integer().min(1940).max(2010).allow(null))
  birthYear?: number | null;

  @ApiProperty({ required: false, enum: EDUCATION_CODES, description: '学历' })
  @Rule(RuleType.string().valid(...EDUCATION_CODES, ''))
  education?: string;

  @ApiProperty({ required: false, description: '从业年限' })
  @Rule(RuleType.number().integer().min(0).max(50))
  experienceYears?: number;

  @ApiProperty({ required: false, type: [String], description: '服务区域（区县名称）' })
  @Rule(tags('服务区域'))
  serviceDistricts?: string[];

  @ApiProperty({ required: false, type: [String], description: '技能标签；含服务类别代码（outpatient、examination …）时派单优先' })
  @Rule(tags('技能标签'))
  skills?: string[];

  @ApiProperty({ required: false, description: '个人简介' })
  @Rule(RuleType.string().max(500).allow(''))
  bio?: string;

  @ApiProperty({ required: false, description: '形象照文件 ID（先上传）' })
  @Rule(id().allow(null))
  photoFileId?: number | null;

  @ApiProperty({ required: false, description: '常驻地址（用于计算距离）' })
  @Rule(RuleType.string().max(255).allow(''))
  baseAddress?: string;

  @ApiProperty({ required: false, type: 'string', nullable: true, example: '31.197845', description: '常驻地纬度' })
  @Rule(coordinate(90))
  baseLatitude?: string | null;

  @ApiProperty({ required: false, type: 'string', nullable: true, example: '121.454800', description: '常驻地经度' })
  @Rule(coordinate(180))
  baseLongitude?: string | null;
}

export class EscortCreateDTO extends EscortProfileFields {
  @ApiProperty({ description: '城市 ID' })
  @Rule(id().required())
  cityId: number;

  @ApiProperty({ description: '姓名' })
  @Rule(RuleType.string().trim().min(1).max(32).required())
  name: string;

  @ApiProperty({ description: '手机号（登录工作台用）' })
  @Rule(
    RuleType.string()
      .pattern(/^1[3-9]\d{9}$/)
      .required()
      .messages(zhMessages({ 'string.pattern.base': '请输入正确的 11 位手机号' }))
  )
  phone: string;

  @ApiProperty({ enum: ['male', 'female'] })
  @Rule(RuleType.string().valid('male', 'female').required())
  gender: 'male' | 'female';

  @ApiProperty({ required: false, enum: ESCORT_LEVEL_CODES, description: '等级（决定分成比例）' })
  @Rule(RuleType.string().valid(...ESCORT_LEVEL_CODES).default('junior'))
  level: (typeof ESCORT_LEVEL_CODES)[number];
}

export class EscortUpdateDTO extends EscortProfileFields {
  @ApiProperty({ required: false })
  @Rule(RuleType.string().trim().min(1).max(32))
  name?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().pattern(/^1[3-9]\d{9}$/).messages(zhMessages({ 'string.pattern.base': '请输入正确的 11 位手机号' })))
  phone?: string;

  @ApiProperty({ required: false, enum: ['male', 'female'] })
  @Rule(RuleType.string().valid('male', 'female'))
  gender?: 'male' | 'female';

  @ApiProperty({ required: false, enum: ESCORT_LEVEL_CODES })
  @Rule(RuleType.string().valid(...ESCORT_LEVEL_CODES))
  level?: (typeof ESCORT_LEVEL_CODES)[number];
}

export class EscortAdminQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false })
  @Rule(id())
  cityId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;

  @ApiProperty({ required: false, enum: ['applicant', 'active', 'suspended'] })
  @Rule(RuleType.string().valid('applicant', 'active', 'suspended'))
  status?: 'applicant' | 'active' | 'suspended';

  @ApiProperty({ required: false, enum: ESCORT_LEVEL_CODES })
  @Rule(RuleType.string().valid(...ESCORT_LEVEL_CODES))
  level?: (typeof ESCORT_LEVEL_CODES)[number];
}

export const PUBLIC_ESCORT_SORTS = { orders: '服务单数从多到少', rating: '评分从高到低' } as const;
export type PublicEscortSort = keyof typeof PUBLIC_ESCORT_SORTS;

/** The customers' escort list: every filter runs in the database; an unknown value is a 400 VALIDATION_FAILED. */
export class PublicEscortQueryDTO extends PageQueryDTO {
  @ApiProperty({ description: '城市 ID' })
  @Rule(id().required())
  cityId: number;

  @ApiProperty({ required: false, description: '服务区域' })
  @Rule(RuleType.string().max(16))
  district?: string;

  @ApiProperty({ required: false, description: '技能标签或服务类别代码' })
  @Rule(RuleType.string().max(16))
  skill?: string;

  @ApiProperty({ required: false, enum: ['male', 'female'], description: '性别' })
  @Rule(RuleType.string().valid('male', 'female').messages(zhMessages({ 'any.only': '性别应为 male 或 female' })))
  gender?: 'male' | 'female';

  @ApiProperty({ required: false, enum: AGE_BAND_CODES, description: `年龄段：${AGE_BAND_CODES.map(c => `${c} ${AGE_BANDS[c].label}`).join('；')}` })
  @Rule(RuleType.string().valid(...AGE_BAND_CODES).messages(zhMessages({ 'any.only': `年龄段应为 ${AGE_BAND_CODES.join('、')} 之一` })))
  ageBand?: AgeBand;

  @ApiProperty({ required: false, description: '最少从业年限（含）', example: 3 })
  @Rule(RuleType.number().integer().min(0).max(50))
  minExperienceYears?: number;

  @ApiProperty({ required: false, enum: ESCORT_LEVEL_CODES, description: '等级（等级只决定陪诊师的分成比例，不影响客户价格）' })
  @Rule(RuleType.string().valid(...ESCORT_LEVEL_CODES).messages(zhMessages({ 'any.only': `等级应为 ${ESCORT_LEVEL_CODES.join('、')} 之一` })))
  level?: (typeof ESCORT_LEVEL_CODES)[number];

  @ApiProperty({ required: false, enum: Object.keys(PUBLIC_ESCORT_SORTS), description: '排序：orders 服务单数（默认）；rating 评分（无评分的排在最后）' })
  @Rule(RuleType.string().valid(...Object.keys(PUBLIC_ESCORT_SORTS)).default('orders').messages(zhMessages({ 'any.only': '排序应为 orders 或 rating' })))
  sort: PublicEscortSort;
}

/** What customers see of an escort: no phone, ID number, birth date or home location. */
export class PublicEscortView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender: string;
  @ApiProperty({ enum: AGE_BAND_CODES, nullable: true, type: String, description: '年龄段（未登记出生年份为空）' }) ageBand: string | null;
  @ApiProperty({ description: '年龄段名称' }) ageBandLabel: string;
  @ApiProperty({ enum: ESCORT_LEVEL_CODES }) level: string;
  @ApiProperty() levelLabel: string;
  @ApiProperty({ nullable: true, type: String, description: '形象照地址（公开）' }) photoUrl: string | null;
  @ApiProperty() educationLabel: string;
  @ApiProperty() experienceYears: number;
  @ApiProperty({ type: [String] }) serviceDistricts: string[];
  @ApiProperty({ type: [String], description: '技能标签与服务类别代码' }) skills: string[];
  @ApiProperty({ type: [String], description: '技能的显示名称（服务类别代码换成中文）' }) skillLabels: string[];
  @ApiProperty() bio: string;
  @ApiProperty() ordersServed: number;
  @ApiProperty({ nullable: true, type: Number, description: '平均评分（1 位小数）' }) rating: number | null;
  @ApiProperty() ratingCount: number;
}

export class PublicEscortPage {
  @ApiProperty({ type: [PublicEscortView] }) list: PublicEscortView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ServedHospitalView {
  @ApiProperty() hospitalId: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: '在该医院完成的订单数' }) orders: number;
}

export class PublicEscortDetail extends PublicEscortView {
  @ApiProperty() cityId: number;
  @ApiProperty({ type: [ServedHospitalView], description: '服务过的医院（完成订单最多的 5 家）' }) servedHospitals: ServedHospitalView[];
}

export class ApplicationDTO {
  @ApiProperty({ description: '真实姓名（与身份证一致）' })
  @Rule(RuleType.string().trim().min(2).max(32).required())
  realName: string;

  @ApiProperty({ description: '身份证号（18 位）' })
  @Rule(RuleType.string().trim().min(15).max(18).required())
  idCardNo: string;

  @ApiProperty({ description: '身份证人像面文件 ID' })
  @Rule(id().required())
  idFrontFileId: number;

  @ApiProperty({ description: '身份证国徽面文件 ID' })
  @Rule(id().required())
  idBackFileId: number;

  @ApiProperty({ required: false, description: '形象照文件 ID' })
  @Rule(id().allow(null))
  photoFileId?: number | null;

  @ApiProperty({ required: false, enum: EDUCATION_CODES })
  @Rule(RuleType.string().valid(...EDUCATION_CODES, '').default(''))
  education: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(0).max(50).default(0))
  experienceYears: number;

  @ApiProperty({ required: false, type: [String] })
  @Rule(tags('服务区域').default([]))
  serviceDistricts: string[];

  @ApiProperty({ required: false, type: [String] })
  @Rule(tags('技能标签').default([]))
  skills: string[];

  @ApiProperty({ required: false })
  @Rule(RuleType.string().max(500).allow('').default(''))
  bio: string;
}

export class CredentialDTO {
  @ApiProperty({ enum: QUALIFICATION_CODES, description: '证书类型（资质代码），如 health_cert 健康证' })
  @Rule(RuleType.string().valid(...QUALIFICATION_CODES).required().messages(zhMessages({ 'any.only': '证书类型不正确' })))
  typeCode: string;

  @ApiProperty({ description: '证书编号' })
  @Rule(RuleType.string().trim().min(1).max(64).required())
  certificateNo: string;

  @ApiProperty({ description: '发证日期 YYYY-MM-DD' })
  @Rule(day().required())
  issuedOn: string;

  @ApiProperty({ required: false, nullable: true, description: '有效期至（含当日）YYYY-MM-DD；长期有效不填' })
  @Rule(day().allow(null))
  expiresOn?: string | null;

  @ApiProperty({ description: '证书图片/PDF 文件 ID（先上传）' })
  @Rule(id().required())
  fileId: number;
}

export class ReviewQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, enum: ['pending', 'approved', 'rejected', 'expired'], description: '默认 pending（待审核队列）' })
  @Rule(RuleType.string().valid('pending', 'approved', 'rejected', 'expired').default('pending'))
  status: string;

  @ApiProperty({ required: false })
  @Rule(id())
  cityId?: number;

  @ApiProperty({ required: false })
  @Rule(id())
  escortId?: number;
}

export class ApproveDTO {
  @ApiProperty({ required: false, description: '审核意见' })
  @Rule(RuleType.string().max(255).allow('').default(''))
  reason: string;
}

export class RejectDTO {
  @ApiProperty({ description: '驳回原因（必填，会通知陪诊师）' })
  @Rule(RuleType.string().trim().min(2).max(255).required())
  reason: string;
}

export class UploadQueryDTO {
  @ApiProperty({ enum: Object.keys(FILE_PURPOSES), description: '用途：photo 形象照、id_front / id_back 身份证、credential 证书' })
  @Rule(RuleType.string().valid(...Object.keys(FILE_PURPOSES)).required())
  purpose: string;

  @ApiProperty({ description: '原文件名（仅作标签，不含路径），扩展名须与内容一致：.jpg .jpeg .png .pdf' })
  @Rule(RuleType.string().min(1).max(200).required())
  filename: string;
}

export class SuspendDTO {
  @ApiProperty({ description: '停用原因（必填）' })
  @Rule(RuleType.string().trim().min(2).max(255).required())
  reason: string;

  @ApiProperty({ required: false, description: '有已派订单时一并退回派单池（否则拒绝停用并列出订单）' })
  @Rule(RuleType.boolean().default(false))
  returnToPool: boolean;
}
