/**
 * Settlement enums as the backend defines them (backend/src/modules/settlements): labels, Tag
 * colours and ProTable badges, one map per enum.
 */
import type { EnumEntry } from './enums';

export type SettlementRunStatus = 'draft' | 'confirmed' | 'paid';

export const SETTLEMENT_RUN_STATUS = {
  draft: { label: '草稿', color: 'gold', status: 'Warning' },
  confirmed: { label: '已确认', color: 'blue', status: 'Processing' },
  paid: { label: '已打款', color: 'green', status: 'Success' },
} as const satisfies Record<SettlementRunStatus, EnumEntry>;

export type SettlementCadence = 'weekly' | 'monthly';

export const SETTLEMENT_CADENCE = {
  monthly: { label: '按月', color: 'blue' },
  weekly: { label: '按周', color: 'cyan' },
} as const satisfies Record<SettlementCadence, EnumEntry>;

export type SettlementItemKind = 'order' | 'refund' | 'deduction' | 'adjustment';

export const SETTLEMENT_ITEM_KIND = {
  order: { label: '完成订单', color: 'green' },
  refund: { label: '退款扣回', color: 'orange' },
  deduction: { label: '罚款/赔偿', color: 'red' },
  adjustment: { label: '以前期间调整', color: 'purple' },
} as const satisfies Record<SettlementItemKind, EnumEntry>;

export const DEDUCTION_KIND = {
  penalty: { label: '罚款', color: 'red' },
  compensation: { label: '赔偿', color: 'volcano' },
} as const satisfies Record<'penalty' | 'compensation', EnumEntry>;

export const COMMISSION_STATE = {
  in_force: { label: '生效中', color: 'green', status: 'Success' },
  scheduled: { label: '待生效', color: 'blue', status: 'Processing' },
  superseded: { label: '已被取代', color: 'default', status: 'Default' },
} as const satisfies Record<'in_force' | 'scheduled' | 'superseded', EnumEntry>;

export type ExportKind = 'settlement_lines' | 'settlement_items' | 'payouts' | 'payments' | 'refunds' | 'reconciliation';

export const EXPORT_KIND: Record<ExportKind, string> = {
  settlement_lines: '结算单',
  settlement_items: '结算明细',
  payouts: '打款记录',
  payments: '支付记录',
  refunds: '退款记录',
  reconciliation: '对账差异',
};

export const PAYOUT_METHOD = {
  bank_transfer: { label: '银行转账', color: 'blue' },
  wechat: { label: '微信', color: 'green' },
  alipay: { label: '支付宝', color: 'cyan' },
  cash: { label: '现金', color: 'default' },
  import: { label: '导入', color: 'purple' },
} as const satisfies Record<string, EnumEntry>;
