import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { Payment } from './payment.entity';
import { PaymentService } from './payment.service';
import { PaymentEvent } from './payment-event.entity';
import { Refund, RefundStatus } from './refund.entity';
import { Order } from '../orders/order.entity';
import { OrderActor, OrderService } from '../orders/order.service';
import { LedgerService } from '../ledger/ledger.service';
import { Errors } from '../../common/errors';
import { Page, PageQuery, toPage } from '../../common/pagination';
import type { AdminPaymentDetail, AdminPaymentView, AdminRefundView, OrderMoneyView } from './dto/admin-payment.dto';

export interface PaymentListQuery extends PageQuery {
  status?: string;
  orderNo?: string;
  channelTransactionId?: string;
  channel?: string;
  from?: Date;
  to?: Date;
}

export interface RefundListQuery extends PageQuery {
  status?: string;
  orderNo?: string;
}

const IN_FLIGHT: RefundStatus[] = ['awaiting_approval', 'pending', 'processing'];

/** What finance reads: payments, refunds and an order's money timeline, within the staff member's cities. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentQueryService {
  @InjectEntityModel(Payment)
  payments: Repository<Payment>;

  @InjectEntityModel(Refund)
  refunds: Repository<Refund>;

  @InjectEntityModel(PaymentEvent)
  events: Repository<PaymentEvent>;

  @Inject()
  orders: OrderService;

  @Inject()
  ledger: LedgerService;

  @Inject()
  paymentService: PaymentService;

  private scoped<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, cityIds: number[] | null, orderNo?: string): SelectQueryBuilder<T> {
    if (cityIds !== null) qb.andWhere(cityIds.length ? 'o.city_id IN (:...cityIds)' : '1 = 0', { cityIds });
    if (orderNo) qb.andWhere('o.order_no = :orderNo', { orderNo });
    return qb;
  }

  async listPayments(q: PaymentListQuery, cityIds: number[] | null): Promise<Page<AdminPaymentView>> {
    const qb = this.scoped(this.payments.createQueryBuilder('p').innerJoin(Order, 'o', 'o.id = p.order_id'), cityIds, q.orderNo);
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.channel) qb.andWhere('p.channel = :channel', { channel: q.channel });
    if (q.channelTransactionId) qb.andWhere('p.channel_transaction_id = :tid', { tid: q.channelTransactionId });
    if (q.from) qb.andWhere('p.created_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('p.created_at < :to', { to: q.to });
    const [rows, total] = await qb.orderBy('p.id', 'DESC').skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
    return toPage(await this.paymentViews(rows), total, q);
  }

  async paymentDetail(paymentId: number, actor: OrderActor): Promise<AdminPaymentDetail> {
    const p = await this.payments.findOne({ where: { id: paymentId } });
    if (!p) throw Errors.notFound('支付单');
    await this.orders.getForActor(p.orderId, actor);
    const [view] = await this.paymentViews([p]);
    const refunds = await this.refunds.find({ where: { paymentId: p.id }, order: { id: 'ASC' } });
    const events = await this.events
      .createQueryBuilder('e')
      .where('e.payment_id = :id OR e.out_trade_no = :no', { id: p.id, no: p.outTradeNo })
      .orderBy('e.id', 'ASC')
      .getMany();
    return {
      ...view,
      refunds: await this.refundViews(refunds),
      events: events.map(e => ({
        id: e.id,
        kind: e.kind,
        result: e.result,
        verified: e.verified,
        reason: e.reason,
        eventType: e.eventType,
        rawBody: e.rawBody,
        rawHeaders: e.rawHeaders,
        requestId: e.requestId,
        ip: e.ip,
        outRefundNo: e.outRefundNo,
        receivedAt: e.receivedAt,
      })),
    };
  }

  async listRefunds(q: RefundListQuery, cityIds: number[] | null): Promise<Page<AdminRefundView>> {
    const qb = this.scoped(this.refunds.createQueryBuilder('r').innerJoin(Order, 'o', 'o.id = r.order_id'), cityIds, q.orderNo);
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    const [rows, total] = await qb.orderBy('r.id', 'DESC').skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
    return toPage(await this.refundViews(rows), total, q);
  }

  async refundView(refundId: number): Promise<AdminRefundView> {
    const [view] = await this.refundViews([await this.refunds.findOneByOrFail({ id: refundId })]);
    return view;
  }

  /** The order's money in one place: payments, refunds, the journal entries and the balances they leave. */
  async orderMoney(orderId: number, actor: OrderActor): Promise<OrderMoneyView> {
    const order = await this.orders.getForActor(orderId, actor);
    const payments = await this.payments.find({ where: { orderId }, order: { id: 'ASC' } });
    const refunds = await this.refunds.find({ where: { orderId }, order: { id: 'ASC' } });
    const ledgerEntries = await this.ledger.entriesForOrder(orderId);
    const balances = await this.ledger.balances({ orderId });
    const paidFen = sum(payments.filter(p => p.status === 'succeeded').map(p => p.amountFen));
    const refundedFen = sum(refunds.filter(r => r.status === 'succeeded').map(r => r.amountFen));
    const refundInFlightFen = sum(refunds.filter(r => IN_FLIGHT.includes(r.status)).map(r => r.amountFen));
    const applied = payments.find(p => p.status === 'succeeded' && p.appliedToOrder && p.purpose === 'prepay');
    const heldOnApplied = applied ? sum(refunds.filter(r => r.paymentId === applied.id && r.status !== 'failed' && r.status !== 'rejected').map(r => r.amountFen)) : 0;
    const shareLines = ledgerEntries.flatMap(e => e.lines);
    return {
      orderId: order.id,
      orderNo: order.orderNo,
      status: order.status,
      summary: {
        totalFen: order.totalFen,
        paidFen,
        refundedFen,
        refundInFlightFen,
        refundableFen: applied ? applied.amountFen - heldOnApplied : 0,
        platformFen: -sum(shareLines.filter(l => l.account === 'platform_revenue').map(l => l.amountFen)),
        escortFen: -sum(shareLines.filter(l => l.account === 'escort_payable').map(l => l.amountFen)),
      },
      payments: await this.paymentViews(payments),
      refunds: await this.refundViews(refunds),
      ledgerEntries,
      balances,
      postpay: await this.paymentService.postpayView(order.id, actor),
    };
  }

  /**
   * What reconciliation compares with a day's bill: the payments and refunds the bill names (by
   * out_trade_no / out_refund_no, whatever their day) and every one that succeeded in [from, to).
   */
  async reconciliationRecords(from: Date, to: Date, outTradeNos: string[], outRefundNos: string[]) {
    const pq = this.payments.createQueryBuilder('p').where('(p.status = :succeeded AND p.paid_at >= :from AND p.paid_at < :to)', { succeeded: 'succeeded', from, to });
    if (outTradeNos.length) pq.orWhere('p.out_trade_no IN (:...nos)', { nos: outTradeNos });
    const rq = this.refunds.createQueryBuilder('r').where('(r.status = :succeeded AND r.succeeded_at >= :from AND r.succeeded_at < :to)', { succeeded: 'succeeded', from, to });
    if (outRefundNos.length) rq.orWhere('r.out_refund_no IN (:...nos)', { nos: outRefundNos });
    const [payments, refunds] = await Promise.all([pq.getMany(), rq.getMany()]);
    const tradeNos = new Map((await this.payments.find({ where: { id: In([...new Set(refunds.map(r => r.paymentId))]) }, select: { id: true, outTradeNo: true } })).map(p => [p.id, p.outTradeNo]));
    return {
      payments: payments.map(p => ({ outTradeNo: p.outTradeNo, transactionId: p.channelTransactionId, amountFen: p.amountFen, status: p.status, paidAt: p.paidAt ? new Date(p.paidAt) : null })),
      refunds: refunds.map(r => ({ outRefundNo: r.outRefundNo, outTradeNo: tradeNos.get(r.paymentId) ?? '', channelRefundId: r.channelRefundId, amountFen: r.amountFen, status: r.status, succeededAt: r.succeededAt ? new Date(r.succeededAt) : null })),
    };
  }

  private async orderNos(orderIds: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(orderIds)];
    if (!unique.length) return new Map();
    const rows = await this.payments.manager.getRepository(Order).find({ where: { id: In(unique) }, select: { id: true, orderNo: true } });
    return new Map(rows.map(o => [o.id, o.orderNo]));
  }

  private async paymentViews(rows: Payment[]): Promise<AdminPaymentView[]> {
    const nos = await this.orderNos(rows.map(p => p.orderId));
    const refunded = new Map<number, number>();
    if (rows.length) {
      const sums = await this.refunds
        .createQueryBuilder('r')
        .select('r.payment_id', 'paymentId')
        .addSelect('COALESCE(SUM(r.amount_fen), 0)', 'total')
        .where('r.payment_id IN (:...ids) AND r.status = :succeeded', { ids: rows.map(p => p.id), succeeded: 'succeeded' })
        .groupBy('r.payment_id')
        .getRawMany<{ paymentId: number; total: string | number }>();
      sums.forEach(s => refunded.set(Number(s.paymentId), Number(s.total)));
    }
    return rows.map(p => ({
      id: p.id,
      orderId: p.orderId,
      orderNo: nos.get(p.orderId) ?? '',
      outTradeNo: p.outTradeNo,
      channel: p.channel,
      purpose: p.purpose,
      amountFen: p.amountFen,
      status: p.status,
      channelTransactionId: p.channelTransactionId,
      appliedToOrder: p.appliedToOrder,
      refundedFen: refunded.get(p.id) ?? 0,
      paidAt: p.paidAt,
      closedAt: p.closedAt,
      statusReason: p.statusReason,
      createdAt: p.createdAt,
    }));
  }

  private async refundViews(rows: Refund[]): Promise<AdminRefundView[]> {
    const nos = await this.orderNos(rows.map(r => r.orderId));
    return rows.map(r => ({
      id: r.id,
      paymentId: r.paymentId,
      orderId: r.orderId,
      orderNo: nos.get(r.orderId) ?? '',
      outRefundNo: r.outRefundNo,
      amountFen: r.amountFen,
      reason: r.reason,
      source: r.source,
      status: r.status,
      requestedByType: r.requestedByType,
      requestedById: r.requestedById,
      requestedByName: r.requestedByName,
      reviewedByName: r.reviewedByName,
      reviewedAt: r.reviewedAt,
      reviewNote: r.reviewNote,
      submitAttempts: r.submitAttempts,
      lastError: r.lastError,
      succeededAt: r.succeededAt,
      createdAt: r.createdAt,
    }));
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
