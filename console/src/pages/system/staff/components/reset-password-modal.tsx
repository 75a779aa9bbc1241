import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { App } from 'antd';
import { postAdminStaffUsersByIdResetPassword } from '@/services/generated';
import type { StaffUser } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { PASSWORD_RULES } from './staff-form-modal';

interface Props {
  staff: StaffUser | null;
  onClose(): void;
}

export default function ResetPasswordModal({ staff, onClose }: Props) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ newPassword: string; confirm: string }>
      name="resetPasswordForm"
      title={staff ? `重置密码：${staff.username}` : '重置密码'}
      open={staff !== null}
      width={420}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      onFinish={async (values) => {
        if (!staff) return true;
        try {
          await postAdminStaffUsersByIdResetPassword({ id: String(staff.id) }, { newPassword: values.newPassword });
          message.success('密码已重置，请将新密码告知本人');
          onClose();
          return true;
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          return false;
        }
      }}
    >
      <ProFormText.Password name="newPassword" label="新密码" rules={PASSWORD_RULES} />
      <ProFormText.Password
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      />
    </ModalForm>
  );
}
