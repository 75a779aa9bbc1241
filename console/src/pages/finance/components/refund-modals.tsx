import { ModalForm, ProFormDigit, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { postAdminOrdersByIdRefunds, postAdminRefundsByIdReject } from '@/services/generated';
import type { AdminRefund } from '../finance-types';
import { ApiError } from '@/utils/api-error';
import { parseRefundYuan } from '../refund-actions';

interface ModalProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  onDone(message: string): void;
}

/** Runs one request, keeping the form open when the backend refused (its message is already shown). */
async function submit(request: () => Promise<unknown>, onDone: () => void): Promise<boolean> {
  try {
    await request();
  } catch (e) {
    if (e instanceof ApiError) return false;
    throw e;
  }
  onDone();
  return true;
}

interface CreateRefundValues {
  orderId: number;
  amountYuan: string;
  reason: string;
}

/**
 * 发起退款: the amount is typed in yuan and sent in fen, parsed from the text without floats. The
 * backend checks it against what the order's payment can still give back (REFUND_EXCEEDS_PAID).
 */
export function CreateRefundModal({ open, onOpenChange, onDone, orderId }: ModalProps & { orderId?: number }) {
  return (
    <ModalForm<CreateRefundValues>
      name="createRefundForm"
      title="发起退款"
      submitter={{ searchConfig: { submitText: '提交退款申请', resetText: '返回' } }}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      initialValues={orderId ? { orderId } : undefined}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={(values) => {
        const amount = parseRefundYuan(values.amountYuan);
        if ('error' in amount) return Promise.resolve(false);
        return submit(
          () => postAdminOrdersByIdRefunds({ id: String(values.orderId) }, { amountFen: amount.fen, reason: values.reason.trim() }),
          () => onDone('退款申请已提交，等待审批'),
        );
      }}
    >
      <ProFormDigit
        name="orderId"
        label="订单 ID"
        disabled={Boolean(orderId)}
        fieldProps={{ precision: 0, min: 1 }}
        rules={[{ required: true, message: '请填写订单 ID' }]}
      />
      <ProFormText
        name="amountYuan"
        label="退款金额（元）"
        placeholder="如 199.50"
        fieldProps={{ prefix: '¥', inputMode: 'decimal' }}
        rules={[
          {
            validator: (_rule: unknown, value: string | undefined) => {
              const amount = parseRefundYuan(value);
              return 'error' in amount ? Promise.reject(new Error(amount.error)) : Promise.resolve();
            },
          },
        ]}
      />
      <ProFormTextArea
        name="reason"
        label="退款原因"
        placeholder="客户可见，如：服务未完成，部分退款"
        fieldProps={{ maxLength: 80, showCount: true }}
        rules={[{ required: true, whitespace: true, message: '请填写退款原因' }]}
      />
    </ModalForm>
  );
}

/** 驳回: the reason is recorded with the refund. */
export function RejectRefundModal({ refund, open, onOpenChange, onDone }: ModalProps & { refund: AdminRefund }) {
  return (
    <ModalForm<{ reason: string }>
      name="rejectRefundForm"
      title={`驳回退款 ${refund.outRefundNo}`}
      submitter={{ searchConfig: { submitText: '确认驳回', resetText: '返回' }, submitButtonProps: { danger: true } }}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={(values) =>
        submit(
          () => postAdminRefundsByIdReject({ id: String(refund.id) }, { reason: values.reason.trim() }),
          () => onDone('退款已驳回'),
        )
      }
    >
      <ProFormTextArea
        name="reason"
        label="驳回原因"
        fieldProps={{ maxLength: 255, showCount: true }}
        rules={[{ required: true, whitespace: true, message: '请填写驳回原因' }]}
      />
    </ModalForm>
  );
}
