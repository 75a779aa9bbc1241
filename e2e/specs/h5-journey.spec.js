// The whole customer journey in the H5 build on a phone-sized screen, and the escort's side of it
// through the workbench pages. Staff actions (assigning an escort) go through the admin API, as the
// console would send them. Phones: customers 13800000006/7 and escorts 13900000002/3 are used by no
// other spec (the backend allows one SMS a minute per phone).
const assert = require('node:assert/strict');

const PHONE = { width: 390, height: 844 };

async function smsLoginInPage(page, api, phone, loginButton = /^登\s*录$/) {
  const inputs = page.locator('input');
  await inputs.first().waitFor();
  await inputs.nth(0).fill(phone);
  await page.getByText('获取验证码').first().click();
  await page.waitForTimeout(300);
  await inputs.nth(1).fill(await api.smsCode(phone));
  await page.locator('taro-button-core', { hasText: loginButton }).first().click();
}

async function escortToken(api, phone) {
  const sent = await api.post('/api/escort/auth/sms-code', { phone });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  const login = await api.post('/api/escort/auth/sms-login', { phone, code: await api.smsCode(phone) });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return { token: login.body.data.accessToken, id: login.body.data.user.id };
}

async function customerToken(api, phone) {
  const sent = await api.post('/api/app/auth/sms-code', { phone });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  const login = await api.post('/api/app/auth/sms-login', { phone, code: await api.smsCode(phone) });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body.data.accessToken;
}

async function assign(api, orderId, escortId) {
  const ops = await api.staffToken('ops', 'Ops@123456');
  const res = await api.post(`/api/admin/orders/${orderId}/assign`, { escortId, reason: 'e2e：人工派单' }, { token: ops });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

async function escortStep(api, token, orderId, step, body) {
  const res = await api.post(`/api/escort/orders/${orderId}/${step}`, body || {}, { token });
  assert.equal(res.status, 200, `${step}: ${JSON.stringify(res.body)}`);
}

/** The day after tomorrow at 10:00 Shanghai: inside the booking window and the service hours. */
function dayAfterTomorrowAt10() {
  const shanghai = new Date(Date.now() + 8 * 3600_000 + 2 * 86400_000);
  const d = shanghai.toISOString().slice(0, 10);
  return `${d}T10:00:00+08:00`;
}

module.exports = {
  async 'a customer books with a new patient, pays, follows the assignment, reads out the code and sees the order completed'({ page, base, shot, api }) {
    const CUSTOMER = '13800000006';
    const ESCORT = '13900000002';
    await page.setViewportSize(PHONE);

    await page.goto(`${base}/m/#/pages/login/index`);
    await smsLoginInPage(page, api, CUSTOMER);
    await page.waitForFunction(() => !location.hash.includes('pages/login'), null, { timeout: 15000 });

    // Home: categories, featured items and the seeded hospital notice.
    await page.goto(`${base}/m/#/pages/index/index`);
    await page.getByText('服务分类').first().waitFor({ timeout: 15000 });
    await page.getByText('CT 机维修').first().waitFor({ timeout: 15000 });
    await shot('home');

    // Service detail, then booking from it.
    await page.locator('.home__service').first().click();
    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/service'), null, { timeout: 15000 });
    await page.getByText('服务内容').first().waitFor({ timeout: 15000 });
    await shot('service-detail');
    await page.locator('taro-button-core', { hasText: '预约此服务' }).first().click();
    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/create'), null, { timeout: 15000 });

    // A new customer has no patient: add one inline.
    await page.getByText('请先添加就诊人').first().waitFor({ timeout: 15000 });
    await page.getByText('+ 添加就诊人').first().click();
    const form = page.locator('.booking__patient-form input:not([type=hidden])');
    await form.nth(0).fill('王秀英');
    await form.nth(1).fill('13900000099');
    await page.locator('taro-button-core', { hasText: '保存就诊人' }).first().click();
    await page.locator('.booking__tab--active', { hasText: '王秀英' }).first().waitFor({ timeout: 15000 });

    // The grid disables what cannot be booked; the quote and the cancellation rules show before confirming.
    await page.locator('.booking__tab', { hasText: '今天' }).first().click();
    const shanghaiHour = new Date(Date.now() + 8 * 3600_000).getUTCHours();
    if (shanghaiHour >= 6) assert.ok((await page.locator('.booking__slot--disabled').count()) > 0, 'no disabled time slots today');
    await shot('booking-today');
    await page.locator('.booking__tab', { hasText: '明天' }).first().click();
    await page.locator('.booking__slot:not(.booking__slot--disabled)').first().click();
    await page.getByText('费用明细').first().waitFor({ timeout: 15000 });
    await page.getByText('取消规则').first().waitFor();
    await shot('booking');
    await page.locator('taro-button-core', { hasText: '提交订单' }).first().click();

    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/order'), null, { timeout: 15000 });
    const orderId = Number(new URL(page.url().replace('#/', '')).searchParams.get('id'));
    assert.ok(orderId > 0, `no order id in ${page.url()}`);
    await page.locator('taro-button-core', { hasText: '立即支付' }).first().click();
    await page.getByText('支付成功').first().waitFor({ timeout: 30000 });
    await page.locator('.order-status', { hasText: '待派单' }).first().waitFor({ timeout: 5000 });
    await shot('paid');

    // Staff assign; the page follows the order by itself.
    const escort = await escortToken(api, ESCORT);
    await assign(api, orderId, escort.id);
    await page.locator('.booking__escort-card', { hasText: '王强' }).first().waitFor({ timeout: 15000 });
    await page.locator('.order-status', { hasText: '待接单' }).first().waitFor({ timeout: 15000 });
    await page.getByText('集合地点').first().waitFor({ timeout: 15000 });
    await shot('assigned');

    await escortStep(api, escort.token, orderId, 'accept');
    await escortStep(api, escort.token, orderId, 'depart');
    await escortStep(api, escort.token, orderId, 'start');
    await page.locator('.booking__code').first().waitFor({ timeout: 15000 });
    const code = (await page.locator('.booking__code').first().textContent()).trim();
    assert.match(code, /^\d{6}$/);
    await shot('verification-code');

    await escortStep(api, escort.token, orderId, 'complete', { code });
    await page.locator('.order-status', { hasText: '已完成' }).first().waitFor({ timeout: 15000 });
    await shot('completed');

    // The 订单 tab filters by state; 我的 leads to patients, messages and terms.
    await page.goto(`${base}/m/#/pages/orders/index`);
    await page.locator('.orders__tab', { hasText: '已结束' }).first().click();
    await page.locator('.orders__item', { hasText: '已完成' }).first().waitFor({ timeout: 15000 });
    await shot('orders');
    await page.goto(`${base}/m/#/packages/account/pages/messages/index`);
    await page.getByText('服务已完成').first().waitFor({ timeout: 15000 });
    await shot('messages');
    await page.goto(`${base}/m/#/packages/account/pages/legal/index`);
    await page.getByText('健康信息处理授权').first().click();
    await page.locator('taro-button-core', { hasText: '我已阅读并同意' }).first().click();
    await page.getByText('撤回同意').first().waitFor({ timeout: 15000 });
    await shot('legal');
  },

  async 'an escort logs in to the workbench, accepts, departs, starts and finishes with the customer’s code'({ page, base, shot, api }) {
    const CUSTOMER = '13800000007';
    const ESCORT = '13900000003';
    await page.setViewportSize(PHONE);

    // A paid order for the day after tomorrow, assigned by staff.
    const token = await customerToken(api, CUSTOMER);
    const patient = await api.post('/api/app/patients', { name: '李桂兰', relation: 'parent', gender: 'female', phone: '13900000098' }, { token });
    assert.equal(patient.status, 200, JSON.stringify(patient.body));
    const booking = { serviceItemId: 1, cityId: 1, hospitalId: 1, patientId: patient.body.data.id, startAt: dayAfterTomorrowAt10() };
    const created = await fetch(`${base}/api/app/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `e2e-${Date.now()}` },
      body: JSON.stringify(booking),
    }).then(r => r.json());
    assert.ok(created.success, JSON.stringify(created));
    const orderId = created.data.id;
    const pay = await api.post(`/api/app/orders/${orderId}/pay`, {}, { token });
    assert.equal(pay.status, 200, JSON.stringify(pay.body));
    const paid = await api.post(`/api/sandbox-pay/transactions/${encodeURIComponent(pay.body.data.prepayId)}/pay`, {});
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    for (let i = 0; i < 30; i++) {
      const o = await api.get(`/api/app/orders/${orderId}`, { token });
      if (o.body.data.status === 'pending_dispatch') break;
      await new Promise(r => setTimeout(r, 300));
    }

    await page.goto(`${base}/m/#/packages/escort/pages/login/index`);
    await smsLoginInPage(page, api, ESCORT);
    await page.waitForFunction(() => location.hash.includes('packages/escort/pages/workbench'), null, { timeout: 15000 });
    const escortId = (await api.get('/api/admin/escorts?pageSize=50', { token: await api.staffToken('ops', 'Ops@123456') })).body.data.list.find(e => e.name === '陈晓燕').id;
    await assign(api, orderId, escortId);

    await page.locator('.booking__tab', { hasText: '即将开始' }).first().click();
    await page.locator('.workbench__task', { hasText: '待接单' }).first().waitFor({ timeout: 15000 });
    await shot('workbench');
    await page.locator('.workbench__task', { hasText: '待接单' }).first().click();
    await page.waitForFunction(() => location.hash.includes('packages/escort/pages/task'), null, { timeout: 15000 });
    await page.getByText('导航信息').first().waitFor({ timeout: 15000 });
    await page.getByText('电话 13900000098').first().waitFor({ timeout: 15000 });
    await shot('task');

    const step = async (button, status) => {
      await page.locator('.booking__bar taro-button-core', { hasText: button }).first().click();
      await page.locator('.task-status', { hasText: status }).first().waitFor({ timeout: 15000 });
    };
    await step('接单', '已接单');
    await step('出发', '已出发');
    await step('开始服务', '服务中');
    await shot('in-service');

    const detail = await api.get(`/api/app/orders/${orderId}`, { token });
    const code = detail.body.data.verificationCode;
    assert.match(code, /^\d{6}$/);
    await page.locator('.task-code input').first().fill(code);
    await step('完成服务', '已完成');
    await shot('finished');

    for (const [path, text, label] of [
      ['leaves', '申请请假', 'leaves'],
      ['schedule', '未来两周', 'schedule'],
      ['income', '本月收入', 'income'],
    ]) {
      await page.goto(`${base}/m/#/packages/escort/pages/${path}/index`);
      await page.getByText(text).first().waitFor({ timeout: 15000 });
      await shot(label);
    }
    const after = await api.get(`/api/app/orders/${orderId}`, { token });
    assert.equal(after.body.data.status, 'completed');
  },
};
