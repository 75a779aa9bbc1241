import { PlusOutlined } from '@ant-design/icons';
import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { NOTICE_LEVEL, NOTICE_STATUS, type NoticeStatusCode, enumLabel, toValueEnum } from '@/constants/enums';
import { cityValueEnum, useCities } from '@/hooks/use-reference-data';
import { deleteAdminHospitalNoticesById, getAdminHospitalNotices, postAdminHospitalNoticesByIdEnd } from '@/services/generated';
import type { HospitalNotice, Page } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import NoticeFormModal from './components/notice-form-modal';

type Tab = NoticeStatusCode | 'all';
const TABS: { key: Tab; label: string }[] = [
  { key: 'active', label: '生效中' },
  { key: 'upcoming', label: '未开始' },
  { key: 'expired', label: '已结束' },
  { key: 'all', label: '全部' },
];

/** 公告栏: every hospital notice in the staff member's cities, by status. */
export default function HospitalNoticesPage() {
  const access = useAccess();
  const canWrite = access.canWriteHospitals;
  const { message, modal } = App.useApp();
  const actionRef = useRef<ActionType>();
  const { data: cities } = useCities(access.canReadCities);
  const [tab, setTab] = useState<Tab>('active');
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<HospitalNotice | null>(null);

  const run = (title: string, action: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await action();
        } catch (e) {
          if (e instanceof ApiError) return;
          throw e;
        }
        message.success(done);
        actionRef.current?.reload();
      },
    });

  const columns: ProColumns<HospitalNotice>[] = [
    { title: '城市', dataIndex: 'cityId', valueType: 'select', valueEnum: cityValueEnum(cities), hideInTable: true },
    { title: '医院', dataIndex: 'hospitalName', search: false, width: 200, ellipsis: true },
    { title: '科室', dataIndex: 'departmentName', search: false, width: 100, render: (_, row) => row.departmentName ?? '全院' },
    {
      title: '标题',
      dataIndex: 'title',
      search: false,
      render: (_, row) => (
        <>
          <Tag color={NOTICE_LEVEL[row.level]?.color}>{enumLabel(NOTICE_LEVEL, row.level)}</Tag>
          {row.title}
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} title={row.content} style={{ marginBottom: 0 }}>
            {row.content}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: '生效时间',
      dataIndex: 'startsAt',
      search: false,
      width: 300,
      render: (_, row) => `${formatDateTime(row.startsAt, 'YYYY-MM-DD HH:mm')} 至 ${formatDateTime(row.endsAt, 'YYYY-MM-DD HH:mm')}`,
    },
    { title: '状态', dataIndex: 'status', search: false, width: 90, valueType: 'select', valueEnum: toValueEnum(NOTICE_STATUS) },
    {
      title: '操作',
      valueType: 'option',
      hideInTable: !canWrite,
      width: 170,
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
        row.status !== 'expired' ? (
          <a key="end" onClick={() => run(`立即结束「${row.title}」？`, () => postAdminHospitalNoticesByIdEnd({ id: String(row.id) }), '公告已结束')}>
            立即结束
          </a>
        ) : null,
        <a key="delete" onClick={() => run(`删除「${row.title}」？`, () => deleteAdminHospitalNoticesById({ id: String(row.id) }), '公告已删除')}>
          删除
        </a>,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<HospitalNotice>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        params={{ status: tab === 'all' ? undefined : tab }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminHospitalNotices<Page<HospitalNotice>>(toPageQuery(params)))}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: TABS.map((t) => ({ key: t.key, label: t.label })),
            onChange: (key) => setTab(key as Tab),
          },
        }}
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
                  发布公告
                </Button>,
              ]
            : []
        }
      />
      {canWrite && (
        <NoticeFormModal notice={editing} open={formOpen} onOpenChange={setFormOpen} onSaved={() => actionRef.current?.reload()} />
      )}
    </PageContainer>
  );
}
