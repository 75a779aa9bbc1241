// The console's order pages as operations staff use them: the order list and its detail drawer,
// today's board, and the business settings. The first test books its own order through the customer
// API (an errand: it needs no patient), so what it checks and cancels is never a demo order.
const assert = require('node:assert/strict');

// Not the demo customer 13800000001: the H5 spec logs that phone in later in the same run, and the
// backend sends one SMS code per phone per minute.
const CUSTOMER_PHONE = '13800000002';

async function login(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 15000 });
}

/** Tomorrow 10:00 in Shanghai: inside the default booking window (07:00–18:00, up to 3 days ahead). */
function tomorrowAtTenShanghai() {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const tomorrow = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1));
  const day = tomorrow.toISOString().slice(0, 10);
  return { day, startAt: `${day}T10:00:00+08:00` };
}

function ok(res, what) {
  if (res.status !== 200 || !res.body.success) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

let seeded;
/** The spec's own order, booked as a customer (the demo orders belong to other flows). Created once per run. */
function ensureOrder(api) {
  seeded ??= (async () => {
    const staff = await api.staffToken('ops', 'Ops@123456');
    ok(await api.post('/api/app/auth/sms-code', { phone: CUSTOMER_PHONE }), 'send SMS code');
    const code = await api.smsCode(CUSTOMER_PHONE);
    const customer = ok(await api.post('/api/app/auth/sms-login', { phone: CUSTOMER_PHONE, code }), 'customer login').accessToken;
    const cities = ok(await api.get('/api/admin/cities', { token: staff }), 'cities');
    const city = cities.find(c => c.name.includes('上海')) ?? cities[0];
    const items = ok(await api.get('/api/admin/service-items?pageSize=100', { token: staff }), 'service items').list;
    const errand = items.find(i => i.categoryCode === 'errand' && i.enabled);
    assert.ok(errand, 'the demo catalog has an errand service item');
    const hospitals = ok(await api.get(`/api/admin/hospitals?cityId=${city.id}&pageSize=1`, { token: staff }), 'hospitals').list;
    const { day, startAt } = tomorrowAtTenShanghai();
    const order = ok(
      await api.post(
        '/api/app/orders',
        {
          serviceItemId: errand.id,
          cityId: city.id,
          startAt,
          customerNote: '浏览器测试订单',
          errand: {
            tasks: ['代取 CT 报告'],
            requirements: '报告需拍照发给客户',
            materials: ['就诊卡'],
            pickupAddress: hospitals[0]?.name ?? '医院门诊楼',
            deliveryAddress: '上海市徐汇区漕溪北路 1 号',
          },
        },
        { token: customer },
      ),
      'book an order',
    );
    return { id: order.id, orderNo: order.orderNo, day, staff };
  })();
  return seeded;
}

function menu(page) {
  return page.locator('.ant-pro-sider, .ant-layout-sider').first();
}

/**
 * Opens a page through the side menu. A click that lands while the submenu is still sliding open
 * can miss, so the item is clicked again until the URL changes.
 */
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

module.exports = {
  async 'ops opens 订单列表, an order drawer with its timeline and price lines, and adds a note'({ page, base, shot, api }) {
    const order = await ensureOrder(api);
    await login(page, base, 'ops', 'Ops@123456');
    await page.getByTestId('notification-bell').waitFor();
    await openFromMenu(page, '订单', '订单列表', '/orders/list');
    const row = page.locator('.ant-table-row', { hasText: order.orderNo });
    await row.waitFor({ timeout: 15000 });
    await shot('order-list');

    await row.click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('状态时间线').waitFor({ timeout: 15000 });
    await drawer.getByText('价格明细').waitFor();
    await drawer.getByText(`订单 ${order.orderNo}`).waitFor();
    const text = await drawer.innerText();
    assert.ok(text.includes('下单'), 'the timeline shows the creation');
    assert.ok(/合计\s*¥[\d,]+\.\d{2}/.test(text), 'the price table shows a total in yuan');
    assert.ok(text.includes('代取 CT 报告'), 'the errand details are shown');
    await shot('order-drawer');

    await drawer.getByRole('button', { name: /添加备注/ }).click();
    const dialog = page.locator('.ant-modal-content', { hasText: '添加备注' });
    await dialog.getByPlaceholder('仅员工可见').fill('浏览器测试：已电话联系客户');
    await dialog.getByRole('button', { name: '保存备注' }).click();
    await drawer.getByText('浏览器测试：已电话联系客户').waitFor({ timeout: 15000 });
    const detail = ok(await api.get(`/api/admin/orders/${order.id}`, { token: order.staff }), 'order detail');
    assert.ok(detail.notes.some(n => n.content === '浏览器测试：已电话联系客户'), 'the note was saved');
    await shot('order-drawer-note');
  },

  async 'ops opens 今日看板 and finds the order as an unassigned card on its day'({ page, base, shot, api }) {
    const order = await ensureOrder(api);
    const board = ok(await api.get(`/api/admin/orders/board?date=${order.day}`, { token: order.staff }), 'board');
    const card = board.hours.flatMap(h => h.orders).find(o => o.id === order.id);
    await login(page, base, 'ops', 'Ops@123456');
    await openFromMenu(page, '订单', '今日看板', '/orders/board');
    await page.locator('.ant-statistic-title', { hasText: '可能迟到' }).waitFor({ timeout: 15000 });

    const picker = page.locator('.ant-picker input').first();
    await picker.click();
    await picker.fill(order.day);
    await picker.press('Enter');
    await picker.press('Escape');
    await page.locator('.ant-statistic-title', { hasText: `${order.day} 订单` }).waitFor({ timeout: 15000 });
    if (card) {
      const el = page.getByTestId(`board-card-${order.id}`);
      await el.waitFor({ timeout: 15000 });
      if (card.unassigned) await el.getByText('未派单').waitFor();
      await shot('order-board');
      await el.click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.getByText('状态时间线').waitFor({ timeout: 15000 });
      if (card.status === 'pending_payment') {
        // Cancelling from the board: the preview says nothing is owed, the drawer and the board both refresh.
        await drawer.getByRole('button', { name: '取消订单' }).click();
        const dialog = page.locator('.ant-modal-content', { hasText: '取消订单' });
        await dialog.getByText('订单尚未支付').waitFor({ timeout: 15000 });
        await dialog.getByPlaceholder('请填写取消原因（客户可见）').fill('浏览器测试取消');
        await dialog.getByRole('button', { name: '确认取消' }).click();
        await drawer.locator('.ant-drawer-title .ant-tag', { hasText: '已取消' }).waitFor({ timeout: 15000 });
        await drawer.getByText('浏览器测试取消').first().waitFor();
        await page.getByTestId(`board-card-${order.id}`).waitFor({ state: 'detached', timeout: 15000 });
        const after = ok(await api.get(`/api/admin/orders/${order.id}`, { token: order.staff }), 'order detail');
        assert.equal(after.status, 'cancelled');
        await shot('order-board-cancelled');
      }
    } else {
      // A seeded order that is already cancelled or closed is not on the board.
      await shot('order-board');
    }
  },

  async 'admin opens 业务设置 and saves the booking rules unchanged'({ page, base, shot }) {
    await login(page, base, 'admin', 'Admin@12345');
    await openFromMenu(page, '系统管理', '业务设置', '/system/settings');
    for (const title of ['预约规则', '取消规则', '通知模板']) await page.getByText(title, { exact: true }).first().waitFor({ timeout: 15000 });
    await page.getByText('开始前 24 小时及以上取消：违约金 0%').waitFor();
    await page.getByRole('button', { name: '保存预约规则' }).click();
    await page.getByText('设置已保存').first().waitFor({ timeout: 15000 });
    await shot('settings');
  },
};
