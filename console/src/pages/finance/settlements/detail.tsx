import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { ModalForm, PageContainer, ProDescriptions, ProFormDateTimePicker, ProFormSelect, ProFormText, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { history, useAccess, useParams } from '@umijs/max';
import { App, Button, Drawer, Popconfirm, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { toValueEnum } from '@/constants/enums';
import { PAYOUT_METHOD, SETTLEMENT_ITEM_KIND, SETTLEMENT_RUN_STATUS, type SettlementRunStatus } from '@/constants/settlement';
import {
  getAdminSettlementRunsById,
  getAdminSettlementRunsByIdLines,
  getAdminSettlementRunsByIdLinesByEscortIdItems,
  postAdminSettlementRunsByIdConfirm,
  postAdminSettlementRunsByIdDiscard,
  postAdminSettlementRunsByIdPayouts,
  postAdminSettlementRunsByIdPayoutsImport,
  postAdminSettlementRunsByIdRecompute,
} from '@/services/generated';
import { formatFen } from '@/utils/money';
import { toPageQuery } from '@/utils/pro-table';
import { formatDateTime, shanghaiWallClockToUtc } from '@/utils/time';
import EnumTag from '../components/enum-tag';
import ExportButton from '../components/export-button';
import { canPayLine, runActions } from '../settlement-logic';
import { useLoad } from '../use-load';

type Line = API.SettlementLineView;
type Item = API.SettlementItemView;

const fen = (v?: number) => formatFen(v ?? 0);

/** The drill-down: the orders, refunds, deductions and adjustments behind one escort's line. */
function LineItemsDrawer({ runId, line, onClose }: { runId: number; line: Line | null; onClose: () => void }) {
  const columns: ProColumns<Item>[] = [
    { title: '类型', dataIndex: 'kind', valueType: 'select', valueEnum: toValueEnum(SETTLEMENT_ITEM_KIND), width: 120, render: (_, i) => <EnumTag map={SETTLEMENT_ITEM_KIND} code={i.kind ?? ''} /> },
    { title: '订单号', dataIndex: 'orderNo', search: false, width: 180 },
    { title: '服务', dataIndex: 'serviceName', search: false, width: 120 },
    { title: '入账时间', dataIndex: 'bookedAt', search: false, width: 170, render: (_, i) => formatDateTime(i.bookedAt) },
    { title: '分成基数', dataIndex: 'grossFen', search: false, align: 'right', width: 110, render: (_, i) => (i.kind === 'order' ? fen(i.grossFen) : '-') },
    { title: '比例', dataIndex: 'shareBp', search: false, align: 'right', width: 80, render: (_, i) => (i.shareBp === null || i.shareBp === undefined ? '-' : `${i.shareBp / 100}%`) },
    { title: '金额', dataIndex: 'amountFen', search: false, align: 'right', width: 110, render: (_, i) => <Typography.Text type={(i.amountFen ?? 0) < 0 ? 'danger' : undefined}>{fen(i.amountFen)}</Typography.Text> },
  ];
  return (
    <Drawer width={960} open={line !== null} onClose={onClose} title={line ? `${line.escortName}（ID ${line.escortId}）本期明细` : ''} destroyOnClose>
      {line && (
        <>
          <ProDescriptions<Line> column={4} dataSource={line} size="small">
            <ProDescriptions.Item label="分成" render={() => fen(line.shareFen)} />
            <ProDescriptions.Item label="退款扣回" render={() => fen(line.refundFen)} />
            <ProDescriptions.Item label="罚款/赔偿" render={() => fen(line.deductionFen)} />
            <ProDescriptions.Item label="调整 + 上期结转" render={() => fen((line.adjustmentFen ?? 0) + (line.carriedInFen ?? 0))} />
            <ProDescriptions.Item label="本期净额" render={() => fen(line.netFen)} />
            <ProDescriptions.Item label="应付" render={() => fen(line.payableFen)} />
            <ProDescriptions.Item label="结转下期" render={() => fen(line.carriedForwardFen)} />
            <ProDescriptions.Item label="已打款" render={() => fen(line.paidFen)} />
          </ProDescriptions>
          <ProTable<Item>
            rowKey="id"
            size="small"
            columns={columns}
            search={{ labelWidth: 'auto', span: 8 }}
            options={false}
            pagination={{ defaultPageSize: 20 }}
            toolBarRender={() => [<ExportButton key="export" kind="settlement_items" params={{ runId, escortId: line.escortId }} label="导出明细" />]}
            request={async (params) => {
              const page = await getAdminSettlementRunsByIdLinesByEscortIdItems({ id: String(runId), escortId: String(line.escortId), ...toPageQuery(params) } as unknown as API.GetAdminSettlementRunsByIdLinesByEscortIdItemsParams);
              return { data: page.list ?? [], total: page.total ?? 0, success: true };
            }}
          />
        </>
      )}
    </Drawer>
  );
}

export default function SettlementRunDetailPage() {
  const { id } = useParams<{ id: string }>();
  const runId = Number(id);
  const access = useAccess();
  const { message } = App.useApp();
  const linesRef = useRef<ActionType>();
  const [openLine, setOpenLine] = useState<Line | null>(null);
  const [payLine, setPayLine] = useState<Line | null>(null);
  const [importResult, setImportResult] = useState<API.PayoutImportRowView[] | null>(null);
  const { data: run, refresh } = useLoad(() => getAdminSettlementRunsById({ id: String(runId) }), [runId]);
  const status = (run?.status ?? 'draft') as SettlementRunStatus;
  const actions = runActions(status, access);
  const reload = () => {
    refresh();
    linesRef.current?.reload();
  };

  const columns: ProColumns<Line>[] = [
    { title: '陪诊师', dataIndex: 'escortName', width: 120, render: (_, l) => <a onClick={() => setOpenLine(l)}>{l.escortName || `ID ${l.escortId}`}</a> },
    { title: '订单数', dataIndex: 'orderCount', search: false, align: 'right', width: 80 },
    { title: '订单金额', dataIndex: 'grossFen', search: false, align: 'right', width: 120, render: (_, l) => fen(l.grossFen) },
    { title: '分成', dataIndex: 'shareFen', search: false, align: 'right', width: 120, render: (_, l) => fen(l.shareFen) },
    { title: '退款扣回', dataIndex: 'refundFen', search: false, align: 'right', width: 110, render: (_, l) => fen(l.refundFen) },
    { title: '罚款/赔偿', dataIndex: 'deductionFen', search: false, align: 'right', width: 110, render: (_, l) => fen(l.deductionFen) },
    { title: '调整', dataIndex: 'adjustmentFen', search: false, align: 'right', width: 110, render: (_, l) => fen((l.adjustmentFen ?? 0) + (l.carriedInFen ?? 0)) },
    { title: '应付', dataIndex: 'payableFen', search: false, align: 'right', width: 120, render: (_, l) => <b>{fen(l.payableFen)}</b> },
    { title: '结转下期', dataIndex: 'carriedForwardFen', search: false, align: 'right', width: 110, render: (_, l) => fen(l.carriedForwardFen) },
    {
      title: '打款',
      search: false,
      width: 220,
      render: (_, l) =>
        l.payout ? (
          <Space direction="vertical" size={0}>
            <span>{l.payout.referenceNo}</span>
            <Typography.Text type="secondary">{formatDateTime(l.payout.paidAt)}</Typography.Text>
          </Space>
        ) : canPayLine(status, l) && actions.includes('pay') ? (
          <Button size="small" type="link" onClick={() => setPayLine(l)}>
            登记打款
          </Button>
        ) : (
          '-'
        ),
    },
    { title: '只看未打款', dataIndex: 'unpaidOnly', valueType: 'switch', hideInTable: true },
  ];

  return (
    <PageContainer
      title={run ? `结算单 ${run.periodKey}` : '结算单'}
      onBack={() => history.push('/finance/settlements')}
      tags={run ? <EnumTag map={SETTLEMENT_RUN_STATUS} code={status} /> : undefined}
      extra={[
        <ExportButton key="lines" kind="settlement_lines" params={{ runId }} label="导出结算单" />,
        <ExportButton key="items" kind="settlement_items" params={{ runId }} label="导出全部明细" />,
        actions.includes('recompute') && (
          <Button key="recompute" onClick={async () => { await postAdminSettlementRunsByIdRecompute({ id: String(runId) }); message.success('已按账本重算'); reload(); }}>
            重算
          </Button>
        ),
        actions.includes('discard') && (
          <Popconfirm key="discard" title="删除这张草稿？" onConfirm={async () => { await postAdminSettlementRunsByIdDiscard({ id: String(runId) }); history.push('/finance/settlements'); }}>
            <Button danger>删除草稿</Button>
          </Popconfirm>
        ),
        actions.includes('confirm') && (
          <Popconfirm key="confirm" title="确认后结算单不可修改，之后的退款计入下一期。确认？" onConfirm={async () => { await postAdminSettlementRunsByIdConfirm({ id: String(runId) }); message.success('已确认'); reload(); }}>
            <Button type="primary">确认结算单</Button>
          </Popconfirm>
        ),
        actions.includes('pay') && (
          <ModalForm<{ csv: string }>
            key="import"
            title="导入打款结果"
            trigger={<Button>导入打款</Button>}
            modalProps={{ destroyOnClose: true }}
            onFinish={async ({ csv }) => {
              const rows = await postAdminSettlementRunsByIdPayoutsImport({ id: String(runId) }, { csv });
              setImportResult(rows);
              reload();
              return true;
            }}
          >
            <Typography.Paragraph type="secondary">每行一笔：表头 escortId,referenceNo,amountFen,paidAt（金额与时间可省略；金额为分，须等于应付）。</Typography.Paragraph>
            <ProFormTextArea name="csv" rules={[{ required: true, message: '请粘贴 CSV' }]} fieldProps={{ rows: 8, placeholder: 'escortId,referenceNo,amountFen,paidAt\n12,B202612010001,123450,2026-12-01T10:00:00+08:00' }} />
          </ModalForm>
        ),
      ]}
    >
      {run && (
        <ProDescriptions<API.SettlementRunView> column={4} dataSource={run} style={{ marginBottom: 16 }}>
          <ProDescriptions.Item label="期间" render={() => `${formatDateTime(run.periodStart, 'YYYY-MM-DD')} 至 ${formatDateTime(new Date(new Date(run.periodEnd as string).getTime() - 1), 'YYYY-MM-DD')}`} />
          <ProDescriptions.Item label="陪诊师 / 订单" render={() => `${run.escortCount} 人 / ${run.orderCount} 单`} />
          <ProDescriptions.Item label="订单金额" render={() => fen(run.grossFen)} />
          <ProDescriptions.Item label="分成" render={() => fen(run.shareFen)} />
          <ProDescriptions.Item label="扣减" render={() => fen(run.deductionsFen)} />
          <ProDescriptions.Item label="调整" render={() => fen(run.adjustmentsFen)} />
          <ProDescriptions.Item label="应付合计" render={() => <b>{fen(run.payableFen)}</b>} />
          <ProDescriptions.Item label="已打款" render={() => fen(run.paidFen)} />
          <ProDescriptions.Item label="计算于" render={() => `${formatDateTime(run.computedAt)}（${run.computedCount} 条账目）`} />
          <ProDescriptions.Item label="确认" render={() => (run.confirmedAt ? `${formatDateTime(run.confirmedAt)} ${run.confirmedByName}` : '-')} />
        </ProDescriptions>
      )}
      <ProTable<Line>
        headerTitle="每位陪诊师一行（点姓名查看订单与退款）"
        rowKey="id"
        actionRef={linesRef}
        columns={columns}
        scroll={{ x: 1400 }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        request={async (params) => {
          const page = await getAdminSettlementRunsByIdLines({ id: String(runId), ...toPageQuery(params) } as unknown as API.GetAdminSettlementRunsByIdLinesParams);
          return { data: page.list ?? [], total: page.total ?? 0, success: true };
        }}
      />
      <LineItemsDrawer runId={runId} line={openLine} onClose={() => setOpenLine(null)} />
      <ModalForm<{ referenceNo: string; method: string; paidAt?: string; note?: string }>
        title={payLine ? `登记打款：${payLine.escortName} ${fen(payLine.payableFen)}` : ''}
        open={payLine !== null}
        modalProps={{ destroyOnClose: true, onCancel: () => setPayLine(null) }}
        initialValues={{ method: 'bank_transfer' }}
        onFinish={async (values) => {
          if (!payLine) return false;
          await postAdminSettlementRunsByIdPayouts(
            { id: String(runId) },
            { escortId: payLine.escortId as number, referenceNo: values.referenceNo, method: values.method, note: values.note, paidAt: values.paidAt ? shanghaiWallClockToUtc(values.paidAt) : undefined } as API.RecordPayoutDTO,
          );
          message.success('已登记打款');
          setPayLine(null);
          reload();
          return true;
        }}
      >
        <ProFormText name="referenceNo" label="打款流水号" rules={[{ required: true, message: '请填写银行或钱包的转账单号' }]} />
        <ProFormSelect name="method" label="方式" options={Object.entries(PAYOUT_METHOD).filter(([k]) => k !== 'import').map(([value, e]) => ({ value, label: e.label }))} />
        <ProFormDateTimePicker name="paidAt" label="打款时间（北京时间，默认现在）" />
        <ProFormText name="note" label="备注" />
      </ModalForm>
      <ModalFormResult rows={importResult} onClose={() => setImportResult(null)} />
    </PageContainer>
  );
}

function ModalFormResult({ rows, onClose }: { rows: API.PayoutImportRowView[] | null; onClose: () => void }) {
  return (
    <Drawer title="导入结果" open={rows !== null} onClose={onClose} width={640}>
      <Table<API.PayoutImportRowView>
        rowKey="row"
        size="small"
        pagination={false}
        dataSource={rows ?? []}
        columns={[
          { title: '行', dataIndex: 'row', width: 60 },
          { title: '陪诊师ID', dataIndex: 'escortId', width: 90 },
          { title: '流水号', dataIndex: 'referenceNo' },
          { title: '结果', render: (_, r) => (r.ok ? <Typography.Text type="success">已登记 {fen(r.amountFen)}</Typography.Text> : <Typography.Text type="danger">{r.errorMessage}</Typography.Text>) },
        ]}
      />
    </Drawer>
  );
}
