import type { StaffRole } from '../modules/users/roles';
import type { PriceAmountType, PriceRuleKind, PriceRuleType, PricingUnit, ServiceCategoryCode } from '../modules/catalog/catalog-codes';
import type { EscortLevel, EscortStatus } from '../modules/escorts/escort.entity';

/** The demo data the README documents. Passwords here are for the embedded demo only. */
export const DEMO = {
  cities: [
    { id: 1, code: '310100', name: '上海' },
    { id: 2, code: '110100', name: '北京' },
  ],
  staff: [
    { username: 'admin', password: 'Admin@12345', displayName: '系统管理员', roles: ['admin'] as StaffRole[], cityIds: [] as number[] },
    { username: 'ops', password: 'Ops@123456', displayName: '上海运营', roles: ['ops'] as StaffRole[], cityIds: [1] },
    { username: 'ops_bj', password: 'Ops@123456', displayName: '北京运营', roles: ['ops'] as StaffRole[], cityIds: [2] },
    { username: 'finance', password: 'Finance@12345', displayName: '财务专员', roles: ['finance'] as StaffRole[], cityIds: [1, 2] },
    { username: 'support', password: 'Support@12345', displayName: '客服专员', roles: ['support'] as StaffRole[], cityIds: [1, 2] },
  ],
  hospitals: [
    { cityId: 1, name: '复旦大学附属中山医院', grade: '三甲', address: '上海市徐汇区枫林路180号', phone: '021-64041990' },
    { cityId: 1, name: '上海交通大学医学院附属瑞金医院', grade: '三甲', address: '上海市黄浦区瑞金二路197号', phone: '021-64370045' },
    { cityId: 1, name: '上海市第六人民医院', grade: '三甲', address: '上海市徐汇区宜山路600号', phone: '021-64369181' },
    { cityId: 2, name: '北京协和医院', grade: '三甲', address: '北京市东城区帅府园1号', phone: '010-69156114' },
    { cityId: 2, name: '北京大学第一医院', grade: '三甲', address: '北京市西城区西什库大街8号', phone: '010-83572211' },
  ],
  /** The catalog: `priceFen` is the Shanghai price, `beijingPriceFen` Beijing's (a little higher). */
  serviceItems: [
    {
      code: 'OPD-HALF', categoryCode: 'outpatient' as ServiceCategoryCode, name: '门诊陪诊（半天）', pricingUnit: 'half_day' as PricingUnit,
      description: '半天门诊全程陪同：挂号、候诊、就诊引导、缴费取药，结束后送上车。',
      includes: ['协助挂号与取号', '候诊陪同', '就诊引导与记录医嘱', '代为缴费与取药'],
      requiredQualifications: ['basic_escort'], preparation: ['就诊人身份证', '医保卡或就诊卡', '既往病历与检查报告'],
      minDurationMinutes: 120, maxDurationMinutes: 240, defaultDurationMinutes: 240, priceFen: 19900, beijingPriceFen: 21900,
    },
    {
      code: 'OPD-FULL', categoryCode: 'outpatient' as ServiceCategoryCode, name: '门诊陪诊（全天）', pricingUnit: 'day' as PricingUnit,
      description: '全天门诊陪同，适合多科室就诊或上午检查、下午复诊。',
      includes: ['协助挂号与取号', '多科室就诊陪同', '检查排队与取报告', '代为缴费与取药', '午餐时段照看'],
      requiredQualifications: ['basic_escort'], preparation: ['就诊人身份证', '医保卡或就诊卡', '既往病历与检查报告'],
      minDurationMinutes: 300, maxDurationMinutes: 600, defaultDurationMinutes: 480, priceFen: 35900, beijingPriceFen: 39900,
    },
    {
      code: 'EXAM-STD', categoryCode: 'examination' as ServiceCategoryCode, name: '检查陪诊', pricingUnit: 'visit' as PricingUnit,
      description: '陪同完成 B超、CT、核磁、胃肠镜等检查，协助排队、登记与取报告。',
      includes: ['检查预约登记', '排队与引导', '检查前后搀扶照看', '代取检查报告'],
      requiredQualifications: ['basic_escort'], preparation: ['就诊人身份证', '检查申请单或缴费凭证', '空腹等检查前要求按医嘱准备'],
      minDurationMinutes: 60, maxDurationMinutes: 240, defaultDurationMinutes: 120, priceFen: 15900, beijingPriceFen: 17900,
    },
    {
      code: 'INP-ESC', categoryCode: 'inpatient_escort' as ServiceCategoryCode, name: '住院陪诊', pricingUnit: 'day' as PricingUnit,
      description: '办理入院、出院手续，住院期间陪同检查与会诊。',
      includes: ['入院/出院手续办理', '病房安置', '院内检查陪同', '与医护沟通并记录'],
      requiredQualifications: ['basic_escort'], preparation: ['就诊人身份证', '医保卡', '住院通知单', '住院押金'],
      minDurationMinutes: 240, maxDurationMinutes: 1440, defaultDurationMinutes: 480, priceFen: 29900, beijingPriceFen: 32900,
    },
    {
      code: 'CARE-24H', categoryCode: 'inpatient_care' as ServiceCategoryCode, name: '住院陪护（24小时）', pricingUnit: 'day' as PricingUnit,
      description: '住院期间 24 小时照护：饮食、清洁、翻身、如厕协助与陪伴。',
      includes: ['24 小时在岗', '协助进食与清洁', '翻身与如厕协助', '观察病情并告知医护'],
      requiredQualifications: ['caregiver_cert', 'health_cert'], preparation: ['病房床号', '患者生活用品', '护理注意事项（过敏、饮食禁忌）'],
      minDurationMinutes: 1440, maxDurationMinutes: 30 * 1440, defaultDurationMinutes: 1440, priceFen: 39900, beijingPriceFen: 43900,
    },
    {
      code: 'CARE-MONTH', categoryCode: 'inpatient_care' as ServiceCategoryCode, name: '住院陪护月包', pricingUnit: 'month' as PricingUnit,
      description: '固定护工连续 30 天 24 小时住院陪护，适合长期住院与术后康复。',
      includes: ['固定护工 30 天', '24 小时在岗', '协助进食与清洁', '每周护理小结'],
      requiredQualifications: ['caregiver_cert', 'health_cert'], preparation: ['病房床号', '患者生活用品', '护理注意事项（过敏、饮食禁忌）'],
      minDurationMinutes: 30 * 1440, maxDurationMinutes: 90 * 1440, defaultDurationMinutes: 30 * 1440, priceFen: 980000, beijingPriceFen: 1080000,
    },
    {
      code: 'ERR-REPORT', categoryCode: 'errand' as ServiceCategoryCode, name: '代取报告', pricingUnit: 'visit' as PricingUnit,
      description: '到医院代取检查、化验报告，拍照发送并寄送或送达。',
      includes: ['到院代取报告', '报告拍照发送', '同城送达'],
      requiredQualifications: ['basic_escort'], preparation: ['就诊人身份证复印件', '缴费凭证或取报告单'],
      minDurationMinutes: 30, maxDurationMinutes: 240, defaultDurationMinutes: 60, priceFen: 5900, beijingPriceFen: 6900,
    },
    {
      code: 'ERR-MEDS', categoryCode: 'errand' as ServiceCategoryCode, name: '代买药', pricingUnit: 'visit' as PricingUnit,
      description: '凭处方到医院或药房代为购药并送达。',
      includes: ['凭处方代为购药', '核对药品与用法', '同城送达'],
      requiredQualifications: ['basic_escort'], preparation: ['处方或病历本', '就诊人医保卡或就诊卡'],
      minDurationMinutes: 30, maxDurationMinutes: 240, defaultDurationMinutes: 90, priceFen: 6900, beijingPriceFen: 7900,
    },
    {
      code: 'ERR-DOCS', categoryCode: 'errand' as ServiceCategoryCode, name: '送资料', pricingUnit: 'visit' as PricingUnit,
      description: '将病历、影像资料等送到指定医院或医生处。',
      includes: ['上门取资料', '送达指定科室或医生', '签收拍照反馈'],
      requiredQualifications: ['basic_escort'], preparation: ['需递送的资料', '接收人姓名与科室'],
      minDurationMinutes: 30, maxDurationMinutes: 240, defaultDurationMinutes: 60, priceFen: 5900, beijingPriceFen: 6900,
    },
    {
      code: 'ERR-PAY', categoryCode: 'errand' as ServiceCategoryCode, name: '代缴费', pricingUnit: 'visit' as PricingUnit,
      description: '到医院窗口代缴住院押金、检查费等费用。',
      includes: ['到院窗口代缴费用', '票据拍照发送', '原件送达'],
      requiredQualifications: ['basic_escort'], preparation: ['就诊卡或住院号', '缴费单'],
      minDurationMinutes: 30, maxDurationMinutes: 180, defaultDurationMinutes: 60, priceFen: 4900, beijingPriceFen: 5900,
    },
    {
      code: 'HOME-NURSE', categoryCode: 'home_care' as ServiceCategoryCode, name: '上门护理', pricingUnit: 'visit' as PricingUnit,
      description: '护士上门：换药、注射、导尿管与胃管护理、压疮护理等。',
      includes: ['护士上门', '换药与伤口护理', '导管护理', '护理建议'],
      requiredQualifications: ['nursing_cert'], preparation: ['医生处方或医嘱', '所需药品与耗材', '既往病历'],
      minDurationMinutes: 30, maxDurationMinutes: 180, defaultDurationMinutes: 60, priceFen: 19900, beijingPriceFen: 22900,
    },
  ],
  /** Default price rules for every city. */
  priceRules: [
    {
      code: 'grade_3a', name: '三甲医院加价', type: 'hospital_grade' as PriceRuleType, kind: 'surcharge' as PriceRuleKind,
      amountType: 'bp' as PriceAmountType, amount: 1000, params: { grades: ['三甲'] },
      categoryCodes: ['outpatient', 'examination', 'inpatient_escort'], sortOrder: 10,
    },
    {
      code: 'night', name: '夜间服务加价', type: 'night' as PriceRuleType, kind: 'surcharge' as PriceRuleKind,
      amountType: 'bp' as PriceAmountType, amount: 2000, params: { startTime: '20:00', endTime: '07:00' },
      categoryCodes: ['outpatient', 'examination', 'inpatient_escort', 'errand', 'home_care'], sortOrder: 20,
    },
    {
      code: 'same_day', name: '当日加急', type: 'same_day' as PriceRuleType, kind: 'surcharge' as PriceRuleKind,
      amountType: 'bp' as PriceAmountType, amount: 1500, params: { sameCalendarDay: true },
      categoryCodes: ['outpatient', 'examination', 'inpatient_escort', 'errand', 'home_care'], sortOrder: 30,
    },
    {
      code: 'first_order', name: '首单立减', type: 'first_order' as PriceRuleType, kind: 'discount' as PriceRuleKind,
      amountType: 'fen' as PriceAmountType, amount: 2000, params: {}, categoryCodes: [] as string[], sortOrder: 40,
    },
    {
      code: 'member', name: '会员 95 折', type: 'member' as PriceRuleType, kind: 'discount' as PriceRuleKind,
      amountType: 'bp' as PriceAmountType, amount: 500, params: {}, categoryCodes: [] as string[], sortOrder: 50,
    },
  ],
  escorts: [
    { cityId: 1, name: '李静', gender: 'female' as const, phone: '13900000001', level: 'senior' as EscortLevel, status: 'active' as EscortStatus },
    { cityId: 1, name: '王强', gender: 'male' as const, phone: '13900000002', level: 'junior' as EscortLevel, status: 'active' as EscortStatus },
    { cityId: 1, name: '陈晓燕', gender: 'female' as const, phone: '13900000003', level: 'expert' as EscortLevel, status: 'active' as EscortStatus },
    { cityId: 2, name: '赵敏', gender: 'female' as const, phone: '13900000004', level: 'senior' as EscortLevel, status: 'active' as EscortStatus },
    { cityId: 2, name: '刘洋', gender: 'male' as const, phone: '13900000005', level: 'trainee' as EscortLevel, status: 'applicant' as EscortStatus },
  ],
  customers: [{ phone: '13800000001', nickname: '张女士' }],
};
