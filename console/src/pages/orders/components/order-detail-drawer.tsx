/**
 * The order drawer shared by 订单列表, 今日看板 and the notification bell: loads the detail, shows
 * it, and offers the actions the backend allows and the user's permissions cover. After an action
 * it reloads itself and tells the opener (which reloads its table or board).
 */
import { useAccess } from '@umijs/max';
import { App, Button, Drawer, Result, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getAdminOrdersById } from '@/services/generated';
import type { OrderDetail } from '@/services/models';
import { errorMessageOf } from '@/utils/api-error';
import AssignCandidatesModal from '@/pages/dispatch/components/assign-candidates-modal';
import { ORDER_BUTTON_LABEL, canRedispatch, orderButtons, type OrderButton } from '../order-actions';
import CancelOrderModal from './cancel-order-modal';
import OrderDetailSections from './order-detail-sections';
import OrderMoneySection from './order-money-section';
import OrderStatusTag from './order-status-tag';
import { AddNoteModal, CompleteOrderModal } from './order-text-modals';
import RescheduleOrderModal from './reschedule-order-modal';

interface Props {
  /** The order to show; null closes the drawer. */
  orderId: number | null;
  onClose(): void;
  /** Called after an action changed the order. */
  onChanged?(): void;
}

export default function OrderDetailDrawer({ orderId, onClose, onChanged }: Props) {
  const access = useAccess();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OrderButton | null>(null);
  // Only the answer to the latest request counts when orders are clicked in quick succession.
  const latest = useRef(0);

  const load = useCallback(async (id: number) => {
    const ticket = ++latest.current;
    setLoadError(null);
    try {
      const order = await getAdminOrdersById<OrderDetail>({ id: String(id) }, { skipErrorHandler: true });
      if (ticket === latest.current) setDetail(order);
    } catch (e) {
      if (ticket === latest.current) setLoadError(errorMessageOf(e));
    }
  }, []);

  useEffect(() => {
    setDialog(null);
    setDetail(null);
    if (orderId !== null) load(orderId);
  }, [orderId, load]);

  const onDone = (text: string) => {
    message.success(text);
    setDialog(null);
    if (orderId !== null) load(orderId);
    onChanged?.();
  };

  const flags = { canWriteOrders: Boolean(access.canWriteOrders), canDispatchOrders: Boolean(access.canDispatchOrders) };
  const buttons = detail ? orderButtons(detail, flags) : [];
  const modalProps = (button: OrderButton) => ({
    open: dialog === button,
    onOpenChange: (open: boolean) => setDialog(open ? button : null),
    onDone,
  });

  const current = detail && detail.id === orderId ? detail : null;

  return (
    <Drawer
      title={
        current ? (
          <Space>
            {`订单 ${current.orderNo}`}
            <OrderStatusTag status={current.status} />
          </Space>
        ) : (
          '订单详情'
        )
      }
      width={760}
      open={orderId !== null}
      onClose={onClose}
      destroyOnHidden
    >
      {loadError && (
        <Result
          status="warning"
          title="订单加载失败"
          subTitle={loadError}
          extra={
            <Button type="primary" onClick={() => orderId !== null && load(orderId)}>
              重试
            </Button>
          }
        />
      )}
      {!loadError && !current && <Skeleton active paragraph={{ rows: 8 }} />}
      {!loadError && current && (
        <>
          {buttons.length > 0 && (
            <Space wrap style={{ marginBottom: 16 }} data-testid="order-actions">
              {buttons.map((b) => (
                <Button
                  key={b}
                  type={b === 'assign' || b === 'reassign' ? 'primary' : 'default'}
                  danger={b === 'cancel'}
                  onClick={() => setDialog(b)}
                >
                  {ORDER_BUTTON_LABEL[b]}
                </Button>
              ))}
            </Space>
          )}
          <OrderDetailSections order={current} />
          {access.canReadPayments && <OrderMoneySection orderId={current.id} />}
          {buttons.includes('cancel') && <CancelOrderModal order={current} {...modalProps('cancel')} />}
          {buttons.includes('reschedule') && (
            <RescheduleOrderModal
              order={current}
              allowRedispatch={canRedispatch(current.availableActions, flags)}
              {...modalProps('reschedule')}
            />
          )}
          {(buttons.includes('assign') || buttons.includes('reassign')) && (
            // Ranked candidates with the reason the API requires, the same dialog as the dispatch pool's.
            <AssignCandidatesModal
              orderId={dialog === 'assign' || dialog === 'reassign' ? current.id : null}
              onClose={() => setDialog(null)}
              onDone={onDone}
            />
          )}
          {buttons.includes('complete') && <CompleteOrderModal order={current} {...modalProps('complete')} />}
          {buttons.includes('note') && <AddNoteModal order={current} {...modalProps('note')} />}
        </>
      )}
    </Drawer>
  );
}
