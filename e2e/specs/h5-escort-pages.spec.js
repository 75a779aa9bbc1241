// The escort pages of the H5 app on a phone-sized screen.
//
// 1. A fresh escort (registered by ops, applies with real uploads, approved through the API) logs in to
//    the workbench, completes two errands, has one partly refunded and a penalty charged; finance
//    creates and confirms last week's settlement run through the API (docs/settlement.md), and the
//    escort reads 我的结算单, the statement with its items and payout, and 收入明细 — amounts as the API
//    says. Settlement only takes ledger movements booked before the period's end, so the escort's
//    movements are moved into last week first, the way backend/test/settlements/settlement-fixtures.ts
//    backdates them (here in the server's SQLite file).
// 2. A customer filters the escort list while booking, opens that escort's profile (with the reviews
//    the first test's customer left), chooses them with 选TA陪诊 and books: the form is as it was
//    left, the quote asks for the preferred escort at the same price, and the order carries them.
//
// The second test uses the escort the first one set up (they run in this order). Phones no other
// spec uses: customers 13800000021/22, escort 13900000021 (one SMS code per phone per minute).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ok, shanghaiDay, cardPng, idCardNumber, uploadAsEscort } = require('./workforce-helpers');

const PHONE = { width: 390, height: 844 };
const ESCORT_PHONE = '13900000021';
const REVIEWER_PHONE = '13800000022';
const BOOKER_PHONE = '13800000021';
const ESCORT_NAME = '沈佳';

/** logic/money.ts, for comparing what the page shows with the API's fen. */
function formatFen(fen) {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Waits out the H5 router's page transition, so a screenshot shows the page in place. */
async function settled(page) {
  await page.waitForTimeout(600);
}

async function smsLoginInPage(page, api, phone) {
  const inputs = page.locator('input');
  await inputs.first().waitFor();
  await inputs.nth(0).fill(phone);
  await page.getByText('获取验证码').first().click();
  await page.waitForTimeout(300);
  await inputs.nth(1).fill(await api.smsCode(phone));
  await page.locator('taro-button-core', { hasText: /^登\s*录$/ }).first().click();
}

/** The token pair the H5 app keeps in localStorage (Taro wraps each value as { data }). */
async function tokenInPage(page, audience) {
  return page.evaluate(a => JSON.parse(JSON.parse(localStorage.getItem(`auth.tokens.${a}`)).data).accessToken, audience);
}

async function call(base, method, url, token, body) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Pays an order through the sandbox the way the H5 cashier does, and waits for the callback to apply. */
async function payInSandbox(api, customer, orderId) {
  const start = ok(await api.post(`/api/app/orders/${orderId}/pay`, {}, { token: customer }), 'start the payment');
  ok(await api.post(start.sandboxPayUrl, {}), 'the sandbox pays');
  for (let i = 0; i < 40; i++) {
    if (ok(await api.get(`/api/app/orders/${orderId}`, { token: customer }), 'order').status === 'pending_dispatch') return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`order ${orderId} was not paid`);
}

async function customerToken(api, phone) {
  ok(await api.post('/api/app/auth/sms-code', { phone }), 'customer SMS code');
  return ok(await api.post('/api/app/auth/sms-login', { phone, code: await api.smsCode(phone) }), 'customer login').accessToken;
}

/** The Monday (YYYY-MM-DD, Shanghai) of the last week that has ended, and noon of its Tuesday in UTC. */
function lastWeek() {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const back = ((shanghai.getUTCDay() + 6) % 7) + 7;
  const monday = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() - back));
  const inside = new Date(monday.getTime() + 86_400_000 + 4 * 3600_000);
  return { periodStart: monday.toISOString().slice(0, 10), inside };
}

/**
 * The server run.js started (a child of this process) keeps its SQLite file in its DATA_DIR; the
 * file is shared safely (WAL, busy timeout), as two backend processes would share it.
 */
function serverDatabaseFile() {
  for (const pid of fs.readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid || !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('bootstrap.js')) continue;
      const env = Object.fromEntries(
        fs
          .readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map(kv => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      );
      if (env.DB_TYPE && env.DB_TYPE !== 'sqlite') throw new Error(`the e2e server runs on ${env.DB_TYPE}, not SQLite`);
      return env.DB_SQLITE_FILE || path.join(env.DATA_DIR, 'escort.sqlite');
    } catch (err) {
      if (String(err.message).includes('not SQLite')) throw err;
    }
  }
  throw new Error('the e2e server process was not found');
}

/** Moves every escort_payable movement of one escort (shares, refunds taken back, deductions) to `at`. */
function backdateEscortLedger(escortId, at) {
  const Database = require(require.resolve('better-sqlite3', { paths: [path.join(__dirname, '..', '..', 'backend')] }));
  const db = new Database(serverDatabaseFile());
  try {
    db.pragma('busy_timeout = 5000');
    const stamp = at.toISOString().replace('T', ' ').slice(0, 19);
    const moved = db
      .prepare("UPDATE ledger_entries SET created_at = ? WHERE id IN (SELECT entry_id FROM ledger_lines WHERE escort_id = ? AND account = 'escort_payable')")
      .run(stamp, escortId);
    return moved.changes;
  } finally {
    db.close();
  }
}

let world = null;

module.exports = {
  async 'a fresh escort reads the settlement statement finance confirmed, with its items, payout and income detail'({ page, base, shot, api }) {
    await page.setViewportSize(PHONE);
    const ops = await api.staffToken('ops', 'Ops@123456');
    const finance = await api.staffToken('finance', 'Finance@12345');
    const cities = ok(await api.get('/api/admin/cities', { token: ops }), 'cities');
    const city = cities.find(c => c.name.includes('上海')) ?? cities[0];
    const registered = ok(await api.post('/api/admin/escorts', { cityId: city.id, name: ESCORT_NAME, phone: ESCORT_PHONE, gender: 'female' }, { token: ops }), 'register escort');

    // The escort logs in to the workbench (an applicant until approved) and applies with the session the page holds.
    await page.goto(`${base}/m/#/packages/escort/pages/login/index`);
    await smsLoginInPage(page, api, ESCORT_PHONE);
    await page.waitForFunction(() => location.hash.includes('packages/escort/pages/workbench'), null, { timeout: 15000 });
    const escortToken = await tokenInPage(page, 'escort');
    const front = await uploadAsEscort(base, escortToken, 'id_front', 'id-front.png', cardPng(320, 200, [64, 150, 230]));
    const back = await uploadAsEscort(base, escortToken, 'id_back', 'id-back.png', cardPng(320, 200, [230, 120, 64]));
    const photo = await uploadAsEscort(base, escortToken, 'photo', 'photo.png', cardPng(240, 240, [240, 170, 180]));
    const certFile = await uploadAsEscort(base, escortToken, 'credential', 'basic.png', cardPng(240, 320, [90, 190, 120]));
    const application = ok(
      await api.post(
        '/api/escort/application',
        {
          realName: ESCORT_NAME,
          idCardNo: idCardNumber('19900312', '022'),
          idFrontFileId: front,
          idBackFileId: back,
          photoFileId: photo,
          education: 'bachelor',
          experienceYears: 4,
          serviceDistricts: ['徐汇区', '静安区'],
          skills: ['outpatient', 'examination', '沪语'],
          bio: '护理专业毕业，做过四年门诊陪诊，熟悉瑞金、中山医院的就诊流程',
        },
        { token: escortToken },
      ),
      'apply',
    );
    const credential = ok(
      await api.post('/api/escort/credentials', { typeCode: 'basic_escort', certificateNo: 'PZ-2026-0021', issuedOn: shanghaiDay(-60), fileId: certFile }, { token: escortToken }),
      'submit the escort certificate',
    );
    ok(await api.post(`/api/admin/escort-applications/${application.id}/approve`, {}, { token: ops }), 'approve the application');
    ok(await api.post(`/api/admin/escort-credentials/${credential.id}/approve`, {}, { token: ops }), 'approve the certificate');
    ok(
      await call(base, 'PUT', `/api/admin/escorts/${registered.id}/weekly-shifts`, ops, { ranges: [1, 2, 3, 4, 5, 6, 7].map(weekday => ({ weekday, start: '00:00', end: '24:00' })) }),
      'weekly shifts',
    );
    const escortId = registered.id;

    // Two errands booked and paid by a customer, assigned to the new escort and completed; the customer reviews both.
    const customer = await customerToken(api, REVIEWER_PHONE);
    const items = ok(await api.get('/api/admin/service-items?pageSize=100', { token: ops }), 'service items').list;
    const errand = items.find(i => i.categoryCode === 'errand' && i.enabled);
    const orders = [];
    for (const hhmm of ['10:00', '14:00']) {
      const order = ok(
        await api.post(
          '/api/app/orders',
          {
            serviceItemId: errand.id,
            cityId: city.id,
            startAt: `${shanghaiDay(1)}T${hhmm}:00+08:00`,
            errand: { tasks: ['代取检查报告'], requirements: '', materials: [], pickupAddress: '复旦大学附属中山医院', deliveryAddress: '上海市徐汇区漕溪北路 1 号' },
          },
          { token: customer },
        ),
        'book an errand',
      );
      await payInSandbox(api, customer, order.id);
      ok(await api.post(`/api/admin/orders/${order.id}/assign`, { escortId, reason: 'e2e：指定新陪诊师' }, { token: ops }), 'assign');
      for (const step of ['accept', 'depart', 'start']) ok(await api.post(`/api/escort/orders/${order.id}/${step}`, {}, { token: escortToken }), step);
      const code = ok(await api.get(`/api/app/orders/${order.id}`, { token: customer }), 'order').verificationCode;
      ok(await api.post(`/api/escort/orders/${order.id}/complete`, { code }, { token: escortToken }), 'complete');
      orders.push(order);
    }
    const reviews = [
      { overall: 5, attitude: 5, professionalism: 5, communication: 5, punctuality: 4, tags: ['耐心细致', '准时'], content: '报告取得很快，还拍照发给我，非常贴心。' },
      { overall: 4, attitude: 5, professionalism: 4, communication: 4, punctuality: 5, tags: ['沟通顺畅'], content: '送达及时，沟通清楚。' },
    ];
    for (const [i, review] of reviews.entries()) ok(await api.post(`/api/app/orders/${orders[i].id}/review`, review, { token: customer }), 'review');

    // Finance: part of the first errand refunded after completion, and a penalty.
    ok(await api.post(`/api/admin/orders/${orders[0].id}/refunds`, { amountFen: 1000, reason: 'e2e：报告晚送，退部分费用' }, { token: finance }), 'refund after completion');
    for (let i = 0; ; i++) {
      const detail = ok(await api.get('/api/escort/income/detail?pageSize=50', { token: escortToken }), 'income detail');
      if (detail.list.some(m => m.sourceType === 'refund')) break;
      if (i === 40) throw new Error('the refund was not booked to the escort');
      await new Promise(r => setTimeout(r, 250));
    }
    ok(await api.post('/api/admin/escort-deductions', { escortId, kind: 'penalty', amountFen: 500, orderId: orders[1].id, reason: 'e2e：未按时回传照片' }, { token: finance }), 'penalty');

    // Last week's run, created and confirmed by finance through the API.
    const { periodStart, inside } = lastWeek();
    assert.ok(backdateEscortLedger(escortId, inside) >= 4, 'the escort’s shares, refund and penalty were moved into last week');
    const run = ok(await api.post('/api/admin/settlement-runs', { periodStart, cadence: 'weekly' }, { token: finance }), 'create the settlement run');
    ok(await api.post(`/api/admin/settlement-runs/${run.id}/confirm`, {}, { token: finance }), 'confirm the run');
    const statement = ok(await api.get(`/api/escort/settlements/${run.id}`, { token: escortToken }), 'the escort’s statement');
    assert.equal(statement.orderCount, 2);
    assert.ok(statement.refundFen < 0 && statement.deductionFen === -500, JSON.stringify(statement));
    assert.equal(statement.payout, null);
    const apiItems = ok(await api.get(`/api/escort/settlements/${run.id}/items?pageSize=100`, { token: escortToken }), 'items').list;
    assert.deepEqual(apiItems.map(i => i.kind).sort(), ['deduction', 'order', 'order', 'refund']);

    // 收入 → 我的结算单 → the statement.
    await page.goto(`${base}/m/#/packages/escort/pages/income/index`);
    await page.getByText('本月收入').first().waitFor({ timeout: 15000 });
    await settled(page);
    await shot('income-links');
    await page.locator('.income-link', { hasText: '我的结算单' }).first().click();
    await page.waitForFunction(() => location.hash.includes('packages/escort/pages/settlements'), null, { timeout: 15000 });
    const card = page.locator('.statement-card').first();
    await card.waitFor({ timeout: 15000 });
    const cardText = await card.innerText();
    assert.ok(cardText.includes(formatFen(statement.payableFen)), `the card shows the payable ${formatFen(statement.payableFen)}: ${cardText}`);
    assert.ok(cardText.includes('待打款'), cardText);
    await settled(page);
    await shot('settlements');
    await card.click();
    await page.waitForFunction(() => location.hash.includes('packages/escort/pages/settlement/'), null, { timeout: 15000 });
    await page.locator('.statement-group--deduction').first().waitFor({ timeout: 15000 });
    const rowText = async key => (await page.locator(`.statement__row--${key}`).first().innerText()).replace(/\s+/g, ' ');
    assert.equal(await page.locator('.statement-payable').first().innerText(), formatFen(statement.payableFen));
    assert.ok((await rowText('share')).includes(formatFen(statement.shareFen)), await rowText('share'));
    assert.ok((await rowText('refund')).includes(formatFen(statement.refundFen)), await rowText('refund'));
    assert.ok((await rowText('deduction')).includes(formatFen(statement.deductionFen)), await rowText('deduction'));
    assert.ok((await rowText('net')).includes(formatFen(statement.netFen)), await rowText('net'));
    const orderGroup = await page.locator('.statement-group--order').first().innerText();
    for (const item of apiItems.filter(i => i.kind === 'order')) {
      assert.ok(orderGroup.includes(item.orderNo) && orderGroup.includes(formatFen(item.amountFen)), `order item ${item.orderNo} ${formatFen(item.amountFen)} in: ${orderGroup}`);
    }
    const refundItem = apiItems.find(i => i.kind === 'refund');
    assert.ok((await page.locator('.statement-group--refund').first().innerText()).includes(formatFen(refundItem.amountFen)));
    assert.ok((await page.locator('.statement-payout').first().innerText()).includes('待打款'));
    await settled(page);
    await shot('settlement-detail');

    // Finance pays; the statement shows the transfer's reference.
    const referenceNo = `E2E${Date.now()}`;
    ok(await api.post(`/api/admin/settlement-runs/${run.id}/payouts`, { escortId, referenceNo, method: 'bank_transfer' }, { token: finance }), 'payout');
    await page.reload();
    await page.locator('.statement-payout', { hasText: referenceNo }).first().waitFor({ timeout: 15000 });
    const payoutText = await page.locator('.statement-payout').first().innerText();
    assert.ok(payoutText.includes('已打款') && payoutText.includes(formatFen(statement.payableFen)), payoutText);
    await settled(page);
    await shot('settlement-paid');

    // 收入明细: every movement, and what the platform owes now.
    await page.goto(`${base}/m/#/packages/escort/pages/income/index`);
    await page.locator('.income-link', { hasText: '收入明细' }).first().click();
    await page.waitForFunction(() => location.hash.includes('packages/escort/pages/income-detail'), null, { timeout: 15000 });
    await page.locator('.income-movement').first().waitFor({ timeout: 15000 });
    const detail = ok(await api.get('/api/escort/income/detail?pageSize=50', { token: escortToken }), 'income detail');
    assert.equal(await page.locator('.income-owed').first().innerText(), formatFen(detail.owedFen));
    assert.equal(await page.locator('.income-movement').count(), detail.list.length);
    const movements = (await page.locator('.income-movement').allInnerTexts()).join('\n');
    for (const label of ['订单分成', '退款扣回', '扣款', '打款']) assert.ok(movements.includes(label), `${label} in the income detail`);
    await settled(page);
    await shot('income-detail');

    world = { escortId, name: ESCORT_NAME, cityId: city.id };
  },

  async 'a customer filters escorts, opens a profile, chooses the escort and books with them'({ page, base, shot, api }) {
    assert.ok(world, 'the statement test above sets up the escort this one chooses');
    await page.setViewportSize(PHONE);
    const profile = ok(await api.get(`/api/app/escorts/${world.escortId}`), 'public profile');
    assert.equal(profile.gender, 'female', 'the ID number the escort applied with is a woman’s');
    assert.ok(profile.ageBandLabel, 'the escort has an age band');

    await page.goto(`${base}/m/#/pages/login/index`);
    await smsLoginInPage(page, api, BOOKER_PHONE);
    await page.waitForFunction(() => !location.hash.includes('pages/login'), null, { timeout: 15000 });
    const customer = await tokenInPage(page, 'customer');
    ok(await api.post('/api/app/patients', { name: '赵桂芳', relation: 'parent', gender: 'female', phone: '13900000096' }, { token: customer }), 'patient');

    const quotes = [];
    page.on('request', req => {
      if (req.url().includes('/api/app/orders/quote') && req.method() === 'POST') quotes.push(JSON.parse(req.postData() || '{}'));
    });

    // The form first: a time the day after tomorrow and a note, to find them unchanged after the profile.
    await page.goto(`${base}/m/#/packages/booking/pages/create/index`);
    await page.getByText('指定陪诊师（可选）').first().waitFor({ timeout: 15000 });
    await page.locator('.booking__tab--active', { hasText: '赵桂芳' }).first().waitFor({ timeout: 15000 });
    await page.locator('.booking__tabs .booking__tab').nth(2).click();
    await page.locator('.booking__slot:not(.booking__slot--disabled)').nth(4).click();
    const slot = (await page.locator('.booking__slot--active').first().innerText()).trim();
    const NOTE = '老人腿脚不便，请在门诊楼 2 号门等候';
    await page.locator('.booking textarea').first().fill(NOTE);
    await page.getByText('费用明细').first().waitFor({ timeout: 15000 });
    const totalBefore = (await page.locator('.booking__bar-total').first().innerText()).trim();

    // Filters: the escort's gender, age band, experience and level, sorted by rating. The backend filters.
    await page.locator('.escort-picker .booking__field').first().click();
    await page.locator('.escort-row').first().waitFor({ timeout: 15000 });
    const chip = async (row, label) => {
      await page.locator('.escort-picker__filter', { hasText: row }).locator('.escort-picker__chip', { hasText: label }).first().click();
    };
    await chip('性别', profile.gender === 'female' ? '女' : '男');
    await chip('年龄', profile.ageBandLabel);
    await chip('经验', '3年以上');
    await chip('等级', profile.levelLabel);
    await chip('排序', '评分最高');
    const query = new URLSearchParams({ cityId: String(world.cityId), gender: profile.gender, ageBand: profile.ageBand, minExperienceYears: '3', level: profile.level, sort: 'rating', pageSize: '10' });
    const expected = ok(await api.get(`/api/app/escorts?${query}`), 'filtered list').list.map(e => e.name);
    assert.ok(expected.includes(ESCORT_NAME), `the escort matches the filters: ${expected}`);
    await page.waitForFunction(
      names => JSON.stringify([...document.querySelectorAll('.escort-row__name')].map(n => n.textContent.trim())) === JSON.stringify(names),
      expected,
      { timeout: 15000 },
    );
    const row = page.locator('.escort-row', { hasText: ESCORT_NAME }).first();
    const rowText = await row.innerText();
    for (const part of [profile.levelLabel, profile.ageBandLabel, '服务 2 单', '4.5 分', '门诊陪诊']) assert.ok(rowText.includes(part), `${part} in the row: ${rowText}`);
    await page.waitForFunction(() => [...document.querySelectorAll('.escort-row__photo')].some(img => img.querySelector('img')?.naturalWidth > 0));
    await settled(page);
    await shot('escort-filters');

    // The profile: photo, intro, skills, areas, ratings per dimension and the reviews.
    await row.click();
    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/escort'), null, { timeout: 15000 });
    const profilePage = page.locator('.escort-profile');
    await profilePage.getByText('综合 4.5 · 好评率 100% · 2 条评价').first().waitFor({ timeout: 15000 });
    for (const text of ['护理专业毕业', '徐汇区', '沪语', '专业程度', '报告取得很快', '送达及时', '陪诊师', '4 年']) {
      await profilePage.getByText(text).first().waitFor({ timeout: 15000 });
    }
    await page.waitForFunction(() => document.querySelector('.escort-profile__photo img')?.naturalWidth > 0, null, { timeout: 15000 });
    await settled(page);
    await shot('escort-profile');
    await page.locator('.escort-profile__reviews').first().scrollIntoViewIfNeeded();
    await shot('escort-profile-reviews');

    // 选TA陪诊: back to the booking with everything as it was, and the escort chosen.
    await page.locator('taro-button-core', { hasText: '选TA陪诊' }).first().click();
    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/create'), null, { timeout: 15000 });
    await page.locator('.escort-picker__chosen', { hasText: ESCORT_NAME }).first().waitFor({ timeout: 15000 });
    assert.equal(await page.locator('.booking textarea').first().inputValue(), NOTE);
    assert.equal((await page.locator('.booking__slot--active').first().innerText()).trim(), slot);
    await page.locator('.booking__tab--active', { hasText: '赵桂芳' }).first().waitFor();
    for (let i = 0; !quotes.some(q => q.preferredEscortId === world.escortId); i++) {
      if (i === 40) throw new Error(`no quote asked for the escort: ${JSON.stringify(quotes)}`);
      await page.waitForTimeout(250);
    }
    await page.locator('taro-button-core:not([disabled])', { hasText: '提交订单' }).first().waitFor({ timeout: 15000 });
    assert.equal((await page.locator('.booking__bar-total').first().innerText()).trim(), totalBefore, 'choosing an escort does not change the price');
    await settled(page);
    await shot('booking-with-escort');

    await page.locator('taro-button-core', { hasText: '提交订单' }).first().click();
    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/order'), null, { timeout: 15000 });
    const orderId = Number(new URL(page.url().replace('#/', '')).searchParams.get('id'));
    const order = ok(await api.get(`/api/app/orders/${orderId}`, { token: customer }), 'the booked order');
    assert.equal(order.escortId, world.escortId);
    assert.equal(order.escortName, ESCORT_NAME);
    assert.equal(order.customerNote, NOTE);
  },
};
