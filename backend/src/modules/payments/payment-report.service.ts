import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Payment } from './payment.entity';
import { Refund } from './refund.entity';
import { Order } from '../orders/order.entity';

/** A payment as an export row needs it, read raw (no entity objects: exports read hundreds of thousands). */
export interface PaymentRow {
  id: number;
  orderId: number;
  orderNo: string;
  outTradeNo: string;
  channelTransactionId: string | null;
  channel: string;
  status: string;
  amountFen: number;
  createdAt: Date | null;
  paidAt: Date | null;
}

export interface RefundRow {
  id: number;
  orderId: number;
  orderNo: string;
  outRefundNo: string;
  source: string;
  status: string;
  amountFen: number;
  reason: string;
  requestedByName: string;
  createdAt: Date | null;
  succeededAt: Date | null;
}

/** mysql2 (timezone Z) gives Dates; SQLite gives UTC text 'YYYY-MM-DD HH:MM:SS[.sss]'. */
function rawDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  const text = String(v);
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

export interface MoneyRangeFilter {
  /** Inclusive; by the time the money moved (paid_at / succeeded_at), or by creation when `status` is not the final one. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  status?: string;
}

/**
 * Reports over payments and refunds for finance (exports, the daily summary), read in keyset
 * pages by id so an export of any size streams without holding the rows.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentReportService {
  @InjectEntityModel(Payment)
  payments: Repository<Payment>;

  @InjectEntityModel(Refund)
  refunds: Repository<Refund>;

  private paymentQuery(f: MoneyRangeFilter): SelectQueryBuilder<Payment> {
    const qb = this.payments.createQueryBuilder('p');
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.from) qb.andWhere('p.created_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('p.created_at < :to', { to: f.to });
    return qb;
  }

  private refundQuery(f: MoneyRangeFilter): SelectQueryBuilder<Refund> {
    const qb = this.refunds.createQueryBuilder('r');
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.from) qb.andWhere('r.created_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('r.created_at < :to', { to: f.to });
    return qb;
  }

  countPayments(f: MoneyRangeFilter): Promise<number> {
    return this.paymentQuery(f).getCount();
  }

  /** Payments after `afterId`, by id, at most `limit`, as plain rows (exports). */
  async paymentRows(f: MoneyRangeFilter, afterId: number, limit: number): Promise<PaymentRow[]> {
    // The order number comes in the same query (primary-key join): one round trip per page.
    const raw = await this.paymentQuery(f)
      .leftJoin(Order, 'o', 'o.id = p.order_id')
      .select(['p.id AS id', 'p.order_id AS orderId', 'o.order_no AS orderNo', 'p.out_trade_no AS outTradeNo', 'p.channel_transaction_id AS tx', 'p.channel AS channel', 'p.status AS status', 'p.amount_fen AS amountFen', 'p.created_at AS createdAt', 'p.paid_at AS paidAt'])
      .andWhere('p.id > :afterId', { afterId })
      .orderBy('p.id', 'ASC')
      .limit(limit)
      .getRawMany();
    return raw.map(r => ({
      id: Number(r.id),
      orderId: Number(r.orderId),
      orderNo: r.orderNo ?? '',
      outTradeNo: r.outTradeNo,
      channelTransactionId: r.tx ?? null,
      channel: r.channel,
      status: r.status,
      amountFen: Number(r.amountFen),
      createdAt: rawDate(r.createdAt),
      paidAt: rawDate(r.paidAt),
    }));
  }

  /** Refunds after `afterId`, by id, at most `limit`, as plain rows (exports). */
  async refundRows(f: MoneyRangeFilter, afterId: number, limit: number): Promise<RefundRow[]> {
    const raw = await this.refundQuery(f)
      .leftJoin(Order, 'o', 'o.id = r.order_id')
      .select(['r.id AS id', 'r.order_id AS orderId', 'o.order_no AS orderNo', 'r.out_refund_no AS outRefundNo', 'r.source AS source', 'r.status AS status', 'r.amount_fen AS amountFen', 'r.reason AS reason', 'r.requested_by_name AS requestedByName', 'r.created_at AS createdAt', 'r.succeeded_at AS succeededAt'])
      .andWhere('r.id > :afterId', { afterId })
      .orderBy('r.id', 'ASC')
      .limit(limit)
      .getRawMany();
    return raw.map(r => ({
      id: Number(r.id),
      orderId: Number(r.orderId),
      orderNo: r.orderNo ?? '',
      outRefundNo: r.outRefundNo,
      source: r.source,
      status: r.status,
      amountFen: Number(r.amountFen),
      reason: r.reason,
      requestedByName: r.requestedByName,
      createdAt: rawDate(r.createdAt),
      succeededAt: rawDate(r.succeededAt),
    }));
  }

  countRefunds(f: MoneyRangeFilter): Promise<number> {
    return this.refundQuery(f).getCount();
  }

  /** Money that came in and went back in `[from, to)`: succeeded payments by paid time, succeeded refunds by success time. */
  async totalsBetween(from: Date, to: Date): Promise<{ receivedFen: number; paymentCount: number; refundedFen: number; refundCount: number }> {
    const p = await this.payments
      .createQueryBuilder('p')
      .select('COALESCE(SUM(p.amount_fen), 0)', 'fen')
      .addSelect('COUNT(*)', 'n')
      .where("p.status = 'succeeded' AND p.paid_at >= :from AND p.paid_at < :to", { from, to })
      .getRawOne();
    const r = await this.refunds
      .createQueryBuilder('r')
      .select('COALESCE(SUM(r.amount_fen), 0)', 'fen')
      .addSelect('COUNT(*)', 'n')
      .where("r.status = 'succeeded' AND r.succeeded_at >= :from AND r.succeeded_at < :to", { from, to })
      .getRawOne();
    return { receivedFen: Number(p?.fen ?? 0), paymentCount: Number(p?.n ?? 0), refundedFen: Number(r?.fen ?? 0), refundCount: Number(r?.n ?? 0) };
  }
}
