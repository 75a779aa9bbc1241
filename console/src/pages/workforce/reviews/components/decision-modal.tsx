import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { ApiError } from '@/utils/api-error';

interface Props {
  /** What is being decided, e.g. 入驻申请 · 张三; null keeps the modal closed. */
  subject: string | null;
  approve: boolean;
  onClose(): void;
  /** Sends the decision; resolves when the backend accepted it. */
  decide(reason: string): Promise<unknown>;
  onDone(message: string): void;
}

/** 通过 / 驳回 with a reason: required for a rejection (the escort is told it), optional for approval. */
export default function DecisionModal({ subject, approve, onClose, decide, onDone }: Props) {
  const verb = approve ? '通过' : '驳回';
  return (
    <ModalForm<{ reason: string }>
      name={approve ? 'approveForm' : 'rejectForm'}
      title={subject ? `${verb}：${subject}` : verb}
      open={subject !== null}
      onOpenChange={(open) => !open && onClose()}
      width={480}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{
        searchConfig: { submitText: `确认${verb}`, resetText: '返回' },
        submitButtonProps: { danger: !approve },
      }}
      onFinish={async ({ reason }) => {
        try {
          await decide((reason ?? '').trim());
        } catch (e) {
          if (e instanceof ApiError) return false;
          throw e;
        }
        onDone(`已${verb}`);
        return true;
      }}
    >
      <ProFormTextArea
        name="reason"
        label={approve ? '审核意见（选填）' : '驳回原因'}
        placeholder={approve ? '可留空' : '如：健康证照片模糊，请重新上传（会通知陪诊师）'}
        rules={approve ? [] : [{ required: true, message: '请填写驳回原因' }, { min: 2, message: '至少 2 个字' }]}
        fieldProps={{ maxLength: 255, showCount: true }}
      />
    </ModalForm>
  );
}
