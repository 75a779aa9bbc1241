// Shared steps of the workforce browser specs (not a spec itself: run.js only loads *.spec.js).
const zlib = require('node:zlib');

async function login(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 15000 });
}

function ok(res, what) {
  if (res.status !== 200 || !res.body.success) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/** `days` from today in Shanghai as YYYY-MM-DD. */
function shanghaiDay(days) {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + days)).toISOString().slice(0, 10);
}

function menu(page) {
  return page.locator('.ant-pro-sider, .ant-layout-sider').first();
}

/** Opens a page through the side menu, clicking again if the submenu was still sliding open. */
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

/** A customer (by phone) books an errand (no patient needed) in Shanghai at `day` `hhmm`; the sandbox pays it. */
async function bookPaidErrand(api, phone, day, hhmm) {
  const staff = await api.staffToken('ops', 'Ops@123456');
  ok(await api.post('/api/app/auth/sms-code', { phone }), 'send SMS code');
  const code = await api.smsCode(phone);
  const customer = ok(await api.post('/api/app/auth/sms-login', { phone, code }), 'customer login').accessToken;
  const cities = ok(await api.get('/api/admin/cities', { token: staff }), 'cities');
  const city = cities.find(c => c.name.includes('上海')) ?? cities[0];
  const items = ok(await api.get('/api/admin/service-items?pageSize=100', { token: staff }), 'service items').list;
  const errand = items.find(i => i.categoryCode === 'errand' && i.enabled);
  const order = ok(
    await api.post(
      '/api/app/orders',
      {
        serviceItemId: errand.id,
        cityId: city.id,
        startAt: `${day}T${hhmm}:00+08:00`,
        customerNote: '浏览器测试：派单',
        errand: { tasks: ['代取检查报告'], requirements: '', materials: [], pickupAddress: '复旦大学附属中山医院', deliveryAddress: '上海市徐汇区漕溪北路 1 号' },
      },
      { token: customer },
    ),
    'book an errand',
  );
  const paid = await payInSandbox(api, customer, order.id);
  return { id: order.id, orderNo: order.orderNo, staff, customer, cityId: city.id, status: paid.status };
}

/** Pays an order through the sandbox gateway, the way the H5 app does, and waits for the callback. */
async function payInSandbox(api, customer, orderId) {
  const start = await api.post(`/api/app/orders/${orderId}/pay`, {}, { token: customer });
  if (start.status !== 200) throw new Error(`start payment: ${start.status} ${JSON.stringify(start.body)}`);
  const data = start.body.data;
  const url = data.sandboxPayUrl ?? data.payment?.sandboxPayUrl;
  if (!url) throw new Error(`no sandbox pay URL: ${JSON.stringify(data)}`);
  ok(await api.post(url, {}), 'sandbox pays');
  for (let i = 0; i < 40; i++) {
    const o = ok(await api.get(`/api/app/orders/${orderId}`, { token: customer }), 'order');
    if (o.status === 'pending_dispatch') return o;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`order ${orderId} was not paid`);
}

// ------------------------------------------------------------------ a real small PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A width × height RGB PNG: a coloured card with a darker band, so a screenshot shows it was drawn. */
function cardPng(width, height, [r, g, b]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const band = y > height * 0.4 && y < height * 0.6;
    for (let x = 0; x < width; x++) {
      const k = band ? 0.6 : 1;
      row[1 + x * 3] = Math.round(r * k);
      row[2 + x * 3] = Math.round(g * k);
      row[3 + x * 3] = Math.round(b * k);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid 18-digit resident ID number (checksum per GB 11643) for a woman born on `birth` (YYYYMMDD). */
function idCardNumber(birth, seq = '002') {
  const body = `310104${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function uploadAsEscort(base, token, purpose, filename, content) {
  const res = await fetch(`${base}/api/escort/files?purpose=${purpose}&filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: content,
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`upload ${purpose}: ${res.status} ${JSON.stringify(body)}`);
  return body.data.id;
}

async function escortToken(api, phone) {
  ok(await api.post('/api/escort/auth/sms-code', { phone }), 'escort SMS code');
  const code = await api.smsCode(phone);
  return ok(await api.post('/api/escort/auth/sms-login', { phone, code }), 'escort login').accessToken;
}

/** Picks a day in the Ant Design date picker of the page header. */
async function pickDate(page, day) {
  const picker = page.locator('.ant-picker input').first();
  await picker.click();
  await picker.fill(day);
  await picker.press('Enter');
  await picker.press('Escape');
  // Escape does not always close the panel: click the page title so screenshots show the page.
  await page.locator('.ant-page-header-heading-title, .ant-pro-page-container .ant-page-header').first().click();
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

module.exports = { login, ok, shanghaiDay, openFromMenu, bookPaidErrand, cardPng, idCardNumber, uploadAsEscort, escortToken, pickDate };
