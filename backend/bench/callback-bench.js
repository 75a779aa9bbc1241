#!/usr/bin/env node
/**
 * npm run bench:callbacks -w backend
 *
 * WeChat Pay transaction callbacks under a fixed rate, against the real built API on a scratch
 * MySQL/MariaDB database (BENCH_DB=sqlite for the embedded one), bare koa measured in the same run
 * as the baseline. The callbacks are built by the sandbox's own code (SandboxPayChannel.notification:
 * AES-256-GCM resource, RSA-signed Wechatpay-* headers) with keys handed to the server through
 * SANDBOX_PAY_PLATFORM_PRIVATE_KEY / SANDBOX_PAY_APIV3_KEY, so the server verifies them exactly as
 * it verifies WeChat. Every BENCH_DUP_EVERY-th callback repeats an earlier one (WeChat resends when
 * it misses our answer), some of them while the first is still in flight.
 *
 * Open loop: callback i is due at start + i/rate and its latency counts from that moment. After the
 * run the database is checked: every order paid exactly once (one 'pay' status log, the payment
 * succeeded with the callback's transaction id, the order pending_dispatch), every repeat answered
 * as a duplicate.
 *
 * Env: BENCH_RATE (default 50), BENCH_SECONDS (default 30), BENCH_DUP_EVERY (default 5), BENCH_DB,
 * DB_HOST/DB_PORT/DB_USER/DB_PASSWORD. Target: p99 < 200 ms at 50 callbacks/s. `--check` exits 1
 * when the target or the exactly-once check fails.
 */
const path = require('path');
const os = require('os');
const H = require('./lib/harness');

const { backendDir } = H;

const RATE = Number(process.env.BENCH_RATE || 50);
const SECONDS = Number(process.env.BENCH_SECONDS || 30);
const DUP_EVERY = Number(process.env.BENCH_DUP_EVERY || 5);
const DB = process.env.BENCH_DB || 'mysql';
const MCH_ID = '1900000109';
const APP_ID = 'wx-sandbox-app';
const NOTIFY_PATH = '/api/open/payments/wechat/notify';

const client = H.httpClient();
const { request } = client;
const openLoop = (name, total, make) => H.openLoop(name, { rate: RATE, total }, make);

function scratchDatabase() {
  return H.scratchDatabase(DB, DB === 'mysql' ? 'escort_cb_bench' : 'escort-cb-bench');
}

/** The sandbox's keys, made here and handed to the server, so this process can sign as the sandbox does. */
function sandboxSigner() {
  const { sandboxKeys, SandboxPayChannel } = require(path.join(backendDir, 'dist/modules/payments/sandbox-pay-channel.js'));
  const { generateRsaKeyPair } = require(path.join(backendDir, 'dist/modules/payments/wechatpay-crypto.js'));
  const { rfc3339Shanghai } = require(path.join(backendDir, 'dist/modules/payments/wechatpay-v3.gateway.js'));
  const platformKey = generateRsaKeyPair().privateKey;
  const apiV3Key = require('crypto').randomBytes(16).toString('hex');
  const keys = sandboxKeys({ mchId: MCH_ID, appId: APP_ID, apiV3Key, platformKey });
  const channel = new SandboxPayChannel(keys, { transport: async () => ({ status: 204, body: '' }) });
  return {
    env: {
      SANDBOX_PAY_PLATFORM_PRIVATE_KEY: platformKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      SANDBOX_PAY_APIV3_KEY: apiV3Key,
      WECHATPAY_APP_ID: APP_ID,
      WECHATPAY_MCH_ID: '',
    },
    /** A TRANSACTION.SUCCESS callback for a payment, built by SandboxPayChannel exactly as its cashier builds one. */
    callback(pay, transactionId) {
      const tx = {
        outTradeNo: pay.outTradeNo,
        prepayId: pay.prepayId,
        appId: APP_ID,
        mchId: MCH_ID,
        description: '',
        totalFen: pay.amountFen,
        payerOpenid: null,
        notifyUrl: '',
        expiresAt: new Date(Date.now() + 15 * 60_000),
        state: 'SUCCESS',
        transactionId,
        successTime: new Date(),
        createdAt: new Date(),
      };
      return channel.notification('transaction', channel.transactionResource(tx), { eventType: 'TRANSACTION.SUCCESS', summary: '支付成功' });
    },
    rfc3339Shanghai,
  };
}

/** Orders awaiting payment, each with its payment started (POST /pay), as a customer would leave them. */
async function preparePayments(apiPort, count, label) {
  const admin = await request(apiPort, 'POST', '/api/admin/auth/login', { username: 'admin', password: 'Admin@12345' });
  const adminAuth = { authorization: `Bearer ${admin.body.data.accessToken}` };
  // Booking hours around the clock, two weeks ahead, a long payment window: the run works at any hour.
  await request(apiPort, 'POST', '/api/admin/settings/booking', { maxDaysAhead: 14, minLeadMinutes: 60, serviceStartFrom: '00:00', serviceStartUntil: '23:30', slotMinutes: 30, paymentWindowMinutes: 60 }, adminAuth);
  const phone = '13800000001';
  await request(apiPort, 'POST', '/api/app/auth/sms-code', { phone });
  const code = (await request(apiPort, 'GET', `/api/dev/sms-outbox?phone=${phone}`)).body.data.code;
  const login = await request(apiPort, 'POST', '/api/app/auth/sms-login', { phone, code });
  const auth = { authorization: `Bearer ${login.body.data.accessToken}` };
  const patients = (await request(apiPort, 'GET', '/api/app/patients', undefined, auth)).body.data;
  const patientId = (patients.list ?? patients)[0].id;
  const categories = (await request(apiPort, 'GET', '/api/app/service-categories?cityId=1')).body.data;
  const items = (categories.list ?? categories).flatMap(c => c.items);
  const item = items.find(i => i.code === 'OPD-HALF') ?? items.find(i => !i.isErrand);
  const hospitals = (await request(apiPort, 'GET', '/api/app/hospitals?cityId=1')).body.data;
  const hospitalId = (hospitals.list ?? hospitals)[0].id;
  const slot = 30 * 60_000;
  const startAt = i => new Date(Math.ceil((Date.now() + 26 * 3600_000) / slot) * slot + (i % 400) * slot).toISOString();
  const runId = Date.now().toString(36);
  const out = [];
  const one = async i => {
    const booking = { serviceItemId: item.id, cityId: 1, hospitalId, patientId, startAt: startAt(i), durationMinutes: 120 };
    const order = await request(apiPort, 'POST', '/api/app/orders', booking, { ...auth, 'idempotency-key': `cb-${label}-${runId}-${i}` });
    if (order.status !== 200) throw new Error(`create order: ${order.status} ${JSON.stringify(order.body)}`);
    const pay = await request(apiPort, 'POST', `/api/app/orders/${order.body.data.id}/pay`, undefined, auth);
    if (pay.status !== 200) throw new Error(`start payment: ${pay.status} ${JSON.stringify(pay.body)}`);
    return { orderId: order.body.data.id, ...pay.body.data };
  };
  // A few at a time: setting up is not what is measured.
  for (let i = 0; i < count; i += 8) out.push(...(await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, k) => one(i + k)))));
  return out;
}

/**
 * The send plan: callback i is a first delivery, except every DUP_EVERY-th, which repeats one of the
 * last 20 first deliveries, the newest of them often still being applied (a real race).
 */
function plan(total, payments, signer) {
  const firsts = [];
  const sends = [];
  let next = 0;
  for (let i = 0; i < total; i++) {
    if (DUP_EVERY > 0 && i % DUP_EVERY === DUP_EVERY - 1 && firsts.length) {
      // Cycles 1, 2, … 20 back: the first of these is the delivery sent one interval (20 ms) earlier.
      const back = Math.min(firsts.length, 1 + (Math.floor(i / DUP_EVERY) % 20));
      sends.push({ ...firsts[firsts.length - back], duplicate: true });
    } else {
      const pay = payments[next++];
      const transactionId = `4200${String(Date.now()).slice(-10)}${String(next).padStart(9, '0')}${String(i % 100000).padStart(5, '0')}`;
      const n = signer.callback(pay, transactionId);
      const send = { pay, transactionId, headers: n.headers, body: n.body, duplicate: false };
      firsts.push(send);
      sends.push(send);
    }
  }
  return { sends, firsts };
}

async function verify(db, firsts, dupCount) {
  const ids = firsts.map(f => f.pay.orderId);
  const placeholders = ids.map(() => '?').join(',');
  const logs = await db.query(`SELECT order_id AS orderId, COUNT(*) AS n FROM order_status_logs WHERE action = 'pay' AND order_id IN (${placeholders}) GROUP BY order_id`, ids);
  const logCount = new Map(logs.map(r => [Number(r.orderId), Number(r.n)]));
  const orders = await db.query(`SELECT id, status FROM orders WHERE id IN (${placeholders})`, ids);
  const orderStatus = new Map(orders.map(r => [Number(r.id), r.status]));
  const pays = await db.query(`SELECT order_id AS orderId, status, channel_transaction_id AS tx, applied_to_order AS applied FROM payments WHERE order_id IN (${placeholders})`, ids);
  const problems = [];
  for (const f of firsts) {
    const id = f.pay.orderId;
    if (logCount.get(id) !== 1) problems.push(`order ${id}: ${logCount.get(id) ?? 0} 'pay' status logs`);
    if (orderStatus.get(id) !== 'pending_dispatch') problems.push(`order ${id}: status ${orderStatus.get(id)}`);
    const rows = pays.filter(p => Number(p.orderId) === id);
    const ok = rows.filter(p => p.status === 'succeeded' && p.tx === f.transactionId && Number(p.applied) === 1);
    if (rows.length !== 1 || ok.length !== 1) problems.push(`order ${id}: payments ${JSON.stringify(rows)}`);
  }
  const outTradeNos = firsts.map(f => f.pay.outTradeNo);
  const events = await db.query(
    `SELECT result, COUNT(*) AS n FROM payment_events WHERE kind = 'transaction' AND out_trade_no IN (${outTradeNos.map(() => '?').join(',')}) GROUP BY result`,
    outTradeNos
  );
  const byResult = Object.fromEntries(events.map(r => [r.result, Number(r.n)]));
  if ((byResult.applied ?? 0) !== firsts.length) problems.push(`payment_events applied = ${byResult.applied ?? 0}, expected ${firsts.length}`);
  if ((byResult.duplicate ?? 0) !== dupCount) problems.push(`payment_events duplicate = ${byResult.duplicate ?? 0}, expected ${dupCount}`);
  return { problems, byResult, orders: firsts.length };
}

async function main({ children, cleanups }) {
  H.ensureBuilt();
  const signer = sandboxSigner();
  const baseline = await H.startKoaBaseline(client);
  children.push(baseline.child);
  const basePort = baseline.port;

  const db = await scratchDatabase();
  cleanups.push(db.drop);
  const api = await H.startApi(client, { env: { ...db.env, ...signer.env, PAYMENT_PROVIDER: 'sandbox' }, logPrefix: 'escort-cb-bench-logs' });
  children.push(api.child);
  const apiPort = api.port;

  const total = RATE * SECONDS;
  const uniques = total - (DUP_EVERY > 0 ? Math.floor(total / DUP_EVERY) : 0);
  const warmCount = 100;
  console.log(`> preparing ${uniques + warmCount} orders with started payments`);
  const payments = await preparePayments(apiPort, uniques + warmCount, 'p');

  // Warm both servers on the measured path (JIT, pool, caches) with their own orders.
  const warm = plan(warmCount + Math.floor(warmCount / Math.max(1, DUP_EVERY - 1)), payments.slice(uniques), signer);
  for (const s of warm.sends) {
    await request(basePort, 'GET', '/ping');
    const r = await request(apiPort, 'POST', NOTIFY_PATH, s.body, s.headers);
    if (r.status !== 204) throw new Error(`warm-up callback answered ${r.status}: ${JSON.stringify(r.body)}`);
  }

  const { sends, firsts } = plan(total, payments.slice(0, uniques), signer);
  const dupCount = sends.filter(s => s.duplicate).length;
  const results = [];
  results.push(await openLoop('bare koa GET /ping (baseline)', total, () => request(basePort, 'GET', '/ping')));
  results.push(await openLoop(`POST ${NOTIFY_PATH}`, total, i => request(apiPort, 'POST', NOTIFY_PATH, sends[i].body, sends[i].headers)));

  const base = results[0];
  const fmt = n => n.toFixed(1).padStart(7);
  console.log(`\ncallback bench: ${RATE} callbacks/s for ${SECONDS} s (${firsts.length} orders, ${dupCount} repeats), database ${DB}, node ${process.version}, ${os.cpus().length} cpus`);
  console.log(`${'scenario'.padEnd(46)}    n      p50      p90      p99      max  p99/baseline  statuses`);
  for (const r of results) {
    console.log(`${r.name.padEnd(46)} ${String(r.n).padStart(5)} ${fmt(r.p50)}ms ${fmt(r.p90)}ms ${fmt(r.p99)}ms ${fmt(r.max)}ms  ${(r.p99 / base.p99).toFixed(1).padStart(10)}x  ${JSON.stringify(r.statuses)}`);
  }

  const check = await verify(db, [...firsts, ...warm.firsts], dupCount + warm.sends.filter(s => s.duplicate).length);
  const cb = results[1];
  const allAnswered = Object.keys(cb.statuses).every(s => s === '204');
  console.log(`\nexactly once: ${check.orders} orders checked, payment_events ${JSON.stringify(check.byResult)}: ${check.problems.length ? 'FAILED' : 'ok'}`);
  for (const p of check.problems.slice(0, 20)) console.log(`  ${p}`);
  const met = cb.p99 < 200 && allAnswered;
  console.log(`target callback p99 < 200 ms at ${RATE}/s, every callback answered 204: ${met ? 'met' : 'NOT met'} (p99 ${cb.p99.toFixed(1)} ms)`);
  if (process.argv.includes('--check') && (!met || check.problems.length)) process.exitCode = 1;
  client.destroy();
}

H.run(main);
