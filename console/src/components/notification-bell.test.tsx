import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { history } from '@umijs/max';
import { App } from 'antd';
import {
  getAdminNotifications,
  getAdminNotificationsUnreadCount,
  postAdminNotificationsByIdRead,
  postAdminNotificationsReadAll,
} from '@/services/generated';
import NotificationBell, { notificationTarget } from './notification-bell';

let mockAccess: Record<string, boolean> = { canReadOrders: true };

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
  history: { push: jest.fn() },
}));

jest.mock('@/services/generated', () => ({
  getAdminNotifications: jest.fn(),
  getAdminNotificationsUnreadCount: jest.fn(),
  postAdminNotificationsByIdRead: jest.fn(),
  postAdminNotificationsReadAll: jest.fn(),
}));

const inbox = [
  { id: 7, event: 'escort_declined', title: '陪诊师拒单', body: '李陪诊 拒绝了订单 PZ1', orderId: 42, read: false, readAt: null, createdAt: '2026-11-24T01:00:00.000Z' },
  { id: 6, event: 'order_paid', title: '系统公告', body: '没有订单的消息', orderId: null, read: true, readAt: '2026-11-24T00:00:00.000Z', createdAt: '2026-11-24T00:00:00.000Z' },
];

async function openBell() {
  render(
    <App>
      <NotificationBell />
    </App>,
  );
  await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveTextContent('3'));
  fireEvent.click(screen.getByTestId('notification-bell'));
  await screen.findByText('陪诊师拒单');
}

describe('notification bell', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    mockAccess = { canReadOrders: true };
    jest.mocked(getAdminNotificationsUnreadCount).mockResolvedValue({ unread: 3 } as never);
    jest.mocked(getAdminNotifications).mockResolvedValue({ list: inbox, total: 2, page: 1, pageSize: 10, unread: 3 } as never);
    jest.mocked(postAdminNotificationsByIdRead).mockResolvedValue({ id: 7, readAt: '2026-11-24T02:00:00.000Z' } as never);
    jest.mocked(postAdminNotificationsReadAll).mockResolvedValue({ updated: 3 } as never);
  });

  it('shows the unread count and the latest messages', async () => {
    await openBell();
    expect(getAdminNotifications).toHaveBeenCalledWith({ page: 1, pageSize: 10 }, { skipErrorHandler: true });
    expect(screen.getByText('李陪诊 拒绝了订单 PZ1')).toBeInTheDocument();
    expect(screen.getByText('11-24 09:00')).toBeInTheDocument();
  });

  it("marks a message read and opens its order's drawer on the order list", async () => {
    await openBell();
    fireEvent.click(screen.getByText('陪诊师拒单'));
    await waitFor(() => expect(postAdminNotificationsByIdRead).toHaveBeenCalledWith({ id: '7' }));
    await waitFor(() => expect(history.push).toHaveBeenCalledWith('/orders/list?orderId=42'));
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveTextContent('2'));
  });

  it('marks everything read at once', async () => {
    await openBell();
    fireEvent.click(screen.getByText('全部已读').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminNotificationsReadAll).toHaveBeenCalled());
    await waitFor(() => expect(screen.getByTestId('notification-bell')).not.toHaveTextContent('3'));
  });
});

describe('notificationTarget', () => {
  it('leads to the order drawer only for an order message and a user who may read orders', () => {
    expect(notificationTarget({ orderId: 42 }, true)).toBe('/orders/list?orderId=42');
    expect(notificationTarget({ orderId: 42 }, false)).toBeNull();
    expect(notificationTarget({ orderId: null }, true)).toBeNull();
  });
});
