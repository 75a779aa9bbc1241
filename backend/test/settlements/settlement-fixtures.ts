import { MoreThan } from 'typeorm';
import { bearer, expectOk } from '../helpers/http';
import { TestApp } from '../helpers/test-app';
import { PaymentWorld, paidOrder } from '../payments/payment-fixtures';
import { LedgerEntry } from '../../src/modules/ledger/ledger-entry.entity';
import { LedgerLine } from '../../src/modules/ledger/ledger-line.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Refund } from '../../src/modules/payments/refund.entity';

/** Assign → accept → depart → start → complete with the customer's code, as the escort. */
export async function completeBy(t: TestApp, w: PaymentWorld, orderId: number, escort: { id: number; token: string }) {
  expectOk(await t.http().post(`/api/admin/orders/${orderId}/assign`).set(bearer(w.opsToken)).send({ escortId: escort.id, reason: '距离近' }));
  for (const step of ['accept', 'depart', 'start']) expectOk(await t.http().post(`/api/escort/orders/${orderId}/${step}`).set(bearer(escort.token)));
  const mine = expectOk(await t.http().get(`/api/app/orders/${orderId}`).set(bearer(w.customerToken)));
  expectOk(await t.http().post(`/api/escort/orders/${orderId}/complete`).set(bearer(escort.token)).send({ code: mine.verificationCode }));
}

/** A staff refund that the sandbox completes at once (auto mode). */
export async function refundNow(t: TestApp, w: PaymentWorld, financeToken: string, orderId: number, amountFen: number, reason = '服务时长缩短') {
  const r = expectOk(await t.http().post(`/api/admin/orders/${orderId}/refunds`).set(bearer(financeToken)).send({ amountFen, reason }));
  await w.channel.idle();
  return r;
}

/** A paid order completed by the escort, with an optional refund before completion. */
export async function completedOrder(t: TestApp, w: PaymentWorld, escort: { id: number; token: string }, opts: { refundBeforeFen?: number; financeToken?: string } = {}) {
  const { order } = await paidOrder(t, w);
  if (opts.refundBeforeFen) await refundNow(t, w, opts.financeToken as string, order.id, opts.refundBeforeFen);
  await completeBy(t, w, order.id, escort);
  return order;
}

/** The id of the newest ledger entry, to find what a step posted. */
export async function ledgerMark(t: TestApp): Promise<number> {
  const last = await t.dataSource.getRepository(LedgerEntry).findOne({ where: {}, order: { id: 'DESC' } });
  return last?.id ?? 0;
}

/**
 * Moves everything booked since `mark` to `at`, as if it had happened then: ledger entries, and
 * the payments and refunds behind them (their channel times), so a period that has ended can be
 * settled in a test that runs today.
 */
export async function backdateSince(t: TestApp, mark: number, at: Date): Promise<void> {
  const entries = await t.dataSource.getRepository(LedgerEntry).find({ where: { id: MoreThan(mark) } });
  if (!entries.length) return;
  await t.dataSource.getRepository(LedgerEntry).update({ id: MoreThan(mark) }, { createdAt: at });
  for (const e of entries) {
    if (e.sourceType === 'payment_capture') await t.dataSource.getRepository(Payment).update({ id: Number(e.sourceId) }, { paidAt: at, createdAt: at });
    if (e.sourceType === 'refund') await t.dataSource.getRepository(Refund).update({ id: Number(e.sourceId) }, { succeededAt: at, createdAt: at });
  }
}

/** The escort's share booked for an order (recognition less reversals), from the ledger. */
export async function escortShareOf(t: TestApp, orderId: number): Promise<number> {
  const lines = await t.dataSource.getRepository(LedgerLine).find({ where: { orderId, account: 'escort_payable' } });
  return -lines.reduce((s, l) => s + l.amountFen, 0);
}

export async function entryOf(t: TestApp, sourceType: string, sourceId: number | string) {
  const e = await t.dataSource.getRepository(LedgerEntry).findOneByOrFail({ sourceType: sourceType as any, sourceId: String(sourceId) });
  const lines = await t.dataSource.getRepository(LedgerLine).find({ where: { entryId: e.id }, order: { id: 'ASC' } });
  return { ...e, lines };
}

/** Shanghai-midnight-based instants in the month `monthsAgo` before now's month, at `day` 12:00 Shanghai. */
export function inMonth(monthsAgo: number, day = 15, now = new Date()): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - monthsAgo, day, 4, 0, 0));
}

/** The first day (YYYY-MM-DD) of the month `monthsAgo` before now's, Shanghai calendar. */
export function monthStart(monthsAgo: number, now = new Date()): string {
  return new Date(inMonth(monthsAgo, 1, now).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
