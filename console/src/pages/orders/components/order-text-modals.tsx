import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { postAdminOrdersByIdComplete, postAdminOrdersByIdNotes } from '@/services/generated';
import type { OrderDetail } from '@/services/models';
import { ApiError } from '@/utils/api-error';

interface Props {
  order: OrderDetail;
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

/** 人工完成: when the verification code is locked or the escort cannot finish in the app. */
export function CompleteOrderModal({ order, open, onOpenChange, onDone }: Props) {
  return (
    <ModalForm<{ reason: string }>
      name="completeOrderForm"
      title={`人工完成 ${order.orderNo}`}
      submitter={{ searchConfig: { submitText: '确认完成', resetText: '返回' } }}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={(values) =>
        submit(
          () => postAdminOrdersByIdComplete({ id: String(order.id) }, { reason: values.reason.trim() }),
          () => onDone('订单已完成'),
        )
      }
    >
      <ProFormTextArea
        name="reason"
        label="原因"
        placeholder="如：核销码已锁定，已电话确认客户服务完成"
        fieldProps={{ maxLength: 255, showCount: true }}
        rules={[
          { required: true, whitespace: true, message: '请填写人工完成的原因' },
          { min: 2, message: '原因至少 2 个字' },
        ]}
      />
    </ModalForm>
  );
}

/** Staff notes stay inside the console; customers and escorts never see them. */
export function AddNoteModal({ order, open, onOpenChange, onDone }: Props) {
  return (
    <ModalForm<{ content: string }>
      name="addNoteForm"
      title={`添加备注 ${order.orderNo}`}
      submitter={{ searchConfig: { submitText: '保存备注', resetText: '返回' } }}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={(values) =>
        submit(
          () => postAdminOrdersByIdNotes({ id: String(order.id) }, { content: values.content.trim() }),
          () => onDone('备注已添加'),
        )
      }
    >
      <ProFormTextArea
        name="content"
        label="备注"
        placeholder="仅员工可见"
        fieldProps={{ maxLength: 1000, showCount: true, rows: 4 }}
        rules={[{ required: true, whitespace: true, message: '请填写备注内容' }]}
      />
    </ModalForm>
  );
}
