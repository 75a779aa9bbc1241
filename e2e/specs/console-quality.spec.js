// Service quality in the console: a review and a ticket whose text carries HTML and script must
// render as inert text. The page listens for dialogs; any alert() that fires fails the test.
const assert = require('node:assert/strict');

// A customer no other spec uses (the backend sends one SMS code per phone per minute).
const CUSTOMER_PHONE = '13800000005';
const ESCORT_PHONE = '13900000001';
const XSS = '<img src=x onerror=alert(1)> <script>alert(1)</script>';

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

function tomorrowAt(hour) {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const tomorrow = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1));
  return `${tomorrow.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

let seeded;
/** A completed errand order of the spec's own customer, reviewed with HTML in the text, and a ticket likewise. */
function ensureData(api) {
  seeded ??= (async () => {
    const ops = await api.staffToken('ops', 'Ops@123456');
    ok(await api.post('/api/app/auth/sms-code', { phone: CUSTOMER_PHONE }), 'send SMS code');
    const customer = ok(await api.post('/api/app/auth/sms-login', { phone: CUSTOMER_PHONE, code: await api.smsCode(CUSTOMER_PHONE) }), 'customer login').accessToken;
    ok(await api.post('/api/escort/auth/sms-code', { phone: ESCORT_PHONE }), 'escort SMS code');
    const escortLogin = ok(await api.post('/api/escort/auth/sms-login', { phone: ESCORT_PHONE, code: await api.smsCode(ESCORT_PHONE) }), 'escort login');
    const escort = escortLogin.accessToken;
    const items = ok(await api.get('/api/admin/service-items?pageSize=100', { token: ops }), 'service items').list;
    const errand = items.find(i => i.categoryCode === 'errand' && i.enabled);
    const order = ok(
      await api.post(
        '/api/app/orders',
        {
          serviceItemId: errand.id,
          cityId: escortLogin.user.cityId ?? 1,
          startAt: tomorrowAt(15),
          errand: { tasks: ['代取检查报告'], requirements: '拍照发给客户', materials: ['就诊卡'], pickupAddress: '医院门诊楼', deliveryAddress: '上海市徐汇区漕溪北路 1 号' },
        },
        { token: customer },
      ),
      'book',
    );
    const pay = ok(await api.post(`/api/app/orders/${order.id}/pay`, {}, { token: customer }), 'start pay');
    ok(await api.post(pay.sandboxPayUrl, {}), 'pay in the sandbox');
    ok(await api.post(`/api/admin/orders/${order.id}/assign`, { escortId: escortLogin.user.id, reason: '浏览器测试' }, { token: ops }), 'assign');
    ok(await api.post(`/api/escort/orders/${order.id}/accept`, {}, { token: escort }), 'accept');
    ok(await api.post(`/api/escort/orders/${order.id}/start`, {}, { token: escort }), 'start');
    ok(await api.post(`/api/admin/orders/${order.id}/complete`, { reason: '浏览器测试完成' }, { token: ops }), 'complete');
    const review = ok(
      await api.post(
        `/api/app/orders/${order.id}/review`,
        { overall: 1, attitude: 1, professionalism: 2, communication: 2, punctuality: 1, content: `评价里的代码 ${XSS}` },
        { token: customer },
      ),
      'review',
    );
    const ticket = ok(
      await api.post('/api/app/tickets', { type: 'service_complaint', title: `投诉 <script>alert(1)</script>`, content: `工单里的代码 ${XSS}`, orderId: order.id }, { token: customer }),
      'ticket',
    );
    return { order, review, ticket };
  })();
  return seeded;
}

function watchDialogs(page) {
  const fired = [];
  page.on('dialog', async d => {
    fired.push(d.message());
    await d.dismiss().catch(() => {});
  });
  return fired;
}

async function assertInert(page, fired) {
  // Give any injected handler a moment to run if it were live.
  await page.waitForTimeout(800);
  assert.deepEqual(fired, [], 'no dialog may open');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img src=x> element exists');
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(1)')).length);
  assert.equal(scripts, 0, 'no script element carries the injected code');
}

module.exports = {
  async 'support reads a ticket with HTML in it: the text shows, nothing runs'({ page, base, shot, api }) {
    const { ticket } = await ensureData(api);
    const fired = watchDialogs(page);
    await login(page, base, 'support', 'Support@12345');
    await page.goto(`${base}/quality/tickets`);
    const row = page.locator('.ant-table-row', { hasText: ticket.ticketNo });
    await row.waitFor({ timeout: 20000 });
    await row.getByText(ticket.ticketNo).click();
    const content = page.getByTestId('ticket-content');
    await content.waitFor({ timeout: 15000 });
    assert.equal((await content.innerText()).trim(), `工单里的代码 ${XSS}`);
    await page.getByText('知识库', { exact: true }).first().waitFor();
    await shot('ticket-drawer');
    await assertInert(page, fired);
  },

  async 'support reads a review with HTML in it: the text shows, nothing runs'({ page, base, shot, api }) {
    const { order } = await ensureData(api);
    const fired = watchDialogs(page);
    await login(page, base, 'support', 'Support@12345');
    await page.goto(`${base}/quality/reviews`);
    const row = page.locator('.ant-table-row', { hasText: order.orderNo });
    await row.waitFor({ timeout: 20000 });
    assert.ok((await row.innerText()).includes('<script>alert(1)</script>'), 'the list shows the text as written');
    await row.getByText('查看').click();
    const content = page.getByTestId('review-content');
    await content.waitFor({ timeout: 15000 });
    assert.equal((await content.innerText()).trim(), `评价里的代码 ${XSS}`);
    await shot('review-drawer');
    await assertInert(page, fired);
  },

  async 'support previews an article with HTML in it: Markdown renders, HTML stays text'({ page, base, shot }) {
    const fired = watchDialogs(page);
    await login(page, base, 'support', 'Support@12345');
    await page.goto(`${base}/quality/knowledge`);
    await page.getByRole('button', { name: '新建文章' }).click();
    await page.getByTestId('kb-body').fill(`## 如何在线挂号\n\n${XSS}\n\n[点我](javascript:alert(1))`);
    const preview = page.getByTestId('kb-preview');
    await preview.locator('h4', { hasText: '如何在线挂号' }).waitFor({ timeout: 10000 });
    assert.ok((await preview.innerText()).includes('<script>alert(1)</script>'));
    assert.equal(await preview.locator('a').count(), 0, 'a javascript: link is not rendered as a link');
    await shot('knowledge-preview');
    await assertInert(page, fired);
  },
};
