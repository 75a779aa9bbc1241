// 派单: a dispatcher opens the pool, assigns the top candidate for a paid order and finds its bar on
// the day board. The order is booked and paid through the customer API by this spec's own customer.
const assert = require('node:assert/strict');
const { login, ok, shanghaiDay, openFromMenu, bookPaidErrand, pickDate } = require('./workforce-helpers');

// Phones no other spec uses (one SMS code per phone per minute).
const CUSTOMER_PHONE = '13800000004';

module.exports = {
  async 'a dispatcher assigns the top candidate from 派单池 and sees the bar on 派单日视图'({ page, base, shot, api }) {
    const day = shanghaiDay(1);
    const order = await bookPaidErrand(api, CUSTOMER_PHONE, day, '10:00');

    await login(page, base, 'ops', 'Ops@123456');
    await openFromMenu(page, '派单调度', '派单池', '/dispatch/pool');
    const row = page.locator('.ant-table-row', { hasText: order.orderNo });
    await row.waitFor({ timeout: 20000 });
    await row.getByText('24 小时内开始').or(row.getByText('正常')).first().waitFor();
    await shot('pool');

    await page.getByTestId(`pool-assign-${order.id}`).click();
    const dialog = page.locator('.ant-modal-content', { hasText: `派单 ${order.orderNo}` });
    await dialog.getByRole('columnheader', { name: '得分构成' }).waitFor({ timeout: 20000 });
    const top = dialog.locator('.ant-table-row').first();
    const topName = (await top.locator('td').nth(2).innerText()).split('\n')[0].trim();
    await top.getByText(/^距离 /).waitFor();
    assert.equal(await dialog.getByLabel('派单原因').inputValue(), '派单：系统推荐第一名');
    await shot('candidates');
    await dialog.getByRole('button', { name: '确认派单' }).click();
    await page.getByText(`已派单给 ${topName}`).first().waitFor({ timeout: 20000 });

    const detail = ok(await api.get(`/api/admin/orders/${order.id}`, { token: order.staff }), 'order detail');
    assert.equal(detail.status, 'dispatched');
    assert.equal(detail.escortName, topName);
    assert.ok(detail.timeline.some(t => t.reason.includes('系统推荐第一名')), 'the reason is in the timeline');

    await openFromMenu(page, '派单调度', '派单日视图', '/dispatch/board');
    await page.getByText('陪诊师 × 小时（北京时间）').waitFor({ timeout: 20000 });
    await pickDate(page, day);
    const bar = page.getByTestId('dispatch-gantt').locator('svg text', { hasText: order.orderNo });
    await bar.waitFor({ timeout: 20000 });
    await page.getByTestId('dispatch-gantt').locator('svg text', { hasText: new RegExp(`^${topName}（`) }).first().waitFor();
    await shot('day-board');
  },
};
