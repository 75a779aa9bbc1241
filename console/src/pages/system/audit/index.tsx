import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import { useState } from 'react';
import { ACTOR_TYPE, enumLabel } from '@/constants/enums';
import { getAdminAuditLogs } from '@/services/generated';
import type { Page, AuditLog } from '@/services/models';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime, shanghaiDaysToUtcRange } from '@/utils/time';
import AuditDetailDrawer from './components/audit-detail-drawer';

export default function AuditPage() {
  const [detail, setDetail] = useState<AuditLog | null>(null);

  const columns: ProColumns<AuditLog>[] = [
    {
      title: '时间',
      dataIndex: 'createdAt',
      valueType: 'dateRange',
      width: 180,
      render: (_, row) => formatDateTime(row.createdAt),
      // Days picked are Beijing days; the API filters on the half-open UTC interval [from, to).
      search: {
        transform: (range: [string, string]) => shanghaiDaysToUtcRange(range[0], range[1]),
      },
      fieldProps: { placeholder: ['开始日期', '结束日期'] },
    },
    {
      title: '操作人 ID',
      dataIndex: 'actorId',
      valueType: 'digit',
      hideInTable: true,
      fieldProps: { precision: 0, min: 1 },
    },
    {
      title: '操作人',
      dataIndex: 'actorName',
      search: false,
      render: (_, row) => (
        <>
          <Tag>{enumLabel(ACTOR_TYPE, row.actorType)}</Tag>
          {row.actorName ?? '-'}
          {row.actorId !== null && row.actorId !== undefined && (
            <Typography.Text type="secondary"> #{row.actorId}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '动作',
      dataIndex: 'action',
      render: (_, row) => <Typography.Text code>{row.action}</Typography.Text>,
      fieldProps: { placeholder: '如 staff.create' },
    },
    { title: '对象类型', dataIndex: 'targetType', fieldProps: { placeholder: '如 staff_user' } },
    { title: '对象 ID', dataIndex: 'targetId', render: (_, row) => row.targetId ?? '-' },
    { title: 'IP', dataIndex: 'ip', search: false, render: (_, row) => row.ip ?? '-' },
    {
      title: '操作',
      valueType: 'option',
      width: 80,
      render: (_, row) => [
        <a key="detail" onClick={() => setDetail(row)}>
          详情
        </a>,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<AuditLog>
        headerTitle="审计日志"
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminAuditLogs<Page<AuditLog>>(toPageQuery(params)))}
      />
      <AuditDetailDrawer log={detail} onClose={() => setDetail(null)} />
    </PageContainer>
  );
}
