/**
 * Staff roles and the permission strings each grants. Routes check permissions, never role
 * names, so a new role is one entry here.
 */
export const PERMISSIONS = {
  'dashboard:read': '查看首页看板',
  'staff:read': '查看员工账号',
  'staff:write': '管理员工账号',
  'audit:read': '查看审计日志',
  'city:read': '查看城市',
  'hospital:read': '查看医院',
  'hospital:write': '管理医院资料（科室、公告、集合点、流程）',
  'escort:read': '查看陪诊师',
  'escort:write': '管理陪诊师档案（新建、编辑、停用）',
  'escort:review': '审核陪诊师入驻申请与证书（可查看证件图片）',
  'schedule:write': '管理陪诊师排班（模板、调班、审批调班申请）',
  'leave:write': '录入与审批陪诊师请假',
  'catalog:read': '查看服务项目',
  'catalog:write': '管理服务项目与价格',
  'customer:read': '查看客户',
  'pii:reveal': '查看完整个人信息',
  'order:read': '查看订单',
  'order:write': '处理订单（取消、改约、备注、人工完成）',
  'order:dispatch': '派单与改派',
  'payment:read': '查看支付与退款、订单资金流水',
  'refund:write': '发起退款、重试失败的退款',
  'refund:approve': '审批大额退款',
  'reconciliation:write': '对账：下载或导入渠道账单、说明差异',
  'settlement:read': '查看分成规则、结算单、财务日报与导出',
  'settlement:write': '生成、重算、确认结算单，登记扣款',
  'settlement:pay': '登记结算打款',
  'commission:write': '修改陪诊师分成规则',
  'settings:read': '查看业务设置',
  'settings:write': '修改业务设置',
  'review:read': '查看评价与服务质量统计',
  'review:moderate': '审核评价（隐藏、恢复）与回复',
  'ticket:read': '查看工单（投诉、反馈、建议）',
  'ticket:write': '处理工单（回复、指派、解决、关闭、判罚陪诊师）',
  'knowledge:read': '查看知识库',
  'knowledge:write': '编辑与发布知识库文章',
  'credit:read': '查看客户信用',
  'credit:write': '调整客户信用、警告与封禁',
  'analytics:read': '查看数据分析看板',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export const STAFF_ROLES = {
  admin: {
    name: '管理员',
    permissions: Object.keys(PERMISSIONS) as Permission[],
  },
  ops: {
    name: '运营',
    permissions: [
      'dashboard:read',
      'city:read',
      'hospital:read',
      'hospital:write',
      'escort:read',
      'escort:write',
      'escort:review',
      'schedule:write',
      'leave:write',
      'catalog:read',
      'catalog:write',
      'customer:read',
      'order:read',
      'order:write',
      'order:dispatch',
      'settings:read',
      'review:read',
      'review:moderate',
      'ticket:read',
      'ticket:write',
      'knowledge:read',
      'knowledge:write',
      'credit:read',
      'credit:write',
      'analytics:read',
    ],
  },
  finance: {
    name: '财务',
    permissions: [
      'dashboard:read',
      'city:read',
      'customer:read',
      'order:read',
      'payment:read',
      'refund:write',
      'refund:approve',
      'reconciliation:write',
      'settlement:read',
      'settlement:write',
      'settlement:pay',
      'commission:write',
      'analytics:read',
    ],
  },
  support: {
    name: '客服',
    permissions: [
      'dashboard:read',
      'city:read',
      'customer:read',
      'hospital:read',
      'catalog:read',
      'order:read',
      'order:write',
      'payment:read',
      'refund:write',
      'review:read',
      'review:moderate',
      'ticket:read',
      'ticket:write',
      'knowledge:read',
      'knowledge:write',
      'credit:read',
      'credit:write',
    ],
  },
} satisfies Record<string, { name: string; permissions: Permission[] }>;
export type StaffRole = keyof typeof STAFF_ROLES;
export const STAFF_ROLE_CODES = Object.keys(STAFF_ROLES) as StaffRole[];

export function permissionsOf(roles: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (const role of roles) {
    const def = STAFF_ROLES[role as StaffRole];
    if (def) def.permissions.forEach(p => result.add(p));
  }
  return result;
}

/** Admins see every city; everyone else only the cities assigned to them. */
export function cityScopeOf(roles: readonly string[], cityIds: readonly number[]): number[] | null {
  return roles.includes('admin') ? null : [...cityIds];
}
