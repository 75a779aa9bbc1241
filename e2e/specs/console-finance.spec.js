// The console's finance pages as finance staff use them: 支付记录 (with a payment's raw callbacks),
// 退款管理 (a staff refund requested through the form and seen in the list) and 对账 (yesterday's bill
// downloaded from the payment sandbox). The paid order is booked and paid through the sandbox by this
// spec (demo orders are marked paid without payment rows, so there is nothing to refund on them).
const assert = require('node:assert/strict');

// Its own customer: the other specs use 13800000002 and 13800000003, and the backend sends one SMS
// code per phone per minute.
const CUSTOMER_PHONE = '13800000004';

function ok(res, what) {
  if (res.status !== 200 || !res.body.success) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

async function login(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 15000 });
}

function menu(page) {
  return page.locator('.ant-pro-sider, .ant-layout-sider').first();
}

async function openFromMenu(page, group, item, pathname) {
  const link = menu(page).getByText(item, { exact: true });
  if (!(await link.isVisible())) await menu(page).getByText(group, { exact: true }).click();
  await link.waitFor();
  for (let attempt = 1; ; attempt++) {
    await link.click();
    try {
      await page.waitForURL(url => url.pathname === pathname, { timeout: 5000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

function tomorrowAtTenShanghai() {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const tomorrow = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1));
  return `${tomorrow.toISOString().slice(0, 10)}T11:00:00+08:00`;
}

let seeded;
/** An errand order booked and paid through the sandbox by this spec's customer. Once per run. */
function paidOrder(api) {
  seeded ??= (async () => {
    const staff = await api.staffToken('finance', 'Finance@12345');
    ok(await api.post('/api/app/auth/sms-code', { phone: CUSTOMER_PHONE }), 'send SMS code');
    const code = await api.smsCode(CUSTOMER_PHONE);
    const customer = ok(await api.post('/api/app/auth/sms-login', { phone: CUSTOMER_PHONE, code }), 'customer login').accessToken;
    const ops = await api.staffToken('ops', 'Ops@123456');
    const cities = ok(await api.get('/api/admin/cities', { token: ops }), 'cities');
    const city = cities.find(c => c.name.includes('上海')) ?? cities[0];
    const items = ok(await api.get('/api/admin/service-items?pageSize=100', { token: ops }), 'service items').list;
    const errand = items.find(i => i.categoryCode === 'errand' && i.enabled);
    assert.ok(errand, 'the demo catalog has an errand service item');
    const order = ok(
      await api.post(
        '/api/app/orders',
        {
          serviceItemId: errand.id,
          cityId: city.id,
          startAt: tomorrowAtTenShanghai(),
          errand: { tasks: ['代取检验报告'], requirements: '', materials: [], pickupAddress: '医院门诊楼', deliveryAddress: '上海市徐汇区漕溪北路 1 号' },
        },
        { token: customer },
      ),
      'book an order',
    );
    const start = ok(await api.post(`/api/app/orders/${order.id}/pay`, undefined, { token: customer }), 'start the payment');
    const paid = ok(await api.post(start.sandboxPayUrl, undefined), 'pay in the sandbox');
    assert.equal(paid.notification.delivered, true, JSON.stringify(paid.notification));
    return { id: order.id, orderNo: order.orderNo, totalFen: order.totalFen, outTradeNo: start.outTradeNo, staff };
  })();
  return seeded;
}

module.exports = {
  async 'finance opens 支付记录 and sees the payment with its applied callback'({ page, base, shot, api }) {
    const order = await paidOrder(api);
    await login(page, base, 'finance', 'Finance@12345');
    await openFromMenu(page, '财务', '支付记录', '/finance/payments');
    const row = page.locator('.ant-table-row', { hasText: order.orderNo });
    await row.waitFor({ timeout: 15000 });
    const text = await row.innerText();
    assert.ok(text.includes(order.outTradeNo), 'the row shows out_trade_no');
    assert.ok(text.includes('支付成功'), 'the row shows the status label');
    assert.ok(text.includes('下单支付'), 'the row shows the purpose');
    assert.ok(/¥[\d,]+\.\d{2}/.test(text), 'the amount is shown in yuan');
    await shot('payments');

    await row.click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(`支付单 ${order.outTradeNo}`).waitFor({ timeout: 15000 });
    const event = drawer.getByTestId('payment-event').first();
    await event.waitFor();
    const eventText = await event.innerText();
    assert.ok(eventText.includes('验签通过') && eventText.includes('已生效'), `the callback was verified and applied: ${eventText.slice(0, 200)}`);
    assert.ok(eventText.includes('wechatpay-serial'), 'the raw headers are shown');
    await shot('payment-detail');
  },

  async 'finance requests a refund on the paid order in 退款管理 and sees it in the list'({ page, base, shot, api }) {
    const order = await paidOrder(api);
    await login(page, base, 'finance', 'Finance@12345');
    await openFromMenu(page, '财务', '退款管理', '/finance/refunds');
    await page.getByRole('button', { name: /发起退款/ }).click();
    const dialog = page.locator('.ant-modal-content', { hasText: '发起退款' });
    await dialog.getByLabel('订单 ID').fill(String(order.id));
    await dialog.getByLabel('退款金额（元）').fill('1.50');
    await dialog.getByLabel('退款原因').fill('浏览器测试：部分退款');
    await dialog.getByRole('button', { name: /确\s*定|提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15000 });

    await page.getByRole('tab', { name: '全部' }).or(page.getByText('全部', { exact: true })).first().click();
    const row = page.locator('.ant-table-row', { hasText: order.orderNo });
    await row.waitFor({ timeout: 15000 });
    const text = await row.innerText();
    assert.ok(text.includes('¥1.50'), `the refund shows its amount: ${text}`);
    assert.ok(text.includes('浏览器测试：部分退款'), 'the refund shows its reason');
    assert.ok(text.includes('人工退款'), 'the refund shows its source');
    await shot('refunds');

    const refunds = ok(await api.get(`/api/admin/refunds?orderNo=${order.orderNo}`, { token: order.staff }), 'refund list').list;
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0].amountFen, 150);
    assert.ok(['processing', 'succeeded'].includes(refunds[0].status), `sent to the channel: ${refunds[0].status}`);
  },

  async 'finance opens 对账 and downloads yesterday’s bill from the sandbox'({ page, base, shot, api }) {
    const order = await paidOrder(api);
    await login(page, base, 'finance', 'Finance@12345');
    await openFromMenu(page, '财务', '对账', '/finance/reconciliation');
    await page.getByText('尚未对账').waitFor({ timeout: 15000 });
    await shot('reconciliation-empty');
    await page.getByRole('button', { name: /下载账单并对账/ }).click();
    const summary = page.getByTestId('recon-summary');
    await summary.waitFor({ timeout: 15000 });
    const text = await summary.innerText();
    assert.ok(text.includes('渠道下载'), 'the run came from the channel');
    assert.ok(/一致 \d+/.test(text), 'the counts are shown');
    await page.getByText(/差异明细/).waitFor();
    await shot('reconciliation');

    const yesterday = new Date(Date.now() + 8 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);
    const report = ok(await api.get(`/api/admin/reconciliation/days/${yesterday}`, { token: order.staff }), 'day report');
    assert.ok(report.run, 'the run was saved');
    assert.equal(report.run.source, 'fetched');
  },
};
