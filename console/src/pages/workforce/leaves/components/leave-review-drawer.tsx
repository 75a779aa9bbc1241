import { App, Alert, Button, Descriptions, Drawer, Input, Radio, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { LEAVE_STATUS } from '@/constants/workforce';
import AssignCandidatesModal from '@/pages/dispatch/components/assign-candidates-modal';
import { getAdminLeavesById, postAdminLeavesByIdApprove, postAdminLeavesByIdReject } from '@/services/generated';
import type { CollidingOrder, LeaveDetail } from '@/services/workforce-models';
import { ApiError, errorMessageOf } from '@/utils/api-error';
import { formatDateTime } from '@/utils/time';
import { approvalPlan, type CollisionChoice } from '../../leave-approval';

interface Props {
  leaveId: number | null;
  canDecide: boolean;
  canDispatch: boolean;
  onClose(): void;
  onChanged(): void;
}

/**
 * One leave request: every assigned order it collides with, reassigning them one by one or
 * sending them back to the pool with the approval, and approve / reject with a reason.
 */
export default function LeaveReviewDrawer({ leaveId, canDecide, canDispatch, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const [detail, setDetail] = useState<LeaveDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<CollisionChoice | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [reassigning, setReassigning] = useState<number | null>(null);

  const load = useCallback(async () => {
    if (leaveId === null) return;
    try {
      setDetail(await getAdminLeavesById<LeaveDetail>({ id: String(leaveId) }, { skipErrorHandler: true }));
      setError(null);
    } catch (e) {
      setError(errorMessageOf(e));
    }
  }, [leaveId]);

  useEffect(() => {
    setDetail(null);
    setChoice(null);
    setReason('');
    load();
  }, [load]);

  const plan = detail ? approvalPlan(detail.collisions, choice) : null;

  const decide = async (approve: boolean) => {
    if (!detail) return;
    if (!approve && reason.trim().length < 2) {
      message.warning('驳回请填写至少 2 个字的原因');
      return;
    }
    setBusy(true);
    try {
      if (approve) {
        await postAdminLeavesByIdApprove(
          { id: String(detail.id) },
          { returnToPool: plan?.canApprove ? plan.returnToPool : false, reason: reason.trim() },
          { skipErrorHandler: true },
        );
      } else {
        await postAdminLeavesByIdReject({ id: String(detail.id) }, { reason: reason.trim() }, { skipErrorHandler: true });
      }
      message.success(approve ? '已批准请假' : '已驳回请假');
      onChanged();
      load();
    } catch (e) {
      message.error(errorMessageOf(e));
      // An order assigned meanwhile changes the collisions: show the fresh list.
      if (e instanceof ApiError && e.status === 409) load();
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<CollidingOrder> = [
    { title: '订单号', dataIndex: 'orderNo', width: 190 },
    {
      title: '服务时间',
      key: 'time',
      width: 170,
      render: (_, o) => `${formatDateTime(o.startAt, 'MM-DD HH:mm')}–${formatDateTime(o.endAt, 'HH:mm')}`,
    },
    { title: '服务', dataIndex: 'serviceName' },
    { title: '状态', dataIndex: 'statusLabel', width: 90 },
    {
      title: '可退回派单池',
      dataIndex: 'canReturnToPool',
      width: 110,
      render: (_, o) => (o.canReturnToPool ? <Tag color="green">可以</Tag> : <Tag color="red">不可</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, o) =>
        canDispatch ? (
          <Button type="link" size="small" onClick={() => setReassigning(o.id)}>
            改派
          </Button>
        ) : null,
    },
  ];

  const pending = detail?.status === 'pending';
  return (
    <Drawer title={detail ? `请假 · ${detail.escortName}` : '请假'} width={860} open={leaveId !== null} onClose={onClose} destroyOnHidden>
      {error && <Result status="warning" title="请假加载失败" subTitle={error} />}
      {!error && !detail && <Skeleton active />}
      {detail && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="陪诊师">{detail.escortName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={LEAVE_STATUS[detail.status].color}>{detail.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="类型">{detail.typeLabel}</Descriptions.Item>
            <Descriptions.Item label="来源">{detail.source === 'staff' ? `运营代录（${detail.createdByName}）` : '陪诊师申请'}</Descriptions.Item>
            <Descriptions.Item label="时间" span={2}>
              {formatDateTime(detail.startAt, 'YYYY-MM-DD HH:mm')} 至 {formatDateTime(detail.endAt, 'YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label="原因" span={2}>
              {detail.reason}
            </Descriptions.Item>
            {!pending && (
              <Descriptions.Item label="审批" span={2}>
                {detail.decidedByName} {formatDateTime(detail.decidedAt, 'YYYY-MM-DD HH:mm')}
                {detail.decisionReason ? `：${detail.decisionReason}` : ''}
                {detail.returnedOrders > 0 ? `（${detail.returnedOrders} 个订单已退回派单池）` : ''}
              </Descriptions.Item>
            )}
          </Descriptions>
          {pending && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                冲突的已派订单（{detail.collisions.length}）
              </Typography.Title>
              <Table<CollidingOrder>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={detail.collisions}
                pagination={false}
                locale={{ emptyText: '请假时段内没有已派订单' }}
                data-testid="leave-collisions"
              />
              {detail.collisions.length > 0 && (
                <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)}>
                  <Space direction="vertical">
                    <Radio value="reassign">先逐个改派给其他陪诊师（改派后再批准）</Radio>
                    <Radio value="return_to_pool">批准并将这些订单退回派单池（通知调度重新派单）</Radio>
                  </Space>
                </Radio.Group>
              )}
              {plan && <Alert type={plan.canApprove ? 'info' : 'warning'} showIcon message={plan.note} />}
              {canDecide && (
                <>
                  <Input.TextArea
                    aria-label="审批意见"
                    placeholder="审批意见（驳回时必填，会通知陪诊师）"
                    value={reason}
                    maxLength={255}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <Space>
                    <Button type="primary" disabled={!plan?.canApprove} loading={busy} onClick={() => decide(true)}>
                      批准请假
                    </Button>
                    <Button danger loading={busy} onClick={() => decide(false)}>
                      驳回
                    </Button>
                  </Space>
                </>
              )}
            </>
          )}
        </Space>
      )}
      <AssignCandidatesModal
        orderId={reassigning}
        onClose={() => setReassigning(null)}
        onDone={(text) => {
          setReassigning(null);
          message.success(text);
          load();
        }}
      />
    </Drawer>
  );
}
