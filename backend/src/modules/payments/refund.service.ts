import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, LessThan, MoreThan, Repository } from 'typeorm';
import { Payment } from './payment.entity';
import { PaymentEvent } from './payment-event.entity';
import { Refund, RefundSource, RefundStatus } from './refund.entity';
import { ChannelRefund, GatewayError } from './payment-gateway';
import { PaymentGatewayProvider } from './payment-gateway.provider';
import { OrderActor, OrderService, SYSTEM_ACTOR, heldDeposit } from '../orders/order.service';
import type { Order } from '../orders/order.entity';
import { LedgerService } from '../ledger/ledger.service';
import { SettingsService } from '../settings/settings.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { Errors } from '../../common/errors';
import { assertFen, formatFen } from '../../common/money';

/** What a refund report from the channel (an answer, a callback, a query) led to. */
export type RefundOutcome =
  | { outcome: 'applied'; refund: Refund; orderRefunded: boolean }
  | { outcome: 'duplicate'; refund: Refund }
  | { outcome: 'rejected'; reason: string; refund?: Refund };

export interface NewRefund {
  amountFen: number;
  reason: string;
  source: RefundSource;
  purposeKey?: string | null;
  actor: Pick<OrderActor, 'type' | 'id' | 'name'>;
  /** Default pending (sent right after the commit); awaiting_approval holds the amount until finance decides. */
  status?: 'pending' | 'awaiting_approval';
  /** Of the payment, what this refund may not touch: a credit deposit that has its own way back (see `reservedFor`). */
  reservedFen?: number;
}

/**
 * The part of an order's payment a staff or compensation refund may not give back: a credit
 * deposit still held or due back after completion. It has its own way (the deposit refund, or the
 * cancellation's), and after completion it is not in the recognised shares a later refund takes
 * back from. Cancellation and deposit refunds themselves draw on the whole payment.
 */
export function reservedFor(order: Pick<Order, 'depositFen' | 'depositStatus' | 'paidFen'>, source: RefundSource): number {
  if (source === 'order_cancel' || source === 'deposit' || source === 'late_payment') return 0;
  if (order.depositStatus === 'refund_due') return order.depositFen;
  return heldDeposit(order);
}

const FINAL: RefundStatus[] = ['succeeded', 'failed', 'rejected'];
/** Refunds whose amount is no longer held against the payment. */
const RELEASED: RefundStatus[] = ['failed', 'rejected'];

/**
 * Money going back. A refund row with its out_refund_no is committed before the channel is
 * called, under a lock on the payment that keeps the refunds of a payment within what it took;
 * the call is repeated with the same number until the channel accepts or refuses it, and the
 * result (answer, callback or query, whichever comes first) is applied once by compare-and-swap.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RefundService {
  @InjectEntityModel(Refund)
  refunds: Repository<Refund>;

  @InjectEntityModel(Payment)
  payments: Repository<Payment>;

  @Inject()
  tx: TransactionService;

  @Inject()
  orders: OrderService;

  @Inject()
  gateways: PaymentGatewayProvider;

  @Inject()
  ledger: LedgerService;

  @Inject()
  settings: SettingsService;

  @Inject()
  audit: AuditService;

  @Logger()
  logger: ILogger;

  /** `refunding` orders with no channel payment to refund (paid outside this module): said once per process. */
  private readonly reportedWithoutPayment = new Set<number>();

  /**
   * Refunds part or all of what the order's payment took. 422 REFUND_EXCEEDS_PAID when the
   * refunds of the payment (all but failed ones) would pass the amount paid. Returns the refund
   * after the channel was asked: `processing` or `succeeded` normally, `pending` when the channel
   * could not be reached (the job asks again with the same out_refund_no).
   */
  async refund(orderId: number, amountFen: number, reason: string, actor: OrderActor, options: { source?: RefundSource; purposeKey?: string } = {}): Promise<Refund> {
    try {
      assertFen(amountFen, { name: 'amountFen' });
    } catch {
      throw Errors.rule('REFUND_AMOUNT_INVALID', '退款金额必须是正整数（分）');
    }
    if (amountFen < 1) throw Errors.rule('REFUND_AMOUNT_INVALID', '退款金额必须大于 0');
    const refundId = await this.tx.run(async manager => {
      // Lock order first, then payment: the callback path takes them in the same order, so the two never deadlock.
      const order = await this.orders.loadFor(manager, orderId, actor);
      const payment = await this.lockOrderPayment(manager, orderId);
      if (!payment) throw Errors.rule('ORDER_NOT_PAID', '该订单没有可退款的支付');
      const source = options.source ?? 'manual';
      return this.createRefundRow(manager, payment, {
        amountFen,
        reason: reason.trim() || '退款',
        source,
        purposeKey: options.purposeKey ?? null,
        actor,
        reservedFen: await this.reservation(manager, order, source),
      });
    });
    return this.submit(refundId);
  }

  // ------------------------------------------------------------------ staff refunds

  /**
   * A staff refund with a reason. Above the finance setting `refundApprovalThresholdFen` it waits
   * in `awaiting_approval` (its amount already held against the payment, so two big requests
   * cannot both pass the cap); otherwise it is sent at once. One audit row, in the same transaction.
   */
  async staffRefund(
    orderId: number,
    amountFen: number,
    reason: string,
    actor: OrderActor,
    audit: AuditContext,
    options: { source?: RefundSource; purposeKey?: string } = {}
  ): Promise<Refund> {
    const refundId = await this.tx.run(async manager => {
      const order = await this.orders.loadFor(manager, orderId, actor);
      // A purpose key (a ticket's compensation) makes a retried request the same refund.
      if (options.purposeKey) {
        const existing = await manager.getRepository(Refund).findOne({ where: { purposeKey: options.purposeKey } });
        if (existing) return existing.id;
      }
      const payment = await this.lockOrderPayment(manager, orderId);
      if (!payment) throw Errors.rule('ORDER_NOT_PAID', '该订单没有可退款的支付');
      const threshold = (await this.settings.get('finance', manager)).refundApprovalThresholdFen;
      const status = amountFen > threshold ? 'awaiting_approval' : 'pending';
      const source = options.source ?? 'manual';
      const id = await this.createRefundRow(manager, payment, {
        amountFen,
        reason: reason.trim(),
        source,
        purposeKey: options.purposeKey ?? null,
        actor,
        status,
        reservedFen: await this.reservation(manager, order, source),
      });
      const row = await manager.getRepository(Refund).findOneByOrFail({ id });
      await this.audit.record(audit, { action: 'refund.create', targetType: 'refund', targetId: id, after: { orderId, amountFen, reason: row.reason, status, outRefundNo: row.outRefundNo, thresholdFen: threshold } }, manager);
      return id;
    });
    return this.submit(refundId);
  }

  /** Finance approves a waiting refund: awaiting_approval → pending by compare-and-swap, then it is sent. Nobody approves their own request. */
  async approve(refundId: number, note: string, actor: OrderActor, audit: AuditContext): Promise<Refund> {
    await this.review(refundId, 'pending', note, actor, audit, 'refund.approve');
    return this.submit(refundId);
  }

  /** Finance refuses a waiting refund; its amount becomes refundable again. */
  async reject(refundId: number, note: string, actor: OrderActor, audit: AuditContext): Promise<Refund> {
    await this.review(refundId, 'rejected', note, actor, audit, 'refund.reject');
    return this.refunds.findOneByOrFail({ id: refundId });
  }

  private async review(refundId: number, to: 'pending' | 'rejected', note: string, actor: OrderActor, audit: AuditContext, action: string): Promise<void> {
    const found = await this.refunds.findOne({ where: { id: refundId } });
    if (!found) throw Errors.notFound('退款');
    await this.tx.run(async manager => {
      await this.orders.loadFor(manager, found.orderId, actor);
      const r = await manager.getRepository(Refund).findOneOrFail({ where: { id: refundId }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
      if (r.status !== 'awaiting_approval') throw Errors.conflict('REFUND_NOT_AWAITING_APPROVAL', '该退款不在待审批状态');
      if (r.requestedByType === 'staff' && r.requestedById === actor.id) throw Errors.forbidden('不能审批自己发起的退款');
      const swapped = await manager
        .createQueryBuilder()
        .update(Refund)
        .set({ status: to, reviewedById: actor.id, reviewedByName: actor.name.slice(0, 64), reviewedAt: new Date(), reviewNote: note.trim().slice(0, 255) })
        .where('id = :id AND status = :from', { id: r.id, from: 'awaiting_approval' })
        .execute();
      if (!swapped.affected) throw Errors.conflict('REFUND_NOT_AWAITING_APPROVAL', '该退款不在待审批状态');
      await this.audit.record(audit, { action, targetType: 'refund', targetId: r.id, before: { status: r.status }, after: { status: to, note: note.trim() } }, manager);
    });
  }

  /**
   * A failed refund sent again with its own out_refund_no (a second number could refund twice if
   * the first one went through after all). Its amount is held again first, so the cap still holds.
   */
  async retryFailed(refundId: number, actor: OrderActor, audit: AuditContext): Promise<Refund> {
    const found = await this.refunds.findOne({ where: { id: refundId } });
    if (!found) throw Errors.notFound('退款');
    await this.tx.run(async manager => {
      const order = await this.orders.loadFor(manager, found.orderId, actor);
      const payment = await manager.getRepository(Payment).findOneOrFail({ where: { id: found.paymentId }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
      const r = await manager.getRepository(Refund).findOneByOrFail({ id: refundId });
      if (r.status !== 'failed') throw Errors.conflict('REFUND_NOT_FAILED', '只有失败的退款可以重试');
      const committed = (await this.committedFen(manager, payment.id)) + (await this.reservation(manager, order, r.source));
      if (committed + r.amountFen > payment.amountFen) {
        throw Errors.rule('REFUND_EXCEEDS_PAID', `重试会超过可退金额（已支付 ${formatFen(payment.amountFen)} 元，可退 ${formatFen(payment.amountFen - committed)} 元）`, {
          paidFen: payment.amountFen,
          refundedFen: committed,
          refundableFen: payment.amountFen - committed,
          requestedFen: r.amountFen,
        });
      }
      const swapped = await manager.createQueryBuilder().update(Refund).set({ status: 'pending', lastError: '' }).where('id = :id AND status = :failed', { id: r.id, failed: 'failed' }).execute();
      if (!swapped.affected) throw Errors.conflict('REFUND_NOT_FAILED', '只有失败的退款可以重试');
      await this.audit.record(audit, { action: 'refund.retry', targetType: 'refund', targetId: r.id, before: { status: 'failed', lastError: r.lastError }, after: { status: 'pending', outRefundNo: r.outRefundNo } }, manager);
    });
    return this.submit(refundId);
  }

  /**
   * For a paid order the customer or staff cancelled (`refunding`): asks for `refundDueFen`
   * once (the purpose key `order_cancel:<id>` is unique), capped at what the payment can still
   * give back. Returns null when there is nothing to do.
   */
  async requestCancellationRefund(orderId: number): Promise<Refund | null> {
    const result = await this.tx.run(async manager => {
      const order = await this.orders.loadFor(manager, orderId, SYSTEM_ACTOR);
      if (order.status !== 'refunding') return null;
      const purposeKey = `order_cancel:${order.id}`;
      const existing = await manager.getRepository(Refund).findOne({ where: { purposeKey } });
      if (existing) return { refundId: existing.id, fresh: false };
      const payment = await this.lockOrderPayment(manager, order.id);
      if (!payment) {
        if (!this.reportedWithoutPayment.has(order.id)) {
          this.reportedWithoutPayment.add(order.id);
          this.logger.warn('[payments] order %d is refunding but has no channel payment to refund; it needs a person', order.id);
        }
        return null;
      }
      const owed = Math.min(order.refundDueFen, payment.amountFen - (await this.committedFen(manager, payment.id)));
      if (owed <= 0) {
        if ((await this.succeededFenOfOrder(manager, order.id)) >= order.refundDueFen) await this.orders.markRefundedIn(manager, order.id);
        return null;
      }
      const refundId = await this.createRefundRow(manager, payment, {
        amountFen: owed,
        reason: '订单取消退款',
        source: 'order_cancel',
        purposeKey,
        actor: SYSTEM_ACTOR,
      });
      return { refundId, fresh: true };
    });
    if (!result) return null;
    return result.fresh ? this.submit(result.refundId) : this.refunds.findOneByOrFail({ id: result.refundId });
  }

  /**
   * A completed order's credit deposit goes back (`deposit_status = refund_due`): one refund of the
   * deposit, purpose key `deposit:<orderId>` (unique), so however many ticks or processes run it,
   * the customer gets it once. When it succeeds, `applyChannelRefund` marks the deposit refunded.
   */
  async requestDepositRefund(orderId: number): Promise<Refund | null> {
    const result = await this.tx.run(async manager => {
      const order = await this.orders.loadFor(manager, orderId, SYSTEM_ACTOR);
      if (order.depositStatus !== 'refund_due' || order.depositFen <= 0) return null;
      const purposeKey = `deposit:${order.id}`;
      const existing = await manager.getRepository(Refund).findOne({ where: { purposeKey } });
      if (existing) return { refundId: existing.id, fresh: false };
      const payment = await this.lockOrderPayment(manager, order.id);
      if (!payment) {
        if (!this.reportedWithoutPayment.has(order.id)) {
          this.reportedWithoutPayment.add(order.id);
          this.logger.warn('[payments] order %d owes its deposit back but has no channel payment to refund; it needs a person', order.id);
        }
        return null;
      }
      const refundId = await this.createRefundRow(manager, payment, {
        amountFen: order.depositFen,
        reason: '押金退还（订单已完成）',
        source: 'deposit',
        purposeKey,
        actor: SYSTEM_ACTOR,
      });
      return { refundId, fresh: true };
    });
    if (!result) return null;
    return result.fresh ? this.submit(result.refundId) : this.refunds.findOneByOrFail({ id: result.refundId });
  }

  /** The order's payment that paid it (not money refunded as late), locked on MySQL. */
  private async lockOrderPayment(manager: EntityManager, orderId: number): Promise<Payment | null> {
    return manager.getRepository(Payment).findOne({
      // The prepayment: staff and cancellation refunds give back the service's price, never a postpay reimbursement.
      where: { orderId, status: 'succeeded', appliedToOrder: true, purpose: 'prepay' },
      order: { id: 'ASC' },
      lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined,
    });
  }

  /**
   * Inserts a pending refund after checking the cap. The caller holds the payment's row lock (or
   * the SQLite transaction queue), so two refunds of one payment are checked one after the other.
   */
  async createRefundRow(manager: EntityManager, payment: Payment, input: NewRefund): Promise<number> {
    const repo = manager.getRepository(Refund);
    if (input.purposeKey) {
      const existing = await repo.findOne({ where: { purposeKey: input.purposeKey } });
      if (existing) return existing.id;
    }
    const committed = (await this.committedFen(manager, payment.id)) + (input.reservedFen ?? 0);
    if (committed + input.amountFen > payment.amountFen) {
      const refundable = Math.max(0, payment.amountFen - committed);
      throw Errors.rule('REFUND_EXCEEDS_PAID', `退款金额超过可退金额（已支付 ${formatFen(payment.amountFen)} 元，可退 ${formatFen(refundable)} 元）`, {
        paidFen: payment.amountFen,
        refundedFen: committed,
        refundableFen: refundable,
        requestedFen: input.amountFen,
      });
    }
    const count = await repo.count({ where: { paymentId: payment.id } });
    const inserted = await repo.insert({
      paymentId: payment.id,
      orderId: payment.orderId,
      outRefundNo: `${payment.outTradeNo}-R${String(count + 1).padStart(2, '0')}`,
      amountFen: input.amountFen,
      reason: input.reason.slice(0, 80),
      source: input.source,
      purposeKey: input.purposeKey ?? null,
      status: input.status ?? 'pending',
      channelRefundId: null,
      // Escorts never refund; anything that is not a person of ours counts as the system.
      requestedByType: input.actor.type === 'customer' || input.actor.type === 'staff' ? input.actor.type : 'system',
      requestedById: input.actor.id,
      requestedByName: input.actor.name.slice(0, 64),
      submitAttempts: 0,
      lastError: '',
      userReceivedAccount: null,
      succeededAt: null,
    });
    return inserted.identifiers[0].id as number;
  }

  /** `reservedFor`, less a deposit refund already asked for (its row holds the amount itself). */
  private async reservation(manager: EntityManager, order: Order, source: RefundSource): Promise<number> {
    const reserved = reservedFor(order, source);
    if (!reserved || order.depositStatus !== 'refund_due') return reserved;
    const asked = await manager.getRepository(Refund).findOne({ where: { purposeKey: `deposit:${order.id}` }, select: { id: true, status: true } });
    return asked && !RELEASED.includes(asked.status) ? 0 : reserved;
  }

  /** What the payment's refunds already hold (everything but failed and rejected ones; awaiting approval holds its amount). */
  private async committedFen(manager: EntityManager, paymentId: number): Promise<number> {
    const row = await manager
      .getRepository(Refund)
      .createQueryBuilder('r')
      .select('COALESCE(SUM(r.amount_fen), 0)', 'total')
      .where('r.payment_id = :paymentId AND r.status NOT IN (:...released)', { paymentId, released: RELEASED })
      .getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  /** Money that actually went back to the customer from the payment that paid the order. */
  private async succeededFenOfOrder(manager: EntityManager, orderId: number): Promise<number> {
    const row = await manager
      .getRepository(Refund)
      .createQueryBuilder('r')
      .innerJoin(Payment, 'p', 'p.id = r.payment_id')
      .select('COALESCE(SUM(r.amount_fen), 0)', 'total')
      .where('r.order_id = :orderId AND r.status = :succeeded AND p.applied_to_order = :applied', { orderId, succeeded: 'succeeded', applied: true })
      .getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  /**
   * Asks the channel for a pending refund, always with its saved out_refund_no, so a retry after a
   * lost answer is the same refund to the channel. Retryable failures leave it pending for the job.
   */
  async submit(refundId: number): Promise<Refund> {
    const r = await this.refunds.findOneByOrFail({ id: refundId });
    if (r.status !== 'pending') return r;
    const payment = await this.payments.findOneByOrFail({ id: r.paymentId });
    await this.refunds.increment({ id: r.id, status: 'pending' }, 'submitAttempts', 1);
    try {
      const answer = await this.gateways.gateway.refund({
        outTradeNo: payment.outTradeNo,
        transactionId: payment.channelTransactionId,
        outRefundNo: r.outRefundNo,
        amountFen: r.amountFen,
        totalFen: payment.amountFen,
        reason: r.reason,
      });
      const outcome = await this.applyChannelRefund(answer, { via: 'answer' });
      if (outcome.outcome === 'rejected') this.logger.error('[payments] refund %s: the channel answered something else: %s', r.outRefundNo, outcome.reason);
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      const lastError = `${err.code}: ${err.message}`.slice(0, 255);
      if (err.retryable) {
        await this.refunds.update({ id: r.id, status: 'pending' }, { lastError });
        this.logger.warn('[payments] refund %s not accepted yet, will retry with the same number: %s', r.outRefundNo, lastError);
      } else {
        await this.refunds.update({ id: r.id, status: 'pending' }, { status: 'failed', lastError });
        this.logger.error('[payments] refund %s refused by the channel, needs a person: %s', r.outRefundNo, lastError);
      }
    }
    return this.refunds.findOneByOrFail({ id: r.id });
  }

  /**
   * Applies what the channel says about a refund, once. Final results move pending/processing →
   * succeeded/failed by compare-and-swap; a succeeded refund that brings a `refunding` order's
   * refunds up to its refundDueFen moves the order to `refunded` in the same transaction.
   */
  async applyChannelRefund(cr: ChannelRefund, context: { via: 'answer' | 'callback' | 'query'; eventId?: number }): Promise<RefundOutcome> {
    const gateway = this.gateways.gateway;
    if (context.via === 'callback' && cr.mchId !== gateway.mchId) return { outcome: 'rejected', reason: 'mchid_mismatch' };
    const found = await this.refunds.findOne({ where: { outRefundNo: cr.outRefundNo } });
    if (!found) return { outcome: 'rejected', reason: 'unknown_out_refund_no' };
    const payment = await this.payments.findOneByOrFail({ id: found.paymentId });
    if (cr.outTradeNo && cr.outTradeNo !== payment.outTradeNo) return { outcome: 'rejected', reason: 'out_trade_no_mismatch', refund: found };
    if (cr.amountFen !== found.amountFen || (cr.totalFen !== null && cr.totalFen !== payment.amountFen)) {
      return { outcome: 'rejected', reason: 'amount_mismatch', refund: found };
    }
    const target: RefundStatus | null = cr.status === 'SUCCESS' ? 'succeeded' : cr.status === 'PROCESSING' ? 'processing' : cr.status === 'CLOSED' || cr.status === 'ABNORMAL' ? 'failed' : null;
    if (!target) return { outcome: 'rejected', reason: `unknown_refund_status_${String(cr.status).slice(0, 16)}`, refund: found };

    return this.tx.run(async manager => {
      const order = await this.orders.loadFor(manager, found.orderId, SYSTEM_ACTOR);
      const repo = manager.getRepository(Refund);
      const r = await repo.findOneOrFail({ where: { id: found.id }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
      if (r.status === target || (target === 'processing' && FINAL.includes(r.status))) return { outcome: 'duplicate', refund: r } as const;
      if (FINAL.includes(r.status)) {
        // The channel now says the opposite of a final result: nothing changes by itself, a person looks.
        this.logger.error('[payments] refund %s is %s here but the channel reports %s', r.outRefundNo, r.status, cr.status);
        return { outcome: 'rejected', reason: `refund_already_${r.status}`, refund: r } as const;
      }
      const from: RefundStatus[] = target === 'processing' ? ['pending'] : ['pending', 'processing'];
      const patch: Partial<Refund> = { status: target, channelRefundId: cr.refundId ?? r.channelRefundId };
      if (cr.userReceivedAccount) patch.userReceivedAccount = cr.userReceivedAccount.slice(0, 128);
      if (target === 'succeeded') patch.succeededAt = cr.successTime ?? new Date();
      if (target === 'failed') patch.lastError = `channel: ${cr.status}`;
      const swapped = await manager
        .createQueryBuilder()
        .update(Refund)
        .set(patch)
        .where('id = :id AND status IN (:...from)', { id: r.id, from })
        .execute();
      if (!swapped.affected) return { outcome: 'duplicate', refund: r } as const;
      let orderRefunded = false;
      if (target === 'succeeded') {
        // Posted before the order may close below, so the close sees this refund.
        await this.ledger.postRefund(manager, { id: r.id, orderId: r.orderId, amountFen: r.amountFen, outRefundNo: r.outRefundNo, late: !payment.appliedToOrder, deposit: r.source === 'deposit' });
        if (r.source === 'deposit') await this.orders.markDepositRefundedIn(manager, order.id);
        if (order.status === 'refunding' && payment.appliedToOrder && (await this.succeededFenOfOrder(manager, order.id)) >= order.refundDueFen) {
          await this.orders.markRefundedIn(manager, order.id);
          orderRefunded = true;
        }
      }
      if (context.eventId) {
        await manager.getRepository(PaymentEvent).update({ id: context.eventId }, { applied: true, result: 'applied', refundId: r.id, paymentId: r.paymentId, reason: `refund ${target}` });
      }
      return { outcome: 'applied', refund: await repo.findOneByOrFail({ id: r.id }), orderRefunded } as const;
    });
  }

  // ------------------------------------------------------------------ jobs

  /**
   * `refunding` orders without their cancellation refund yet: ask for it. Walks every refunding
   * order a page at a time, so orders stuck waiting for a person never hide newer ones.
   */
  async requestDueRefunds(pageSize = 200): Promise<number> {
    let requested = 0;
    for (let afterId = 0; ; ) {
      const orderIds = await this.orders.idsInStatus('refunding', pageSize, afterId);
      if (!orderIds.length) return requested;
      afterId = orderIds[orderIds.length - 1];
      const started = new Set((await this.refunds.find({ where: { purposeKey: In(orderIds.map(id => `order_cancel:${id}`)) }, select: { orderId: true } })).map(r => r.orderId));
      for (const orderId of orderIds) {
        if (started.has(orderId)) continue;
        try {
          if (await this.requestCancellationRefund(orderId)) requested++;
        } catch (err) {
          this.logger.error('[payments] cancellation refund for order %d failed: %s', orderId, err);
        }
      }
    }
  }

  /** Completed orders whose deposit is due back and has no refund yet: ask for it (a page at a time, like `requestDueRefunds`). */
  async requestDueDepositRefunds(pageSize = 200): Promise<number> {
    let requested = 0;
    for (let afterId = 0; ; ) {
      const orderIds = await this.orders.idsWithDeposit('refund_due', pageSize, afterId);
      if (!orderIds.length) return requested;
      afterId = orderIds[orderIds.length - 1];
      const started = new Set((await this.refunds.find({ where: { purposeKey: In(orderIds.map(id => `deposit:${id}`)) }, select: { orderId: true } })).map(r => r.orderId));
      for (const orderId of orderIds) {
        if (started.has(orderId)) continue;
        try {
          if (await this.requestDepositRefund(orderId)) requested++;
        } catch (err) {
          this.logger.error('[payments] deposit refund for order %d failed: %s', orderId, err);
        }
      }
    }
  }

  /** Where the two refund sweeps continue next time: a batch that stays unresolved never starves the rows after it. */
  private readonly cursors = { pending: 0, processing: 0 };

  private async sweep(status: 'pending' | 'processing', now: Date, olderThanMinutes: number, limit: number): Promise<Refund[]> {
    const where = { status, updatedAt: LessThan(new Date(now.getTime() - olderThanMinutes * 60_000)) };
    const due = await this.refunds.find({ where: { ...where, id: MoreThan(this.cursors[status]) }, order: { id: 'ASC' }, take: limit });
    this.cursors[status] = due.length < limit ? 0 : due[due.length - 1].id;
    return due;
  }

  /** Pending refunds the channel has not accepted yet (it was unreachable): ask again, same out_refund_no. */
  async retryPendingRefunds(now = new Date(), olderThanMinutes = 1, limit = 100): Promise<number> {
    const due = await this.sweep('pending', now, olderThanMinutes, limit);
    let accepted = 0;
    for (const r of due) {
      const after = await this.submit(r.id);
      if (after.status !== 'pending') accepted++;
    }
    return accepted;
  }

  /** Processing refunds whose callback has not come: ask the channel and apply its answer. */
  async queryProcessingRefunds(now = new Date(), olderThanMinutes = 10, limit = 100): Promise<number> {
    const due = await this.sweep('processing', now, olderThanMinutes, limit);
    let settled = 0;
    for (const r of due) {
      try {
        const cr = await this.gateways.gateway.queryRefund(r.outRefundNo);
        if (!cr) continue;
        const outcome = await this.applyChannelRefund(cr, { via: 'query' });
        if (outcome.outcome === 'applied' && FINAL.includes(outcome.refund.status)) settled++;
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        this.logger.warn('[payments] refund query %s failed: %s', r.outRefundNo, err.message);
      }
    }
    return settled;
  }

  /** Every refund of an order, oldest first. */
  listForOrder(orderId: number): Promise<Refund[]> {
    return this.refunds.find({ where: { orderId }, order: { id: 'ASC' } });
  }
}
