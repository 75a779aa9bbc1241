// 请假审批: a leave that collides with an assigned order; the console lists the order and approves only
// after the operator chose to send it back to the pool, which then holds the order again.
const assert = require('node:assert/strict');
const { login, ok, shanghaiDay, openFromMenu, bookPaidErrand } = require('./workforce-helpers');

const CUSTOMER_PHONE = '13800000005';
/** 陈晓燕, a demo escort of Shanghai. Two days ahead, so the other workforce specs' orders (tomorrow) stay clear. */
const ESCORT_ID = 3;

module.exports = {
  async 'ops approves a leave that collides with an assigned order by returning the order to the pool'({ page, base, shot, api }) {
    const day = shanghaiDay(2);
    const order = await bookPaidErrand(api, CUSTOMER_PHONE, day, '14:00');
    ok(await api.post(`/api/admin/orders/${order.id}/assign`, { escortId: ESCORT_ID, reason: '浏览器测试：指定陪诊师' }, { token: order.staff }), 'assign');
    const leave = ok(
      await api.post(
        '/api/admin/leaves',
        { escortId: ESCORT_ID, type: 'sick', startAt: `${day}T12:00:00+08:00`, endAt: `${day}T18:00:00+08:00`, reason: '浏览器测试：临时就医' },
        { token: order.staff },
      ),
      'leave',
    );

    await login(page, base, 'ops', 'Ops@123456');
    await openFromMenu(page, '陪诊师管理', '请假审批', '/workforce/leaves');
    const row = page.locator('.ant-table-row', { hasText: '浏览器测试：临时就医' });
    await row.waitFor({ timeout: 20000 });
    await row.getByText('审批', { exact: true }).click();

    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(order.orderNo).waitFor({ timeout: 20000 });
    await drawer.getByText('请假时段内有 1 个已派订单，请先选择处理方式').waitFor();
    assert.equal(await drawer.getByRole('button', { name: '批准请假' }).isDisabled(), true);
    await shot('leave-collision');

    await drawer.getByText('批准并将这些订单退回派单池（通知调度重新派单）').click();
    await drawer.getByText('批准后 1 个订单将退回派单池，并通知调度与陪诊师').waitFor();
    await drawer.getByLabel('审批意见').fill('同意，订单重新派');
    await drawer.getByRole('button', { name: '批准请假' }).click();
    await drawer.getByText('（1 个订单已退回派单池）', { exact: false }).waitFor({ timeout: 20000 });
    await shot('leave-approved');

    const after = ok(await api.get(`/api/admin/leaves/${leave.id}`, { token: order.staff }), 'leave');
    assert.equal(after.status, 'approved');
    assert.equal(after.returnedOrders, 1);
    const back = ok(await api.get(`/api/admin/orders/${order.id}`, { token: order.staff }), 'order');
    assert.equal(back.status, 'pending_dispatch');
    assert.equal(back.escortId, null);
  },
};
