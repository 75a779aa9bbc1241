import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormGroup, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import {
  deleteAdminHospitalsByIdDepartmentsByDepartmentId,
  postAdminHospitalsByIdDepartments,
  putAdminHospitalsByIdDepartmentsByDepartmentId,
} from '@/services/generated';
import type { HospitalDepartment } from '@/services/models';
import { ApiError } from '@/utils/api-error';

interface Props {
  hospitalId: number;
  departments: HospitalDepartment[];
  canWrite: boolean;
  onChanged(): void;
}

type DepartmentValues = Omit<HospitalDepartment, 'id' | 'hospitalId'>;

export default function DepartmentsTab({ hospitalId, departments, canWrite, onChanged }: Props) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<HospitalDepartment | null>(null);
  const [open, setOpen] = useState(false);

  const save = async (values: DepartmentValues) => {
    const body = {
      name: values.name.trim(),
      building: values.building?.trim() ?? '',
      floor: values.floor?.trim() ?? '',
      room: values.room?.trim() ?? '',
      phone: values.phone?.trim() ?? '',
      notes: values.notes?.trim() ?? '',
    };
    try {
      if (editing) {
        await putAdminHospitalsByIdDepartmentsByDepartmentId({ id: String(hospitalId), departmentId: String(editing.id) }, body);
      } else {
        await postAdminHospitalsByIdDepartments({ id: String(hospitalId) }, body);
      }
    } catch (e) {
      if (e instanceof ApiError) return false;
      throw e;
    }
    message.success(editing ? '科室已更新' : '科室已添加');
    onChanged();
    return true;
  };

  const remove = async (d: HospitalDepartment) => {
    try {
      await deleteAdminHospitalsByIdDepartmentsByDepartmentId({ id: String(hospitalId), departmentId: String(d.id) });
    } catch (e) {
      if (e instanceof ApiError) return;
      throw e;
    }
    message.success('科室已删除');
    onChanged();
  };

  return (
    <>
      {canWrite && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          添加科室
        </Button>
      )}
      <Table<HospitalDepartment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={departments}
        locale={{ emptyText: '暂无科室' }}
        columns={[
          { title: '科室', dataIndex: 'name' },
          {
            title: '位置',
            key: 'location',
            render: (_, d) => [d.building, d.floor, d.room].filter(Boolean).join(' · ') || '-',
          },
          { title: '电话', dataIndex: 'phone', render: (v: string) => v || '-' },
          { title: '备注', dataIndex: 'notes', ellipsis: true, render: (v: string) => v || '-' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, d: HospitalDepartment) => (
                    <>
                      <a
                        style={{ marginRight: 12 }}
                        onClick={() => {
                          setEditing(d);
                          setOpen(true);
                        }}
                      >
                        编辑
                      </a>
                      <Popconfirm title={`删除科室「${d.name}」？`} description="该科室的公告将改为全院公告" onConfirm={() => remove(d)} okText="删除" cancelText="取消">
                        <a>删除</a>
                      </Popconfirm>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ModalForm<DepartmentValues>
        title={editing ? `编辑科室：${editing.name}` : '添加科室'}
        open={open}
        onOpenChange={setOpen}
        width={560}
        modalProps={{ destroyOnHidden: true, maskClosable: false }}
        initialValues={editing ?? {}}
        onFinish={save}
      >
        <ProFormText name="name" label="科室名称" rules={[{ required: true, whitespace: true, message: '请填写科室名称' }, { max: 64, message: '最多 64 个字' }]} />
        <ProFormGroup>
          <ProFormText name="building" label="楼宇" width="sm" placeholder="门诊楼" rules={[{ max: 64, message: '最多 64 个字' }]} />
          <ProFormText name="floor" label="楼层" width="xs" placeholder="3F" rules={[{ max: 16, message: '最多 16 个字' }]} />
          <ProFormText name="room" label="房间" width="xs" placeholder="312" rules={[{ max: 32, message: '最多 32 个字' }]} />
        </ProFormGroup>
        <ProFormText name="phone" label="电话" rules={[{ max: 32, message: '最多 32 个字' }]} />
        <ProFormTextArea name="notes" label="备注" fieldProps={{ rows: 2, maxLength: 500 }} />
      </ModalForm>
    </>
  );
}
