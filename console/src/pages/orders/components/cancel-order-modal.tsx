import { ModalForm, ProFormCheckbox, ProFormDependency, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Descriptions, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { getAdminOrdersByIdCancelPreview, postAdminOrdersByIdCancel } from '@/services/generated';
import type { CancelPreview, OrderDetail } from '@/services/models';
import { ApiError, errorMessageOf } from '@/utils/api-error';
import { formatBp } from '@/utils/basis-points';
import { formatFen } from '@/utils/money';

interface Props {
  order: OrderDetail;
  open: boolean;
  onOpenChange(open: boolean): void;
  onDone(message: string): void;
}

interface CancelValues {
  reason: string;
  waivePenalty?: boolean;
}

/** What cancelling costs, from the backend's preview, with the penalty waived when ticked. */
export function CancelCharges({ preview, waive }: { preview: CancelPreview; waive: boolean }) {
  const penaltyFen = waive ? 0 : preview.penaltyFen;
  const refundFen = waive ? preview.paidFen : preview.refundFen;
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label="已支付">{formatFen(preview.paidFen)}</Descriptions.Item>
      <Descriptions.Item label="违约金">
        {formatFen(penaltyFen)}
        {waive ? '（已免除）' : `（开始前 ${preview.hoursBefore} 小时档，${formatBp(preview.penaltyBp)}）`}
      </Descriptions.Item>
      <Descriptions.Item label="退款金额">{formatFen(refundFen)}</Descriptions.Item>
    </Descriptions>
  );
}

export default function CancelOrderModal({ order, open, onOpenChange, onDone }: Props) {
  const [preview, setPreview] = useState<CancelPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const unpaid = order.status === 'pending_payment';

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    setPreview(null);
    setPreviewError(null);
    getAdminOrdersByIdCancelPreview<CancelPreview>({ id: String(order.id) }, { skipErrorHandler: true })
      .then((p) => {
        if (live) setPreview(p);
      })
      .catch((e) => {
        if (live) setPreviewError(errorMessageOf(e));
      });
    return () => {
      live = false;
    };
  }, [open, order.id]);

  return (
    <ModalForm<CancelValues>
      name="cancelOrderForm"
      title={`取消订单 ${order.orderNo}`}
      open={open}
      onOpenChange={onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '确认取消', resetText: '返回' }, submitButtonProps: { danger: true } }}
      onFinish={async (values) => {
        try {
          await postAdminOrdersByIdCancel(
            { id: String(order.id) },
            { reason: values.reason.trim(), waivePenalty: Boolean(values.waivePenalty) },
          );
        } catch (e) {
          // The request layer showed the backend's message; keep the form open.
          if (e instanceof ApiError) return false;
          throw e;
        }
        onDone('订单已取消');
        return true;
      }}
    >
      {previewError && <Alert type="error" showIcon message={`无法计算违约金：${previewError}`} style={{ marginBottom: 16 }} />}
      {!previewError && !preview && <Skeleton active paragraph={{ rows: 2 }} />}
      {preview && unpaid && (
        <Alert type="info" showIcon message="订单尚未支付，取消后直接关闭，不产生违约金。" style={{ marginBottom: 16 }} />
      )}
      {preview && !unpaid && (
        <ProFormDependency name={['waivePenalty']}>
          {({ waivePenalty }) => <CancelCharges preview={preview} waive={Boolean(waivePenalty)} />}
        </ProFormDependency>
      )}
      <ProFormTextArea
        name="reason"
        label="取消原因"
        placeholder="请填写取消原因（客户可见）"
        fieldProps={{ maxLength: 255, showCount: true }}
        rules={[
          { required: true, whitespace: true, message: '请填写取消原因' },
          { min: 2, message: '取消原因至少 2 个字' },
        ]}
      />
      {!unpaid && preview && preview.penaltyFen > 0 && (
        <ProFormCheckbox name="waivePenalty">免除违约金（如平台原因）</ProFormCheckbox>
      )}
    </ModalForm>
  );
}
