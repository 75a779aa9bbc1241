import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Drawer, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import {
  getAdminCredits,
  getAdminCreditsByCustomerIdEvents,
  postAdminCreditsByCustomerIdAdjust,
  postAdminCreditsByCustomerIdBehaviours,
  postAdminCreditsByCustomerIdRestore,
  postAdminCreditsByCustomerIdSuspend,
  postAdminCreditsByCustomerIdWarn,
} from '@/services/generated';
import { ApiError } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import StyleTag from '../components/style-tag';
import { CREDIT_STATUS, creditButtons } from '../quality-format';

type Credit = API.CreditView;
type Action = ReturnType<typeof creditButtons>[number];
const ACTION_LABEL: Record<Action, string> = { adjust: '调整分数', behaviour: '记录行为', warn: '警告', suspend: '封禁', restore: '解除限制' };
const BEHAVIOURS = [
  { value: 'no_show', label: '爽约' },
  { value: 'abusive_report', label: '恶意评价或投诉' },
  { value: 'false_info', label: '提供虚假信息' },
];

/** Customer credit: lowest scores first, history, and audited changes with a reason. */
export default function CreditPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();
  const canWrite = Boolean(access.canWriteCredit);
  const [acting, setActing] = useState<{ row: Credit; action: Action } | null>(null);
  const [reason, setReason] = useState('');
  const [delta, setDelta] = useState<number | null>(-5);
  const [kind, setKind] = useState('no_show');
  const [history, setHistory] = useState<{ row: Credit; events: API.CreditEventView[] } | null>(null);

  const submit = async () => {
    if (!acting) return;
    const customerId = acting.row.customerId as number;
    const calls: Record<Action, () => Promise<unknown>> = {
      adjust: () => postAdminCreditsByCustomerIdAdjust({ customerId: String(customerId) }, { delta: delta ?? 0, reason }),
      behaviour: () => postAdminCreditsByCustomerIdBehaviours({ customerId: String(customerId) }, { kind: kind as any, reason }),
      warn: () => postAdminCreditsByCustomerIdWarn({ customerId: String(customerId) }, { reason }),
      suspend: () => postAdminCreditsByCustomerIdSuspend({ customerId: String(customerId) }, { reason }),
      restore: () => postAdminCreditsByCustomerIdRestore({ customerId: String(customerId) }, { reason }),
    };
    try {
      await calls[acting.action]();
    } catch (e) {
      if (e instanceof ApiError) return;
      throw e;
    }
    message.success(`${ACTION_LABEL[acting.action]}已完成`);
    setActing(null);
    setReason('');
    actionRef.current?.reload();
  };

  const showHistory = async (row: Credit) => {
    const page = await getAdminCreditsByCustomerIdEvents({ customerId: String(row.customerId), pageSize: 100 });
    setHistory({ row, events: (page.list as API.CreditEventView[]) ?? [] });
  };

  const columns: ProColumns<Credit>[] = [
    { title: '手机号', dataIndex: 'phone', hideInTable: true },
    { title: '客户', dataIndex: 'phoneMasked', width: 140, search: false },
    { title: '信用分', dataIndex: 'score', width: 90, search: false },
    { title: '分数低于', dataIndex: 'scoreBelow', hideInTable: true, valueType: 'digit' },
    { title: '状态', dataIndex: 'status', width: 100, valueType: 'select', valueEnum: { normal: { text: '正常' }, warned: { text: '已警告' }, suspended: { text: '已封禁' } }, render: (_, r) => <StyleTag map={CREDIT_STATUS} code={r.status} /> },
    { title: '预约限制', dataIndex: 'restriction', width: 200, search: false },
    { title: '原因', dataIndex: 'statusReason', ellipsis: true, search: false },
    { title: '警告次数', dataIndex: 'warningCount', width: 90, search: false },
    {
      title: '操作',
      valueType: 'option',
      width: 280,
      render: (_, row) => [
        <a key="history" onClick={() => showHistory(row)}>
          记录
        </a>,
        ...creditButtons(row.status as string, canWrite).map((action) => (
          <a key={action} onClick={() => setActing({ row, action })}>
            {ACTION_LABEL[action]}
          </a>
        )),
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<Credit>
        headerTitle="客户信用（按分数从低到高）"
        rowKey="customerId"
        actionRef={actionRef}
        columns={columns}
        pagination={{ defaultPageSize: 20 }}
        request={(params) => toProTableResult(getAdminCredits(toPageQuery(params)) as any)}
      />
      <Modal open={Boolean(acting)} title={acting ? `${ACTION_LABEL[acting.action]}：${acting.row.phoneMasked}` : ''} okText="确认" onCancel={() => setActing(null)} onOk={submit} okButtonProps={{ disabled: !reason.trim() }} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          {acting?.action === 'adjust' && <InputNumber style={{ width: '100%' }} value={delta} onChange={setDelta} min={-1000} max={1000} addonBefore="加减分" />}
          {acting?.action === 'behaviour' && <Select style={{ width: '100%' }} value={kind} onChange={setKind} options={BEHAVIOURS} />}
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder="原因（必填，记入信用记录与审计日志）" maxLength={255} />
        </Space>
      </Modal>
      <Drawer open={Boolean(history)} width={720} title={history ? `信用记录：${history.row.phoneMasked}` : ''} onClose={() => setHistory(null)}>
        <Table<API.CreditEventView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={history?.events ?? []}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 170, render: (v) => formatDateTime(v) },
            { title: '类型', dataIndex: 'kindLabel', width: 120 },
            { title: '变动', dataIndex: 'delta', width: 70, render: (v: number) => (v > 0 ? `+${v}` : v) },
            { title: '变动后', dataIndex: 'scoreAfter', width: 80 },
            { title: '原因', dataIndex: 'reason' },
            { title: '操作人', dataIndex: 'actorName', width: 100 },
          ]}
        />
      </Drawer>
    </PageContainer>
  );
}
