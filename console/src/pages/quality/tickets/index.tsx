import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable, StatisticCard } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { useEffect, useRef, useState } from 'react';
import { getAdminTickets, getAdminTicketsSlaSummary } from '@/services/generated';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import StyleTag from '../components/style-tag';
import { SLA_STATE, TICKET_PRIORITY, TICKET_STATUS, TICKET_TYPE, slaText } from '../quality-format';
import TicketDrawer from './ticket-drawer';

type Row = API.TicketView;

const valueEnumOf = (map: Record<string, { label: string }>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, { text: v.label }]));

/** The support inbox: unanswered tickets first by deadline, SLA state on every row. */
export default function TicketInboxPage() {
  const access = useAccess();
  const actionRef = useRef<ActionType>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [summary, setSummary] = useState<API.TicketSlaSummary | null>(null);

  const loadSummary = () => getAdminTicketsSlaSummary().then((s) => setSummary(s as API.TicketSlaSummary), () => undefined);
  useEffect(() => {
    loadSummary();
  }, []);

  const columns: ProColumns<Row>[] = [
    { title: '工单号 / 订单号 / 标题', dataIndex: 'keyword', hideInTable: true },
    { title: '工单号', dataIndex: 'ticketNo', width: 160, search: false, render: (_, r) => <a onClick={() => setOpenId(r.id as number)}>{r.ticketNo}</a> },
    { title: '标题', dataIndex: 'title', ellipsis: true, search: false },
    { title: '类型', dataIndex: 'type', width: 100, valueType: 'select', valueEnum: valueEnumOf(TICKET_TYPE), render: (_, r) => <StyleTag map={TICKET_TYPE} code={r.type} /> },
    { title: '优先级', dataIndex: 'priority', width: 90, valueType: 'select', valueEnum: valueEnumOf(TICKET_PRIORITY), render: (_, r) => <StyleTag map={TICKET_PRIORITY} code={r.priority} /> },
    { title: '状态', dataIndex: 'status', width: 100, valueType: 'select', valueEnum: valueEnumOf(TICKET_STATUS), render: (_, r) => <StyleTag map={TICKET_STATUS} code={r.status} /> },
    {
      title: 'SLA',
      dataIndex: 'overdue',
      width: 190,
      valueType: 'select',
      valueEnum: { true: { text: '只看已超时' } },
      render: (_, r) => (
        <span>
          <StyleTag map={SLA_STATE} code={r.slaState} /> {slaText(r.slaMinutesLeft)}
        </span>
      ),
    },
    { title: '处理人', dataIndex: 'assignee', width: 100, valueType: 'select', valueEnum: { me: { text: '指派给我' }, none: { text: '未指派' } }, render: (_, r) => r.assigneeName || '—' },
    { title: '订单', dataIndex: 'orderNo', width: 170, search: false },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, search: false, render: (_, r) => formatDateTime(r.createdAt as string) },
  ];

  return (
    <PageContainer>
      {summary && (
        <StatisticCard.Group style={{ marginBottom: 16 }}>
          <StatisticCard statistic={{ title: '未响应', value: summary.unanswered }} />
          <StatisticCard statistic={{ title: '已超时', value: summary.overdue, status: 'error' }} />
          <StatisticCard statistic={{ title: '即将超时', value: summary.dueSoon, status: 'warning' }} />
          <StatisticCard statistic={{ title: '近 7 天解决', value: summary.resolvedLast7Days, status: 'success' }} />
        </StatisticCard.Group>
      )}
      <ProTable<Row>
        headerTitle="工单"
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        scroll={{ x: 1300 }}
        pagination={{ defaultPageSize: 20 }}
        request={(params) => {
          const { overdue, ...rest } = params as Record<string, unknown>;
          return toProTableResult(getAdminTickets({ ...toPageQuery(rest), ...(overdue ? { overdue: true } : {}) }) as any);
        }}
      />
      <TicketDrawer
        ticketId={openId}
        onClose={() => setOpenId(null)}
        onChanged={() => {
          actionRef.current?.reload();
          loadSummary();
        }}
        canWrite={Boolean(access.canWriteTickets)}
        canWriteKnowledge={Boolean(access.canWriteKnowledge)}
      />
    </PageContainer>
  );
}
