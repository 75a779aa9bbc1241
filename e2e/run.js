#!/usr/bin/env node
/**
 * Browser tests: starts the built product (API + console + H5) on a fresh data folder and a free
 * port, then drives it in Debian's Chromium through playwright-core. Screenshots of each main
 * page are kept in e2e/artifacts/. Builds missing parts first, like `npm start`.
 *
 *   npm run test:e2e                 all specs
 *   npm run test:e2e -- console      only specs whose file name contains "console"
 */
const { spawn, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const artifacts = path.join(__dirname, 'artifacts');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function ensureBuilt() {
  const parts = [
    ['backend/dist/configuration.js', 'npm run build -w backend'],
    ['console/dist/index.html', 'npm run build -w console'],
    ['customer-taro/dist/h5/index.html', 'npm run build:h5 -w customer-taro'],
  ];
  for (const [marker, cmd] of parts) {
    if (!fs.existsSync(path.join(root, marker))) execSync(cmd, { cwd: root, stdio: 'inherit' });
  }
}

async function waitForHealth(base, server) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy in 60 s');
}

async function main() {
  const filter = process.argv[2] || '';
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'escort-e2e-'));
  const base = `http://127.0.0.1:${port}`;
  const serverLog = fs.openSync(path.join(artifacts, 'server.log'), 'w');
  const server = spawn(process.execPath, ['bootstrap.js'], {
    cwd: path.join(root, 'backend'),
    env: { ...process.env, NODE_ENV: 'local', PORT: String(port), DATA_DIR: dataDir, LOG_DIR: path.join(dataDir, 'logs'), DB_TYPE: 'sqlite' },
    stdio: ['ignore', serverLog, serverLog],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let passed = 0;
  let failed = 0;
  try {
    await waitForHealth(base, server);
    const specs = fs
      .readdirSync(path.join(__dirname, 'specs'))
      .filter(f => f.endsWith('.spec.js') && f.includes(filter))
      .sort();
    for (const file of specs) {
      const tests = require(path.join(__dirname, 'specs', file));
      for (const [name, fn] of Object.entries(tests)) {
        const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        const page = await context.newPage();
        const consoleErrors = [];
        page.on('pageerror', err => consoleErrors.push(String(err)));
        const shot = async label => page.screenshot({ path: path.join(artifacts, `${file.replace('.spec.js', '')}--${label}.png`), fullPage: true });
        const t0 = Date.now();
        try {
          await fn({ page, context, base, shot, api: apiClient(base) });
          if (consoleErrors.length) throw new Error(`uncaught errors in the page: ${consoleErrors.join(' | ')}`);
          passed++;
          console.log(`  ✓ ${file} › ${name} (${Date.now() - t0} ms)`);
        } catch (err) {
          failed++;
          console.log(`  ✕ ${file} › ${name}\n      ${String(err && err.stack ? err.stack : err).split('\n').slice(0, 6).join('\n      ')}`);
          await shot(`FAILED-${name.replace(/[^\w\u4e00-\u9fa5]+/g, '_')}`).catch(() => {});
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  if (failed || !passed) process.exit(1);
}

/** Direct API calls for setting up and checking what the browser did. */
function apiClient(base) {
  const call = async (method, url, { body, token } = {}) => {
    const res = await fetch(base + url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    get: (url, opts) => call('GET', url, opts),
    post: (url, body, opts) => call('POST', url, { ...opts, body }),
    async smsCode(phone) {
      const res = await call('GET', `/api/dev/sms-outbox?phone=${phone}`);
      if (res.status !== 200) throw new Error(`no SMS code for ${phone}: ${JSON.stringify(res.body)}`);
      return res.body.data.code;
    },
    async staffToken(username, password) {
      const res = await call('POST', '/api/admin/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(res.body)}`);
      return res.body.data.accessToken;
    },
  };
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
