// The H5 mini-program, phone-sized: a customer logs in, books, pays through the payment sandbox
// (which sends the signed callback exactly as WeChat would) and sees the order paid; the console
// API then shows it waiting for dispatch.
const assert = require('node:assert/strict');

const PHONE = { width: 390, height: 844 };
// Not the demo phone of h5-login: the backend allows one SMS a minute per phone.
const CUSTOMER_PHONE = '13800000003';

/** The customer's access token as the app stored it (Taro's H5 storage wraps values as {data}). */
async function customerToken(page) {
  const raw = await page.evaluate(() => localStorage.getItem('auth.tokens.customer'));
  assert.ok(raw, 'the app stored no customer tokens after login');
  let value = JSON.parse(raw);
  if (value && typeof value === 'object' && 'data' in value) value = value.data;
  if (typeof value === 'string') value = JSON.parse(value);
  return value.accessToken;
}

module.exports = {
  async 'a customer books an appointment, pays through the sandbox and sees 支付成功; the console sees it 待派单'({ page, base, shot, api }) {
    await page.setViewportSize(PHONE);

    await page.goto(`${base}/m/#/pages/login/index`);
    const inputs = page.locator('input');
    await inputs.first().waitFor();
    await inputs.nth(0).fill(CUSTOMER_PHONE);
    await page.getByText('获取验证码').first().click();
    await page.waitForTimeout(300);
    await inputs.nth(1).fill(await api.smsCode(CUSTOMER_PHONE));
    await page.locator('taro-button-core', { hasText: /^登\s*录$/ }).first().click();
    await page.waitForFunction(() => !location.hash.includes('pages/login'), null, { timeout: 15000 });

    // This customer has no patients yet: add one the way the (future) patient page will.
    const token = await customerToken(page);
    const patient = await api.post(
      '/api/app/patients',
      { name: '王秀英', relation: 'parent', gender: 'female', birthDate: '1952-06-18', phone: '13900000003' },
      { token },
    );
    assert.equal(patient.status, 200, JSON.stringify(patient.body));

    // From the home page's button into the booking sub-package.
    await page.goto(`${base}/m/#/pages/index/index`);
    await page.getByText('立即预约').first().click();
    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/create'), null, { timeout: 15000 });
    await page.getByText('王秀英').first().waitFor({ timeout: 15000 });
    await page.getByText('费用明细').first().waitFor({ timeout: 15000 });
    const total = (await page.locator('.booking__bar-total').first().textContent()).trim();
    assert.match(total, /^¥\d[\d,]*\.\d{2}$/);
    await shot('booking');
    await page.locator('taro-button-core', { hasText: '提交订单' }).first().click();

    await page.waitForFunction(() => location.hash.includes('packages/booking/pages/order'), null, { timeout: 15000 });
    const orderId = Number(new URL(page.url().replace('#/', '')).searchParams.get('id'));
    assert.ok(orderId > 0, `no order id in ${page.url()}`);
    await page.getByText('待支付').first().waitFor({ timeout: 15000 });
    await page.getByText('应付').first().waitFor();
    assert.equal((await page.locator('.price-lines__total-amount').first().textContent()).trim(), total);
    await shot('cashier');
    await page.locator('taro-button-core', { hasText: '立即支付' }).first().click();

    await page.getByText('支付成功').first().waitFor({ timeout: 30000 });
    await page.locator('.order-status', { hasText: '待派单' }).first().waitFor({ timeout: 5000 });
    await shot('paid');

    // The 订单 tab lists it with its status.
    await page.goto(`${base}/m/#/pages/orders/index`);
    await page.locator('.orders__item', { hasText: '待派单' }).first().waitFor({ timeout: 15000 });
    await shot('orders');

    const adminToken = await api.staffToken('admin', 'Admin@12345');
    const order = await api.get(`/api/admin/orders/${orderId}`, { token: adminToken });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    assert.equal(order.body.data.status, 'pending_dispatch');
    assert.equal(order.body.data.paidFen, order.body.data.totalFen);
    const payments = await api.get(`/api/app/orders/${orderId}/payments`, { token });
    assert.equal(payments.status, 200, JSON.stringify(payments.body));
    const list = payments.body.data.payments ?? payments.body.data.list ?? payments.body.data;
    assert.equal(list.filter(p => p.status === 'succeeded').length, 1, JSON.stringify(payments.body.data));
  },
};
