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
const { spawn, execSync, fork } = require('child_process');
const http = require('http');
const net = require('net');
const path = require('path');
const fs = require('fs');
const os = require('os');

const RATE = Number(process.env.BENCH_RATE || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const DB = process.env.BENCH_DB || 'mysql';
const backendDir = path.resolve(__dirname, '..');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

function request(port, method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, agent, headers: { ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}), ...headers } },
      res => {
        const chunks = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode, body: json });
        });
      }
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function waitFor(port, url, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await request(port, 'GET', url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`server on ${port} did not come up`);
    await new Promise(r => setTimeout(r, 300));
  }
}

/** Fires `make(i)` at RATE per second for SECONDS; returns latencies (ms) and error count. */
async function openLoop(name, make) {
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const latencies = [];
  const statuses = {};
  const start = performance.now() + 50;
  const pending = [];
  const trace = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise(r => setTimeout(r, wait));
    pending.push(
      make(i).then(
        r => {
          latencies.push(performance.now() - due);
          trace.push([i, performance.now() - due]);
          statuses[r.status] = (statuses[r.status] || 0) + 1;
        },
        () => {
          latencies.push(performance.now() - due);
          statuses.error = (statuses.error || 0) + 1;
        }
      )
    );
  }
  await Promise.all(pending);
  if (process.env.BENCH_TRACE) {
    const perSecond = new Map();
    for (const [i, ms] of trace) perSecond.set(Math.floor(i / RATE), Math.max(perSecond.get(Math.floor(i / RATE)) ?? 0, ms));
    console.log(`${name}: worst latency per second`, [...perSecond.entries()].sort((a, b) => a[0] - b[0]).map(([, ms]) => Math.round(ms)).join(' '));
  }
  latencies.sort((a, b) => a - b);
  const q = p => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { name, n: latencies.length, p50: q(50), p90: q(90), p99: q(99), max: latencies[latencies.length - 1], statuses };
}

async function scratchMysql() {
  const mysql = require('mysql2/promise');
  const cfg = { host: process.env.DB_HOST || '127.0.0.1', port: Number(process.env.DB_PORT || 3306), user: process.env.DB_USER || 'root', password: process.env.DB_PASSWORD || '' };
  const name = `escort_bench_${Date.now()}`;
  const conn = await mysql.createConnection(cfg);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    env: { DB_TYPE: 'mysql', DB_HOST: cfg.host, DB_PORT: String(cfg.port), DB_USER: cfg.user, DB_PASSWORD: cfg.password, DB_NAME: name },
    drop: async () => {
      const c = await mysql.createConnection(cfg);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

async function main() {
  if (!fs.existsSync(path.join(backendDir, 'dist/configuration.js')) || process.env.BENCH_BUILD === 'true') {
    console.log('> building the backend');
    execSync('npm run build', { cwd: backendDir, stdio: 'inherit' });
  }
  const children = [];
  const cleanups = [];
  try {
    const basePort = await freePort();
    const baseline = fork(path.join(__dirname, 'koa-baseline.js'), { env: { ...process.env, PORT: String(basePort) }, stdio: 'ignore' });
    children.push(baseline);
    await waitFor(basePort, '/');

    const db = DB === 'mysql' ? await scratchMysql() : { env: { DB_TYPE: 'sqlite', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'escort-bench-')) }, drop: async () => {} };
    cleanups.push(db.drop);
    const apiPort = await freePort();
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'escort-bench-logs-'));
    const api = spawn(process.execPath, ['bootstrap.js'], {
      cwd: backendDir,
      env: { ...process.env, ...db.env, NODE_ENV: 'local', PORT: String(apiPort), JOBS_ENABLED: 'false', LOG_DIR: logDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(api);
    await waitFor(apiPort, '/api/health');

    // A customer, an admin who opens booking hours around the clock (so the run works at any hour), ids from the API.
    const admin = await request(apiPort, 'POST', '/api/admin/auth/login', { username: 'admin', password: 'Admin@12345' });
    const adminAuth = { authorization: `Bearer ${admin.body.data.accessToken}` };
    await request(apiPort, 'POST', '/api/admin/settings/booking', { maxDaysAhead: 14, minLeadMinutes: 60, serviceStartFrom: '00:00', serviceStartUntil: '23:30', slotMinutes: 30, paymentWindowMinutes: 15 }, adminAuth);
    const phone = '13800000001';
    await request(apiPort, 'POST', '/api/app/auth/sms-code', { phone });
    const code = (await request(apiPort, 'GET', `/api/dev/sms-outbox?phone=${phone}`)).body.data.code;
    const login = await request(apiPort, 'POST', '/api/app/auth/sms-login', { phone, code });
    const auth = { authorization: `Bearer ${login.body.data.accessToken}` };
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
  } finally {
    for (const c of children) c.kill('SIGTERM');
    for (const c of cleanups) await c().catch(() => undefined);
    agent.destroy();
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
