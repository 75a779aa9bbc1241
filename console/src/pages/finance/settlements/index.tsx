import type { ProColumns } from '@ant-design/pro-components';
import { ModalForm, PageContainer, ProFormDigit, ProFormRadio, ProFormSelect, ProFormText, ProTable } from '@ant-design/pro-components';
import { history, useAccess } from '@umijs/max';
import { App, Button, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { ActionType } from '@ant-design/pro-components';
import { toValueEnum } from '@/constants/enums';
import { DEDUCTION_KIND, SETTLEMENT_CADENCE, SETTLEMENT_RUN_STATUS, type SettlementCadence } from '@/constants/settlement';
import { getAdminSettlementRuns, postAdminEscortDeductions, postAdminSettlementRuns } from '@/services/generated';
import { formatFen, YUAN_INPUT_PATTERN, yuanTextToFen } from '@/utils/money';
import { toPageQuery } from '@/utils/pro-table';
import { formatDate, formatDateTime } from '@/utils/time';
import EnumTag from '../components/enum-tag';
import ExportButton from '../components/export-button';
import { endedPeriods } from '../settlement-logic';

type Run = API.SettlementRunView;

/** 结算单: one run per period; create one for a period that has ended, open it to review and pay. */
export default function SettlementRunsPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const ref = useRef<ActionType>();
  const [cadence, setCadence] = useState<SettlementCadence>('monthly');

  const columns: ProColumns<Run>[] = [
    { title: '周期', dataIndex: 'periodKey', width: 130, render: (_, r) => <a onClick={() => history.push(`/finance/settlements/${r.id}`)}>{r.periodKey}</a> },
    { title: '类型', dataIndex: 'cadence', search: false, width: 80, render: (_, r) => <EnumTag map={SETTLEMENT_CADENCE} code={r.cadence ?? ''} /> },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: toValueEnum(SETTLEMENT_RUN_STATUS),
      width: 90,
      render: (_, r) => <EnumTag map={SETTLEMENT_RUN_STATUS} code={r.status ?? ''} />,
    },
    { title: '起止', search: false, width: 200, render: (_, r) => `${formatDate(r.periodStart)} ~ ${formatDate(new Date(new Date(r.periodEnd as string).getTime() - 1))}` },
    { title: '陪诊师', dataIndex: 'escortCount', search: false, align: 'right', width: 80 },
    { title: '订单数', dataIndex: 'orderCount', search: false, align: 'right', width: 90 },
    { title: '订单金额', dataIndex: 'grossFen', search: false, align: 'right', width: 130, render: (_, r) => formatFen(r.grossFen ?? 0) },
    { title: '应付', dataIndex: 'payableFen', search: false, align: 'right', width: 130, render: (_, r) => formatFen(r.payableFen ?? 0) },
    { title: '已打款', dataIndex: 'paidFen', search: false, align: 'right', width: 130, render: (_, r) => formatFen(r.paidFen ?? 0) },
    { title: '生成', dataIndex: 'createdAt', search: false, width: 170, render: (_, r) => `${formatDateTime(r.createdAt)} ${r.createdByName ?? ''}` },
  ];

  return (
    <PageContainer>
      <ProTable<Run>
        headerTitle="结算单"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        scroll={{ x: 1200 }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        request={async (params) => {
          const page = await getAdminSettlementRuns(toPageQuery(params));
          return { data: page.list ?? [], total: page.total ?? 0, success: true };
        }}
        onRow={(r) => ({ onDoubleClick: () => history.push(`/finance/settlements/${r.id}`) })}
        toolBarRender={() => [
          <Typography.Text key="hint" type="secondary">
            结算周期结束后才能生成；确认后不可修改，之后的退款计入下一期
          </Typography.Text>,
          <ExportButton key="payouts" kind="payouts" label="导出打款记录" />,
          access.canWriteSettlements && (
            <ModalForm<{ escortId: number; kind: 'penalty' | 'compensation'; amountYuan: string; orderId?: number; reason: string }>
              key="deduction"
              title="登记陪诊师扣款"
              width={460}
              trigger={<Button>登记扣款</Button>}
              initialValues={{ kind: 'penalty' }}
              modalProps={{ destroyOnClose: true }}
              onFinish={async (v) => {
                await postAdminEscortDeductions({ escortId: v.escortId, kind: v.kind, amountFen: yuanTextToFen(v.amountYuan), orderId: v.orderId ?? null, reason: v.reason });
                message.success('已记入账本，将在下一期结算中扣除');
                return true;
              }}
            >
              <ProFormDigit name="escortId" label="陪诊师 ID" min={1} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写陪诊师 ID' }]} />
              <ProFormRadio.Group name="kind" label="类型" options={Object.entries(DEDUCTION_KIND).map(([value, e]) => ({ value, label: e.label }))} />
              <ProFormText name="amountYuan" label="金额（元）" rules={[{ required: true, pattern: YUAN_INPUT_PATTERN, message: '请输入金额（元），最多两位小数' }]} />
              <ProFormDigit name="orderId" label="相关订单 ID（可选）" min={1} fieldProps={{ precision: 0 }} />
              <ProFormText name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }]} />
            </ModalForm>
          ),
          access.canWriteSettlements && (
            <ModalForm<{ cadence: SettlementCadence; periodStart: string }>
              key="create"
              title="生成结算单"
              width={420}
              trigger={<Button type="primary">生成结算单</Button>}
              initialValues={{ cadence: 'monthly' }}
              modalProps={{ destroyOnClose: true }}
              onValuesChange={(changed) => changed.cadence && setCadence(changed.cadence)}
              onFinish={async (values) => {
                const run = await postAdminSettlementRuns(values);
                message.success(`已生成 ${run.periodKey} 结算单（草稿）`);
                history.push(`/finance/settlements/${run.id}`);
                return true;
              }}
            >
              <ProFormRadio.Group name="cadence" label="结算周期" options={Object.entries(SETTLEMENT_CADENCE).map(([value, e]) => ({ value, label: e.label }))} />
              <ProFormSelect name="periodStart" label="期间" rules={[{ required: true, message: '请选择期间' }]} options={endedPeriods(cadence, new Date())} />
            </ModalForm>
          ),
        ]}
      />
    </PageContainer>
  );
}
