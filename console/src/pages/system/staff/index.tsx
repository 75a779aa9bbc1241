import { PlusOutlined } from '@ant-design/icons';
import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { STAFF_ROLE, STAFF_STATUS, enumLabel, toValueEnum } from '@/constants/enums';
import { useCities, useRoles } from '@/hooks/use-reference-data';
import {
  getAdminStaffUsers,
  postAdminStaffUsersByIdDisable,
  postAdminStaffUsersByIdEnable,
  postAdminStaffUsersByIdUnlock,
} from '@/services/generated';
import type { Page, StaffUser } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import ResetPasswordModal from './components/reset-password-modal';
import StaffFormModal from './components/staff-form-modal';
import { isLocked } from './staff-status';

type RoleColor = { color: string };

export default function StaffPage() {
  const access = useAccess();
  const { message, modal } = App.useApp();
  const canWrite = access.canWriteStaff;
  const actionRef = useRef<ActionType>();
  const { data: cities } = useCities(access.canReadCities);
  const { data: roles } = useRoles(canWrite);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [resetting, setResetting] = useState<StaffUser | null>(null);

  const cityName = (id: number) => cities.find((c) => c.id === id)?.name ?? `#${id}`;

  const runAction = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
    } catch (e) {
      // ApiErrors were already shown by the request layer; anything else is a bug to surface.
      if (e instanceof ApiError) return;
      throw e;
    }
    message.success(done);
    actionRef.current?.reload();
  };

  const confirmAction = (title: string, content: string | undefined, action: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: () => runAction(action, done),
    });

  const columns: ProColumns<StaffUser>[] = [
    {
      title: '关键字',
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: '用户名或姓名' },
    },
    { title: '用户名', dataIndex: 'username', search: false, copyable: true },
    { title: '姓名', dataIndex: 'displayName', search: false },
    {
      title: '角色',
      dataIndex: 'roles',
      valueType: 'select',
      valueEnum: toValueEnum(STAFF_ROLE),
      search: { transform: (role: string) => ({ role }) },
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.roles.map((r) => (
            <Tag key={r} color={(STAFF_ROLE as Record<string, RoleColor>)[r]?.color}>
              {enumLabel(STAFF_ROLE, r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '负责城市',
      dataIndex: 'cityIds',
      search: false,
      render: (_, row) =>
        row.roles.includes('admin') ? (
          <Typography.Text type="secondary">全部城市</Typography.Text>
        ) : row.cityIds.length === 0 ? (
          '-'
        ) : (
          row.cityIds.map(cityName).join('、')
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: toValueEnum(STAFF_STATUS),
      render: (dom, row) => (
        <Space>
          {dom}
          {isLocked(row) && <Tag color="red">已锁定至 {formatDateTime(row.lockedUntil, 'MM-DD HH:mm')}</Tag>}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', search: false, render: (_, row) => formatDateTime(row.lastLoginAt) },
    { title: '创建时间', dataIndex: 'createdAt', search: false, render: (_, row) => formatDateTime(row.createdAt) },
    {
      title: '操作',
      valueType: 'option',
      hideInTable: !canWrite,
      width: 260,
      render: (_, row) => [
        <a
          key="edit"
          onClick={() => {
            setEditing(row);
            setFormOpen(true);
          }}
        >
          编辑
        </a>,
        row.status === 'active' ? (
          <a
            key="disable"
            onClick={() =>
              confirmAction(
                `停用 ${row.username}？`,
                '停用后该账号无法登录，已登录的会话随即失效。',
                () => postAdminStaffUsersByIdDisable({ id: String(row.id) }),
                '已停用',
              )
            }
          >
            停用
          </a>
        ) : (
          <a
            key="enable"
            onClick={() =>
              confirmAction(`启用 ${row.username}？`, undefined, () => postAdminStaffUsersByIdEnable({ id: String(row.id) }), '已启用')
            }
          >
            启用
          </a>
        ),
        isLocked(row) ? (
          <a
            key="unlock"
            onClick={() =>
              confirmAction(
                `解除 ${row.username} 的登录锁定？`,
                undefined,
                () => postAdminStaffUsersByIdUnlock({ id: String(row.id) }),
                '已解除锁定',
              )
            }
          >
            解锁
          </a>
        ) : null,
        <a key="reset" onClick={() => setResetting(row)}>
          重置密码
        </a>,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<StaffUser>
        headerTitle="员工账号"
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminStaffUsers<Page<StaffUser>>(toPageQuery(params)))}
        toolBarRender={() =>
          canWrite
            ? [
                <Button
                  key="create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    setEditing(null);
                    setFormOpen(true);
                  }}
                >
                  新建员工
                </Button>,
              ]
            : []
        }
      />
      {canWrite && (
        <>
          <StaffFormModal
            staff={editing}
            open={formOpen}
            roles={roles}
            cities={cities}
            onOpenChange={setFormOpen}
            onSaved={() => actionRef.current?.reload()}
          />
          <ResetPasswordModal staff={resetting} onClose={() => setResetting(null)} />
        </>
      )}
    </PageContainer>
  );
}
