import type { CreditTier } from '../settings/settings-defaults';
import type { CreditStatus } from './customer-credit.entity';

/** What booking may do for a customer, from their score and standing. */
export interface BookingPolicy {
  score: number;
  status: CreditStatus;
  /** null = no limit; 0 = may not book at all. */
  maxOpenOrders: number | null;
}

export interface BookingRefusal {
  code: 'CREDIT_ACCOUNT_SUSPENDED' | 'CREDIT_SCORE_TOO_LOW' | 'CREDIT_OPEN_ORDER_LIMIT';
  message: string;
}

/** Scores stay between 0 and the initial score (the best a customer can hold). */
export function clampScore(score: number, max: number): number {
  return Math.max(0, Math.min(max, Math.round(score)));
}

/** The strictest tier the score falls under: tiers are checked from the lowest `below` up. */
export function maxOpenOrdersFor(score: number, tiers: readonly CreditTier[]): number | null {
  const hit = [...tiers].sort((a, b) => a.below - b.below).find(t => score < t.below);
  return hit ? hit.maxOpenOrders : null;
}

export function bookingPolicy(score: number, status: CreditStatus, tiers: readonly CreditTier[]): BookingPolicy {
  return { score, status, maxOpenOrders: status === 'suspended' ? 0 : maxOpenOrdersFor(score, tiers) };
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
  if (policy.maxOpenOrders === null) return '无限制';
  if (policy.maxOpenOrders === 0) return '暂时无法预约';
  return `同时最多 ${policy.maxOpenOrders} 个进行中的订单`;
}
