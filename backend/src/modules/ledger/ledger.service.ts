import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerLine } from './ledger-line.entity';
import {
  LEDGER_ACCOUNT_CODES,
  LedgerAccount,
  LedgerLineInput,
  LedgerSourceType,
  OpenOrderMoney,
  RecognitionSplit,
  assertBalanced,
  captureLines,
  closeLines,
  deductionLines,
  depositForfeitLines,
  payoutLines,
  prepaymentRefundLines,
  postpayCaptureLines,
  recognitionLines,
  refundLines,
  reversalLines,
} from './ledger-postings';
import { Errors } from '../../common/errors';
import { AnalyticsService } from '../analytics/analytics.service';

export interface LedgerSource {
  type: LedgerSourceType;
  id: string | number;
  orderId?: number | null;
  memo?: string;
  /** Recognition: what was split and how (kept on the entry, so a settlement can show it without recomputing). */
  baseFen?: number | null;
  shareBp?: number | null;
  commissionVersionId?: number | null;
}

/** The escort's share used for a recognition: the bp and the commission rule version it came from (0 = built-in defaults). */
export interface EscortShare {
  shareBp: number;
  versionId: number;
}

export interface LedgerEntryView {
  id: number;
  sourceType: LedgerSourceType;
  sourceId: string;
  orderId: number | null;
  memo: string;
  createdAt: Date;
  lines: { account: LedgerAccount; amountFen: number; orderId: number | null; escortId: number | null }[];
}

const CLOSING: LedgerSourceType[] = ['order_recognition', 'order_close'];

/**
 * The journal. Every posting takes the caller's EntityManager: an entry commits or rolls back
 * with the business change that caused it (payment applied, refund succeeded, order completed),
 * and on MySQL a second pooled connection inside that transaction could deadlock. Entries are
 * only ever inserted; balances are sums of lines.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class LedgerService {
  @InjectEntityModel(LedgerEntry)
  entries: Repository<LedgerEntry>;

  @InjectEntityModel(LedgerLine)
  lines: Repository<LedgerLine>;

  @Inject()
  analytics: AnalyticsService;

  /**
   * Posts an entry once per source: if (type, id) was posted already, nothing is written and the
   * existing entry id is returned. Callers hold the lock of the row the event is about (the order),
   * so two postings of one source are checked one after the other.
   */
  async post(manager: EntityManager, source: LedgerSource, lines: LedgerLineInput[]): Promise<{ entryId: number; posted: boolean } | null> {
    if (lines.length === 0) return null;
    assertBalanced(lines);
    const sourceId = String(source.id);
    const existing = await manager.getRepository(LedgerEntry).findOne({ where: { sourceType: source.type, sourceId }, select: { id: true } });
    if (existing) return { entryId: existing.id, posted: false };
    const inserted = await manager.getRepository(LedgerEntry).insert({
      sourceType: source.type,
      sourceId,
      orderId: source.orderId ?? null,
      memo: (source.memo ?? '').slice(0, 255),
      baseFen: source.baseFen ?? null,
      shareBp: source.shareBp ?? null,
      commissionVersionId: source.commissionVersionId ?? null,
    });
    const entryId = inserted.identifiers[0].id as number;
    await manager.getRepository(LedgerLine).insert(lines.map(l => ({ entryId, account: l.account, amountFen: l.amountFen, orderId: l.orderId ?? null, escortId: l.escortId ?? null })));
    // Finance dashboards: the entry's money goes into the daily rollup in this same transaction.
    await this.analytics.ledgerEntryPostedIn(manager, entryId);
    return { entryId, posted: true };
  }

  // ------------------------------------------------------------ the business events

  /** A payment succeeded (applied to its order or not: either way the money is ours to serve or give back). */
  postCapture(manager: EntityManager, payment: { id: number; orderId: number; amountFen: number; outTradeNo: string }) {
    return this.post(manager, { type: 'payment_capture', id: payment.id, orderId: payment.orderId, memo: `支付 ${payment.outTradeNo}` }, captureLines(payment.orderId, payment.amountFen));
  }

  /**
   * A postpay balance was paid and applied to its order: owed in full to the escort who laid the
   * money out. Without an escort (never in practice: extra charges come from the assigned escort)
   * it is booked like a prepayment, so it is still accounted for.
   */
  postPostpayCapture(manager: EntityManager, payment: { id: number; orderId: number; amountFen: number; outTradeNo: string }, escortId: number | null) {
    const source: LedgerSource = { type: 'postpay_capture', id: payment.id, orderId: payment.orderId, memo: `补差款支付 ${payment.outTradeNo}` };
    return this.post(manager, source, escortId === null ? captureLines(payment.orderId, payment.amountFen) : postpayCaptureLines(payment.orderId, escortId, payment.amountFen));
  }

  /**
   * A refund succeeded. Before the order is recognised it waits in `refunds`; a late payment's
   * refund goes straight back against its prepayment (the money never paid for the service);
   * after recognition it takes the money back from the recognised shares.
   */
  async postRefund(manager: EntityManager, refund: { id: number; orderId: number; amountFen: number; outRefundNo: string; late: boolean; deposit?: boolean }) {
    const source: LedgerSource = { type: 'refund', id: refund.id, orderId: refund.orderId, memo: `${refund.deposit ? '押金退还' : '退款'} ${refund.outRefundNo}` };
    if (refund.late) return this.post(manager, source, prepaymentRefundLines(refund.orderId, refund.amountFen));
    // Orders paid before the ledger existed have no capture: their refunds cannot be journalled
    // against it (and would make the order's books refund more than they took), so they are skipped.
    if (!(await this.captured(manager, refund.orderId))) return null;
    // A credit deposit was never revenue: recognition left it in the prepayment, and it goes back from there.
    if (refund.deposit) return this.post(manager, source, prepaymentRefundLines(refund.orderId, refund.amountFen));
    const closing = await this.closingEntry(manager, refund.orderId);
    if (!closing) return this.post(manager, source, refundLines(refund.orderId, refund.amountFen));
    const shares = await this.recognisedShares(manager, refund.orderId);
    return this.post(manager, source, reversalLines(refund.orderId, refund.amountFen, shares, shares.escortId));
  }

  /**
   * The order was completed: its open money becomes platform revenue and the escort's share. Once
   * per order. The share (bp and rule version) is snapshotted on the entry.
   */
  async recogniseOrder(manager: EntityManager, orderId: number, escortId: number | null, share: EscortShare, depositFen = 0) {
    if (await this.closingEntry(manager, orderId)) return null;
    const money = await this.openMoney(manager, orderId);
    if (money.prepaidFen === 0 && money.refundedFen === 0) return null;
    // A credit deposit stays a prepayment (it is refunded, not earned); the rest is split.
    const open = { ...money, prepaidFen: money.prepaidFen - Math.min(depositFen, money.prepaidFen) };
    if (open.prepaidFen === 0 && open.refundedFen === 0) return null;
    const shareBp = escortId === null ? 0 : share.shareBp;
    const { lines, split } = recognitionLines(orderId, open, escortId, shareBp);
    const memo = `订单完成：平台 ${split.platformFen} 分，陪诊师 ${split.escortFen} 分（${shareBp} bp）`;
    return this.post(
      manager,
      { type: 'order_recognition', id: orderId, orderId, memo, baseFen: split.platformFen + split.escortFen, shareBp, commissionVersionId: escortId === null ? null : share.versionId },
      lines,
    );
  }

  /** A penalty or compensation charged to an escort (the settlements module's deduction id). Once per deduction. */
  postDeduction(manager: EntityManager, deduction: { id: number; escortId: number; amountFen: number; orderId: number | null; memo: string }) {
    return this.post(manager, { type: 'escort_deduction', id: deduction.id, orderId: deduction.orderId, memo: deduction.memo }, deductionLines(deduction.escortId, deduction.amountFen, deduction.orderId));
  }

  /** A cancelled paid order ended (refunded, or forfeited whole): what was kept is platform revenue. Once per order. */
  async closeOrder(manager: EntityManager, orderId: number) {
    if (await this.closingEntry(manager, orderId)) return null;
    const open = await this.openMoney(manager, orderId);
    if (open.prepaidFen === 0 && open.refundedFen === 0) return null;
    return this.post(manager, { type: 'order_close', id: orderId, orderId, memo: '取消订单结转（违约金计入平台收入）' }, closeLines(orderId, open));
  }

  /**
   * A cancelled order's credit deposit is kept: platform revenue now, as its own entry (so finance
   * sees forfeited deposits apart from penalties). Once per order; nothing for an order whose
   * payment the ledger never captured.
   */
  async forfeitDeposit(manager: EntityManager, orderId: number, amountFen: number) {
    if (!(await this.captured(manager, orderId))) return null;
    const open = await this.openMoney(manager, orderId);
    const kept = Math.min(amountFen, open.prepaidFen);
    if (kept <= 0) return null;
    return this.post(manager, { type: 'deposit_forfeit', id: orderId, orderId, memo: '押金不退（临近取消或爽约）' }, depositForfeitLines(orderId, kept));
  }

  private async captured(manager: EntityManager, orderId: number): Promise<boolean> {
    return Boolean(await manager.getRepository(LedgerEntry).findOne({ where: { orderId, sourceType: 'payment_capture' }, select: { id: true } }));
  }

  /** A settlement payout: pays an escort at most what the ledger says they are owed. Once per payout key. */
  async postPayout(manager: EntityManager, payoutKey: string, escortId: number, amountFen: number, memo = `陪诊师 ${escortId} 结算打款`) {
    const owed = -(await this.balance(manager, 'escort_payable', { escortId }));
    if (amountFen > owed) {
      throw Errors.rule('PAYOUT_EXCEEDS_PAYABLE', `结算金额超过应付陪诊师金额（应付 ${owed} 分）`, { owedFen: owed, requestedFen: amountFen });
    }
    return this.post(manager, { type: 'escort_payout', id: payoutKey, memo }, payoutLines(escortId, amountFen));
  }

  // ------------------------------------------------------------ balances

  async balance(manager: EntityManager, account: LedgerAccount, where: { orderId?: number; escortId?: number } = {}): Promise<number> {
    const qb = manager.getRepository(LedgerLine).createQueryBuilder('l').select('COALESCE(SUM(l.amount_fen), 0)', 'total').where('l.account = :account', { account });
    if (where.orderId !== undefined) qb.andWhere('l.order_id = :orderId', { orderId: where.orderId });
    if (where.escortId !== undefined) qb.andWhere('l.escort_id = :escortId', { escortId: where.escortId });
    const row = await qb.getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  /** Every account's balance (optionally of one order or escort); accounts without lines show 0. */
  async balances(where: { orderId?: number; escortId?: number } = {}, manager: EntityManager = this.entries.manager): Promise<Record<LedgerAccount, number>> {
    const qb = manager.getRepository(LedgerLine).createQueryBuilder('l').select('l.account', 'account').addSelect('COALESCE(SUM(l.amount_fen), 0)', 'total').groupBy('l.account');
    if (where.orderId !== undefined) qb.andWhere('l.order_id = :orderId', { orderId: where.orderId });
    if (where.escortId !== undefined) qb.andWhere('l.escort_id = :escortId', { escortId: where.escortId });
    const rows = await qb.getRawMany<{ account: LedgerAccount; total: string | number }>();
    const result = Object.fromEntries(LEDGER_ACCOUNT_CODES.map(a => [a, 0])) as Record<LedgerAccount, number>;
    for (const r of rows) result[r.account] = Number(r.total);
    return result;
  }

  /** The order's open money: prepaid minus what captures/late refunds netted, and refunds waiting to be closed. */
  async openMoney(manager: EntityManager, orderId: number): Promise<OpenOrderMoney> {
    return {
      prepaidFen: -(await this.balance(manager, 'customer_prepayments', { orderId })),
      refundedFen: await this.balance(manager, 'refunds', { orderId }),
    };
  }

  private async closingEntry(manager: EntityManager, orderId: number): Promise<LedgerEntry | null> {
    return manager.getRepository(LedgerEntry).findOne({ where: { orderId, sourceType: In(CLOSING) } });
  }

  /** What is left of an order's recognised shares, and the escort who holds theirs. */
  private async recognisedShares(manager: EntityManager, orderId: number): Promise<RecognitionSplit & { escortId: number | null }> {
    const escortLine = await manager
      .getRepository(LedgerLine)
      .createQueryBuilder('l')
      .innerJoin(LedgerEntry, 'e', 'e.id = l.entry_id')
      .where('l.order_id = :orderId AND l.account = :account AND e.source_type <> :postpay', { orderId, account: 'escort_payable', postpay: 'postpay_capture' })
      .orderBy('l.id', 'ASC')
      .getOne();
    const escortId = escortLine?.escortId ?? null;
    return {
      platformFen: -(await this.balance(manager, 'platform_revenue', { orderId })),
      escortFen: escortId === null ? 0 : -(await this.orderEscortShare(manager, orderId)),
      escortId,
    };
  }

  /**
   * The escort_payable lines of one order (payouts carry no order, so they do not count), without
   * postpay reimbursements: a refund after recognition takes back shares of the service, never
   * the escort's outlay.
   */
  private async orderEscortShare(manager: EntityManager, orderId: number): Promise<number> {
    const row = await manager
      .getRepository(LedgerLine)
      .createQueryBuilder('l')
      .innerJoin(LedgerEntry, 'e', 'e.id = l.entry_id')
      .select('COALESCE(SUM(l.amount_fen), 0)', 'total')
      .where('l.order_id = :orderId AND l.account = :account AND e.source_type <> :postpay', { orderId, account: 'escort_payable', postpay: 'postpay_capture' })
      .getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  // ------------------------------------------------------------ reading

  /** Sums of lines by source type and account for entries booked in `[from, to)` (the daily finance summary). */
  async totalsBetween(from: Date, to: Date, manager: EntityManager = this.entries.manager): Promise<{ sourceType: LedgerSourceType; account: LedgerAccount; amountFen: number }[]> {
    const rows = await manager
      .getRepository(LedgerLine)
      .createQueryBuilder('l')
      .innerJoin(LedgerEntry, 'e', 'e.id = l.entry_id')
      .select('e.source_type', 'sourceType')
      .addSelect('l.account', 'account')
      .addSelect('COALESCE(SUM(l.amount_fen), 0)', 'total')
      .where('e.created_at >= :from AND e.created_at < :to', { from, to })
      .groupBy('e.source_type')
      .addGroupBy('l.account')
      .getRawMany<{ sourceType: LedgerSourceType; account: LedgerAccount; total: string | number }>();
    return rows.map(r => ({ sourceType: r.sourceType, account: r.account, amountFen: Number(r.total) }));
  }

  async entriesForOrder(orderId: number, manager: EntityManager = this.entries.manager): Promise<LedgerEntryView[]> {
    const entries = await manager.getRepository(LedgerEntry).find({ where: { orderId }, order: { id: 'ASC' } });
    if (!entries.length) return [];
    const lines = await manager.getRepository(LedgerLine).find({ where: { entryId: In(entries.map(e => e.id)) }, order: { id: 'ASC' } });
    return entries.map(e => ({
      id: e.id,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      orderId: e.orderId,
      memo: e.memo,
      createdAt: e.createdAt,
      lines: lines.filter(l => l.entryId === e.id).map(l => ({ account: l.account, amountFen: l.amountFen, orderId: l.orderId, escortId: l.escortId })),
    }));
  }
}
