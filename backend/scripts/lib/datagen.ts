/**
 * A realistic data set of a chosen size, written with multi-row INSERTs through one connection
 * (never the ORM per row): cities, hospitals, service items (when none exist), escorts with weekly
 * shifts and leave, customers, patients, and orders over the last two years with seasonal, weekly
 * and daily patterns, in every state, with their payments, refunds and ledger entries.
 *
 * Deterministic for a seed (same seed, same size, same empty database → same rows). Generated
 * people carry placeholder personal data (`gen:` values, not encrypted and not decryptable): the
 * set is for dashboards and benchmarks, not for opening customer details.
 *
 * Reviews and complaint tickets are added after the orders by generateQuality() (also usable alone
 * on a set generated before they existed: `datagen -- --quality-only`).
 */
import { DataSource, QueryRunner } from 'typeorm';

export interface DatagenOptions {
  orders: number;
  seed: number;
  /** Orders end at this instant (default now); they span `days` before it. */
  now?: Date;
  days?: number;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface DatagenResult {
  cities: number;
  hospitals: number;
  escorts: number;
  customers: number;
  patients: number;
  orders: number;
  payments: number;
  refunds: number;
  ledgerEntries: number;
  ledgerLines: number;
  reviews: number;
  tickets: number;
  ms: number;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** Log-normal minutes with the given median and spread. */
    logNormal: (median: number, sigma: number) => {
      const u = Math.max(next(), 1e-9);
      const v = next();
      return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    },
  };
}

const CITIES = [
  { code: '310100', name: '上海', weight: 1.6 },
  { code: '110100', name: '北京', weight: 1.5 },
  { code: '440100', name: '广州', weight: 1.0 },
  { code: '440300', name: '深圳', weight: 1.0 },
  { code: '330100', name: '杭州', weight: 0.8 },
  { code: '510100', name: '成都', weight: 0.8 },
  { code: '420100', name: '武汉', weight: 0.6 },
  { code: '320100', name: '南京', weight: 0.6 },
];
const HOSPITAL_WORDS = ['人民医院', '中心医院', '中医医院', '妇幼保健院', '儿童医院', '肿瘤医院', '口腔医院', '眼科医院', '第一医院', '第二医院', '第三医院', '协和医院'];
const DEFAULT_ITEMS = [
  { code: 'GEN-OPD', category: 'outpatient', name: '门诊陪诊', unit: 'half_day', price: 19900, minutes: 240, weight: 5 },
  { code: 'GEN-EXAM', category: 'examination', name: '检查陪诊', unit: 'visit', price: 15900, minutes: 120, weight: 3 },
  { code: 'GEN-INP', category: 'inpatient_escort', name: '住院陪诊', unit: 'day', price: 39900, minutes: 480, weight: 1 },
  { code: 'GEN-CARE', category: 'inpatient_care', name: '住院陪护', unit: 'day', price: 29900, minutes: 480, weight: 1 },
  { code: 'GEN-ERR', category: 'errand', name: '同城代办', unit: 'visit', price: 9900, minutes: 120, weight: 2 },
  { code: 'GEN-HOME', category: 'home_care', name: '上门护理', unit: 'visit', price: 25900, minutes: 120, weight: 1 },
];
/** Month factor (Jan … Dec): quiet around the Spring Festival, busy in spring and autumn. */
const SEASON = [0.85, 0.6, 1.1, 1.15, 1.05, 0.95, 0.9, 0.9, 1.05, 1.1, 1.15, 1.0];
/** Weekday factor (Mon … Sun). */
const WEEK = [1.3, 1.2, 1.15, 1.1, 1.05, 0.6, 0.45];
/** Start hour weights 7:00 … 17:00 (Shanghai): mornings are busiest. */
const START_HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const START_WEIGHTS = [6, 10, 9, 7, 4, 1, 5, 6, 4, 2, 1];
const SHARE_BP: Record<string, number> = { trainee: 6000, junior: 7000, senior: 7500, expert: 8000 };
const LEVELS = ['trainee', 'junior', 'junior', 'senior', 'senior', 'expert'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const H = 3600_000;
const M = 60_000;

function weighted<T>(r: ReturnType<typeof rng>, xs: readonly T[], ws: readonly number[]): T {
  const total = ws.reduce((a, b) => a + b, 0);
  let x = r.next() * total;
  for (let i = 0; i < xs.length; i++) if ((x -= ws[i]) < 0) return xs[i];
  return xs[xs.length - 1];
}

/** Buffers rows per table and writes them as multi-row INSERTs. */
class Writer {
  private buffers = new Map<string, { cols: string[]; rows: string[] }>();
  constructor(private qr: QueryRunner, private mysql: boolean, private batch: number) {}

  lit(v: unknown): string {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? '1' : '0';
    if (v instanceof Date) return `'${this.mysql ? v.toISOString().slice(0, 19).replace('T', ' ') : v.toISOString().replace('T', ' ').replace('Z', '')}'`;
    return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  }

  async add(table: string, row: Record<string, unknown>): Promise<void> {
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = { cols: Object.keys(row), rows: [] }));
    b.rows.push(`(${b.cols.map(c => this.lit(row[c])).join(',')})`);
    if (b.rows.length >= this.batch) await this.flush(table);
  }

  async flush(table?: string): Promise<void> {
    for (const [t, b] of this.buffers) {
      if ((table && t !== table) || !b.rows.length) continue;
      await this.qr.query(`INSERT INTO ${t} (${b.cols.join(',')}) VALUES ${b.rows.join(',')}`);
      b.rows = [];
    }
  }
}

async function maxId(qr: QueryRunner, table: string): Promise<number> {
  const [r] = await qr.query(`SELECT MAX(id) AS m FROM ${table}`);
  return Number(r?.m ?? 0);
}

export async function generate(ds: DataSource, opts: DatagenOptions): Promise<DatagenResult> {
  const t0 = Date.now();
  const mysql = ds.options.type === 'mysql' || ds.options.type === 'mariadb';
  const r = rng(opts.seed);
  const now = opts.now ?? new Date();
  const days = opts.days ?? 730;
  const progress = opts.onProgress ?? (() => undefined);
  const qr = ds.createQueryRunner();
  await qr.connect();
  const w = new Writer(qr, mysql, mysql ? 2000 : 500);
  const tag = `${opts.seed}-${Date.now().toString(36)}`;
  const result: DatagenResult = { cities: 0, hospitals: 0, escorts: 0, customers: 0, patients: 0, orders: 0, payments: 0, refunds: 0, ledgerEntries: 0, ledgerLines: 0, reviews: 0, tickets: 0, ms: 0 };
  try {
    if (mysql) await qr.query('SET unique_checks = 0, foreign_key_checks = 0');
    await qr.startTransaction();

    // ------------------------------------------------------------ cities, hospitals, items
    const existingCities: { id: number; code: string }[] = await qr.query('SELECT id, code FROM cities');
    let cityId = await maxId(qr, 'cities');
    const cities: { id: number; weight: number }[] = [];
    for (const c of CITIES) {
      const found = existingCities.find(e => e.code === c.code);
      if (found) cities.push({ id: Number(found.id), weight: c.weight });
      else {
        await w.add('cities', { id: ++cityId, code: c.code, name: c.name, created_at: now });
        cities.push({ id: cityId, weight: c.weight });
        result.cities++;
      }
    }
    await w.flush();
    const hospitalsPerCity = Math.max(5, Math.min(40, Math.round(opts.orders / 25_000)));
    let hospitalId = await maxId(qr, 'hospitals');
    const hospitalsOf = new Map<number, { id: number; name: string; weight: number }[]>();
    for (const c of cities) {
      const list: { id: number; name: string; weight: number }[] = [];
      for (let i = 0; i < hospitalsPerCity; i++) {
        const name = `${CITIES[cities.indexOf(c)].name}${HOSPITAL_WORDS[i % HOSPITAL_WORDS.length]}${i >= HOSPITAL_WORDS.length ? Math.floor(i / HOSPITAL_WORDS.length) + 1 : ''}`.slice(0, 64);
        await w.add('hospitals', { id: ++hospitalId, city_id: c.id, name, grade: r.pick(['三甲', '三甲', '三乙', '二甲']), address: `${name}门诊楼`, phone: '021-00000000', created_at: now, updated_at: now });
        // Zipf-like popularity: a few hospitals take most of the orders.
        list.push({ id: hospitalId, name, weight: 1 / (i + 1) });
        result.hospitals++;
      }
      hospitalsOf.set(c.id, list);
    }
    await w.flush();
    let items: { id: number; category: string; name: string; price: number; minutes: number; weight: number }[] = (
      await qr.query('SELECT id, category_code, name, base_price_fen, default_duration_minutes FROM service_items WHERE enabled = 1 ORDER BY id')
    ).map((i: any) => ({ id: Number(i.id), category: i.category_code, name: i.name, price: Number(i.base_price_fen), minutes: Number(i.default_duration_minutes), weight: 1 }));
    if (!items.length) {
      let itemId = await maxId(qr, 'service_items');
      for (const it of DEFAULT_ITEMS) {
        await w.add('service_items', {
          id: ++itemId, code: it.code, category_code: it.category, name: it.name, description: it.name, pricing_unit: it.unit, base_price_fen: it.price,
          default_duration_minutes: it.minutes, min_duration_minutes: 30, max_duration_minutes: 1440, enabled: true, created_at: now, updated_at: now,
        });
      }
      await w.flush();
      items = DEFAULT_ITEMS.map((it, i) => ({ id: itemId - DEFAULT_ITEMS.length + 1 + i, category: it.category, name: it.name, price: it.price, minutes: it.minutes, weight: it.weight }));
    } else {
      for (const it of items) it.weight = DEFAULT_ITEMS.find(d => d.category === it.category)?.weight ?? 1;
    }

    // ------------------------------------------------------------ escorts, shifts, leave
    const escortsPerCity = Math.max(5, Math.round(opts.orders / 1000 / cities.length));
    let escortId = await maxId(qr, 'escorts');
    let shiftId = await maxId(qr, 'escort_weekly_shifts');
    let leaveId = await maxId(qr, 'escort_leaves');
    const escortsOf = new Map<number, { id: number; level: string }[]>();
    for (const c of cities) {
      const list: { id: number; level: string }[] = [];
      for (let i = 0; i < escortsPerCity; i++) {
        const id = ++escortId;
        const level = r.pick(LEVELS);
        const status = r.chance(0.9) ? 'active' : r.chance(0.5) ? 'suspended' : 'applicant';
        await w.add('escorts', {
          id, city_id: c.id, name: `${r.pick([...SURNAMES])}${r.pick([...GIVEN])}${r.pick([...GIVEN])}`, gender: r.pick(['female', 'male']),
          phone_enc: `gen:139${String(id).padStart(8, '0')}`, phone_hash: `gen-e-${tag}-${id}`, level, status, birth_year: r.int(1965, 1998),
          created_at: new Date(now.getTime() - days * 24 * H), updated_at: now,
        });
        if (status === 'active') list.push({ id, level });
        result.escorts++;
        // Five weekdays of 08:00–17:00, sometimes a Saturday morning.
        const off = r.int(1, 7);
        for (let wd = 1; wd <= 7; wd++) {
          if (wd === off || (wd === 7 && off !== 7)) continue;
          const [s, e] = wd === 6 ? [480, 720] : [480, 1020];
          await w.add('escort_weekly_shifts', { id: ++shiftId, escort_id: id, weekday: wd, start_minute: s, end_minute: e });
        }
        for (let k = 0; k < 2; k++) {
          const start = new Date(now.getTime() - r.int(-20, days) * 24 * H);
          start.setUTCHours(0, 0, 0, 0);
          await w.add('escort_leaves', {
            id: ++leaveId, escort_id: id, city_id: c.id, type: r.pick(['personal', 'sick', 'annual']), start_at: start, end_at: new Date(start.getTime() + r.int(1, 3) * 24 * H),
            reason: '生成数据', status: r.pick(['approved', 'approved', 'pending', 'rejected']), source: 'escort', created_at: start, updated_at: start,
          });
        }
      }
      escortsOf.set(c.id, list.length ? list : [{ id: escortId, level: 'junior' }]);
    }
    await w.flush();
    await qr.commitTransaction();

    // ------------------------------------------------------------ customers, patients (made as their first order needs them)
    let customerId = await maxId(qr, 'customers');
    let patientId = await maxId(qr, 'patients');
    const customerCount = Math.max(10, Math.round(opts.orders / 3));
    const customerBase = customerId;
    const customerMade = new Uint8Array(customerCount);
    const patientOf = new Int32Array(customerCount);

    // ------------------------------------------------------------ orders, day by day
    const dayWeights: number[] = [];
    // Shanghai midnight `days` days ago.
    const startDay = new Date(Math.floor((now.getTime() + 8 * H) / (24 * H)) * 24 * H - 8 * H - (days - 1) * 24 * H);
    for (let d = 0; d < days; d++) {
      const date = new Date(startDay.getTime() + d * 24 * H + 8 * H);
      const trend = 0.5 + (d / days) * 0.8;
      dayWeights.push(SEASON[date.getUTCMonth()] * WEEK[(date.getUTCDay() + 6) % 7] * trend * (0.9 + r.next() * 0.2));
    }
    const sumW = dayWeights.reduce((a, b) => a + b, 0);
    const perDay = dayWeights.map(x => Math.floor((x / sumW) * opts.orders));
    let short = opts.orders - perDay.reduce((a, b) => a + b, 0);
    for (let d = days - 1; short > 0; d = (d - 1 + days) % days, short--) perDay[d]++;

    let orderId = await maxId(qr, 'orders');
    let paymentId = await maxId(qr, 'payments');
    let refundId = await maxId(qr, 'refunds');
    let entryId = await maxId(qr, 'ledger_entries');
    let lineId = await maxId(qr, 'ledger_lines');
    const cityWeights = cities.map(c => c.weight);
    const itemWeights = items.map(i => i.weight);
    const entry = async (sourceType: string, sourceId: number, order: number, at: Date, memo: string, lines: [string, number, number | null][]) => {
      const id = ++entryId;
      await w.add('ledger_entries', { id, source_type: sourceType, source_id: String(sourceId), order_id: order, memo, created_at: at });
      for (const [account, amount, escort] of lines) await w.add('ledger_lines', { id: ++lineId, entry_id: id, account, amount_fen: amount, order_id: order, escort_id: escort });
      result.ledgerEntries++;
      result.ledgerLines += lines.length;
    };

    let done = 0;
    await qr.startTransaction();
    for (let d = 0; d < days; d++) {
      const dayStart = startDay.getTime() + d * 24 * H;
      for (let k = 0; k < perDay[d]; k++) {
        const city = weighted(r, cities, cityWeights);
        const item = weighted(r, items, itemWeights);
        const needsHospital = item.category !== 'errand' && item.category !== 'home_care';
        const hospitals = hospitalsOf.get(city.id)!;
        const hospital = needsHospital ? weighted(r, hospitals, hospitals.map(h => h.weight)) : null;
        // Customers: a fifth of them book again and again.
        const ci = r.chance(0.35) ? r.int(0, Math.floor(customerCount / 5)) : r.int(0, customerCount - 1);
        const cust = customerBase + 1 + ci;
        const createdAt = new Date(dayStart + weighted(r, START_HOURS, START_WEIGHTS) * H + r.int(-120, 300) * M);
        if (createdAt.getTime() > now.getTime()) createdAt.setTime(now.getTime() - r.int(1, 600) * M);
        if (!customerMade[ci]) {
          customerMade[ci] = 1;
          const at = new Date(createdAt.getTime() - r.int(0, 7 * 24 * 60) * M);
          await w.add('customers', { id: cust, phone_enc: `gen:138${String(cust).padStart(8, '0')}`, phone_hash: `gen-c-${tag}-${cust}`, nickname: `用户${cust}`, status: 'active', created_at: at, updated_at: at });
          const pid = ++patientId;
          patientOf[ci] = pid;
          const birth = `${r.chance(0.6) ? r.int(1935, 1965) : r.int(1966, 2015)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
          await w.add('patients', { id: pid, customer_id: cust, name: '就诊人', relation: r.pick(['self', 'parent', 'parent', 'child', 'spouse']), gender: r.pick(['male', 'female']), birth_date: r.chance(0.95) ? birth : null, phone_enc: 'gen:patient', created_at: at, updated_at: at });
          result.customers++;
          result.patients++;
        }
        // Start: from a couple of hours to three days after booking, on a half hour, in service hours.
        const leadDays = r.chance(0.3) ? 0 : r.int(1, 3);
        const startLocalDay = Math.floor((createdAt.getTime() + 8 * H) / (24 * H)) + leadDays;
        let startAt = new Date(startLocalDay * 24 * H - 8 * H + weighted(r, START_HOURS, START_WEIGHTS) * H + (r.chance(0.5) ? 30 * M : 0));
        if (startAt.getTime() < createdAt.getTime() + 60 * M) startAt = new Date(startAt.getTime() + 24 * H);
        const duration = item.minutes;
        const endAt = new Date(startAt.getTime() + duration * M);
        const escorts = escortsOf.get(city.id)!;
        const escort = r.pick(escorts);
        const preferred = r.chance(0.1);
        const total = item.price;
        const id = ++orderId;
        const o: Record<string, unknown> = {
          id, order_no: `PG${String(id).padStart(14, '0')}`, customer_id: cust, city_id: city.id, service_item_id: item.id, service_name: item.name, category_code: item.category,
          hospital_id: hospital?.id ?? null, hospital_name: hospital?.name ?? '', patient_id: item.category === 'errand' ? null : patientOf[ci], patient_name: item.category === 'errand' ? '' : '就诊人',
          escort_id: null, preferred_escort_id: preferred ? escort.id : null, start_at: startAt, end_at: endAt, duration_minutes: duration, status: 'pending_payment',
          total_fen: total, paid_fen: 0, penalty_fen: 0, refund_due_fen: 0, units: 1, price_lines: '[]', service_address: hospital ? `${hospital.name}门诊楼` : '生成地址',
          customer_note: '', payment_deadline_at: new Date(createdAt.getTime() + 15 * M), paid_at: null, assigned_at: null, first_assigned_at: null, started_at: null,
          completed_at: null, cancelled_at: null, cancel_reason: '', created_at: createdAt, updated_at: createdAt,
        };
        const nowMs = now.getTime();
        const fate = r.next();
        const paidAt = new Date(createdAt.getTime() + r.int(1, 12) * M);
        if (paidAt.getTime() > nowMs || fate < 0.04) {
          // Unpaid: still waiting, expired, or cancelled before paying.
          if (createdAt.getTime() + 15 * M < nowMs) {
            if (fate < 0.025 || paidAt.getTime() > nowMs) o.status = 'closed';
            else Object.assign(o, { status: 'cancelled', cancelled_at: new Date(createdAt.getTime() + r.int(1, 14) * M), cancel_reason: '不需要了' });
          }
        } else {
          Object.assign(o, { paid_fen: total, paid_at: paidAt });
          const pay = ++paymentId;
          await w.add('payments', {
            id: pay, order_id: id, out_trade_no: `GP${String(pay).padStart(16, '0')}`, channel: 'sandbox', amount_fen: total, status: 'succeeded', channel_transaction_id: `gen${tag}${pay}`,
            applied_to_order: true, expires_at: new Date(createdAt.getTime() + 15 * M), paid_at: paidAt, created_at: createdAt, updated_at: paidAt,
          });
          result.payments++;
          await entry('payment_capture', pay, id, paidAt, '支付（生成数据）', [['customer_payments_clearing', total, null], ['customer_prepayments', -total, null]]);
          // Dispatch latency: preferred escorts are assigned on payment; the rest wait a log-normal while.
          const latency = preferred ? 0 : Math.min(3 * 24 * 60, r.logNormal(18, 1.1));
          let firstAssigned: Date | null = new Date(paidAt.getTime() + latency * M);
          const late = !preferred && r.chance(0.015);
          if (late) firstAssigned = new Date(startAt.getTime() + r.int(5, 90) * M);
          if (firstAssigned.getTime() > nowMs) firstAssigned = null;
          const cancelPaid = fate > 0.9;
          const cancelAt = new Date(paidAt.getTime() + r.next() * Math.max(M, startAt.getTime() - paidAt.getTime() - M));
          if (cancelPaid && cancelAt.getTime() <= nowMs) {
            // Cancelled after paying: mostly refunded in full or in part, sometimes forfeited.
            const forfeit = r.chance(0.1);
            const refund = forfeit ? 0 : r.chance(0.7) ? total : Math.round(total * 0.8);
            const assigned = firstAssigned && firstAssigned < cancelAt ? firstAssigned : null;
            Object.assign(o, { first_assigned_at: assigned, assigned_at: null, escort_id: null, cancelled_at: cancelAt, cancel_reason: '行程有变', penalty_fen: total - refund, refund_due_fen: refund });
            if (forfeit) {
              o.status = 'cancelled';
              await entry('order_close', id, id, cancelAt, '取消订单结转', [['customer_prepayments', total, null], ['platform_revenue', -total, null]]);
            } else {
              const refundAt = new Date(cancelAt.getTime() + r.int(1, 120) * M);
              if (refundAt.getTime() > nowMs) o.status = 'refunding';
              else {
                o.status = 'refunded';
                const rid = ++refundId;
                await w.add('refunds', {
                  id: rid, payment_id: pay, order_id: id, out_refund_no: `GP${String(pay).padStart(16, '0')}-R01`, amount_fen: refund, reason: '取消订单', source: 'order_cancel',
                  purpose_key: `gen_order_cancel:${id}`, requested_by_type: 'system', requested_by_name: '系统', status: 'succeeded', succeeded_at: refundAt, created_at: cancelAt, updated_at: refundAt,
                });
                result.refunds++;
                await entry('refund', rid, id, refundAt, '退款（生成数据）', [['refunds', refund, null], ['customer_payments_clearing', -refund, null]]);
                const kept = total - refund;
                await entry('order_close', id, id, refundAt, '取消订单结转', kept ? [['customer_prepayments', total, null], ['refunds', -refund, null], ['platform_revenue', -kept, null]] : [['customer_prepayments', total, null], ['refunds', -refund, null]]);
              }
            }
          } else if (!firstAssigned) {
            o.status = 'pending_dispatch';
          } else {
            Object.assign(o, { escort_id: escort.id, first_assigned_at: firstAssigned, assigned_at: r.chance(0.05) && !late ? new Date(firstAssigned.getTime() + r.int(10, 120) * M) : firstAssigned });
            if ((o.assigned_at as Date).getTime() > nowMs) o.assigned_at = firstAssigned;
            const s = startAt.getTime();
            if (endAt.getTime() + 30 * M <= nowMs) {
              const completedAt = new Date(endAt.getTime() + r.int(0, 30) * M);
              Object.assign(o, { status: 'completed', started_at: startAt, completed_at: completedAt });
              const escortFen = Math.floor((total * SHARE_BP[escort.level]) / 10000);
              await entry('order_recognition', id, id, completedAt, '订单完成（生成数据）', [['customer_prepayments', total, null], ['platform_revenue', -(total - escortFen), null], ['escort_payable', -escortFen, escort.id]]);
            } else if (s <= nowMs) {
              Object.assign(o, { status: 'in_service', started_at: startAt });
            } else o.status = r.pick(['dispatched', 'accepted', 'accepted']);
          }
        }
        await w.add('orders', o);
        result.orders++;
        if (++done % 5000 === 0) {
          progress(done, opts.orders, 'orders');
          await w.flush();
          await qr.commitTransaction();
          await qr.startTransaction();
        }
      }
    }
    await w.flush();
    await qr.commitTransaction();
    progress(done, opts.orders, 'orders');
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  } finally {
    if (mysql) await qr.query('SET unique_checks = 1, foreign_key_checks = 1').catch(() => undefined);
    await qr.release();
  }
  const q = await generateQuality(ds, { seed: opts.seed, now, onProgress: opts.onProgress });
  result.reviews = q.reviews;
  result.tickets = q.tickets;
  result.ms = Date.now() - t0;
  return result;
}

// ------------------------------------------------------------ reviews and complaints

export interface QualityResult {
  reviews: number;
  tickets: number;
  ms: number;
}

const LOW_TAGS = ['迟到', '态度不好', '不熟悉医院流程', '沟通不及时', '服务时间不足'];
const HIGH_TAGS = ['准时', '耐心细致', '熟悉流程', '专业'];

/**
 * Reviews for about a third of the completed orders without one (a few hours to three days after
 * completion, mostly 4–5 stars), a follow-up complaint ticket for each 1–2-star review (as the
 * reviews module opens them), and customer complaints on about 1 % of completed orders. Reads the
 * completed orders already in the database, so it also adds quality data to a set generated before.
 * Deterministic for a seed and the same orders. Writes only reviews and tickets (not the reviews
 * module's own review_stats counters: the set is for the dashboards).
 */
export async function generateQuality(ds: DataSource, opts: { seed: number; now?: Date; onProgress?: (done: number, total: number, phase: string) => void }): Promise<QualityResult> {
  const t0 = Date.now();
  const mysql = ds.options.type === 'mysql' || ds.options.type === 'mariadb';
  const r = rng(opts.seed ^ 0x5eed);
  const now = opts.now ?? new Date();
  const qr = ds.createQueryRunner();
  await qr.connect();
  const w = new Writer(qr, mysql, mysql ? 2000 : 500);
  const out: QualityResult = { reviews: 0, tickets: 0, ms: 0 };
  try {
    let reviewId = await maxId(qr, 'reviews');
    let ticketId = await maxId(qr, 'tickets');
    const [{ n: total }] = await qr.query(`SELECT COUNT(*) AS n FROM orders WHERE status = 'completed'`);
    let seen = 0;
    await qr.startTransaction();
    for (let after = 0; ; ) {
      const rows: any[] = await qr.query(
        `SELECT o.id, o.order_no, o.customer_id, o.escort_id, o.hospital_id, o.city_id, o.service_name, o.completed_at
         FROM orders o WHERE o.id > ? AND o.status = 'completed' AND o.completed_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM reviews rv WHERE rv.order_id = o.id) ORDER BY o.id LIMIT 5000`,
        [after]
      );
      if (!rows.length) break;
      for (const o of rows) {
        const completedAt = new Date(typeof o.completed_at === 'string' && !/Z$/.test(o.completed_at) ? o.completed_at.replace(' ', 'T') + 'Z' : o.completed_at);
        const ticket = async (values: Record<string, unknown>, at: Date) => {
          const id = ++ticketId;
          const old = now.getTime() - at.getTime() > 7 * 24 * 3600_000;
          await w.add('tickets', {
            id, ticket_no: `GT${String(id).padStart(14, '0')}`, type: 'service_complaint', priority: 'high', status: old ? 'closed' : 'open', title: '投诉（生成数据）', content: '生成数据',
            photos: '[]', opener_type: 'customer', opener_id: o.customer_id, customer_id: o.customer_id, order_id: o.id, order_no: o.order_no, escort_id: o.escort_id, city_id: o.city_id,
            review_id: null, assignee_name: '', sla_due_at: new Date(at.getTime() + 4 * 3600_000), first_responded_at: old ? new Date(at.getTime() + 3600_000) : null,
            resolved_at: old ? new Date(at.getTime() + 2 * 24 * 3600_000) : null, closed_at: old ? new Date(at.getTime() + 3 * 24 * 3600_000) : null, resolution: old ? '已处理' : null,
            reopen_count: 0, compensation_fen: 0, created_at: at, updated_at: at, ...values,
          });
          out.tickets++;
        };
        if (r.chance(0.35)) {
          const at = new Date(completedAt.getTime() + r.int(60, 72 * 60) * 60_000);
          if (at.getTime() <= now.getTime()) {
            const overall = weighted(r, [5, 4, 3, 2, 1], [55, 25, 10, 5, 5]);
            const tags = overall <= 2 ? [r.pick(LOW_TAGS)] : overall >= 4 && r.chance(0.5) ? [r.pick(HIGH_TAGS)] : [];
            const around = () => Math.max(1, Math.min(5, overall + r.int(-1, 1)));
            const id = ++reviewId;
            await w.add('reviews', {
              id, order_id: o.id, order_no: o.order_no, customer_id: o.customer_id, escort_id: o.escort_id, hospital_id: o.hospital_id, city_id: o.city_id,
              service_name: String(o.service_name).slice(0, 64), overall, attitude: around(), professionalism: around(), communication: around(), punctuality: around(),
              tags: JSON.stringify(tags), content: '生成数据', photos: '[]', anonymous: false, status: 'visible', created_at: at, updated_at: at,
            });
            out.reviews++;
            // A low score opens a follow-up complaint, as ReviewService does.
            if (overall <= 2) await ticket({ review_id: id, opener_type: 'system', opener_id: null, title: '差评回访（生成数据）' }, at);
          }
        }
        if (r.chance(0.01)) {
          const at = new Date(completedAt.getTime() + r.int(30, 5 * 24 * 60) * 60_000);
          if (at.getTime() <= now.getTime()) await ticket({}, at);
        }
      }
      after = Number(rows[rows.length - 1].id);
      seen += rows.length;
      await w.flush();
      await qr.commitTransaction();
      await qr.startTransaction();
      opts.onProgress?.(seen, Number(total), 'quality');
    }
    await w.flush();
    await qr.commitTransaction();
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  } finally {
    await qr.release();
  }
  out.ms = Date.now() - t0;
  return out;
}
