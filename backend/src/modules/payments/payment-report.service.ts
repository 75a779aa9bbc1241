import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Payment } from './payment.entity';
import { Refund } from './refund.entity';

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

  /** Payments after `afterId`, by id, at most `limit`. */
  paymentsPage(f: MoneyRangeFilter, afterId: number, limit: number): Promise<Payment[]> {
    return this.paymentQuery(f).andWhere('p.id > :afterId', { afterId }).orderBy('p.id', 'ASC').take(limit).getMany();
  }

  countRefunds(f: MoneyRangeFilter): Promise<number> {
    return this.refundQuery(f).getCount();
  }

  refundsPage(f: MoneyRangeFilter, afterId: number, limit: number): Promise<Refund[]> {
    return this.refundQuery(f).andWhere('r.id > :afterId', { afterId }).orderBy('r.id', 'ASC').take(limit).getMany();
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
