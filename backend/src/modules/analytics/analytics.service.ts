import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionService } from '../../common/db/transaction.service';
import {
  Cell,
  CustomerFacts,
  EscortCell,
  ReasonCell,
  complaintContribution,
  complaintReason,
  reviewContribution,
  OrderFacts,
  RollupDims,
  ageColumn,
  customerContribution,
  delta,
  dimsOf,
  ledgerContribution,
  netCells,
  orderContribution,
  shanghaiDay,
  withPaidOrder,
} from './rollup-measures';
import { SqlDialect } from './rollup-sql';
import { RebuildResult, readState, rebuildRollups, upsertCells, upsertRows, writeState } from './rollup-rebuild';

/** A compact cell: [day, cityId, categoryCode, hospitalId, measure, value]. */
type PackedCell = [string, number, string, number, string, number];

/** What one outbox row asks the applier to do. */
export interface OutboxPayload {
  cells?: PackedCell[];
  /** A customer's order got paid: their first-order facts may move. */
  paid?: { customerId: number; orderId: number; paidAt: string } & RollupDims;
  /** A quote was asked for. */
  quote?: { day: string } & RollupDims;
  /** Per-escort review and complaint figures. */
  escort?: EscortCell[];
  /** Complaints by reason. */
  reasons?: ReasonCell[];
}

const pack = (c: Cell): PackedCell => [c.day, c.cityId, c.categoryCode, c.hospitalId, c.measure, c.value];
const unpack = (p: PackedCell): Cell => ({ day: p[0], cityId: p[1], categoryCode: p[2], hospitalId: p[3], measure: p[4], value: p[5] });

const BATCH = 500;

/** The order columns the rollups need, plus the patient for the age groups. */
export type OrderLike = OrderFacts & { patientId: number | null };

/**
 * Keeps the analytics rollups. Other modules call the `…In(manager)` recorders inside their own
 * transactions (the order's status change, the ledger entry); those only append to
 * analytics_outbox, and `applyPending()` folds the outbox into the rollups. Deltas are sums, so
 * the order they are applied in does not matter; the first-paid-order facts are kept commutative
 * too (the earliest order wins however late it arrives).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AnalyticsService {
  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  tx: TransactionService;

  @Logger()
  logger: ILogger;

  private applying: Promise<number> | null = null;
  private built = false;

  get dialect(): SqlDialect {
    return this.tx.isMysql ? 'mysql' : 'sqlite';
  }

  // ---------------------------------------------------------------- recording (inside the caller's transaction)

  /** An order was created (`before` null) or changed. Call with the rows as read before and after, in the change's transaction. */
  async orderChangedIn(manager: EntityManager, before: OrderLike | null, after: OrderLike): Promise<void> {
    const cells = delta(before ? orderContribution(before) : [], orderContribution(after));
    if (!before && after.patientId) {
      // Age at booking, counted once when the order is created (a later edit of the patient does not move it).
      const rows: { birth_date: string | null }[] = await manager.query('SELECT birth_date FROM patients WHERE id = ?', [after.patientId]);
      if (rows.length) cells.push({ ...dimsOf(after), day: shanghaiDay(after.createdAt), measure: ageColumn(rows[0].birth_date, after.createdAt), value: 1 });
    }
    const payload: OutboxPayload = {};
    if (cells.length) payload.cells = cells.map(pack);
    if (after.paidAt && !before?.paidAt) {
      payload.paid = { customerId: after.customerId, orderId: after.id, paidAt: new Date(after.paidAt).toISOString(), ...dimsOf(after) };
    }
    if (payload.cells || payload.paid) await this.enqueue(manager, payload);
  }

  /** A ledger entry was posted (call once, right after it was inserted, in the same transaction). */
  async ledgerEntryPostedIn(manager: EntityManager, entryId: number): Promise<void> {
    const [entry]: { source_type: string; created_at: Date | string; order_id: number | null }[] = await manager.query(
      'SELECT source_type, created_at, order_id FROM ledger_entries WHERE id = ?',
      [entryId]
    );
    if (!entry || entry.order_id === null) return;
    const [order]: { city_id: number; category_code: string; hospital_id: number | null }[] = await manager.query(
      'SELECT city_id, category_code, hospital_id FROM orders WHERE id = ?',
      [entry.order_id]
    );
    if (!order) return;
    const lines: { account: string; amount_fen: string | number; order_id: number | null }[] = await manager.query(
      'SELECT account, amount_fen, order_id FROM ledger_lines WHERE entry_id = ?',
      [entryId]
    );
    const cells = ledgerContribution(
      { sourceType: entry.source_type, createdAt: entry.created_at, lines: lines.map(l => ({ account: l.account, amountFen: Number(l.amount_fen), orderId: l.order_id })) },
      { cityId: order.city_id, categoryCode: order.category_code, hospitalId: order.hospital_id ?? 0 }
    );
    if (cells.length) await this.enqueue(manager, { cells: cells.map(pack) });
  }

  /**
   * A review was recorded (call right after inserting it, in the same transaction). Reviews are
   * never rewritten, so each counts once; hiding one does not take it out of the figures.
   */
  async reviewRecordedIn(manager: EntityManager, reviewId: number): Promise<void> {
    const [r]: any[] = await manager.query(
      `SELECT r.created_at, r.overall, r.escort_id, o.city_id, o.category_code, o.hospital_id
       FROM reviews r JOIN orders o ON o.id = r.order_id WHERE r.id = ?`,
      [reviewId]
    );
    if (!r) return;
    const { cells, escort } = reviewContribution({
      createdAt: r.created_at,
      overall: Number(r.overall),
      escortId: r.escort_id === null ? null : Number(r.escort_id),
      cityId: Number(r.city_id),
      categoryCode: r.category_code,
      hospitalId: r.hospital_id === null ? 0 : Number(r.hospital_id),
    });
    await this.enqueue(manager, { cells: cells.map(pack), escort });
  }

  /** A ticket was opened (call right after inserting it, in the same transaction); only service complaints about an order count. */
  async ticketOpenedIn(manager: EntityManager, ticketId: number): Promise<void> {
    const [t]: any[] = await manager.query(
      `SELECT t.type, t.created_at, t.escort_id, t.opener_type, rv.tags, o.city_id, o.category_code, o.hospital_id
       FROM tickets t JOIN orders o ON o.id = t.order_id LEFT JOIN reviews rv ON rv.id = t.review_id WHERE t.id = ?`,
      [ticketId]
    );
    if (!t || t.type !== 'service_complaint') return;
    const { cells, escort, reasons } = complaintContribution({
      createdAt: t.created_at,
      escortId: t.escort_id === null ? null : Number(t.escort_id),
      cityId: Number(t.city_id),
      categoryCode: t.category_code,
      hospitalId: t.hospital_id === null ? 0 : Number(t.hospital_id),
      reason: complaintReason(t.opener_type, parseTags(t.tags)),
    });
    await this.enqueue(manager, { cells: cells.map(pack), escort, reasons });
  }

  /** A customer asked for a quote (no transaction of its own to join: it gets a short one). */
  async quoteAsked(dims: RollupDims, at = new Date()): Promise<void> {
    await this.tx.run(manager => this.enqueue(manager, { quote: { day: shanghaiDay(at), ...dims } }));
  }

  private async enqueue(manager: EntityManager, payload: OutboxPayload): Promise<void> {
    await manager.query('INSERT INTO analytics_outbox (payload, created_at) VALUES (?, ?)', [JSON.stringify(payload), this.dt(new Date())]);
  }

  // ---------------------------------------------------------------- applying

  /**
   * Folds everything pending into the rollups; returns how many outbox rows it applied. One
   * applier per process at a time; across processes the oldest rows are locked (FOR UPDATE), so
   * a second process waits and then finds them gone.
   */
  async applyPending(maxBatches = 1000): Promise<number> {
    if (this.applying) return this.applying;
    this.applying = (async () => {
      let total = 0;
      try {
        for (let i = 0; i < maxBatches; i++) {
          const n = await this.tx.run(m => this.applyBatch(m));
          total += n;
          if (n < BATCH) break;
        }
        await this.setState('refreshed_at', new Date().toISOString());
        return total;
      } finally {
        this.applying = null;
      }
    })();
    return this.applying;
  }

  /** Whether anything waits in the outbox (a cheap primary-key probe). */
  async hasPending(): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT id FROM analytics_outbox ORDER BY id LIMIT 1');
    return rows.length > 0;
  }

  private async applyBatch(m: EntityManager): Promise<number> {
    const lock = this.dialect === 'mysql' ? ' FOR UPDATE' : '';
    const rows: { id: string | number; payload: string }[] = await m.query(`SELECT id, payload FROM analytics_outbox ORDER BY id LIMIT ${BATCH}${lock}`);
    if (!rows.length) return 0;
    const cells: Cell[] = [];
    const quotes: Cell[] = [];
    const escort: EscortCell[] = [];
    const reasons: ReasonCell[] = [];
    const facts = new Map<number, CustomerFacts | null>();
    for (const r of rows) {
      const p = JSON.parse(r.payload) as OutboxPayload;
      for (const c of p.cells ?? []) cells.push(unpack(c));
      if (p.escort) escort.push(...p.escort);
      if (p.reasons) reasons.push(...p.reasons);
      if (p.quote) quotes.push({ ...p.quote, measure: 'quote_count', value: 1 });
      if (p.paid) {
        const { customerId, orderId, paidAt, ...dims } = p.paid;
        const before = facts.has(customerId) ? (facts.get(customerId) as CustomerFacts | null) : await this.loadCustomer(m, customerId);
        const after = withPaidOrder(before, { orderId, paidAt, ...dims });
        facts.set(customerId, after);
        cells.push(...delta(customerContribution(before), customerContribution(after)));
      }
    }
    for (const [customerId, f] of facts) if (f) await this.saveCustomer(m, customerId, f);
    const net = netCells(cells);
    const monthly = netCells(net.map(c => ({ ...c, day: c.day.slice(0, 7) })));
    await this.upsert(m, 'analytics_daily', ['day', 'city_id', 'category_code', 'hospital_id'], net);
    await this.upsert(m, 'analytics_daily_city', ['day', 'city_id', 'category_code'], netCells(net.map(c => ({ ...c, hospitalId: 0 }))));
    await this.upsert(m, 'analytics_monthly', ['month', 'city_id', 'category_code', 'hospital_id'], monthly);
    await this.upsert(m, 'analytics_monthly_city', ['month', 'city_id', 'category_code'], netCells(monthly.map(c => ({ ...c, hospitalId: 0 }))));
    await this.upsert(m, 'analytics_daily_total', ['day', 'city_id'], netCells(net.map(c => ({ ...c, categoryCode: '', hospitalId: 0 }))));
    const starts = net.filter(c => c.measure === 'start_count' && c.hospitalId > 0);
    await upsertRows(m, this.dialect, 'analytics_hospital_daily', ['day', 'city_id', 'hospital_id'], starts.map(c => ({ key: [c.day, c.cityId, c.hospitalId], measure: 'start_count', value: c.value })));
    await upsertRows(m, this.dialect, 'analytics_hospital_monthly', ['month', 'city_id', 'hospital_id'], starts.map(c => ({ key: [c.day.slice(0, 7), c.cityId, c.hospitalId], measure: 'start_count', value: c.value })));
    await upsertRows(m, this.dialect, 'analytics_escort_daily', ['day', 'city_id', 'escort_id'], escort.map(([day, cityId, escortId, measure, value]) => ({ key: [day, cityId, escortId], measure, value })));
    await upsertRows(m, this.dialect, 'analytics_escort_monthly', ['month', 'city_id', 'escort_id'], escort.map(([day, cityId, escortId, measure, value]) => ({ key: [day.slice(0, 7), cityId, escortId], measure, value })));
    await upsertRows(
      m,
      this.dialect,
      'analytics_complaint_daily',
      ['day', 'city_id', 'category_code', 'hospital_id', 'reason'],
      reasons.map(([day, cityId, categoryCode, hospitalId, reason, value]) => ({ key: [day, cityId, categoryCode, hospitalId, reason], measure: 'complaint_count', value }))
    );
    await upsertRows(
      m,
      this.dialect,
      'analytics_complaint_monthly',
      ['month', 'city_id', 'reason'],
      reasons.map(([day, cityId, , , reason, value]) => ({ key: [day.slice(0, 7), cityId, reason], measure: 'complaint_count', value }))
    );
    await this.upsert(m, 'analytics_quote_daily', ['day', 'city_id', 'category_code', 'hospital_id'], netCells(quotes));
    const ids = rows.map(r => r.id);
    await m.query(`DELETE FROM analytics_outbox WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    return rows.length;
  }

  private async loadCustomer(m: EntityManager, customerId: number): Promise<CustomerFacts | null> {
    const lock = this.dialect === 'mysql' ? ' FOR UPDATE' : '';
    const [r]: any[] = await m.query(
      `SELECT first_order_id, first_paid_at, city_id, category_code, hospital_id, paid_orders FROM analytics_customers WHERE customer_id = ?${lock}`,
      [customerId]
    );
    if (!r) return null;
    return { firstOrderId: r.first_order_id, firstPaidAt: r.first_paid_at, cityId: r.city_id, categoryCode: r.category_code, hospitalId: r.hospital_id, paidOrders: Number(r.paid_orders) };
  }

  private async saveCustomer(m: EntityManager, customerId: number, f: CustomerFacts): Promise<void> {
    const values = [customerId, f.firstOrderId, new Date(f.firstPaidAt), f.cityId, f.categoryCode, f.hospitalId, f.paidOrders];
    const cols = 'customer_id, first_order_id, first_paid_at, city_id, category_code, hospital_id, paid_orders';
    const set = ['first_order_id', 'first_paid_at', 'city_id', 'category_code', 'hospital_id', 'paid_orders'];
    const sql =
      this.dialect === 'mysql'
        ? `INSERT INTO analytics_customers (${cols}) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE ${set.map(c => `${c} = VALUES(${c})`).join(', ')}`
        : `INSERT INTO analytics_customers (${cols}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(customer_id) DO UPDATE SET ${set.map(c => `${c} = excluded.${c}`).join(', ')}`;
    values[2] = this.dt(values[2] as Date);
    await m.query(sql, values);
  }

  private upsert(m: EntityManager, table: string, keyCols: string[], cells: Cell[]): Promise<void> {
    return upsertCells(m, this.dialect, table, keyCols, cells);
  }

  // ---------------------------------------------------------------- rebuild

  /**
   * Recomputes every rollup (not the quote counter, which is its own raw data) from the raw
   * tables in one transaction and drops the outbox rows it covers. Meant for a quiet moment: on
   * MySQL the INSERT … SELECT holds shared locks on the rows it reads.
   */
  async rebuild(log: (msg: string) => void = () => undefined): Promise<RebuildResult> {
    return rebuildRollups(this.dataSource, work => this.tx.run(work), this.dialect, log);
  }

  /** Rebuilds once on a database whose rollups were never built (a fresh install, or data loaded by other means). */
  async ensureBuilt(): Promise<void> {
    if (this.built) return;
    if (!(await this.getState('rebuilt_at'))) await this.rebuild();
    this.built = true;
  }

  /** A datetime parameter: SQLite keeps datetimes as text, written the way TypeORM writes them so comparisons agree. */
  dt(d: Date): Date | string {
    return this.dialect === 'sqlite' ? sqliteDatetime(d) : d;
  }

  // ---------------------------------------------------------------- state

  async getState(key: string): Promise<string | null> {
    return readState(this.dataSource, this.dialect, key);
  }

  async setState(key: string, value: string): Promise<void> {
    await this.tx.run(m => writeState(m, this.dialect, key, value));
  }
}

/** Review tags as stored (a JSON list in a varchar). */
export function parseTags(v: unknown): string[] | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v as string[];
  try {
    const parsed = JSON.parse(String(v));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** TypeORM's SQLite datetime text: 'YYYY-MM-DD HH:MM:SS.SSS' in UTC. */
export function sqliteDatetime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}
