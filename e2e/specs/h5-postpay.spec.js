// The balance after the service (补差款) in the H5 build on a phone-sized screen: the customer books
// and pays, staff assign through the admin API, the escort accepts, departs, starts and records an
// extra charge with a receipt through the escort API, then the customer confirms the charge on the
// order page and pays the balance in the sandbox until it shows settled. Phones: customer
// 13800000008 (no other spec), escort 13900000002 (also h5-journey's: one SMS a minute per phone,
// so the escort's code is asked again after a wait when the backend refuses).
const assert = require('node:assert/strict');

const PHONE = { width: 390, height: 844 };
const CUSTOMER = '13800000008';
const ESCORT = '13900000002';
// A receipt the Image component can show without any file server (the field holds ≤ 255 characters).
const RECEIPT =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='80' height='60'%3E%3Crect width='80' height='60' fill='%23fde68a'/%3E%3Ctext x='10' y='36' font-size='14'%3ERECEIPT%3C/text%3E%3C/svg%3E";

/** The customer's access token as the app stored it (Taro's H5 storage wraps values as {data}). */
async function storedCustomerToken(page) {
  const raw = await page.evaluate(() => localStorage.getItem('auth.tokens.customer'));
  assert.ok(raw, 'the app stored no customer tokens after login');
  let value = JSON.parse(raw);
  if (value && typeof value === 'object' && 'data' in value) value = value.data;
  if (typeof value === 'string') value = JSON.parse(value);
  return value.accessToken;
}

async function escortLogin(api, phone) {
  for (let attempt = 0; ; attempt++) {
    const sent = await api.post('/api/escort/auth/sms-code', { phone });
    if (sent.status === 200) break;
    // Another spec may have asked for this phone's code less than a minute ago.
    if (attempt >= 7 || sent.status < 409) assert.fail(`sms-code: ${sent.status} ${JSON.stringify(sent.body)}`);
    await new Promise(r => setTimeout(r, 10_000));
  }
  const login = await api.post('/api/escort/auth/sms-login', { phone, code: await api.smsCode(phone) });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return { token: login.body.data.accessToken, id: login.body.data.user.id };
}

async function escortStep(api, token, orderId, step, body) {
  const res = await api.post(`/api/escort/orders/${orderId}/${step}`, body || {}, { token });
  assert.equal(res.status, 200, `${step}: ${JSON.stringify(res.body)}`);
  return res.body.data;
}

module.exports = {
  async 'a customer confirms the escort’s extra charge, pays the balance in the sandbox and sees it settled'({ page, base, shot, api }) {
    await page.setViewportSize(PHONE);

    await page.goto(`${base}/m/#/pages/login/index`);
    const inputs = page.locator('input');
    await inputs.first().waitFor();
    await inputs.nth(0).fill(CUSTOMER);
    await page.getByText('获取验证码').first().click();
    await page.waitForTimeout(300);
    await inputs.nth(1).fill(await api.smsCode(CUSTOMER));
    await page.locator('taro-button-core', { hasText: /^登\s*录$/ }).first().click();
    await page.waitForFunction(() => !location.hash.includes('pages/login'), null, { timeout: 15000 });
    const token = await storedCustomerToken(page);
    const patient = await api.post('/api/app/patients', { name: '赵淑珍', relation: 'parent', gender: 'female', phone: '13900000097' }, { token });
    assert.equal(patient.status, 200, JSON.stringify(patient.body));

    // Books tomorrow's first free slot and pays in the sandbox.
    await page.goto(`${base}/m/#/packages/booking/pages/create/index`);
    await page.locator('.booking__tab--active', { hasText: '赵淑珍' }).first().waitFor({ timeout: 15000 });
    await page.locator('.booking__tab', { hasText: '明天' }).first().click();
    await page.locator('.booking__slot:not(.booking__slot--disabled)').first().click();
    await page.getByText('费用明细').first().waitFor({ timeout: 15000 });
    await page.locator('taro-button-core', { hasText: '提交订单' }).first().click();
    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/order'), null, { timeout: 15000 });
    const orderId = Number(new URL(page.url().replace('#/', '')).searchParams.get('id'));
    assert.ok(orderId > 0, `no order id in ${page.url()}`);
    await page.locator('taro-button-core', { hasText: '立即支付' }).first().click();
    await page.getByText('支付成功').first().waitFor({ timeout: 30000 });
    await page.locator('.order-status', { hasText: '待派单' }).first().waitFor({ timeout: 5000 });
    // No balance before the service.
    assert.equal(await page.locator('.postpay').count(), 0);
    await shot('paid');

    // Ops assign; the escort accepts, departs, starts and records money laid out, with its receipt.
    const escort = await escortLogin(api, ESCORT);
    const ops = await api.staffToken('ops', 'Ops@123456');
    const assigned = await api.post(`/api/admin/orders/${orderId}/assign`, { escortId: escort.id, reason: 'e2e：人工派单' }, { token: ops });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    await escortStep(api, escort.token, orderId, 'accept');
    await escortStep(api, escort.token, orderId, 'depart');
    await escortStep(api, escort.token, orderId, 'start');
    const charge = await escortStep(api, escort.token, orderId, 'extra-charges', { description: '代买药品', amountFen: 3650, receiptUrl: RECEIPT });
    assert.equal(charge.status, 'pending');

    // The customer opens the order: the charge waits for an answer, nothing is payable yet.
    await page.reload();
    await page.locator('.order-status', { hasText: '服务中' }).first().waitFor({ timeout: 15000 });
    const card = page.locator('.postpay').first();
    await card.waitFor({ timeout: 15000 });
    await card.locator('.postpay-state', { hasText: '有待确认的代垫费用' }).waitFor({ timeout: 5000 });
    await card.locator('.postpay-charge--pending', { hasText: '代买药品（待确认）' }).waitFor();
    await card.getByText('¥36.50').first().waitFor();
    assert.equal(await card.locator('.postpay-receipt').count(), 1, 'the receipt is shown');
    assert.equal(await card.locator('.postpay-pay').count(), 0, 'nothing is payable before the charge is confirmed');
    // The journey's features stay: the code while in service, 确认完成, the progress.
    await page.locator('.booking__code').first().waitFor();
    await page.locator('taro-button-core', { hasText: '确认完成' }).first().waitFor();
    await page.getByText('订单进度').first().waitFor();
    await shot('charge-pending');

    await card.locator('taro-button-core', { hasText: '确认费用' }).first().click();
    await card.locator('.postpay-charge--confirmed', { hasText: '代买药品（已确认）' }).waitFor({ timeout: 15000 });
    await card.locator('.postpay-state', { hasText: '待支付补差款' }).waitFor({ timeout: 5000 });
    const payButton = card.locator('taro-button-core.postpay-pay').first();
    await payButton.waitFor({ timeout: 5000 });
    assert.match(await payButton.textContent(), /支付补差款\s*¥36\.50/);
    await shot('charge-confirmed');

    // Two quick taps: one payment. The result follows the backend (the sandbox's signed callback).
    await payButton.click();
    await payButton.click({ timeout: 1000 }).catch(() => {});
    await card.locator('.postpay-notice', { hasText: '补差款支付成功' }).waitFor({ timeout: 30000 });
    await card.locator('.postpay-state', { hasText: '补差款已结清' }).waitFor({ timeout: 5000 });
    assert.equal((await card.locator('.postpay-paid').first().textContent()).trim(), '¥36.50');
    assert.equal((await card.locator('.postpay-due').first().textContent()).trim(), '¥0.00');
    assert.equal(await card.locator('.postpay-pay').count(), 0, 'nothing left to pay');
    await shot('balance-settled');

    const view = await api.get(`/api/app/orders/${orderId}/postpay`, { token });
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.data.state, 'paid');
    assert.equal(view.body.data.paidFen, 3650);
    assert.equal(view.body.data.dueFen, 0);
    assert.equal(view.body.data.payments.length, 1, `one balance payment: ${JSON.stringify(view.body.data.payments)}`);
    assert.equal(view.body.data.payments[0].status, 'succeeded');
    assert.equal(view.body.data.payments[0].appliedToOrder, true);

    // A reload reads the same settled state from the backend.
    await page.reload();
    await page.locator('.postpay .postpay-state', { hasText: '补差款已结清' }).first().waitFor({ timeout: 15000 });
    assert.equal(await page.locator('.postpay-notice').count(), 0, 'no stale result line after a reload');
  },
};
