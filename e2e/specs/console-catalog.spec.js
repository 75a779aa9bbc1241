// The catalog as ops use it: items with their city prices, the price rules, and a quote preview.
const assert = require('node:assert/strict');

async function login(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 15000 });
}

/** Opens an antd select by its form label and picks the option with this text. */
async function pick(page, label, option) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

module.exports = {
  async 'ops sees the demo catalog with its prices in yuan per city'({ page, base, shot }) {
    await login(page, base, 'ops', 'Ops@123456');
    await page.goto(`${base}/catalog/service-items`);
    const row = page.locator('tr', { hasText: '门诊陪诊（半天）' }).first();
    await row.waitFor();
    const text = await row.innerText();
    assert.ok(text.includes('¥199.00 / 半天'), text);
    assert.ok(text.includes('北京 ¥219.00'), text);
    await shot('service-items');
    await row.getByText('城市价格').click();
    await page.getByLabel('上海单价').waitFor();
    await shot('city-prices');
  },

  async 'admin sees the default price rules and previews a quote'({ page, base, shot }) {
    await login(page, base, 'admin', 'Admin@12345');
    await page.goto(`${base}/catalog/price-rules`);
    const grade = page.locator('tr', { hasText: '三甲医院加价' }).first();
    await grade.waitFor();
    assert.ok((await grade.innerText()).includes('+10%'));
    await shot('price-rules');

    await page.goto(`${base}/catalog/pricing-preview`);
    await pick(page, '服务项目', '检查陪诊（EXAM-STD）');
    await pick(page, '城市', '北京');
    await pick(page, '医院等级', '三甲');
    const start = page.getByLabel('开始时间（北京时间）', { exact: true });
    await start.click();
    await start.fill('2030-06-03 09:00');
    await start.press('Enter');
    await page.getByRole('button', { name: /计算报价/ }).click();
    const total = page.getByTestId('quote-total');
    await total.waitFor();
    // 北京 ¥179 + 三甲 10 % (¥17.90), daytime, booked years ahead: ¥196.90
    assert.equal(await total.innerText(), '¥196.90');
    await shot('pricing-preview');
  },
};
