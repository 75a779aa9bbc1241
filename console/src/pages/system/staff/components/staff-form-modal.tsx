import { ModalForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { App } from 'antd';
import { postAdminStaffUsers, putAdminStaffUsersById } from '@/services/generated';
import type { City, Role, StaffUser } from '@/services/models';
import { cityOptions } from '@/hooks/use-reference-data';
import { STAFF_ROLE, enumLabel } from '@/constants/enums';
import { ApiError } from '@/utils/api-error';

export const PASSWORD_RULES = [
  { required: true, message: '请输入密码' },
  { min: 8, max: 64, message: '密码长度为 8–64 位' },
];

interface StaffFormValues {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  cityIds: number[];
}

interface Props {
  /** The user being edited, or null to create one. */
  staff: StaffUser | null;
  open: boolean;
  roles: Role[];
  cities: City[];
  onOpenChange(open: boolean): void;
  onSaved(): void;
}

/** Create a staff account, or change an existing one's name, roles and cities. */
export default function StaffFormModal({ staff, open, roles, cities, onOpenChange, onSaved }: Props) {
  const { message } = App.useApp();
  const creating = staff === null;
  const roleOptions = roles.map((r) => ({ label: r.name || enumLabel(STAFF_ROLE, r.code), value: r.code }));

  const onFinish = async (values: StaffFormValues) => {
    const cityIds = values.cityIds ?? [];
    try {
      if (creating) {
        await postAdminStaffUsers({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          roles: values.roles,
          cityIds,
        });
        message.success('员工账号已创建');
      } else {
        await putAdminStaffUsersById(
          { id: String(staff.id) },
          { displayName: values.displayName.trim(), roles: values.roles, cityIds },
        );
        message.success('员工信息已更新');
      }
      onSaved();
      return true;
    } catch (e) {
      // The request layer has shown the message (e.g. 用户名已存在); keep the form open to fix it.
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  };

  return (
    <ModalForm<StaffFormValues>
      name="staffForm"
      title={creating ? '新建员工' : `编辑员工：${staff.username}`}
      open={open}
      onOpenChange={onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={
        creating
          ? { roles: [], cityIds: [] }
          : { displayName: staff.displayName, roles: staff.roles, cityIds: staff.cityIds }
      }
      onFinish={onFinish}
    >
      {creating && (
        <ProFormText
          name="username"
          label="用户名"
          placeholder="字母开头，3–32 位字母、数字或下划线"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z][a-zA-Z0-9_]{2,31}$/, message: '用户名为 3–32 位字母、数字或下划线，以字母开头' },
          ]}
        />
      )}
      <ProFormText
        name="displayName"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请输入姓名' },
          { max: 32, message: '姓名最多 32 个字' },
        ]}
      />
      {creating && <ProFormText.Password name="password" label="初始密码" rules={PASSWORD_RULES} />}
      <ProFormSelect
        name="roles"
        label="角色"
        mode="multiple"
        options={roleOptions}
        rules={[{ required: true, message: '至少选择一个角色' }]}
      />
      <ProFormSelect
        name="cityIds"
        label="负责城市"
        mode="multiple"
        options={cityOptions(cities)}
        extra="管理员可查看全部城市，无需选择"
      />
    </ModalForm>
  );
}
