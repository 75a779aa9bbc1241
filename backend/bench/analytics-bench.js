#!/usr/bin/env node
/**
 * npm run bench:analytics -w backend
 *
 * Latency of every dashboard API on a large generated data set, against the built API on
 * MySQL/MariaDB, with GET /api/health of the same server measured in the same run as the baseline.
 * Self-contained (a shared bench harness is being extracted elsewhere; fold this in then).
 *
 * Data: database BENCH_DB_NAME (default escort_bench_analytics). When it holds fewer than
 * BENCH_ORDERS orders (default 1,000,000) it is dropped, created, migrated and seeded by one boot
 * of the server, then filled by `npm run datagen` (seed 42), which also rebuilds the rollups; a
 * later run reuses it. Requests are sequential (closed loop, one at a time), BENCH_REQUESTS per
 * scenario (default 200) after 20 warm-up requests; p50/p95/p99/max per scenario.
 *
 * Env: DB_HOST/DB_PORT/DB_USER/DB_PASSWORD. Target (issue #8): every dashboard p95 < 100 ms.
 */
const { spawn, execSync } = require('child_process');
const http = require('http');
const net = require('net');
const path = require('path');
const fs = require('fs');
const os = require('os');

const ORDERS = Number(process.env.BENCH_ORDERS || 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);
const DB_NAME = process.env.BENCH_DB_NAME || 'escort_bench_analytics';
const backendDir = path.resolve(__dirname, '..');
const cfg = { host: process.env.DB_HOST || '127.0.0.1', port: Number(process.env.DB_PORT || 3306), user: process.env.DB_USER || 'root', password: process.env.DB_PASSWORD || '' };
const dbEnv = { DB_TYPE: 'mysql', DB_HOST: cfg.host, DB_PORT: String(cfg.port), DB_USER: cfg.user, DB_PASSWORD: cfg.password, DB_NAME };
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

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

async function waitFor(port, url, child) {
  for (let i = 0; i < 600; i++) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await request(port, 'GET', url);
      if (r.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not answer ${url}`);
}

async function startServer() {
  const port = await freePort();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'escort-bench-analytics-logs-'));
  const child = spawn(process.execPath, ['bootstrap.js'], {
    cwd: backendDir,
    env: { ...process.env, ...dbEnv, NODE_ENV: 'local', PORT: String(port), JOBS_ENABLED: 'false', LOG_DIR: logDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(port, '/api/health', child);
  return { port, stop: () => new Promise(resolve => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))) };
}

async function ordersIn() {
  const mysql = require('mysql2/promise');
  const c = await mysql.createConnection(cfg);
  try {
    const [dbs] = await c.query('SHOW DATABASES LIKE ?', [DB_NAME]);
    if (!dbs.length) return 0;
    const [tables] = await c.query(`SHOW TABLES FROM \`${DB_NAME}\` LIKE 'orders'`);
    if (!tables.length) return 0;
    const [[row]] = await c.query(`SELECT COUNT(*) AS n FROM \`${DB_NAME}\`.orders`);
    return Number(row.n);
  } finally {
    await c.end();
  }
}

async function prepareData() {
  const have = await ordersIn();
  if (have >= ORDERS * 0.99) {
    console.log(`> reusing ${DB_NAME}: ${have} orders`);
    return { orders: have, generatedIn: null };
  }
  const mysql = require('mysql2/promise');
  const c = await mysql.createConnection(cfg);
  await c.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await c.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  console.log(`> ${DB_NAME}: migrating and seeding the demo data (one server boot)`);
  const seeded = await startServer();
  await seeded.stop();
  console.log(`> generating ${ORDERS} orders`);
  const t0 = Date.now();
  execSync(`npx ts-node --transpile-only -P tsconfig.test.json scripts/datagen.ts --orders ${ORDERS} --seed 42`, { cwd: backendDir, stdio: 'inherit', env: { ...process.env, ...dbEnv } });
  return { orders: await ordersIn(), generatedIn: Date.now() - t0 };
}

async function measure(port, name, url, headers) {
  for (let i = 0; i < 20; i++) await request(port, 'GET', url, undefined, headers);
  const latencies = [];
  const statuses = {};
  for (let i = 0; i < REQUESTS; i++) {
    const t = process.hrtime.bigint();
    const r = await request(port, 'GET', url, undefined, headers);
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  latencies.sort((a, b) => a - b);
  const q = p => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { name, url, p50: q(50), p95: q(95), p99: q(99), max: latencies[latencies.length - 1], statuses };
}

async function main() {
  if (!fs.existsSync(path.join(backendDir, 'dist/configuration.js')) || process.env.BENCH_BUILD === 'true') {
    console.log('> building the backend');
    execSync('npm run build', { cwd: backendDir, stdio: 'inherit' });
  }
  const data = await prepareData();
  const server = await startServer();
  try {
    const { port } = server;
    const login = await request(port, 'POST', '/api/admin/auth/login', { username: 'admin', password: 'Admin@12345' });
    const auth = { authorization: `Bearer ${login.body.data.accessToken}` };
    const opts = (await request(port, 'GET', '/api/admin/analytics/options', undefined, auth)).body.data;
    // The busiest hospital of the first city, for the hospital-grain scenario.
    const ops = (await request(port, 'GET', `/api/admin/analytics/operations?cityId=${opts.cities[0].id}`, undefined, auth)).body.data;
    const hospitalId = ops.busiestHospitals[0]?.hospitalId ?? opts.hospitals[0].id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const yearAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
    const twoYears = new Date(Date.parse(`${today}T00:00:00Z`) - 729 * 86_400_000).toISOString().slice(0, 10);
    const scenarios = [
      ['baseline GET /api/health', '/api/health', {}],
      ['operations, last 30 days', '/api/admin/analytics/operations', auth],
      ['operations, 1 year', `/api/admin/analytics/operations?from=${yearAgo}&to=${today}`, auth],
      ['operations, 1 year, one city + outpatient', `/api/admin/analytics/operations?from=${yearAgo}&to=${today}&cityId=${opts.cities[0].id}&categoryCode=outpatient`, auth],
      ['operations, 1 year, one hospital', `/api/admin/analytics/operations?from=${yearAgo}&to=${today}&cityId=${opts.cities[0].id}&hospitalId=${hospitalId}`, auth],
      ['customers, last 30 days', '/api/admin/analytics/customers', auth],
      ['customers, 2 years', `/api/admin/analytics/customers?from=${twoYears}&to=${today}`, auth],
      ['finance, last 30 days', '/api/admin/analytics/finance', auth],
      ['finance, 2 years', `/api/admin/analytics/finance?from=${twoYears}&to=${today}`, auth],
      ['quality, last 30 days', '/api/admin/analytics/quality', auth],
      ['quality, 1 year', `/api/admin/analytics/quality?from=${yearAgo}&to=${today}`, auth],
      ['operations, 2 years', `/api/admin/analytics/operations?from=${twoYears}&to=${today}`, auth],
      ['options', '/api/admin/analytics/options', auth],
    ];
    const results = [];
    const loadBefore = os.loadavg();
    for (const [name, url, headers] of scenarios) {
      const r = await measure(port, name, url, headers);
      results.push(r);
      console.log(`  ${name}: p95 ${r.p95.toFixed(1)} ms`);
    }
    const base = results[0];
    const loadAfter = os.loadavg();
    console.log(`\nLoad average (1/5/15 min) ${loadBefore.map(x => x.toFixed(2)).join(' / ')} before, ${loadAfter.map(x => x.toFixed(2)).join(' / ')} after; ${os.cpus().length} cores.`);
    console.log(`\nData: ${data.orders} orders in ${DB_NAME}${data.generatedIn ? ` (generated and rolled up in ${(data.generatedIn / 1000).toFixed(0)} s)` : ' (reused)'}; ${REQUESTS} sequential requests per scenario.\n`);
    console.log('| scenario | p50 | p95 | p99 | max | p95 − baseline p95 | answers |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of results) {
      const statuses = Object.entries(r.statuses).map(([s, n]) => `${n} × ${s}`).join(', ');
      console.log(`| ${r.name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r === base ? '—' : `${(r.p95 - base.p95).toFixed(1)} ms`} | ${statuses} |`);
    }
    const slow = results.slice(1).filter(r => r.p95 >= 100 || Object.keys(r.statuses).some(s => s !== '200'));
    console.log(slow.length ? `\nTarget p95 < 100 ms missed by: ${slow.map(r => r.name).join('; ')}` : '\nTarget p95 < 100 ms: met by every dashboard scenario.');
    if (slow.length) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
