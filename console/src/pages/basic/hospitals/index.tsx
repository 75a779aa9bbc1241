import { PlusOutlined } from '@ant-design/icons';
import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Typography } from 'antd';
import { useRef, useState } from 'react';
import { HOSPITAL_ENABLED, HOSPITAL_GRADES, toValueEnum } from '@/constants/enums';
import { cityValueEnum, useCities } from '@/hooks/use-reference-data';
import { getAdminHospitals, postAdminHospitalsByIdDisable, postAdminHospitalsByIdEnable } from '@/services/generated';
import type { Hospital, Page } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import HospitalDrawer from './components/hospital-drawer';
import HospitalFormModal from './components/hospital-form-modal';

/** Hospitals per city: search (Chinese substring, through the backend's index), details and upkeep. */
export default function HospitalsPage() {
  const access = useAccess();
  const canWrite = access.canWriteHospitals;
  const { message, modal } = App.useApp();
  const actionRef = useRef<ActionType>();
  const { data: cities } = useCities(access.canReadCities);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Hospital | null>(null);
  const [viewingId, setViewingId] = useState<number | null>(null);
  const [drawerKey, setDrawerKey] = useState(0);

  const openForm = (hospital: Hospital | null) => {
    setEditing(hospital);
    setFormOpen(true);
  };

  const toggle = (row: Hospital) =>
    modal.confirm({
      title: row.enabled ? `停用「${row.name}」？` : `启用「${row.name}」？`,
      content: row.enabled ? '停用后用户端不再展示该医院，也不能再预约；已有订单不受影响。' : undefined,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          if (row.enabled) await postAdminHospitalsByIdDisable({ id: String(row.id) });
          else await postAdminHospitalsByIdEnable({ id: String(row.id) });
        } catch (e) {
          if (e instanceof ApiError) return;
          throw e;
        }
        message.success(row.enabled ? '已停用' : '已启用');
        actionRef.current?.reload();
      },
    });

  const columns: ProColumns<Hospital>[] = [
    { title: '关键字', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称、别名、地址或科室' } },
    { title: '城市', dataIndex: 'cityId', valueType: 'select', valueEnum: cityValueEnum(cities), render: (_, row) => row.cityName, width: 90 },
    {
      title: '医院',
      dataIndex: 'name',
      search: false,
      render: (_, row) => (
        <>
          <a onClick={() => setViewingId(row.id)}>{row.name}</a>
          {row.alias && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {row.alias}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '等级',
      dataIndex: 'grade',
      search: false,
      width: 80,
      filters: HOSPITAL_GRADES.map((g) => ({ text: g, value: g })),
      onFilter: (value, row) => row.grade === value,
    },
    { title: '地址', dataIndex: 'address', search: false, ellipsis: true },
    { title: '电话', dataIndex: 'phone', search: false, width: 140 },
    {
      title: '状态',
      dataIndex: 'enabled',
      width: 90,
      valueType: 'select',
      valueEnum: toValueEnum(HOSPITAL_ENABLED),
      render: (dom) => dom,
    },
    {
      title: '操作',
      valueType: 'option',
      width: 150,
      render: (_, row) => [
        <a key="view" onClick={() => setViewingId(row.id)}>
          详情
        </a>,
        canWrite ? (
          <a key="edit" onClick={() => openForm(row)}>
            编辑
          </a>
        ) : null,
        canWrite ? (
          <a key="toggle" onClick={() => toggle(row)}>
            {row.enabled ? '停用' : '启用'}
          </a>
        ) : null,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<Hospital>
        headerTitle="医院"
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminHospitals<Page<Hospital>>(toPageQuery(params)))}
        toolBarRender={() =>
          canWrite
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
                  新建医院
                </Button>,
              ]
            : []
        }
      />
      <HospitalDrawer
        key={drawerKey}
        hospitalId={viewingId}
        canWrite={canWrite}
        onClose={() => setViewingId(null)}
        onEdit={(detail) => openForm(detail)}
      />
      {canWrite && (
        <HospitalFormModal
          hospital={editing}
          open={formOpen}
          cities={cities}
          onOpenChange={setFormOpen}
          onSaved={() => {
            actionRef.current?.reload();
            // Re-mount the drawer so it shows what was just saved.
            setDrawerKey((k) => k + 1);
          }}
        />
      )}
    </PageContainer>
  );
}
