/**
 * The rollups' definitions in SQL, straight from the raw tables: the rebuild inserts these, and the
 * equality test compares the incrementally kept rollups with them. They must say exactly what
 * `rollup-measures.ts` says in TypeScript; the test is what keeps the two in step.
 */
import { AGE_GROUPS, HOUR_COLUMNS, LATENCY_BOUNDS_MIN, LATENCY_COLUMNS, MEASURES, OPENER_REASON, REASON_MAX } from './rollup-measures';

export type SqlDialect = 'mysql' | 'sqlite';

export function sqlDay(d: SqlDialect, col: string): string {
  return d === 'mysql' ? `DATE_FORMAT(DATE_ADD(${col}, INTERVAL 8 HOUR), '%Y-%m-%d')` : `strftime('%Y-%m-%d', ${col}, '+8 hours')`;
}

function sqlHour(d: SqlDialect, col: string): string {
  return d === 'mysql' ? `HOUR(DATE_ADD(${col}, INTERVAL 8 HOUR))` : `CAST(strftime('%H', ${col}, '+8 hours') AS INTEGER)`;
}

function sqlYear(d: SqlDialect, col: string): string {
  return d === 'mysql' ? `YEAR(DATE_ADD(${col}, INTERVAL 8 HOUR))` : `CAST(strftime('%Y', ${col}, '+8 hours') AS INTEGER)`;
}

/** Whole minutes from a to b, rounded down (both dialects agree for b >= a). */
function sqlMinutes(d: SqlDialect, a: string, b: string): string {
  return d === 'mysql' ? `FLOOR(TIMESTAMPDIFF(SECOND, ${a}, ${b}) / 60)` : `((CAST(strftime('%s', ${b}) AS INTEGER) - CAST(strftime('%s', ${a}) AS INTEGER)) / 60)`;
}

const KEY = (alias: string) => `${alias}.city_id AS city_id, ${alias}.category_code AS category_code, COALESCE(${alias}.hospital_id, 0) AS hospital_id`;
const GROUP = 'GROUP BY 1, 2, 3, 4';
const CANCELLED = `('cancelled', 'refunding', 'refunded')`;
const BOOKED = `('dispatched', 'accepted', 'departed', 'in_service', 'completed')`;
const count = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;

/** One SELECT per date family; each yields day, city_id, category_code, hospital_id and some measures. */
export function familySelects(d: SqlDialect): { measures: string[]; sql: string }[] {
  const latency = sqlMinutes(d, 'o.paid_at', 'o.first_assigned_at');
  const bucket = `CASE ${LATENCY_BOUNDS_MIN.slice(1)
    .map((b, i) => `WHEN ${latency} < ${b} THEN ${i}`)
    .join(' ')} ELSE ${LATENCY_BOUNDS_MIN.length - 1} END`;
  const age = `(${sqlYear(d, 'o.created_at')} - CAST(SUBSTR(p.birth_date, 1, 4) AS ${d === 'mysql' ? 'SIGNED' : 'INTEGER'}))`;
  const ageCase = AGE_GROUPS.map(g =>
    g.min < 0 ? `${count(`p.birth_date IS NULL OR p.birth_date = ''`)} AS ${g.column}` : `${count(`p.birth_date <> '' AND ${age} BETWEEN ${g.min} AND ${g.max}`)} AS ${g.column}`
  );
  // An order without an earlier-than-17-years birth date counts in the youngest group, like ageColumn().
  ageCase[0] = `${count(`p.birth_date <> '' AND ${age} <= ${AGE_GROUPS[0].max}`)} AS ${AGE_GROUPS[0].column}`;
  const startUnassigned = `(o.assigned_at IS NULL OR o.assigned_at > o.start_at) AND NOT (o.cancelled_at IS NOT NULL AND o.cancelled_at <= o.start_at)`;
  return [
    {
      measures: ['created_count', 'cohort_paid', 'cohort_completed', 'cohort_cancelled'],
      sql: `SELECT ${sqlDay(d, 'o.created_at')} AS day, ${KEY('o')}, COUNT(*) AS created_count, ${count('o.paid_at IS NOT NULL')} AS cohort_paid,
        ${count(`o.status = 'completed'`)} AS cohort_completed, ${count(`o.status IN ${CANCELLED}`)} AS cohort_cancelled FROM orders o ${GROUP}`,
    },
    {
      measures: AGE_GROUPS.map(g => g.column),
      sql: `SELECT ${sqlDay(d, 'o.created_at')} AS day, ${KEY('o')}, ${ageCase.join(', ')} FROM orders o JOIN patients p ON p.id = o.patient_id ${GROUP}`,
    },
    {
      measures: ['paid_count', ...LATENCY_COLUMNS],
      // The bucket is worked out once per order in the inner query, then counted per column.
      sql: `SELECT x.day, x.city_id, x.category_code, x.hospital_id, COUNT(*) AS paid_count, ${LATENCY_COLUMNS.map((c, i) => `${count(`x.b = ${i}`)} AS ${c}`).join(', ')}
        FROM (SELECT ${sqlDay(d, 'o.paid_at')} AS day, ${KEY('o')},
                CASE WHEN o.preferred_escort_id IS NULL AND o.first_assigned_at IS NOT NULL THEN ${bucket} ELSE -1 END AS b
              FROM orders o WHERE o.paid_at IS NOT NULL) x ${GROUP}`,
    },
    {
      measures: ['start_count', 'unassigned_at_start', ...HOUR_COLUMNS],
      sql: `SELECT x.day, x.city_id, x.category_code, x.hospital_id, COUNT(*) AS start_count, SUM(x.u) AS unassigned_at_start, ${HOUR_COLUMNS.map((c, h) => `${count(`x.h = ${h}`)} AS ${c}`).join(', ')}
        FROM (SELECT ${sqlDay(d, 'o.start_at')} AS day, ${KEY('o')}, ${sqlHour(d, 'o.start_at')} AS h, CASE WHEN ${startUnassigned} THEN 1 ELSE 0 END AS u
              FROM orders o WHERE o.paid_at IS NOT NULL) x ${GROUP}`,
    },
    {
      measures: ['booked_minutes'],
      sql: `SELECT ${sqlDay(d, 'o.start_at')} AS day, ${KEY('o')}, SUM(o.duration_minutes) AS booked_minutes
        FROM orders o WHERE o.escort_id IS NOT NULL AND o.status IN ${BOOKED} ${GROUP}`,
    },
    {
      measures: ['completed_count'],
      sql: `SELECT ${sqlDay(d, 'o.completed_at')} AS day, ${KEY('o')}, COUNT(*) AS completed_count
        FROM orders o WHERE o.status = 'completed' AND o.completed_at IS NOT NULL ${GROUP}`,
    },
    {
      measures: ['cancelled_count'],
      sql: `SELECT ${sqlDay(d, 'o.cancelled_at')} AS day, ${KEY('o')}, COUNT(*) AS cancelled_count
        FROM orders o WHERE o.status IN ${CANCELLED} AND o.cancelled_at IS NOT NULL ${GROUP}`,
    },
    {
      measures: ['gmv_fen', 'refund_fen', 'platform_revenue_fen', 'escort_payable_fen'],
      sql: `SELECT ${sqlDay(d, 'e.created_at')} AS day, ${KEY('o')},
        SUM(CASE WHEN l.account = 'customer_payments_clearing' AND e.source_type = 'payment_capture' THEN l.amount_fen ELSE 0 END) AS gmv_fen,
        SUM(CASE WHEN l.account = 'customer_payments_clearing' AND e.source_type = 'refund' THEN -l.amount_fen ELSE 0 END) AS refund_fen,
        SUM(CASE WHEN l.account = 'platform_revenue' THEN -l.amount_fen ELSE 0 END) AS platform_revenue_fen,
        SUM(CASE WHEN l.account = 'escort_payable' AND l.order_id IS NOT NULL THEN -l.amount_fen ELSE 0 END) AS escort_payable_fen
        FROM ledger_entries e JOIN ledger_lines l ON l.entry_id = e.id JOIN orders o ON o.id = e.order_id ${GROUP}`,
    },
    {
      measures: ['review_count', 'rating1_count', 'rating2_count', 'rating3_count', 'rating4_count', 'rating5_count'],
      sql: `SELECT ${sqlDay(d, 'r.created_at')} AS day, ${KEY('o')}, COUNT(*) AS review_count, ${[1, 2, 3, 4, 5].map(s => `${count(`${STAR} = ${s}`)} AS rating${s}_count`).join(', ')}
        FROM reviews r JOIN orders o ON o.id = r.order_id ${GROUP}`,
    },
    {
      measures: ['complaint_count'],
      sql: `SELECT ${sqlDay(d, 't.created_at')} AS day, ${KEY('o')}, COUNT(*) AS complaint_count FROM tickets t JOIN orders o ON o.id = t.order_id WHERE ${COMPLAINT} ${GROUP}`,
    },
    {
      measures: ['new_customers', 'repeat_customers'],
      sql: `SELECT ${sqlDay(d, 'c.first_paid_at')} AS day, c.city_id, c.category_code, c.hospital_id, COUNT(*) AS new_customers,
        ${count('c.paid_orders >= 2')} AS repeat_customers FROM (${customerFactsSelect()}) c ${GROUP}`,
    },
  ];
}

const STAR = `(CASE WHEN r.overall < 1 THEN 1 WHEN r.overall > 5 THEN 5 ELSE r.overall END)`;
const COMPLAINT = `t.type = 'service_complaint' AND t.order_id IS NOT NULL`;

/** The complaint reason in SQL, as complaintReason() says it: the review's first tag, else who opened the ticket. */
function sqlReason(d: SqlDialect): string {
  const tag = d === 'mysql' ? `TRIM(JSON_UNQUOTE(JSON_EXTRACT(rv.tags, '$[0]')))` : `TRIM(json_extract(rv.tags, '$[0]'))`;
  const opener = `CASE t.opener_type ${Object.entries(OPENER_REASON)
    .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
    .join(' ')} ELSE '其他' END`;
  return `SUBSTR(CASE WHEN rv.id IS NOT NULL AND ${tag} IS NOT NULL AND ${tag} <> '' THEN ${tag} ELSE ${opener} END, 1, ${REASON_MAX})`;
}

/** analytics_complaint_daily from the raw tickets: day, city_id, category_code, hospital_id, reason, complaint_count. */
export function complaintReasonSelect(d: SqlDialect): string {
  return `SELECT ${sqlDay(d, 't.created_at')} AS day, ${KEY('o')}, ${sqlReason(d)} AS reason, COUNT(*) AS complaint_count
    FROM tickets t JOIN orders o ON o.id = t.order_id LEFT JOIN reviews rv ON rv.id = t.review_id WHERE ${COMPLAINT} GROUP BY 1, 2, 3, 4, 5`;
}

/** analytics_escort_daily from the raw reviews and tickets: day, city_id, escort_id and the escort measures (two families). */
export function escortSelects(d: SqlDialect): { measures: string[]; sql: string }[] {
  return [
    {
      measures: ['review_count', 'rating_sum', 'good_count', 'bad_count'],
      sql: `SELECT ${sqlDay(d, 'r.created_at')} AS day, o.city_id AS city_id, r.escort_id AS escort_id, COUNT(*) AS review_count, SUM(${STAR}) AS rating_sum,
        ${count(`${STAR} >= 4`)} AS good_count, ${count(`${STAR} <= 2`)} AS bad_count
        FROM reviews r JOIN orders o ON o.id = r.order_id WHERE r.escort_id IS NOT NULL GROUP BY 1, 2, 3`,
    },
    {
      measures: ['complaint_count'],
      sql: `SELECT ${sqlDay(d, 't.created_at')} AS day, o.city_id AS city_id, t.escort_id AS escort_id, COUNT(*) AS complaint_count
        FROM tickets t JOIN orders o ON o.id = t.order_id WHERE ${COMPLAINT} AND t.escort_id IS NOT NULL GROUP BY 1, 2, 3`,
    },
  ];
}

/** Each paying customer's first paid order (earliest paid time, then lowest id) and their paid order count. */
export function customerFactsSelect(): string {
  return `SELECT x.customer_id, x.id AS first_order_id, x.paid_at AS first_paid_at, x.city_id, x.category_code, COALESCE(x.hospital_id, 0) AS hospital_id, x.paid_orders
    FROM (SELECT o.customer_id, o.id, o.paid_at, o.city_id, o.category_code, o.hospital_id,
            ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.paid_at, o.id) AS rn,
            COUNT(*) OVER (PARTITION BY o.customer_id) AS paid_orders
          FROM orders o WHERE o.paid_at IS NOT NULL) x WHERE x.rn = 1`;
}

export const ALL_MEASURES: readonly string[] = MEASURES;

/** INSERT … SELECT that adds a family's rows into a rollup table. */
export function insertFamily(d: SqlDialect, table: string, family: { measures: string[]; sql: string }): string {
  const cols = ['day', 'city_id', 'category_code', 'hospital_id', ...family.measures];
  const update = family.measures.map(m => (d === 'mysql' ? `${table}.${m} = ${table}.${m} + VALUES(${m})` : `${m} = ${m} + excluded.${m}`)).join(', ');
  const select = `SELECT * FROM (${family.sql}) f`;
  return d === 'mysql'
    ? `INSERT INTO ${table} (${cols.join(', ')}) ${select} ON DUPLICATE KEY UPDATE ${update}`
    : `INSERT INTO ${table} (${cols.join(', ')}) ${select} WHERE true ON CONFLICT(day, city_id, category_code, hospital_id) DO UPDATE SET ${update}`;
}

