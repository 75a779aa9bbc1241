import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Input } from 'antd';
import { useRef, useState } from 'react';
import { toValueEnum } from '@/constants/enums';
import { LEAVE_STATUS, LEAVE_TYPE } from '@/constants/workforce';
import { getAdminLeaves, postAdminLeavesByIdRevoke } from '@/services/generated';
import type { Page } from '@/services/models';
import type { Leave } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import LeaveReviewDrawer from './components/leave-review-drawer';
import StaffLeaveModal from './components/staff-leave-modal';

/** 请假审批: leave requests (pending first by default), each opened to see its collisions and decide. */
export default function LeavesPage() {
  const access = useAccess();
  const { message, modal } = App.useApp();
  const ref = useRef<ActionType>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  const revoke = (l: Leave) => {
    let reason = '';
    modal.confirm({
      title: `撤销 ${l.escortName} 的请假？`,
      content: <Input.TextArea aria-label="撤销原因" placeholder="撤销原因（必填）" onChange={(e) => (reason = e.target.value)} />,
      okText: '撤销请假',
      okButtonProps: { danger: true },
      onOk: async () => {
        if (reason.trim().length < 2) {
          message.warning('请填写至少 2 个字的原因后再撤销');
          return;
        }
        try {
          await postAdminLeavesByIdRevoke({ id: String(l.id) }, { reason: reason.trim() }, { skipErrorHandler: true });
          message.success('已撤销，陪诊师时间已释放');
          ref.current?.reload();
        } catch (e) {
          message.error(errorMessageOf(e));
        }
      },
    });
  };

  const columns: ProColumns<Leave>[] = [
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: toValueEnum(LEAVE_STATUS), initialValue: 'pending', width: 90 },
    { title: '陪诊师', dataIndex: 'escortName', search: false, width: 100 },
    { title: '类型', dataIndex: 'type', search: false, width: 70, valueEnum: toValueEnum(LEAVE_TYPE) },
    {
      title: '时间',
      key: 'range',
      search: false,
      width: 260,
      render: (_, l) => `${formatDateTime(l.startAt, 'MM-DD HH:mm')} 至 ${formatDateTime(l.endAt, 'MM-DD HH:mm')}`,
    },
    { title: '原因', dataIndex: 'reason', search: false, ellipsis: true },
    { title: '来源', dataIndex: 'source', search: false, width: 90, render: (_, l) => (l.source === 'staff' ? '运营代录' : '陪诊师') },
    { title: '审批人', dataIndex: 'decidedByName', search: false, width: 90, render: (_, l) => l.decidedByName || '-' },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_, l) => [
        <a key="open" onClick={() => setOpenId(l.id)}>
          {l.status === 'pending' && access.canWriteLeaves ? '审批' : '查看'}
        </a>,
        access.canWriteLeaves && (l.status === 'approved' || l.status === 'pending') ? (
          <a key="revoke" onClick={() => revoke(l)}>
            撤销
          </a>
        ) : null,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<Leave>
        headerTitle="请假"
        actionRef={ref}
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        request={(params) => toProTableResult(getAdminLeaves<Page<Leave>>(toPageQuery(params)))}
        toolBarRender={() =>
          access.canWriteLeaves
            ? [
                <Button key="new" type="primary" onClick={() => setCreating(true)}>
                  代录请假
                </Button>,
              ]
            : []
        }
      />
      <LeaveReviewDrawer
        leaveId={openId}
        canDecide={Boolean(access.canWriteLeaves)}
        canDispatch={Boolean(access.canDispatchOrders)}
        onClose={() => setOpenId(null)}
        onChanged={() => ref.current?.reload()}
      />
      <StaffLeaveModal
        open={creating}
        onOpenChange={setCreating}
        onDone={() => {
          message.success('已录入，待审批');
          ref.current?.reload();
        }}
      />
    </PageContainer>
  );
}
