import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { postAdminOrdersByIdReturnToPool } from '@/services/generated';
import { ApiError } from '@/utils/api-error';

interface Props {
  order: { id: number; orderNo: string } | null;
  onClose(): void;
  onDone(message: string): void;
}

/** 退回派单池: releases the escort's time; the escort and the dispatchers are told why. */
export default function ReturnToPoolModal({ order, onClose, onDone }: Props) {
  return (
    <ModalForm<{ reason: string }>
      name="returnToPoolForm"
      title={order ? `退回派单池 ${order.orderNo}` : '退回派单池'}
      open={order !== null}
      onOpenChange={(open) => !open && onClose()}
      width={480}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '确认退回', resetText: '返回' } }}
      onFinish={async ({ reason }) => {
        if (!order) return false;
        try {
          await postAdminOrdersByIdReturnToPool({ id: String(order.id) }, { reason: reason.trim() });
        } catch (e) {
          if (e instanceof ApiError) return false;
          throw e;
        }
        onDone('已退回派单池');
        return true;
      }}
    >
      <ProFormTextArea
        name="reason"
        label="原因"
        placeholder="如：陪诊师临时生病（会通知陪诊师与调度）"
        rules={[
          { required: true, message: '请填写原因' },
          { min: 2, message: '至少 2 个字' },
        ]}
        fieldProps={{ maxLength: 200, showCount: true }}
      />
    </ModalForm>
  );
}
