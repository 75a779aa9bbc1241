/**
 * 消息 in the header: the unread count (polled every minute), the latest messages in a popover,
 * 全部已读, and a click that marks one read and opens its order's drawer on 订单列表.
 */
import { BellOutlined } from '@ant-design/icons';
import { history, useAccess } from '@umijs/max';
import { Badge, Button, Empty, List, Popover, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useInterval } from '@/hooks/use-interval';
import {
  getAdminNotifications,
  getAdminNotificationsUnreadCount,
  postAdminNotificationsByIdRead,
  postAdminNotificationsReadAll,
} from '@/services/generated';
import type { InboxNotification, InboxPage, UnreadCount } from '@/services/models';
import { ApiError, errorMessageOf } from '@/utils/api-error';
import { formatDateTime } from '@/utils/time';

const POLL_MS = 60_000;
const LIST_SIZE = 10;

/** Where clicking a message leads: its order's drawer, when there is one and the user may see orders. */
export function notificationTarget(n: Pick<InboxNotification, 'orderId'>, canReadOrders: boolean): string | null {
  return n.orderId && canReadOrders ? `/orders/list?orderId=${n.orderId}` : null;
}

export default function NotificationBell() {
  const access = useAccess();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<InboxNotification[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Background polls stay quiet: a toast every minute while offline helps nobody.
  const refreshCount = useCallback(async () => {
    try {
      const result = await getAdminNotificationsUnreadCount<UnreadCount>({ skipErrorHandler: true });
      setUnread(result.unread);
    } catch (e) {
      setError(errorMessageOf(e));
    }
  }, []);

  const loadList = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await getAdminNotifications<InboxPage>({ page: 1, pageSize: LIST_SIZE }, { skipErrorHandler: true });
      setItems(page.list);
      setUnread(page.unread);
    } catch (e) {
      setError(errorMessageOf(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refreshCount();
  }, [refreshCount]);
  useInterval(refreshCount, POLL_MS);

  const markAllRead = async () => {
    try {
      await postAdminNotificationsReadAll();
    } catch (e) {
      // The request layer showed the backend's message.
      if (e instanceof ApiError) return;
      throw e;
    }
    setItems((list) => list.map((n) => ({ ...n, read: true })));
    setUnread(0);
  };

  const openItem = async (n: InboxNotification) => {
    if (!n.read) {
      try {
        await postAdminNotificationsByIdRead({ id: String(n.id) });
      } catch (e) {
        if (e instanceof ApiError) return;
        throw e;
      }
      setItems((list) => list.map((m) => (m.id === n.id ? { ...m, read: true } : m)));
      setUnread((count) => Math.max(0, count - 1));
    }
    const target = notificationTarget(n, Boolean(access.canReadOrders));
    if (target) {
      setOpen(false);
      history.push(target);
    }
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      <Spin spinning={loading}>
        {error && !items.length ? (
          <Typography.Text type="danger">{error}</Typography.Text>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
        ) : (
          <List
            size="small"
            dataSource={items}
            style={{ maxHeight: 420, overflow: 'auto' }}
            renderItem={(n) => (
              <List.Item key={n.id} onClick={() => openItem(n)} style={{ cursor: 'pointer', opacity: n.read ? 0.6 : 1 }}>
                <List.Item.Meta
                  title={
                    <Space size={6}>
                      <Badge status={n.read ? 'default' : 'processing'} />
                      {n.title}
                    </Space>
                  }
                  description={
                    <>
                      <div>{n.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt, 'MM-DD HH:mm')}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Spin>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) loadList();
      }}
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>消息</span>
          <Button type="link" size="small" disabled={unread === 0} onClick={markAllRead}>
            全部已读
          </Button>
        </Space>
      }
      content={content}
    >
      <span style={{ padding: '0 12px', cursor: 'pointer', display: 'inline-flex' }} data-testid="notification-bell" aria-label="消息">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </span>
    </Popover>
  );
}
