import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, LessThan, MoreThan, Repository } from 'typeorm';
import { Payment, PaymentPurpose } from './payment.entity';
import { POSTPAY_PAYABLE_STATUSES, PostpayBalance, postpayBalance } from './postpay-balance';
import { PaymentEvent } from './payment-event.entity';
import { ChannelTransaction, GatewayError, JsapiPayParams, PaymentChannel } from './payment-gateway';
import { PaymentGatewayProvider } from './payment-gateway.provider';
import { RefundService } from './refund.service';
import { Order } from '../orders/order.entity';
import { OrderActor, OrderService, SYSTEM_ACTOR } from '../orders/order.service';
import { ORDER_STATUS_LABELS } from '../orders/order-transitions';
import { CustomerService } from '../users/customer.service';
import { LedgerService } from '../ledger/ledger.service';
import { TransactionService } from '../../common/db/transaction.service';
import { isUniqueViolation } from '../../common/db-errors';
import { AppError, Errors } from '../../common/errors';

/** What the mini-program needs to open the cashier. */
export interface PaymentStart {
  paymentId: number;
  orderId: number;
  purpose: PaymentPurpose;
  outTradeNo: string;
  amountFen: number;
  channel: PaymentChannel;
  prepayId: string;
  /** Pass as-is to wx.requestPayment. */
  payParams: JsapiPayParams;
  /** Sandbox only: where the H5 app (or a test) confirms the payment in the stand-in cashier. */
  sandboxPayUrl: string | null;
}

/** The customer has this long to pay a postpay balance once they open its cashier. */
export const POSTPAY_WINDOW_MINUTES = 30;

/** What the customer and the console see of an order's postpay balance. */
export interface PostpayView extends PostpayBalance {
  orderId: number;
  orderStatus: string;
  /** True when the customer can pay the balance now. */
  payable: boolean;
  charges: { id: number; description: string; amountFen: number; receiptUrl: string; status: string; createdAt: Date }[];
  payments: { id: number; outTradeNo: string; amountFen: number; status: string; appliedToOrder: boolean; paidAt: Date | null; createdAt: Date }[];
}

/** What a verified report of money in (callback or query) led to. */
export type TransactionOutcome =
  | { outcome: 'applied'; payment: Payment; orderPaid: boolean; refundId: number | null }
  | { outcome: 'duplicate'; payment: Payment }
  | { outcome: 'rejected'; reason: string; payment?: Payment };

const MONEY_ARRIVED = ['SUCCESS', 'REFUND'];

/**
 * Money in: opening a payment for an order (JSAPI prepay), applying the channel's verified word
 * that the money arrived (once, whatever the number of callbacks and queries), and the job that
 * asks the channel about payments whose callback never came.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentService {
  @InjectEntityModel(Payment)
  payments: Repository<Payment>;

  @Inject()
  tx: TransactionService;

  @Inject()
  orders: OrderService;

  @Inject()
  customers: CustomerService;

  @Inject()
  refunds: RefundService;

  @Inject()
  gateways: PaymentGatewayProvider;

  @Inject()
  ledger: LedgerService;

  @Logger()
  logger: ILogger;

  private reconcileCursor = 0;

  /**
   * Opens (or reuses) the order's pending payment for its total and returns the parameters for
   * wx.requestPayment. Asking the channel again with the same out_trade_no is safe: it answers
   * the same prepay id, or a fresh one once the old expired.
   */
  async startPayment(orderId: number, actor: OrderActor, now = new Date()): Promise<PaymentStart> {
    const order = await this.orders.getForActor(orderId, actor);
    this.assertPayable(order, now);
    return this.openAndPrepay(order, {
      purpose: 'prepay',
      amountFen: () => order.totalFen,
      description: `${order.serviceName} ${order.orderNo}`,
      expiresAt: () => new Date(Math.max(new Date(order.paymentDeadlineAt).getTime(), now.getTime() + 60_000)),
      alreadyPaid: () => Errors.conflict('ORDER_ALREADY_PAID', '订单已支付，请勿重复支付'),
    });
  }

  /**
   * Opens (or reuses) the payment of the order's postpay balance: confirmed extra charges less the
   * postpay payments already applied. Same channel, same one-open-payment key, same callback path
   * as the prepayment; only the amount and what "applied" means differ.
   */
  async startPostpay(orderId: number, actor: OrderActor, now = new Date()): Promise<PaymentStart> {
    const order = await this.orders.getForActor(orderId, actor);
    if (!POSTPAY_PAYABLE_STATUSES.includes(order.status)) {
      throw Errors.conflict('POSTPAY_NOT_PAYABLE', `订单当前状态为「${ORDER_STATUS_LABELS[order.status]}」，不能支付补差款`);
    }
    const balance = await this.postpayBalanceOf(this.payments.manager, order.id);
    if (balance.dueFen < 1) throw Errors.conflict('POSTPAY_NOTHING_DUE', balance.awaitingConfirmationFen > 0 ? '请先确认代垫费用' : '没有待支付的补差款');
    return this.openAndPrepay(order, {
      purpose: 'postpay',
      amountFen: async () => (await this.postpayBalanceOf(this.payments.manager, order.id)).dueFen,
      description: `${order.serviceName} 代垫费用 ${order.orderNo}`,
      expiresAt: () => new Date(now.getTime() + POSTPAY_WINDOW_MINUTES * 60_000),
      alreadyPaid: () => Errors.conflict('POSTPAY_ALREADY_PAID', '补差款已支付，请勿重复支付'),
    });
  }

  /** The postpay balance of an order, derived from its charges (orders module) and postpay payments. */
  async postpayBalanceOf(manager: EntityManager, orderId: number): Promise<PostpayBalance> {
    const [charges, payments] = await Promise.all([this.orders.extraChargesOf(orderId, manager), manager.getRepository(Payment).find({ where: { orderId, purpose: 'postpay' } })]);
    return postpayBalance(charges, payments);
  }

  /** The balance with its charges and payments, for the customer (their own orders) and staff (their cities). */
  async postpayView(orderId: number, actor: OrderActor): Promise<PostpayView> {
    const order = await this.orders.getForActor(orderId, actor);
    const [charges, payments] = await Promise.all([this.orders.extraChargesOf(order.id), this.payments.find({ where: { orderId: order.id, purpose: 'postpay' }, order: { id: 'ASC' } })]);
    const balance = postpayBalance(charges, payments);
    return {
      orderId: order.id,
      orderStatus: order.status,
      ...balance,
      payable: balance.dueFen > 0 && POSTPAY_PAYABLE_STATUSES.includes(order.status),
      charges: charges.map(c => ({ id: c.id, description: c.description, amountFen: c.amountFen, receiptUrl: c.receiptUrl, status: c.status, createdAt: c.createdAt })),
      payments: payments.map(p => ({ id: p.id, outTradeNo: p.outTradeNo, amountFen: p.amountFen, status: p.status, appliedToOrder: p.appliedToOrder, paidAt: p.paidAt, createdAt: p.createdAt })),
    };
  }

  private async openAndPrepay(
    order: Order,
    spec: { purpose: PaymentPurpose; amountFen: () => number | Promise<number>; description: string; expiresAt: () => Date; alreadyPaid: () => AppError }
  ): Promise<PaymentStart> {
    const gateway = this.gateways.gateway;
    const customer = await this.customers.findActive(order.customerId);
    const openid = customer?.wechatOpenid ?? null;
    if (!openid && gateway.channel === 'wechat') throw Errors.rule('WECHAT_OPENID_REQUIRED', '请先使用微信登录后再支付');

    for (let attempt = 0; ; attempt++) {
      const payment = await this.openPayment(order, spec, gateway.channel, openid);
      try {
        const prepay = await gateway.prepayJsapi({
          outTradeNo: payment.outTradeNo,
          description: spec.description,
          amountFen: payment.amountFen,
          payerOpenid: openid,
          expiresAt: payment.expiresAt,
        });
        await this.payments.update({ id: payment.id, status: 'pending' }, { prepayId: prepay.prepayId });
        return {
          paymentId: payment.id,
          orderId: order.id,
          purpose: payment.purpose,
          outTradeNo: payment.outTradeNo,
          amountFen: payment.amountFen,
          channel: gateway.channel,
          prepayId: prepay.prepayId,
          payParams: prepay.params,
          sandboxPayUrl: gateway.channel === 'sandbox' ? `/api/sandbox-pay/transactions/${encodeURIComponent(prepay.prepayId)}/pay` : null,
        };
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        if (err.code === 'ORDERPAID') {
          // Paid while the callback is still on its way: believe the (signed) query, not the error.
          await this.syncWithChannel(payment);
          throw spec.alreadyPaid();
        }
        if ((err.code === 'ORDER_CLOSED' || err.code === 'OUT_TRADE_NO_USED') && attempt === 0) {
          // The channel no longer takes money under this number: retire it and open the next.
          await this.markClosed(payment, `channel: ${err.code}`);
          continue;
        }
        this.logger.warn('[payments] prepay %s failed: %s %s', payment.outTradeNo, err.code, err.message);
        if (err.retryable) throw new AppError(503, 'PAYMENT_CHANNEL_UNAVAILABLE', '支付通道暂时不可用，请稍后重试');
        throw new AppError(502, 'PAYMENT_CHANNEL_REFUSED', `支付通道拒绝了请求（${err.code}）`);
      }
    }
  }

  private assertPayable(order: Order, now: Date): void {
    if (order.status !== 'pending_payment') {
      throw Errors.conflict('ORDER_NOT_PAYABLE', `订单当前状态为「${ORDER_STATUS_LABELS[order.status]}」，不能支付`);
    }
    if (new Date(order.paymentDeadlineAt).getTime() <= now.getTime()) throw Errors.conflict('ORDER_PAYMENT_EXPIRED', '订单已超过支付时限，请重新下单');
    if (order.totalFen < 1) throw Errors.rule('PAYMENT_AMOUNT_INVALID', '订单金额为 0，无需支付');
  }

  /**
   * The order's one open payment: reused while it still matches (amount, channel, payer),
   * otherwise closed at the channel and replaced. The unique open_order_id lets exactly one of
   * two concurrent taps create it; the other reuses the winner's.
   */
  private async openPayment(
    order: Order,
    spec: { purpose: PaymentPurpose; amountFen: () => number | Promise<number>; expiresAt: () => Date; alreadyPaid: () => AppError },
    channel: PaymentChannel,
    openid: string | null
  ): Promise<Payment> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const amountFen = await spec.amountFen();
      if (amountFen < 1) throw spec.alreadyPaid();
      const open = await this.payments.findOne({ where: { openOrderId: order.id } });
      if (open) {
        if (open.purpose === spec.purpose && open.amountFen === amountFen && open.channel === channel && open.payerOpenid === openid) return open;
        if ((await this.closeAtChannel(open, 'superseded')) === 'paid' && open.purpose === spec.purpose) throw spec.alreadyPaid();
        continue;
      }
      // Prepayments are numbered -01, -02 …; postpay balances -P01, -P02 … (each within 32 characters).
      const count = await this.payments.count({ where: { orderId: order.id, purpose: spec.purpose } });
      const prefix = spec.purpose === 'postpay' ? 'P' : '';
      try {
        const inserted = await this.payments.insert({
          orderId: order.id,
          outTradeNo: `${order.orderNo}-${prefix}${String(count + 1 + attempt).padStart(2, '0')}`,
          channel,
          purpose: spec.purpose,
          amountFen,
          status: 'pending',
          openOrderId: order.id,
          channelTransactionId: null,
          prepayId: null,
          payerOpenid: openid,
          appliedToOrder: false,
          expiresAt: spec.expiresAt(),
          paidAt: null,
          closedAt: null,
          statusReason: '',
        });
        return this.payments.findOneByOrFail({ id: inserted.identifiers[0].id });
      } catch (err) {
        // Another tap opened it first (open_order_id), or took this number: look again.
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw Errors.conflict('PAYMENT_IN_PROGRESS', '支付正在发起中，请稍后重试');
  }

  /** Closes a pending payment at the channel, then here. If the channel says it was paid, that is applied instead. */
  private async closeAtChannel(p: Payment, reason: string): Promise<'closed' | 'paid'> {
    const gateway = this.gateways.gateway;
    if (p.channel === gateway.channel) {
      try {
        await gateway.close(p.outTradeNo);
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        if (err.code === 'ORDERPAID') {
          await this.syncWithChannel(p);
          return 'paid';
        }
        if (err.code !== 'ORDER_NOT_EXIST' && err.code !== 'ORDER_CLOSED') {
          if (err.retryable) throw new AppError(503, 'PAYMENT_CHANNEL_UNAVAILABLE', '支付通道暂时不可用，请稍后重试');
          throw err;
        }
      }
    }
    await this.markClosed(p, reason);
    return 'closed';
  }

  private async markClosed(p: Payment, reason: string, status: 'closed' | 'failed' = 'closed'): Promise<boolean> {
    const res = await this.payments
      .createQueryBuilder()
      .update(Payment)
      .set({ status, openOrderId: null, closedAt: new Date(), statusReason: reason.slice(0, 255) })
      .where('id = :id AND status = :pending', { id: p.id, pending: 'pending' })
      .execute();
    return Boolean(res.affected);
  }

  /** Asks the channel about one payment and applies a success; answers what the channel said. */
  private async syncWithChannel(p: Payment): Promise<ChannelTransaction | null> {
    const t = await this.gateways.gateway.queryByOutTradeNo(p.outTradeNo);
    if (t && MONEY_ARRIVED.includes(t.tradeState)) await this.applyTransaction(t, { via: 'query' });
    return t;
  }

  /**
   * Applies a verified report that money arrived, exactly once: the payment moves pending →
   * succeeded by compare-and-swap with the channel's transaction id (unique), and in the same
   * transaction the order moves to paid. If the order can no longer be paid (cancelled, closed),
   * the money is recorded and a full refund row is created in that transaction, then sent.
   * Rejections (wrong merchant, amount, unknown number) change nothing but the event row.
   */
  async applyTransaction(t: ChannelTransaction, context: { via: 'callback' | 'query'; eventId?: number }): Promise<TransactionOutcome> {
    const gateway = this.gateways.gateway;
    if (t.mchId !== gateway.mchId) return { outcome: 'rejected', reason: 'mchid_mismatch' };
    if (t.appId !== gateway.appId) return { outcome: 'rejected', reason: 'appid_mismatch' };
    if (!MONEY_ARRIVED.includes(t.tradeState)) return { outcome: 'rejected', reason: `trade_state_${t.tradeState.slice(0, 16) || 'missing'}` };
    const found = await this.payments.findOne({ where: { outTradeNo: t.outTradeNo } });
    if (!found) return { outcome: 'rejected', reason: 'unknown_out_trade_no' };
    if (t.totalFen !== found.amountFen) return { outcome: 'rejected', reason: 'amount_mismatch', payment: found };
    if (t.currency !== 'CNY') return { outcome: 'rejected', reason: 'currency_mismatch', payment: found };
    if (!t.transactionId) return { outcome: 'rejected', reason: 'missing_transaction_id', payment: found };
    const transactionId = t.transactionId;

    const outcome = await this.tx.run(async manager => {
      // Order first, then payment: the same lock order as cancel and refund, so none of them deadlock.
      const order = await this.orders.loadFor(manager, found.orderId, SYSTEM_ACTOR);
      const repo = manager.getRepository(Payment);
      const p = await repo.findOneOrFail({ where: { id: found.id }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
      if (p.status === 'succeeded') {
        if (p.channelTransactionId === transactionId) return { outcome: 'duplicate', payment: p } as const;
        return { outcome: 'rejected', reason: 'transaction_id_conflict', payment: p } as const;
      }
      // A late payment (cancelled or closed order) is money we hold and must give back, not a paid order.
      // A postpay payment pays the balance only while the order still owes at least its amount
      // (read under the order's lock): money beyond the balance is given back the same way.
      const postpay = p.purpose === 'postpay';
      const payable = postpay
        ? POSTPAY_PAYABLE_STATUSES.includes(order.status) && p.amountFen <= (await this.postpayBalanceOf(manager, order.id)).dueFen
        : order.status === 'pending_payment' && order.totalFen === p.amountFen;
      const paidAt = t.successTime ?? new Date();
      const swapped = await manager
        .createQueryBuilder()
        .update(Payment)
        .set({ status: 'succeeded', channelTransactionId: transactionId, paidAt, payerOpenid: t.payerOpenid ?? p.payerOpenid, openOrderId: null, appliedToOrder: payable, statusReason: payable ? '' : postpay ? `postpay beyond the balance (order ${order.status}): refunded in full` : `order ${order.status}: refunded in full` })
        .where('id = :id AND status = :status', { id: p.id, status: p.status })
        .execute();
      if (!swapped.affected) return { outcome: 'duplicate', payment: p } as const;
      // The journal moves with the payment: the capture commits or rolls back with the swap.
      if (postpay && payable) await this.ledger.postPostpayCapture(manager, p, order.escortId);
      else await this.ledger.postCapture(manager, p);
      let refundId: number | null = null;
      if (payable && !postpay) {
        await this.orders.markPaidIn(manager, order.id, p.amountFen, paidAt);
      } else if (!payable) {
        refundId = await this.refunds.createRefundRow(manager, { ...p, status: 'succeeded' }, {
          amountFen: p.amountFen,
          reason: postpay ? '补差款已结清，重复支付款自动退回' : `订单${ORDER_STATUS_LABELS[order.status]}，支付款自动退回`,
          source: 'late_payment',
          purposeKey: `late_payment:${p.id}`,
          actor: SYSTEM_ACTOR,
        });
      }
      if (context.eventId) {
        const reason = payable ? (postpay ? 'postpay balance paid' : 'payment succeeded') : `${postpay ? 'postpay beyond the balance' : 'late payment'} for a ${order.status} order: refund ${refundId}`;
        await manager.getRepository(PaymentEvent).update({ id: context.eventId }, { applied: true, result: 'applied', paymentId: p.id, reason });
      }
      return { outcome: 'applied', payment: await repo.findOneByOrFail({ id: p.id }), orderPaid: payable && !postpay, refundId } as const;
    });

    if (outcome.outcome === 'applied') {
      if (outcome.orderPaid) await this.orders.afterCommit();
      else if (!outcome.refundId) this.logger.info('[payments] postpay balance %s of order %d paid', outcome.payment.outTradeNo, outcome.payment.orderId);
      else this.logger.warn('[payments] money for order %d arrived after it was no longer payable (%s); refunding in full', outcome.payment.orderId, outcome.payment.outTradeNo);
      // The refund row is committed; whatever happens to this call, the job asks again with the same number.
      if (outcome.refundId) {
        await this.refunds.submit(outcome.refundId).catch(err => this.logger.error('[payments] late-payment refund %d not sent yet: %s', outcome.refundId, err));
      }
    }
    return outcome;
  }

  /**
   * The job for callbacks that never came: pending payments older than `olderThanMinutes` are
   * looked up at the channel; money that arrived is applied exactly as a callback would, and
   * payments that can no longer be paid are closed (at the channel first).
   */
  async reconcilePendingPayments(now = new Date(), olderThanMinutes = 5, limit = 100): Promise<{ checked: number; applied: number; closed: number }> {
    const gateway = this.gateways.gateway;
    const due = await this.payments.find({
      where: { status: 'pending', createdAt: LessThan(new Date(now.getTime() - olderThanMinutes * 60_000)), id: MoreThan(this.reconcileCursor) },
      order: { id: 'ASC' },
      take: limit,
    });
    // Payments the channel keeps answering "not paid yet" stay pending; the next run starts after them.
    this.reconcileCursor = due.length < limit ? 0 : due[due.length - 1].id;
    const result = { checked: 0, applied: 0, closed: 0 };
    for (const p of due) {
      if (p.channel !== gateway.channel) continue;
      result.checked++;
      try {
        const t = await gateway.queryByOutTradeNo(p.outTradeNo);
        if (t && MONEY_ARRIVED.includes(t.tradeState)) {
          const outcome = await this.applyTransaction(t, { via: 'query' });
          if (outcome.outcome === 'applied') result.applied++;
          if (outcome.outcome === 'rejected') this.logger.error('[payments] query of %s answered something we refuse: %s', p.outTradeNo, outcome.reason);
          continue;
        }
        if (t && ['CLOSED', 'REVOKED', 'PAYERROR'].includes(t.tradeState)) {
          if (await this.markClosed(p, `channel: ${t.tradeState}`, t.tradeState === 'PAYERROR' ? 'failed' : 'closed')) result.closed++;
          continue;
        }
        const order = await this.orders.getForActor(p.orderId, SYSTEM_ACTOR);
        const stillPayable = p.purpose === 'postpay' ? POSTPAY_PAYABLE_STATUSES.includes(order.status) : order.status === 'pending_payment';
        const expired = new Date(p.expiresAt).getTime() <= now.getTime() || !stillPayable;
        if (!t && expired) {
          if (await this.markClosed(p, 'unknown at the channel')) result.closed++;
        } else if (expired && (await this.closeAtChannel(p, 'expired')) === 'closed') {
          result.closed++;
        }
      } catch (err) {
        if (!(err instanceof GatewayError || err instanceof AppError)) throw err;
        this.logger.warn('[payments] reconcile %s: %s', p.outTradeNo, err.message);
      }
    }
    return result;
  }

  /** Payments of an order, oldest first. */
  listForOrder(orderId: number): Promise<Payment[]> {
    return this.payments.find({ where: { orderId }, order: { id: 'ASC' } });
  }
}
