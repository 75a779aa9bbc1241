import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Card, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toValueEnum } from '@/constants/enums';
import { CHANGE_REQUEST_STATUS, SHIFT_EXCEPTION_KIND, WEEKDAY_LABEL } from '@/constants/workforce';
import {
  deleteAdminShiftTemplatesById,
  getAdminScheduleRequests,
  getAdminScheduleTeam,
  getAdminShiftTemplates,
  postAdminScheduleRequestsByIdApprove,
  postAdminScheduleRequestsByIdReject,
  postAdminShiftTemplatesByIdApply,
} from '@/services/generated';
import type { Page } from '@/services/models';
import type { CalendarDay, ScheduleChangeRequest, ShiftTemplate, TeamCalendar, TeamCalendarRow } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime, shanghaiToday } from '@/utils/time';
import { addDays, mondayOf, rangesText, weekDates, weeklyHours } from '../schedule-format';
import EscortWeekDrawer from './components/escort-week-drawer';
import TemplateModal from './components/template-modal';

function DayCell({ day }: { day: CalendarDay | undefined }) {
  if (!day) return null;
  return (
    <Space direction="vertical" size={2}>
      <span style={{ color: day.ranges.length ? '#389e0d' : '#bfbfbf' }}>{rangesText(day.ranges)}</span>
      {day.exceptions.map((x) => (
        <Tag key={x.id} color={SHIFT_EXCEPTION_KIND[x.kind].color} style={{ marginInlineEnd: 0 }}>
          {x.kindLabel}
          {x.wholeDay ? '' : ` ${x.start}–${x.end}`}
        </Tag>
      ))}
    </Space>
  );
}

/** The team view: escorts × the days of a week; click a row to edit that escort's week; bulk apply a template. */
function TeamTab({ canWrite, templates }: { canWrite: boolean; templates: ShiftTemplate[] }) {
  const { message } = App.useApp();
  const [monday, setMonday] = useState(() => mondayOf(shanghaiToday()));
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [team, setTeam] = useState<TeamCalendar | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [applying, setApplying] = useState(false);
  const [templateId, setTemplateId] = useState<number | undefined>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTeam(
        await getAdminScheduleTeam<TeamCalendar>(
          { from: monday, to: addDays(monday, 6), keyword: keyword.trim() || undefined, page, pageSize: 20 },
          { skipErrorHandler: true },
        ),
      );
    } catch (e) {
      message.error(errorMessageOf(e));
    } finally {
      setLoading(false);
    }
  }, [monday, keyword, page, message]);

  useEffect(() => {
    load();
  }, [load]);

  const apply = async () => {
    if (!templateId) return;
    try {
      await postAdminShiftTemplatesByIdApply({ id: String(templateId) }, { escortIds: selected }, { skipErrorHandler: true });
      message.success(`已为 ${selected.length} 位陪诊师套用模板`);
      setApplying(false);
      setSelected([]);
      load();
    } catch (e) {
      message.error(errorMessageOf(e));
    }
  };

  const today = shanghaiToday();
  const columns: ColumnsType<TeamCalendarRow> = [
    {
      title: '陪诊师',
      dataIndex: 'name',
      fixed: 'left',
      width: 130,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <a onClick={() => setEditing({ id: r.escortId, name: r.name })}>{r.name}</a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.levelLabel} · 本周 {weeklyHours(r.days.flatMap((d) => d.ranges))} 小时
          </Typography.Text>
        </Space>
      ),
    },
    ...weekDates(monday).map((date, i) => ({
      title: <span style={{ color: date === today ? '#1677ff' : undefined }}>{`${WEEKDAY_LABEL[i + 1]} ${date.slice(5)}`}</span>,
      key: date,
      width: 130,
      render: (_: unknown, r: TeamCalendarRow) => <DayCell day={r.days.find((d) => d.date === date)} />,
      onCell: (r: TeamCalendarRow) => ({ onClick: () => setEditing({ id: r.escortId, name: r.name }), style: { cursor: 'pointer' } }),
    })),
  ];

  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} onClick={() => setMonday(addDays(monday, -7))} aria-label="上一周" />
        <Typography.Text strong>
          {monday} 至 {addDays(monday, 6)}
        </Typography.Text>
        <Button icon={<RightOutlined />} onClick={() => setMonday(addDays(monday, 7))} aria-label="下一周" />
        <Button onClick={() => setMonday(mondayOf(today))}>本周</Button>
        <Input.Search
          placeholder="姓名"
          allowClear
          style={{ width: 180 }}
          onSearch={(v) => {
            setKeyword(v);
            setPage(1);
          }}
        />
        {canWrite && (
          <Button type="primary" disabled={selected.length === 0} onClick={() => setApplying(true)}>
            批量套用模板（{selected.length}）
          </Button>
        )}
      </Space>
      <Table<TeamCalendarRow>
        rowKey="escortId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={team?.list ?? []}
        scroll={{ x: 1100 }}
        rowSelection={canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        pagination={{ current: page, pageSize: 20, total: team?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: '没有在岗的陪诊师' }}
      />
      <Modal open={applying} title={`为 ${selected.length} 位陪诊师套用排班模板`} onCancel={() => setApplying(false)} onOk={apply} okButtonProps={{ disabled: !templateId }} okText="套用（替换其每周排班）" destroyOnHidden>
        <Select
          style={{ width: '100%' }}
          placeholder="选择模板"
          value={templateId}
          onChange={setTemplateId}
          options={templates.map((t) => ({ value: t.id, label: `${t.name}（${weeklyHours(t.ranges)} 小时/周）` }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          套用会替换所选陪诊师的每周排班；日期调整（加班 / 休息）保留。
        </Typography.Paragraph>
      </Modal>
      <EscortWeekDrawer escort={editing} canWrite={canWrite} onClose={() => setEditing(null)} onChanged={load} />
    </Card>
  );
}

function TemplatesTab({ canWrite, templates, reload }: { canWrite: boolean; templates: ShiftTemplate[]; reload(): void }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ShiftTemplate | 'new' | null>(null);
  const remove = async (t: ShiftTemplate) => {
    try {
      await deleteAdminShiftTemplatesById({ id: String(t.id) }, { skipErrorHandler: true });
      message.success('模板已删除');
      reload();
    } catch (e) {
      message.error(errorMessageOf(e));
    }
  };
  return (
    <Card
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing('new')}>
            新建模板
          </Button>
        )
      }
    >
      <Table<ShiftTemplate>
        rowKey="id"
        size="small"
        dataSource={templates}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name', width: 160 },
          ...[1, 2, 3, 4, 5, 6, 7].map((day) => ({
            title: WEEKDAY_LABEL[day],
            key: String(day),
            render: (_: unknown, t: ShiftTemplate) => rangesText(t.ranges.filter((r) => r.weekday === day)),
          })),
          { title: '每周工时', key: 'hours', width: 90, render: (_: unknown, t: ShiftTemplate) => `${weeklyHours(t.ranges)} 小时` },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, t: ShiftTemplate) =>
              canWrite && (
                <Space>
                  <a onClick={() => setEditing(t)}>编辑</a>
                  <Popconfirm title="删除该模板？已套用的陪诊师不受影响" onConfirm={() => remove(t)}>
                    <a>删除</a>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
        locale={{ emptyText: '暂无模板' }}
      />
      <TemplateModal
        template={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </Card>
  );
}

function RequestsTab({ canWrite }: { canWrite: boolean }) {
  const { message, modal } = App.useApp();
  const ref = useRef<ActionType>();
  const decide = (r: ScheduleChangeRequest, approve: boolean) => {
    let reason = '';
    modal.confirm({
      title: `${approve ? '批准' : '驳回'} ${r.escortName} ${r.date} 的${r.kindLabel}申请？`,
      content: <Input.TextArea aria-label="审批意见" placeholder={approve ? '审批意见（选填）' : '驳回原因（必填）'} onChange={(e) => (reason = e.target.value)} />,
      okText: approve ? '批准' : '驳回',
      okButtonProps: { danger: !approve },
      onOk: async () => {
        if (!approve && reason.trim().length < 2) {
          message.warning('驳回请填写至少 2 个字的原因');
          return undefined;
        }
        try {
          if (approve) await postAdminScheduleRequestsByIdApprove({ id: String(r.id) }, { reason: reason.trim() }, { skipErrorHandler: true });
          else await postAdminScheduleRequestsByIdReject({ id: String(r.id) }, { reason: reason.trim() }, { skipErrorHandler: true });
          message.success(approve ? '已批准，排班已调整' : '已驳回');
          ref.current?.reload();
        } catch (e) {
          message.error(errorMessageOf(e));
        }
        return undefined;
      },
    });
  };
  const columns: ProColumns<ScheduleChangeRequest>[] = [
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: toValueEnum(CHANGE_REQUEST_STATUS), initialValue: 'pending', width: 90 },
    { title: '陪诊师', dataIndex: 'escortName', search: false, width: 100 },
    { title: '日期', dataIndex: 'date', search: false, width: 110 },
    {
      title: '申请',
      key: 'what',
      search: false,
      width: 160,
      render: (_, r) => (
        <Tag color={SHIFT_EXCEPTION_KIND[r.kind].color}>
          {r.kindLabel} {r.start ? `${r.start}–${r.end}` : '全天'}
        </Tag>
      ),
    },
    { title: '原因', dataIndex: 'reason', search: false, ellipsis: true },
    { title: '提交时间', dataIndex: 'createdAt', search: false, width: 150, render: (_, r) => formatDateTime(r.createdAt, 'YYYY-MM-DD HH:mm') },
    { title: '审批', key: 'decided', search: false, render: (_, r) => (r.decidedByName ? `${r.decidedByName}${r.decisionReason ? `：${r.decisionReason}` : ''}` : '-') },
    {
      title: '操作',
      valueType: 'option',
      width: 110,
      render: (_, r) =>
        canWrite && r.status === 'pending'
          ? [
              <a key="ok" onClick={() => decide(r, true)}>
                批准
              </a>,
              <a key="no" onClick={() => decide(r, false)}>
                驳回
              </a>,
            ]
          : [],
    },
  ];
  return (
    <ProTable<ScheduleChangeRequest>
      actionRef={ref}
      rowKey="id"
      columns={columns}
      search={{ labelWidth: 'auto' }}
      request={(params) => toProTableResult(getAdminScheduleRequests<Page<ScheduleChangeRequest>>(toPageQuery(params)))}
      headerTitle="调班申请"
    />
  );
}

/** 排班: the team's week, shift templates, and escorts' requests to change their hours. */
export default function SchedulesPage() {
  const access = useAccess();
  const canWrite = Boolean(access.canWriteSchedules);
  const [templates, setTemplates] = useState<ShiftTemplate[]>([]);
  const loadTemplates = useCallback(() => {
    getAdminShiftTemplates<ShiftTemplate[]>({ skipErrorHandler: true })
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, []);
  useEffect(() => {
    loadTemplates();
  }, [loadTemplates]);
  return (
    <PageContainer>
      <Tabs
        destroyInactiveTabPane
        items={[
          { key: 'team', label: '团队排班', children: <TeamTab canWrite={canWrite} templates={templates} /> },
          { key: 'templates', label: '排班模板', children: <TemplatesTab canWrite={canWrite} templates={templates} reload={loadTemplates} /> },
          { key: 'requests', label: '调班申请', children: <RequestsTab canWrite={canWrite} /> },
        ]}
      />
    </PageContainer>
  );
}
