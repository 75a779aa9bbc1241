#!/usr/bin/env node
/**
 * npm run bench:settlement -w backend
 *
 * 1. A settlement run over BENCH_ORDERS (default 1,000,000) completed orders in one month, through
 *    the real built API (POST /api/admin/settlement-runs: claim the month's escort_payable ledger
 *    lines as items, classify refunds, sum per escort, write the lines) on a scratch MySQL/MariaDB
 *    database. The month is seeded in SQL (MariaDB's SEQUENCE engine): BENCH_ESCORTS escorts
 *    (default 2,000), the orders, their recognition entries (3 lines each, the escort's share at
 *    the built-in 70 %), 1 % refunds after completion (3 lines each), and capture entries for
 *    realism. Baseline, same run and database: one GROUP BY over the same ledger lines
 *    (`SUM(amount_fen)` per escort), the least work that reads the month's escort money.
 * 2. An Excel export of BENCH_EXPORT_ROWS (default 200,000) payments through the export job API
 *    (create, poll progress, download), on a freshly started API process so its peak RSS
 *    (VmHWM) is the export's. Baselines, same run: the same rows streamed as CSV by the same job
 *    API, and a bare `SELECT` of the rows over mysql2.
 *
 * Targets (issue #6): run < 60 s; export < 20 s with peak RSS < 300 MB. `--check` exits 1 if missed.
 * Env: BENCH_ORDERS, BENCH_ESCORTS, BENCH_EXPORT_ROWS, DB_HOST/DB_PORT/DB_USER/DB_PASSWORD.
 */
const os = require('os');
const H = require('./lib/harness');

const ORDERS = Number(process.env.BENCH_ORDERS || 1_000_000);
const ESCORTS = Number(process.env.BENCH_ESCORTS || 2000);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS || 200_000);
const client = H.httpClient({ maxSockets: 8 });
const { request } = client;

const secs = ms => `${(ms / 1000).toFixed(1)} s`;

/** The first day of last month (Shanghai) and the instants of its start and end. */
function lastMonth(now = new Date()) {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // this month, 0-based: last month is m - 1
  const start = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600_000);
  const end = new Date(Date.UTC(y, m, 1) - 8 * 3600_000);
  const first = new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { first, start, end };
}

const sqlTime = d => d.toISOString().slice(0, 23).replace('T', ' ');

async function columnsOf(conn, table) {
  const [rows] = await conn.query('SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position', [table]);
  return rows.map(r => r.c || r.C || r.COLUMN_NAME);
}

/** INSERT … SELECT over seq_1_to_N in chunks (one huge statement would hold one huge transaction). */
async function insertSeq(conn, n, chunk, sqlFor) {
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await conn.query(sqlFor(`(SELECT seq FROM seq_${from}_to_${to})`));
  }
}

async function seed(conn, month) {
  const t0 = performance.now();
  // Escorts: copies of demo escort 1 with their own phone hash and name.
  // Ids are given explicitly: InnoDB may leave gaps between bulk inserts' auto-increment ranges.
  const [[{ baseEscort }]] = await conn.query('SELECT COALESCE(MAX(id), 0) AS baseEscort FROM escorts');
  const firstEscort = Number(baseEscort) + 1;
  const escortCols = await columnsOf(conn, 'escorts');
  const escortExpr = c => ({ id: `${baseEscort} + s.seq`, phone_hash: "CONCAT('bench-', s.seq)", id_card_hash: 'NULL', id_card_enc: 'NULL', name: "CONCAT('陪诊师', s.seq)" })[c] ?? `e.\`${c}\``;
  await conn.query(`INSERT INTO escorts (${escortCols.map(c => `\`${c}\``).join(', ')}) SELECT ${escortCols.map(escortExpr).join(', ')} FROM escorts e JOIN seq_1_to_${ESCORTS} s WHERE e.id = 1`);

  // Orders: copies of a demo order, completed last month by one of the escorts.
  const [[demo]] = await conn.query('SELECT id FROM orders ORDER BY id LIMIT 1');
  if (!demo) throw new Error('no demo order to copy');
  const [[{ baseOrder }]] = await conn.query('SELECT COALESCE(MAX(id), 0) AS baseOrder FROM orders');
  const orderCols = await columnsOf(conn, 'orders');
  const span = month.end.getTime() - month.start.getTime() - 3600_000;
  const at = `DATE_ADD('${sqlTime(month.start)}', INTERVAL FLOOR(s.seq * ${span / ORDERS}) * 1000 MICROSECOND)`;
  const orderExpr = c =>
    ({
      id: `${baseOrder} + s.seq`,
      order_no: "CONCAT('PZB', LPAD(s.seq, 10, '0'))",
      escort_id: `${firstEscort} + (s.seq % ${ESCORTS})`,
      status: "'completed'",
      total_fen: '(10000 + (s.seq % 37) * 100 + (s.seq % 7))',
      paid_fen: '(10000 + (s.seq % 37) * 100 + (s.seq % 7))',
      refund_due_fen: '0',
      penalty_fen: '0',
      completed_at: at,
      start_at: at,
      end_at: at,
      paid_at: at,
      verification_code_enc: 'NULL',
    })[c] ?? `o.\`${c}\``;
  console.log(`  escorts ${ESCORTS} in ${secs(performance.now() - t0)}; orders…`);
  await insertSeq(conn, ORDERS, 100_000, seqs => `INSERT INTO orders (${orderCols.map(c => `\`${c}\``).join(', ')}) SELECT ${orderCols.map(orderExpr).join(', ')} FROM orders o JOIN ${seqs} s WHERE o.id = ${demo.id}`);
  const firstOrder = Number(baseOrder) + 1;
  console.log(`  orders in ${secs(performance.now() - t0)}; ledger…`);

  // The ledger: a capture and a recognition per order (escort 70 % by largest remainder = round half up for two parts).
  const paid = 'o.total_fen';
  const escortShare = `FLOOR((${paid} * 7000 + 5000) / 10000)`;
  const [[{ baseEntry }]] = await conn.query('SELECT COALESCE(MAX(id), 0) AS baseEntry FROM ledger_entries');
  const captureId = `${baseEntry} + s.seq`;
  const recognitionId = `${baseEntry} + ${ORDERS} + s.seq`;
  const orderOf = seqs => `${seqs} s JOIN orders o ON o.id = ${firstOrder} - 1 + s.seq`;
  await insertSeq(conn, ORDERS, 100_000, seqs => `INSERT INTO ledger_entries (id, source_type, source_id, order_id, memo, base_fen, share_bp, commission_version_id, created_at)
    SELECT ${captureId}, 'payment_capture', CAST(o.id AS CHAR), o.id, 'bench', NULL, NULL, NULL, o.paid_at FROM ${orderOf(seqs)}`);
  await insertSeq(conn, ORDERS, 100_000, seqs => `INSERT INTO ledger_entries (id, source_type, source_id, order_id, memo, base_fen, share_bp, commission_version_id, created_at)
    SELECT ${recognitionId}, 'order_recognition', CAST(o.id AS CHAR), o.id, 'bench', o.total_fen, 7000, 0, o.completed_at FROM ${orderOf(seqs)}`);
  const lines = (entryId, parts) =>
    insertSeq(conn, ORDERS, 100_000, seqs => `INSERT INTO ledger_lines (entry_id, account, amount_fen, order_id, escort_id)
      ${parts.map(([account, amount, escort]) => `SELECT ${entryId}, '${account}', ${amount}, o.id, ${escort} FROM ${orderOf(seqs)}`).join(' UNION ALL ')}`);
  await lines(captureId, [
    ['customer_payments_clearing', paid, 'NULL'],
    ['customer_prepayments', `-${paid}`, 'NULL'],
  ]);
  await lines(recognitionId, [
    ['customer_prepayments', paid, 'NULL'],
    ['platform_revenue', `-(${paid} - ${escortShare})`, 'NULL'],
    ['escort_payable', `-${escortShare}`, 'o.escort_id'],
  ]);
  // 1 % of the orders refunded 1,000 fen after completion, split 30 : 70 back from both shares.
  const refunds = Math.floor(ORDERS / 100);
  await conn.query(`INSERT INTO ledger_entries (source_type, source_id, order_id, memo, created_at)
    SELECT 'refund', CONCAT('bench-', s.seq), o.id, 'bench', DATE_ADD(o.completed_at, INTERVAL 1 MINUTE) FROM seq_1_to_${refunds} s JOIN orders o ON o.id = ${firstOrder} - 1 + s.seq * 100`);
  await conn.query(`INSERT INTO ledger_lines (entry_id, account, amount_fen, order_id, escort_id)
    SELECT e.id, 'platform_revenue', 300, e.order_id, NULL FROM ledger_entries e WHERE e.source_type = 'refund' AND e.source_id LIKE 'bench-%'
    UNION ALL SELECT e.id, 'escort_payable', 700, e.order_id, o.escort_id FROM ledger_entries e JOIN orders o ON o.id = e.order_id WHERE e.source_type = 'refund' AND e.source_id LIKE 'bench-%'
    UNION ALL SELECT e.id, 'customer_payments_clearing', -1000, e.order_id, NULL FROM ledger_entries e WHERE e.source_type = 'refund' AND e.source_id LIKE 'bench-%'`);
  console.log(`  ledger in ${secs(performance.now() - t0)}; payments…`);

  // Payments for the export: EXPORT_ROWS succeeded payments of the first orders.
  await insertSeq(conn, EXPORT_ROWS, 100_000, seqs => `INSERT INTO payments (order_id, out_trade_no, channel, amount_fen, status, open_order_id, channel_transaction_id, prepay_id, payer_openid, applied_to_order, expires_at, paid_at, closed_at, status_reason, created_at, updated_at)
    SELECT o.id, CONCAT(o.order_no, '-01'), 'wechat', o.total_fen, 'succeeded', NULL, CONCAT('4200', LPAD(s.seq, 24, '0')), NULL, NULL, 1, o.paid_at, o.paid_at, NULL, '', o.paid_at, o.paid_at
    FROM ${seqs} s JOIN orders o ON o.id = ${firstOrder} - 1 + s.seq`);
  await conn.query('ANALYZE TABLE ledger_lines, ledger_entries, orders, payments');
  return { seconds: (performance.now() - t0) / 1000, refunds };
}

/** Waits (at most 5 min) until InnoDB has under 1 % of its buffer pool dirty; returns the seconds waited. */
async function waitForFlushedPages(conn) {
  const t0 = performance.now();
  for (;;) {
    const [rows] = await conn.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_total')");
    const v = Object.fromEntries(rows.map(r => [r.Variable_name, Number(r.Value)]));
    const waited = (performance.now() - t0) / 1000;
    if (v.Innodb_buffer_pool_pages_dirty < v.Innodb_buffer_pool_pages_total / 100 || waited > 300) return waited;
    await new Promise(res => setTimeout(res, 1000));
  }
}

async function pollJob(port, auth, id, label) {
  let last = -50_000;
  for (;;) {
    const r = await request(port, 'GET', `/api/admin/exports/${id}`, undefined, auth);
    const job = r.body.data;
    // The progress finance sees in the console, a line per 50,000 rows.
    if (Math.floor(job.rowsWritten / 50_000) !== Math.floor(last / 50_000) || job.status === 'succeeded') {
      console.log(`  ${label}: ${job.rowsWritten.toLocaleString()} / ${job.totalRows.toLocaleString()} rows (${job.status})`);
      last = job.rowsWritten;
    }
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise(res => setTimeout(res, 250));
  }
}

async function exportThroughApi(port, auth, format) {
  const t0 = performance.now();
  const created = await request(port, 'POST', '/api/admin/exports', { kind: 'payments', format }, auth);
  if (created.status !== 200) throw new Error(`export failed to start: ${JSON.stringify(created.body)}`);
  const job = await pollJob(port, auth, created.body.data.id, `${format} export`);
  if (job.status !== 'succeeded') throw new Error(`export failed: ${job.error}`);
  const file = await client.download(port, `/api/admin/exports/${job.id}/download`, auth);
  return { ms: performance.now() - t0, rows: job.rowsWritten, bytes: file.bytes, status: file.status };
}

async function main({ children, cleanups }) {
  H.ensureBuilt('dist/modules/settlements/settlement.service.js');
  const db = await H.scratchDatabase('mysql', 'escort_sbench');
  cleanups.push(db.drop);
  const api = await H.startApi(client, { env: db.env, logPrefix: 'escort-sbench-logs' });
  children.push(api.child);
  const month = lastMonth();

  const conn = await db.open();
  console.log(`> seeding ${ORDERS.toLocaleString()} completed orders for ${ESCORTS} escorts in ${month.first.slice(0, 7)} (MariaDB/MySQL)`);
  const seeded = await seed(conn, month);
  const [[counts]] = await conn.query("SELECT (SELECT COUNT(*) FROM ledger_lines) AS lineCount, (SELECT COUNT(*) FROM ledger_entries) AS entries, (SELECT COUNT(*) FROM orders WHERE status = 'completed') AS completed");
  console.log(`  seeded in ${seeded.seconds.toFixed(1)} s: ${Number(counts.completed).toLocaleString()} completed orders, ${Number(counts.entries).toLocaleString()} ledger entries, ${Number(counts.lineCount).toLocaleString()} ledger lines`);

  // Baseline: the same month's escort money in one GROUP BY.
  const b0 = performance.now();
  const [baseRows] = await conn.query(
    `SELECT l.escort_id, COUNT(*) AS n, SUM(l.amount_fen) AS fen FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id
     WHERE l.account = 'escort_payable' AND e.created_at < ? GROUP BY l.escort_id`,
    [month.end],
  );
  const baselineMs = performance.now() - b0;

  const finance = await H.staffAuth(client, api.port, 'finance', 'Finance@12345');
  const r0 = performance.now();
  const created = await request(api.port, 'POST', '/api/admin/settlement-runs', { periodStart: month.first, cadence: 'monthly' }, finance);
  const runMs = performance.now() - r0;
  if (created.status !== 200) throw new Error(`run failed: ${created.status} ${JSON.stringify(created.body)}`);
  const run = created.body.data;
  const runPeak = H.memoryOf(api.child.pid);
  const expectedFen = -baseRows.reduce((s, r) => s + Number(r.fen), 0);
  const expectedItems = baseRows.reduce((s, r) => s + Number(r.n), 0);
  const runOk = run.netFen === expectedFen && run.computedCount === expectedItems && run.orderCount === ORDERS && run.escortCount === baseRows.length;

  // The seeding and the run leave millions of freshly written rows in InnoDB's buffer pool, which it
  // flushes to disk in the background for minutes. Let that finish so the export phase measures the
  // export, not the previous phase's disk writes (the wait is printed).
  const settledIn = await waitForFlushedPages(conn);

  // The run's process is done.
  api.child.kill('SIGTERM');
  await new Promise(res => api.child.once('exit', res));
  // Each format on its own fresh process, so each peak is that export's alone (VmHWM never goes down).
  const exportOnFreshApi = async format => {
    const fresh = await H.startApi(client, { env: db.env, logPrefix: 'escort-sbench-logs' });
    children.push(fresh.child);
    const auth = await H.staffAuth(client, fresh.port, 'finance', 'Finance@12345');
    const idle = H.memoryOf(fresh.child.pid);
    const result = await exportThroughApi(fresh.port, auth, format);
    const after = H.memoryOf(fresh.child.pid);
    fresh.child.kill('SIGTERM');
    await new Promise(res => fresh.child.once('exit', res));
    return { ...result, idle, after };
  };
  const csv = await exportOnFreshApi('csv');
  const xlsx = await exportOnFreshApi('xlsx');
  const idle = xlsx.idle;
  const afterCsv = csv.after;
  const afterXlsx = xlsx.after;
  const s0 = performance.now();
  const [plain] = await conn.query('SELECT id, order_id, out_trade_no, channel_transaction_id, channel, status, amount_fen, created_at, paid_at FROM payments ORDER BY id');
  const selectMs = performance.now() - s0;
  await conn.end();

  console.log(`\nsettlement bench: MariaDB/MySQL, node ${process.version}, ${os.cpus().length} cpus`);
  console.log(`${'scenario'.padEnd(64)} ${'time'.padStart(9)}  notes`);
  console.log(`${'baseline: GROUP BY over the month\'s escort_payable lines'.padEnd(64)} ${secs(baselineMs).padStart(9)}  ${baseRows.length} escorts, ${expectedItems.toLocaleString()} lines`);
  console.log(`${'POST /api/admin/settlement-runs (claim, classify, sum, write lines)'.padEnd(64)} ${secs(runMs).padStart(9)}  ${run.escortCount} lines, ${run.computedCount.toLocaleString()} items, ${(runMs / baselineMs).toFixed(1)}x baseline, API peak RSS ${runPeak.peakRssMb.toFixed(0)} MB, totals ${runOk ? 'match' : 'DO NOT match'} the baseline`);
  console.log(`${'baseline: SELECT of the payments over mysql2 (all in memory)'.padEnd(64)} ${secs(selectMs).padStart(9)}  ${plain.length.toLocaleString()} rows`);
  console.log(`(before the exports: waited ${settledIn.toFixed(0)} s for InnoDB to flush the seeded rows)`);
  console.log(`${'CSV export job (create, poll, download)'.padEnd(64)} ${secs(csv.ms).padStart(9)}  ${csv.rows.toLocaleString()} rows, ${(csv.bytes / 1e6).toFixed(1)} MB, API peak RSS ${afterCsv.peakRssMb.toFixed(0)} MB (idle ${idle.peakRssMb.toFixed(0)} MB)`);
  console.log(`${'Excel (.xlsx) export job (create, poll, download)'.padEnd(64)} ${secs(xlsx.ms).padStart(9)}  ${xlsx.rows.toLocaleString()} rows, ${(xlsx.bytes / 1e6).toFixed(1)} MB, API peak RSS ${afterXlsx.peakRssMb.toFixed(0)} MB`);
  const runMet = runMs < 60_000 && runOk;
  const exportMet = xlsx.ms < 20_000 && afterXlsx.peakRssMb < 300 && xlsx.rows === EXPORT_ROWS;
  console.log(`\ntarget run < 60 s over ${ORDERS.toLocaleString()} orders: ${runMet ? 'met' : 'NOT met'}; export of ${EXPORT_ROWS.toLocaleString()} rows < 20 s with peak RSS < 300 MB: ${exportMet ? 'met' : 'NOT met'}`);
  if (process.argv.includes('--check') && !(runMet && exportMet)) process.exitCode = 1;
  client.destroy();
}

H.run(main);
