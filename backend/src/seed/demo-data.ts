import type { StaffRole } from '../modules/users/roles';
import type { PricingUnit, ServiceCategoryCode } from '../modules/catalog/catalog-codes';
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
  serviceItems: [
    { code: 'OPD-STD', categoryCode: 'outpatient' as ServiceCategoryCode, name: '门诊陪诊（半天）', description: '挂号、候诊、就诊引导、取药，全程陪同', pricingUnit: 'half_day' as PricingUnit, basePriceFen: 19900 },
    { code: 'EXAM-STD', categoryCode: 'examination' as ServiceCategoryCode, name: '检查陪诊', description: '陪同完成 B超、CT、核磁等检查，协助排队与取报告', pricingUnit: 'visit' as PricingUnit, basePriceFen: 15900 },
    { code: 'INP-ESC', categoryCode: 'inpatient_escort' as ServiceCategoryCode, name: '住院陪诊', description: '办理入院、出院手续，协助检查安排', pricingUnit: 'visit' as PricingUnit, basePriceFen: 29900 },
    { code: 'INP-CARE', categoryCode: 'inpatient_care' as ServiceCategoryCode, name: '住院陪护（全天）', description: '住院期间日常照护：饮食、清洁、翻身、陪伴', pricingUnit: 'day' as PricingUnit, basePriceFen: 36000 },
    { code: 'ERR-REPORT', categoryCode: 'errand' as ServiceCategoryCode, name: '代取检查报告', description: '凭身份证复印件与缴费凭证代取报告并寄送', pricingUnit: 'visit' as PricingUnit, basePriceFen: 6900 },
    { code: 'ERR-MEDS', categoryCode: 'errand' as ServiceCategoryCode, name: '代买药品', description: '凭处方代为购药并送达', pricingUnit: 'visit' as PricingUnit, basePriceFen: 5900 },
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
