import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { history, useAccess } from '@umijs/max';
import type { ActionType } from '@ant-design/pro-components';
import { App, Badge, Button, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ESCORT_LEVEL, ESCORT_STATUS, GENDER, enumLabel, toValueEnum } from '@/constants/enums';
import { LIVE_STATUS } from '@/constants/workforce';
import { cityValueEnum, useCities } from '@/hooks/use-reference-data';
import { getAdminEscortLiveStatus, getAdminEscorts } from '@/services/generated';
import type { Page } from '@/services/models';
import type { EscortProfile, LiveStatusRow } from '@/services/workforce-models';
import { toPageQuery } from '@/utils/pro-table';
import EscortFormModal from './components/escort-form-modal';

export function LiveStatusBadge({ status }: { status: LiveStatusRow['liveStatus'] | undefined }) {
  if (!status) return <Typography.Text type="secondary">-</Typography.Text>;
  const entry = LIVE_STATUS[status];
  return <Badge status={entry.status.toLowerCase() as 'success'} text={entry.label} />;
}

/** 陪诊师档案: profiles with what each escort is doing now; a row opens the profile. */
export default function EscortsPage() {
  const access = useAccess();
  const { data: cities } = useCities(access.canReadCities);
  const [live, setLive] = useState<Record<number, LiveStatusRow['liveStatus']>>({});
  const [creating, setCreating] = useState(false);
  const ref = useRef<ActionType>();
  const { message } = App.useApp();

  const columns: ProColumns<EscortProfile>[] = [
    { title: '关键字', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '姓名' } },
    { title: '城市', dataIndex: 'cityId', valueType: 'select', valueEnum: cityValueEnum(cities), render: (_, row) => row.cityName, width: 90 },
    {
      title: '姓名',
      dataIndex: 'name',
      search: false,
      width: 100,
      render: (_, row) => <a onClick={() => history.push(`/workforce/escorts/${row.id}`)}>{row.name}</a>,
    },
    { title: '性别', dataIndex: 'gender', search: false, width: 60, render: (_, row) => enumLabel(GENDER, row.gender) },
    { title: '年龄', dataIndex: 'age', search: false, width: 60, render: (_, row) => row.age ?? '-' },
    { title: '手机号', dataIndex: 'phoneMasked', search: false, width: 130 },
    {
      title: '等级',
      dataIndex: 'level',
      valueType: 'select',
      valueEnum: toValueEnum(ESCORT_LEVEL),
      width: 90,
      render: (_, row) => <Tag color={(ESCORT_LEVEL as Record<string, { color: string }>)[row.level]?.color}>{enumLabel(ESCORT_LEVEL, row.level)}</Tag>,
    },
    {
      title: '技能 / 区域',
      key: 'skills',
      search: false,
      render: (_, row) => (
        <Space size={[2, 2]} wrap>
          {row.skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
          {row.serviceDistricts.map((d) => (
            <Tag key={d} color="blue">
              {d}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '服务单数', dataIndex: 'ordersServed', search: false, width: 90 },
    { title: '评分', dataIndex: 'rating', search: false, width: 90, render: (_, row) => (row.rating === null ? '暂无' : `${row.rating}（${row.ratingCount}）`) },
    { title: '账号状态', dataIndex: 'status', width: 100, valueType: 'select', valueEnum: toValueEnum(ESCORT_STATUS) },
    { title: '实时状态', key: 'live', search: false, width: 120, render: (_, row) => <LiveStatusBadge status={live[row.id]} /> },
  ];

  return (
    <PageContainer>
      <ProTable<EscortProfile>
        headerTitle="陪诊师"
        actionRef={ref}
        toolBarRender={() =>
          access.canWriteEscorts
            ? [
                <Button key="new" type="primary" onClick={() => setCreating(true)}>
                  登记陪诊师
                </Button>,
              ]
            : []
        }
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        onRow={(row) => ({ onDoubleClick: () => history.push(`/workforce/escorts/${row.id}`) })}
        request={async (params) => {
          const page = await getAdminEscorts<Page<EscortProfile>>(toPageQuery(params));
          // Live status is derived (shifts, leave, orders) by the backend, one request for the page.
          if (page.list.length) {
            getAdminEscortLiveStatus<LiveStatusRow[]>({ escortIds: page.list.map((e) => e.id).join(',') }, { skipErrorHandler: true })
              .then((rows) => setLive(Object.fromEntries(rows.map((r) => [r.escortId, r.liveStatus]))))
              .catch(() => setLive({}));
          }
          return { data: page.list, total: page.total, success: true };
        }}
      />
      <EscortFormModal
        escort={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(text) => {
          setCreating(false);
          message.success(text);
          ref.current?.reload();
        }}
      />
    </PageContainer>
  );
}
