// The 数据分析 dashboards as an admin sees them: each page opens, every chart draws on its canvas
// (pixels painted, not just an empty element), a headline figure matches the API for the same
// filters, a chart switches to its table view, and the table downloads as an Excel workbook.
const assert = require('node:assert/strict');

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

const yuan = fen => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

const DASHBOARDS = [
  { path: '/analytics/operations', menu: '运营看板', api: '/api/admin/analytics/operations', charts: 7, stat: 'created', expected: d => String(d.totals.created) },
  { path: '/analytics/customers', menu: '客户看板', api: '/api/admin/analytics/customers', charts: 4, stat: 'new-customers', expected: d => String(d.totals.newCustomers) },
  { path: '/analytics/finance', menu: '财务看板', api: '/api/admin/analytics/finance', charts: 2, stat: 'gmv', expected: d => yuan(d.totals.gmvFen) },
  { path: '/analytics/quality', menu: '服务质量', api: '/api/admin/analytics/quality', charts: 6, stat: 'completed', expected: d => String(d.totals.completed) },
];

/** How many pixels of the chart's canvas are painted. */
function paintedPixels(chart) {
  return chart.locator('canvas').first().evaluate(canvas => {
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return painted;
  });
}

module.exports = {
  async 'admin opens the 数据分析 dashboards: every chart draws and the figures match the API'({ page, base, shot, api }) {
    const token = await api.staffToken('admin', 'Admin@12345');
    await login(page, base, 'admin', 'Admin@12345');
    const menu = page.locator('.ant-pro-sider, .ant-layout-sider').first();
    await menu.getByText('数据分析', { exact: true }).click();
    await menu.getByText('运营看板', { exact: true }).click();
    await page.waitForURL(url => url.pathname === '/analytics/operations', { timeout: 15000 });

    for (const d of DASHBOARDS) {
      if (new URL(page.url()).pathname !== d.path) await page.goto(`${base}${d.path}`);
      const stat = page.getByTestId(`stat-${d.stat}`);
      await stat.waitFor({ timeout: 20000 });
      const charts = page.locator('[data-testid^="chart-"]');
      await charts.first().locator('canvas').first().waitFor({ timeout: 20000 });
      assert.equal(await charts.count(), d.charts, `${d.path}: number of charts`);
      // echarts draws after layout and animates: give each canvas a moment to be painted.
      for (let i = 0; i < d.charts; i++) {
        const chart = charts.nth(i);
        await chart.scrollIntoViewIfNeeded();
        let painted = 0;
        for (let attempt = 0; attempt < 20 && painted === 0; attempt++) {
          painted = await paintedPixels(chart);
          if (!painted) await page.waitForTimeout(250);
        }
        const name = await chart.getAttribute('data-testid');
        assert.ok(painted > 0, `${d.path}: ${name} drew nothing on its canvas`);
        const text = await chart.innerText();
        assert.ok(text.includes('数据更新于'), `${d.path}: ${name} shows when its data was refreshed`);
        assert.ok(text.includes('筛选：'), `${d.path}: ${name} shows its filters`);
      }
      const data = ok(await api.get(d.api, { token }), d.api);
      const shown = (await stat.innerText()).replace(/,/g, '');
      assert.ok(shown.includes(d.expected(data)), `${d.path}: stat ${d.stat} shows "${shown}", the API says ${d.expected(data)}`);
      await shot(d.path.split('/').pop());
    }

    // The table view of a chart holds the same figures.
    await page.goto(`${base}/analytics/operations`);
    const daily = page.getByTestId('chart-orders-daily');
    await daily.locator('canvas').first().waitFor({ timeout: 20000 });
    await daily.getByText('表格', { exact: true }).click();
    await daily.locator('.ant-table-row').first().waitFor({ timeout: 10000 });
    const data = ok(await api.get('/api/admin/analytics/operations', { token }), 'operations');
    const headers = await daily.locator('.ant-table-thead th').allInnerTexts();
    assert.deepEqual(headers.slice(0, 5), ['日期', '下单', '支付', '完成', '取消']);
    const firstRow = await daily.locator('.ant-table-row').first().locator('td').allInnerTexts();
    assert.deepEqual(firstRow.slice(0, 2), [data.daily[0].day, String(data.daily[0].created)]);
    await shot('operations-table');

    // The same table as an Excel workbook: a zip whose (stored) sheet holds the header and the first day.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.getByTestId('xlsx-orders-daily').click()]);
    assert.ok(download.suggestedFilename().endsWith('.xlsx'), `Excel file name: ${download.suggestedFilename()}`);
    const bytes = require('node:fs').readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx is a zip');
    const text = bytes.toString('utf8');
    assert.ok(text.includes('xl/worksheets/sheet1.xml') && text.includes('<t>日期</t>'), 'the sheet has the table header');
    assert.ok(text.includes(data.daily[0].day), 'the sheet has the first day');
  },
};
