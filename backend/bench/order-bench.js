#!/usr/bin/env node
/**
 * npm run bench -w backend
 *
 * Latency of quoting and creating orders under a fixed request rate, against the real built API on
 * a scratch MySQL/MariaDB database (BENCH_DB=sqlite for the embedded one), with a bare koa server
 * measured in the same run as the baseline. Open-loop: request i is due at start + i/rate and its
 * latency counts from that moment, so a stalled server cannot hide its queue (no coordinated
 * omission). Prints p50/p90/p99/max per scenario and the ratio to the baseline.
 *
 * Env: BENCH_RATE (req/s, default 100), BENCH_SECONDS (per scenario, default 15), BENCH_DB,
 * DB_HOST/DB_PORT/DB_USER/DB_PASSWORD for MySQL. Target (issue #3): create-order p99 < 100 ms at 100 req/s.
 */
const os = require('os');
const H = require('./lib/harness');

const RATE = Number(process.env.BENCH_RATE || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const DB = process.env.BENCH_DB || 'mysql';
const client = H.httpClient();
const { request } = client;
const openLoop = (name, make) => H.openLoop(name, { rate: RATE, total: RATE * SECONDS, trace: Boolean(process.env.BENCH_TRACE) }, make);

async function main({ children, cleanups }) {
  H.ensureBuilt();
  const baseline = await H.startKoaBaseline(client);
  children.push(baseline.child);
  const basePort = baseline.port;

  const db = await H.scratchDatabase(DB, 'escort_bench');
  cleanups.push(db.drop);
  const api = await H.startApi(client, { env: db.env });
  children.push(api.child);
  const apiPort = api.port;

  // A customer, an admin who opens booking hours around the clock (so the run works at any hour), ids from the API.
  const adminAuth = await H.staffAuth(client, apiPort);
  await H.openBookingAllDay(client, apiPort, adminAuth);
  const auth = await H.customerAuth(client, apiPort);
  const patients = (await request(apiPort, 'GET', '/api/app/patients', undefined, auth)).body.data;
  const patientId = (patients.list ?? patients)[0].id;
  const categories = (await request(apiPort, 'GET', '/api/app/service-categories?cityId=1')).body.data;
  const items = (categories.list ?? categories).flatMap(c => c.items);
  const item = items.find(i => i.code === 'OPD-HALF') ?? items[0];
  const hospitals = (await request(apiPort, 'GET', '/api/app/hospitals?cityId=1')).body.data;
  const hospitalId = (hospitals.list ?? hospitals)[0].id;
  const slot = 30 * 60_000;
  const startAt = i => new Date(Math.ceil((Date.now() + 26 * 3600_000) / slot) * slot + (i % 200) * slot).toISOString();
  const booking = i => ({ serviceItemId: item.id, cityId: 1, hospitalId, patientId, startAt: startAt(i), durationMinutes: 120 });

  // Warm both servers (JIT, pools, caches) on every measured path before measuring.
  for (let i = 0; i < 200; i++) {
    await request(basePort, 'GET', '/ping');
    await request(apiPort, 'GET', '/api/health');
    await request(apiPort, 'POST', '/api/app/orders/quote', booking(i), auth);
    await request(apiPort, 'POST', '/api/app/orders', booking(i), { ...auth, 'idempotency-key': `warmup-${Date.now().toString(36)}-${i}` });
  }

  const results = [];
  results.push(await openLoop('bare koa GET /ping (baseline)', () => request(basePort, 'GET', '/ping')));
  results.push(await openLoop('GET /api/health (framework + 1 query)', () => request(apiPort, 'GET', '/api/health')));
  results.push(await openLoop('POST /api/app/orders/quote', i => request(apiPort, 'POST', '/api/app/orders/quote', booking(i), auth)));
  const runId = Date.now().toString(36);
  results.push(await openLoop('POST /api/app/orders (create)', i => request(apiPort, 'POST', '/api/app/orders', booking(i), { ...auth, 'idempotency-key': `bench-${runId}-${i}` })));

  const base = results[0];
  const fmt = n => n.toFixed(1).padStart(7);
  console.log(`\norder bench: ${RATE} req/s for ${SECONDS} s per scenario, database ${DB}, node ${process.version}, ${os.cpus().length} cpus`);
  console.log(`${'scenario'.padEnd(42)}    n      p50      p90      p99      max  p99/baseline  statuses`);
  for (const r of results) {
    console.log(`${r.name.padEnd(42)} ${String(r.n).padStart(5)} ${fmt(r.p50)}ms ${fmt(r.p90)}ms ${fmt(r.p99)}ms ${fmt(r.max)}ms  ${(r.p99 / base.p99).toFixed(1).padStart(10)}x  ${JSON.stringify(r.statuses)}`);
  }
  const create = results[3];
  const ok = create.p99 < 100 && Object.keys(create.statuses).every(s => s === '200');
  console.log(`\ntarget create-order p99 < 100 ms at ${RATE} req/s: ${ok ? 'met' : 'NOT met'} (p99 ${create.p99.toFixed(1)} ms)`);
  if (process.argv.includes('--check') && !ok) process.exitCode = 1;
  client.destroy();
}

H.run(main);
