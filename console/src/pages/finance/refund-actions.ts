/**
 * Which buttons a refund row offers: its status decides what the backend would accept, the user's
 * access flags narrow it, so a button is never shown whose request would be refused.
 */
import type { RefundStatus } from '@/constants/finance';
import { YUAN_INPUT_PATTERN, yuanTextToFen } from '@/utils/money';

export type RefundButton = 'approve' | 'reject' | 'retry';

export const REFUND_BUTTON_LABEL: Record<RefundButton, string> = {
  approve: '批准',
  reject: '驳回',
  retry: '重试',
};

export interface RefundButtonAccess {
  canWriteRefunds: boolean;
  canApproveRefunds: boolean;
}

/** Buttons in display order. */
export function refundButtons(refund: { status: RefundStatus }, access: RefundButtonAccess): RefundButton[] {
  const buttons: RefundButton[] = [];
  if (refund.status === 'awaiting_approval' && access.canApproveRefunds) buttons.push('approve', 'reject');
  // Only a final failure needs a person: pending refunds are resent by the backend's job with the
  // same out_refund_no, and processing ones wait for the channel's result.
  if (refund.status === 'failed' && access.canWriteRefunds) buttons.push('retry');
  return buttons;
}

const MIN_REFUND_FEN = 1;

/**
 * The 发起退款 amount as typed in yuan → integer fen, or the message to show. Parsed from the text
 * without floats (yuanTextToFen), so '0.29' is 29 fen and never 28.999….
 */
export function parseRefundYuan(text: string | undefined | null): { fen: number } | { error: string } {
  const trimmed = String(text ?? '').trim();
  if (!trimmed) return { error: '请填写退款金额' };
  if (!YUAN_INPUT_PATTERN.test(trimmed)) return { error: '请输入金额（元），最多两位小数' };
  const fen = yuanTextToFen(trimmed);
  if (fen < MIN_REFUND_FEN) return { error: '退款金额至少 ¥0.01' };
  return { fen };
}
