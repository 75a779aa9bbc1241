import type { CreditTier } from '../settings/settings-defaults';
import type { CreditStatus } from './customer-credit.entity';

/** What booking may do for a customer, from their score and standing. */
export interface BookingPolicy {
  score: number;
  status: CreditStatus;
  /** null = no limit; 0 = may not book at all. */
  maxOpenOrders: number | null;
  /** A refundable deposit added to each booking (0 = none). */
  depositFen: number;
}

export interface BookingRefusal {
  code: 'CREDIT_ACCOUNT_SUSPENDED' | 'CREDIT_SCORE_TOO_LOW' | 'CREDIT_OPEN_ORDER_LIMIT';
  message: string;
}

/** Scores stay between 0 and the initial score (the best a customer can hold). */
export function clampScore(score: number, max: number): number {
  return Math.max(0, Math.min(max, Math.round(score)));
}

/** The strictest open-order limit among the tiers the score falls under (null = none limits it). */
export function maxOpenOrdersFor(score: number, tiers: readonly CreditTier[]): number | null {
  const limits = tiers.filter(t => score < t.below && t.maxOpenOrders !== null && t.maxOpenOrders !== undefined).map(t => t.maxOpenOrders as number);
  return limits.length ? Math.min(...limits) : null;
}

/** The largest deposit among the tiers the score falls under (0 = none). */
export function depositFor(score: number, tiers: readonly CreditTier[]): number {
  return Math.max(0, ...tiers.filter(t => score < t.below).map(t => t.depositFen ?? 0));
}

export function bookingPolicy(score: number, status: CreditStatus, tiers: readonly CreditTier[]): BookingPolicy {
  return { score, status, maxOpenOrders: status === 'suspended' ? 0 : maxOpenOrdersFor(score, tiers), depositFen: depositFor(score, tiers) };
}

/** Why this booking is refused, or null when it may go ahead. */
export function bookingRefusal(policy: BookingPolicy, openOrders: number): BookingRefusal | null {
  if (policy.status === 'suspended') {
    return { code: 'CREDIT_ACCOUNT_SUSPENDED', message: '您的账号已被限制预约，如有疑问请联系客服' };
  }
  if (policy.maxOpenOrders === null) return null;
  if (policy.maxOpenOrders === 0) {
    return { code: 'CREDIT_SCORE_TOO_LOW', message: `您的信用分为 ${policy.score}，暂时无法预约，如有疑问请联系客服` };
  }
  if (openOrders >= policy.maxOpenOrders) {
    return {
      code: 'CREDIT_OPEN_ORDER_LIMIT',
      message: `您的信用分为 ${policy.score}，同时最多可有 ${policy.maxOpenOrders} 个进行中的订单，请在当前订单完成或取消后再预约`,
    };
  }
  return null;
}

/** A short sentence for the customer about what their score allows. */
export function restrictionText(policy: BookingPolicy): string {
  if (policy.status === 'suspended') return '账号已被限制预约';
  if (policy.maxOpenOrders === 0) return '暂时无法预约';
  const parts: string[] = [];
  if (policy.maxOpenOrders !== null) parts.push(`同时最多 ${policy.maxOpenOrders} 个进行中的订单`);
  if (policy.depositFen > 0) parts.push(`下单需支付押金 ¥${(policy.depositFen / 100).toFixed(2)}（服务完成后退还）`);
  return parts.length ? parts.join('；') : '无限制';
}
