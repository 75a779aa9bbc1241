import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { REFUND_SOURCE, REFUND_STATUS, REFUND_STATUSES, type RefundStatus } from '@/constants/finance';
import { getAdminRefunds, postAdminRefundsByIdApprove, postAdminRefundsByIdRetry } from '@/services/generated';
import type { Page } from '@/services/models';
import { present, type AdminRefund } from '../finance-types';
import { ApiError } from '@/utils/api-error';
import { formatFen } from '@/utils/money';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import EnumTag from '../components/enum-tag';
import { CreateRefundModal, RejectRefundModal } from '../components/refund-modals';
import { REFUND_BUTTON_LABEL, refundButtons } from '../refund-actions';

type Tab = RefundStatus | 'all';

const CONFIRM_TEXT = {
  approve: '批准后将立即向支付渠道提交退款，确认批准？',
  retry: '将再次向支付渠道提交这笔退款，确认重试？',
} as const;

export default function RefundListPage() {
  const access = useAccess();
  const { message, modal } = App.useApp();
  const actionRef = useRef<ActionType>();
  // The refunds waiting for a person come first.
  const [tab, setTab] = useState<Tab>('awaiting_approval');
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<AdminRefund | null>(null);

  const flags = { canWriteRefunds: Boolean(access.canWriteRefunds), canApproveRefunds: Boolean(access.canApproveRefunds) };

  const onDone = (text: string) => {
    message.success(text);
    setCreating(false);
    setRejecting(null);
    actionRef.current?.reload();
  };

  const run = async (request: () => Promise<unknown>, text: string) => {
    try {
      await request();
    } catch (e) {
      // The request handler has already shown the backend's message.
      if (e instanceof ApiError) return;
      throw e;
    }
    onDone(text);
  };

  const columns: ProColumns<AdminRefund>[] = [
    { title: '退款单号', dataIndex: 'outRefundNo', width: 220, fixed: 'left' },
    { title: '订单号', dataIndex: 'orderNo', width: 180 },
    { title: '状态', dataIndex: 'status', width: 110, render: (_, row) => <EnumTag map={REFUND_STATUS} code={row.status} /> },
    { title: '金额', dataIndex: 'amountFen', align: 'right', width: 110, render: (_, row) => formatFen(row.amountFen) },
    { title: '原因', dataIndex: 'reason', ellipsis: true, width: 200 },
    { title: '申请人', dataIndex: 'requestedByName', width: 100 },
    { title: '来源', dataIndex: 'source', width: 100, render: (_, row) => <EnumTag map={REFUND_SOURCE} code={row.source} /> },
    { title: '申请时间', dataIndex: 'createdAt', width: 170, render: (_, row) => formatDateTime(row.createdAt) },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 140,
      render: (_, row) =>
        refundButtons(row, flags).map((button) =>
          button === 'reject' ? (
            <a key={button} onClick={() => setRejecting(row)}>
              {REFUND_BUTTON_LABEL.reject}
            </a>
          ) : (
            <a
              key={button}
              onClick={() =>
                modal.confirm({
                  title: CONFIRM_TEXT[button],
                  okText: `确认${REFUND_BUTTON_LABEL[button]}`,
                  // Resolves even when the backend refused: its message is shown and the dialog closes.
                  onOk: () =>
                    button === 'approve'
                      ? run(() => postAdminRefundsByIdApprove({ id: String(row.id) }, { reason: '' }), '退款已批准并提交渠道')
                      : run(() => postAdminRefundsByIdRetry({ id: String(row.id) }), '退款已重新提交'),
                })
              }
            >
              {REFUND_BUTTON_LABEL[button]}
            </a>
          ),
        ),
    },
  ];

  return (
    <PageContainer>
      <ProTable<AdminRefund, { status?: RefundStatus }>
        headerTitle="退款管理"
        rowKey="id"
        actionRef={actionRef}
        scroll={{ x: 1250 }}
        columns={columns}
        search={false}
        params={{ status: tab === 'all' ? undefined : tab }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminRefunds(toPageQuery(params)).then((page) => present<Page<AdminRefund>>(page)))}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: [
              ...REFUND_STATUSES.map((status) => ({ key: status, label: REFUND_STATUS[status].label })),
              { key: 'all', label: '全部' },
            ],
            onChange: (key) => setTab((key as Tab) ?? 'awaiting_approval'),
          },
        }}
        toolBarRender={() =>
          flags.canWriteRefunds
            ? [
                <Button key="create" type="primary" onClick={() => setCreating(true)}>
                  发起退款
                </Button>,
              ]
            : []
        }
      />
      {flags.canWriteRefunds && <CreateRefundModal open={creating} onOpenChange={setCreating} onDone={onDone} />}
      {rejecting && (
        <RejectRefundModal refund={rejecting} open onOpenChange={(open) => !open && setRejecting(null)} onDone={onDone} />
      )}
    </PageContainer>
  );
}
