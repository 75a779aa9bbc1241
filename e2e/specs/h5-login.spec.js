// The H5 mini-program on a phone-sized screen: log in with the demo phone and an SMS code.
const assert = require('node:assert/strict');

const PHONE = { width: 390, height: 844 };

module.exports = {
  async 'a customer logs in with phone and SMS code and sees the masked phone on 我的'({ page, base, shot, api }) {
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/m/#/pages/login/index`);
    const inputs = page.locator('input');
    await inputs.first().waitFor();
    await inputs.nth(0).fill('13800000001');
    await page.getByText('获取验证码').first().click();
    await page.waitForTimeout(300);
    const code = await api.smsCode('13800000001');
    await inputs.nth(1).fill(code);
    await shot('login');
    await page.locator('taro-button-core', { hasText: /^登\s*录$/ }).first().click();
    await page.waitForFunction(() => !location.hash.includes('pages/login'), null, { timeout: 15000 });
    await page.goto(`${base}/m/#/pages/mine/index`);
    await page.getByText('138****0001').first().waitFor({ timeout: 15000 });
    await shot('mine');
    assert.ok(true);
  },

  async 'the home page lists the cities from the API'({ page, base, shot }) {
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/m/`);
    await page.getByText('上海').first().waitFor({ timeout: 15000 });
    await shot('home');
  },
};
