// The console as its staff use it: log in, see only what the role allows.
const assert = require('node:assert/strict');

async function login(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 15000 });
}

module.exports = {
  async 'admin logs in and sees the dashboard with real counts and every menu'({ page, base, shot, api }) {
    await login(page, base, 'admin', 'Admin@12345');
    const token = await api.staffToken('admin', 'Admin@12345');
    const today = (await api.get('/api/admin/dashboard/today', { token })).body.data;
    await page.getByText('陪诊师', { exact: false }).first().waitFor();
    const menu = page.locator('.ant-pro-sider, .ant-layout-sider').first();
    await menu.getByText('系统管理').click();
    await menu.getByText('基础数据').click();
    await menu.getByText('服务与价格').click();
    await menu.getByText('陪诊师管理').click();
    await menu.getByText('派单调度').click();
    for (const item of ['员工账号', '审计日志', '医院', '服务项目', '价格规则', '报价预览', '陪诊师档案', '资质审核', '排班', '请假审批', '派单池', '派单日视图']) {
      await menu.getByText(item, { exact: true }).first().waitFor();
    }
    const body = await page.locator('body').innerText();
    assert.ok(body.includes(String(today.escortsTotal)), `dashboard shows the escort count ${today.escortsTotal}`);
    await menu.waitFor();
    await shot('admin-dashboard');
  },

  async 'admin opens staff accounts and the audit log'({ page, base, shot }) {
    await login(page, base, 'admin', 'Admin@12345');
    await page.goto(`${base}/system/staff`);
    await page.getByText('ops_bj').first().waitFor();
    await shot('staff-users');
    await page.goto(`${base}/system/audit`);
    await page.locator('.ant-table').first().waitFor();
    await shot('audit-log');
  },

  async 'ops sees only its own menus and gets 403 on staff accounts'({ page, base, shot }) {
    await login(page, base, 'ops', 'Ops@123456');
    const menu = page.locator('.ant-pro-sider, .ant-layout-sider').first();
    await menu.getByText('基础数据').click();
    await menu.getByText('医院', { exact: true }).first().waitFor();
    // ops reads the business settings (settings:read), so 系统管理 holds exactly that page.
    await menu.getByText('系统管理').click();
    await menu.getByText('业务设置', { exact: true }).first().waitFor();
    assert.equal(await page.getByText('员工账号').count(), 0, 'ops has no staff menu');
    assert.equal(await page.getByText('审计日志').count(), 0, 'ops has no audit menu');
    await page.goto(`${base}/system/staff`);
    await page.getByText('403').first().waitFor();
    await shot('ops-403');
  },

  async 'a wrong password shows the backend message and stays on the login page'({ page, base }) {
    await page.goto(`${base}/login`);
    await page.getByPlaceholder('用户名').fill('finance');
    await page.getByPlaceholder('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('账号或密码错误').first().waitFor();
    assert.ok(page.url().includes('/login'));
  },
};
