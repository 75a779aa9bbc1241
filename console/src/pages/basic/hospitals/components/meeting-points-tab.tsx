import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, List, Popconfirm } from 'antd';
import { useState } from 'react';
import {
  deleteAdminHospitalsByIdMeetingPointsByPointId,
  postAdminHospitalsByIdMeetingPoints,
  putAdminHospitalsByIdMeetingPointsByPointId,
} from '@/services/generated';
import type { MeetingPoint } from '@/services/models';
import { ApiError } from '@/utils/api-error';

interface Props {
  hospitalId: number;
  meetingPoints: MeetingPoint[];
  canWrite: boolean;
  onChanged(): void;
}

type PointValues = { name: string; description?: string };

export default function MeetingPointsTab({ hospitalId, meetingPoints, canWrite, onChanged }: Props) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<MeetingPoint | null>(null);
  const [open, setOpen] = useState(false);

  const save = async (values: PointValues) => {
    const body = { name: values.name.trim(), description: values.description?.trim() ?? '' };
    try {
      if (editing) await putAdminHospitalsByIdMeetingPointsByPointId({ id: String(hospitalId), pointId: String(editing.id) }, body);
      else await postAdminHospitalsByIdMeetingPoints({ id: String(hospitalId) }, body);
    } catch (e) {
      if (e instanceof ApiError) return false;
      throw e;
    }
    message.success(editing ? '集合点已更新' : '集合点已添加');
    onChanged();
    return true;
  };

  const remove = async (p: MeetingPoint) => {
    try {
      await deleteAdminHospitalsByIdMeetingPointsByPointId({ id: String(hospitalId), pointId: String(p.id) });
    } catch (e) {
      if (e instanceof ApiError) return;
      throw e;
    }
    message.success('集合点已删除');
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
          添加集合点
        </Button>
      )}
      <List<MeetingPoint>
        bordered
        size="small"
        dataSource={meetingPoints}
        locale={{ emptyText: '暂无集合点' }}
        renderItem={(p) => (
          <List.Item
            actions={
              canWrite
                ? [
                    <a
                      key="edit"
                      onClick={() => {
                        setEditing(p);
                        setOpen(true);
                      }}
                    >
                      编辑
                    </a>,
                    <Popconfirm key="delete" title={`删除集合点「${p.name}」？`} onConfirm={() => remove(p)} okText="删除" cancelText="取消">
                      <a>删除</a>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={p.name} description={p.description || undefined} />
          </List.Item>
        )}
      />
      <ModalForm<PointValues>
        title={editing ? `编辑集合点：${editing.name}` : '添加集合点'}
        open={open}
        onOpenChange={setOpen}
        width={520}
        modalProps={{ destroyOnHidden: true, maskClosable: false }}
        initialValues={editing ?? {}}
        onFinish={save}
      >
        <ProFormText name="name" label="名称" placeholder="门诊楼 2 号门" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 64, message: '最多 64 个字' }]} />
        <ProFormTextArea name="description" label="怎么找" placeholder="从哪个路口进、在什么标志旁" fieldProps={{ rows: 3, maxLength: 500 }} />
      </ModalForm>
    </>
  );
}
