/**
 * What every bench script needs, once: free ports, an HTTP client on a keep-alive agent, waiting
 * for a server, building and starting the built API on a scratch database (MySQL/MariaDB or an
 * SQLite file), the bare koa baseline, open-loop load and quantiles, and peak memory of a process.
 */
const { spawn, execSync, fork } = require('child_process');
const http = require('http');
const net = require('net');
const path = require('path');
const fs = require('fs');
const os = require('os');

const backendDir = path.resolve(__dirname, '..', '..');

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/**
 * An HTTP client on one keep-alive agent. `body` as a string is sent byte for byte (a signed
 * callback), anything else as JSON; the answer's body is parsed as JSON when it is JSON.
 */
function httpClient({ maxSockets = 256 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request = (port, method, url, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
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
            resolve({ status: res.statusCode, body: json, headers: res.headers });
          });
        }
      );
      req.on('error', reject);
      if (data) req.write(data);
      req.end();
    });
  /** Streams the answer to `onChunk` without keeping it (large downloads); resolves with status and bytes. */
  const download = (port, url, headers = {}, onChunk = () => {}) =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: url, agent, headers }, res => {
        let bytes = 0;
        res.on('data', c => {
          bytes += c.length;
          onChunk(c);
        });
        res.on('end', () => resolve({ status: res.statusCode, bytes, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    });
  return { agent, request, download, destroy: () => agent.destroy() };
}

async function waitFor(request, port, url, timeoutMs = 120_000) {
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

/** Sorted-sample quantiles: n, p50, p90, p95, p99, max. */
function quantiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = p => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { n: s.length, p50: q(50), p90: q(90), p95: q(95), p99: q(99), max: s[s.length - 1] };
}

/**
 * Fires `make(i)` at `rate` per second, `total` times, open loop: request i is due at
 * start + i/rate and its latency counts from that moment, so a stalled server cannot hide its
 * queue (no coordinated omission). `trace` prints the worst latency of each second.
 */
async function openLoop(name, { rate, total, trace = false }, make) {
  const interval = 1000 / rate;
  const latencies = [];
  const statuses = {};
  const start = performance.now() + 50;
  const pending = [];
  const seen = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise(r => setTimeout(r, wait));
    pending.push(
      make(i).then(
        r => {
          const ms = performance.now() - due;
          latencies.push(ms);
          seen.push([i, ms]);
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
  if (trace) {
    const perSecond = new Map();
    for (const [i, ms] of seen) perSecond.set(Math.floor(i / rate), Math.max(perSecond.get(Math.floor(i / rate)) ?? 0, ms));
    console.log(`${name}: worst latency per second`, [...perSecond.entries()].sort((a, b) => a[0] - b[0]).map(([, ms]) => Math.round(ms)).join(' '));
  }
  return { name, ...quantiles(latencies), statuses };
}

function mysqlConfig() {
  return { host: process.env.DB_HOST || '127.0.0.1', port: Number(process.env.DB_PORT || 3306), user: process.env.DB_USER || 'root', password: process.env.DB_PASSWORD || '' };
}

/**
 * A scratch database for one run: `env` for the API process, `open()` a direct connection
 * (mysql2, or better-sqlite3 behind the same `query` shape), `query(sql, params)` on a short-lived
 * connection, `drop()` afterwards.
 */
async function scratchDatabase(kind, prefix) {
  if (kind === 'mysql') {
    const mysql = require('mysql2/promise');
    const cfg = mysqlConfig();
    const name = `${prefix}_${Date.now()}`;
    const conn = await mysql.createConnection(cfg);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    const open = () => mysql.createConnection({ ...cfg, database: name, timezone: 'Z', multipleStatements: false, supportBigNumbers: true });
    return {
      kind,
      name,
      env: { DB_TYPE: 'mysql', DB_HOST: cfg.host, DB_PORT: String(cfg.port), DB_USER: cfg.user, DB_PASSWORD: cfg.password, DB_NAME: name },
      open,
      query: async (sql, params = []) => {
        const c = await open();
        try {
          const [rows] = await c.query(sql, params);
          return rows;
        } finally {
          await c.end();
        }
      },
      drop: async () => {
        const c = await mysql.createConnection(cfg);
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const file = path.join(dataDir, 'escort.sqlite');
  const open = async () => {
    const Database = require('better-sqlite3');
    const db = new Database(file);
    db.pragma('busy_timeout = 5000');
    const run = (sql, params) => (/^\s*(SELECT|WITH)/i.test(sql) ? db.prepare(sql).all(...params) : db.prepare(sql).run(...params));
    return { query: async (sql, params = []) => [run(sql, params)], end: async () => db.close() };
  };
  return {
    kind,
    name: file,
    env: { DB_TYPE: 'sqlite', DATA_DIR: dataDir, DB_SQLITE_FILE: file },
    open,
    query: async (sql, params = []) => {
      const c = await open();
      try {
        return (await c.query(sql, params))[0];
      } finally {
        await c.end();
      }
    },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Builds the backend when dist/ lacks `marker` (or BENCH_BUILD=true). */
function ensureBuilt(marker = 'dist/configuration.js') {
  if (!fs.existsSync(path.join(backendDir, marker)) || process.env.BENCH_BUILD === 'true') {
    console.log('> building the backend');
    execSync('npm run build', { cwd: backendDir, stdio: 'inherit' });
  }
}

/** Starts the built API (`node bootstrap.js`) on a free port with `env`; resolves once /api/health answers. */
async function startApi(client, { env = {}, nodeArgs = [], logPrefix = 'escort-bench-logs' } = {}) {
  const port = await freePort();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `${logPrefix}-`));
  const child = spawn(process.execPath, [...nodeArgs, 'bootstrap.js'], {
    cwd: backendDir,
    env: { ...process.env, NODE_ENV: 'local', JOBS_ENABLED: 'false', ...env, PORT: String(port), LOG_DIR: logDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(client.request, port, '/api/health');
  return { port, child, logDir };
}

/** The bare koa baseline (bench/koa-baseline.js) on a free port. */
async function startKoaBaseline(client) {
  const port = await freePort();
  const child = fork(path.join(__dirname, '..', 'koa-baseline.js'), { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  await waitFor(client.request, port, '/');
  return { port, child };
}

/** Logs in as staff; returns the Authorization header. */
async function staffAuth(client, port, username = 'admin', password = 'Admin@12345') {
  const r = await client.request(port, 'POST', '/api/admin/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { authorization: `Bearer ${r.body.data.accessToken}` };
}

/** Logs a customer in by SMS (the dev outbox gives the code); returns the Authorization header. */
async function customerAuth(client, port, phone = '13800000001') {
  await client.request(port, 'POST', '/api/app/auth/sms-code', { phone });
  const code = (await client.request(port, 'GET', `/api/dev/sms-outbox?phone=${phone}`)).body.data.code;
  const login = await client.request(port, 'POST', '/api/app/auth/sms-login', { phone, code });
  return { authorization: `Bearer ${login.body.data.accessToken}` };
}

/** Booking hours around the clock, 14 days ahead: a bench then works at any hour it runs. */
function openBookingAllDay(client, port, adminHeaders) {
  return client.request(port, 'POST', '/api/admin/settings/booking', { maxDaysAhead: 14, minLeadMinutes: 60, serviceStartFrom: '00:00', serviceStartUntil: '23:30', slotMinutes: 30, paymentWindowMinutes: 15 }, adminHeaders);
}

/** Peak resident memory (VmHWM) and current RSS of a process, in MB (Linux /proc). */
function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = key => Number((new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status) || [0, 0])[1]);
  return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** Runs `main(ctx)` with child processes and cleanups undone whatever happens; exit code 1 on error. */
function run(main) {
  const ctx = { children: [], cleanups: [] };
  const finish = async () => {
    for (const c of ctx.children) c.kill('SIGTERM');
    for (const c of ctx.cleanups.reverse()) await Promise.resolve().then(c).catch(() => undefined);
  };
  main(ctx)
    .then(finish, async err => {
      await finish();
      console.error(err);
      process.exit(1);
    });
}

const fmtMs = n => n.toFixed(1).padStart(7);

module.exports = {
  backendDir,
  freePort,
  httpClient,
  waitFor,
  quantiles,
  openLoop,
  mysqlConfig,
  scratchDatabase,
  ensureBuilt,
  startApi,
  startKoaBaseline,
  staffAuth,
  customerAuth,
  openBookingAllDay,
  memoryOf,
  run,
  fmtMs,
};
