/**
 * 对账: one day's channel bill against our payments and refunds. Finance downloads the bill from the
 * channel (or imports the file), sees what matched and every mismatch, and explains each one; the
 * last 30 days are listed below with what is still unexplained.
 */
import { ModalForm, PageContainer, ProFormTextArea } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Card, DatePicker, Descriptions, Empty, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { RECON_KIND, RECON_RESULT } from '@/constants/finance';
import {
  getAdminReconciliationDays,
  getAdminReconciliationDaysByDate,
  postAdminReconciliationDaysByDateFetch,
  postAdminReconciliationDaysByDateImport,
  postAdminReconciliationItemsByIdExplain,
} from '@/services/generated';
import { ApiError } from '@/utils/api-error';
import { formatFen } from '@/utils/money';
import { formatDateTime, shanghaiToday } from '@/utils/time';
import EnumTag from '../components/enum-tag';
import ExportButton from '../components/export-button';
import { present, type ReconDayReport, type ReconItem, type ReconRangeReport, type ReconRun } from '../finance-types';

const { Text } = Typography;
const MISMATCHES = ['missing_ours', 'missing_theirs', 'amount_mismatch', 'status_mismatch'] as const;

/** The day before `today` (Shanghai): the newest bill the channel has. */
export function previousDay(today: string): string {
  return dayjs(today).subtract(1, 'day').format('YYYY-MM-DD');
}

const fenOrDash = (fen: number | null) => (fen === null ? '-' : formatFen(fen));

function RunSummary({ run }: { run: ReconRun }) {
  return (
    <Descriptions size="small" bordered column={3} data-testid="recon-summary">
      <Descriptions.Item label="来源">{run.source === 'fetched' ? '渠道下载' : '文件导入'}</Descriptions.Item>
      <Descriptions.Item label="账单行数">{run.rowCount}</Descriptions.Item>
      <Descriptions.Item label="对账时间">
        {formatDateTime(run.createdAt)}（{run.createdByName}）
      </Descriptions.Item>
      <Descriptions.Item label="结果" span={3}>
        <Space wrap>
          <Tag color="green">一致 {run.counts.matched}</Tag>
          {MISMATCHES.map((r) => (
            <Tag key={r} color={run.counts[r] ? RECON_RESULT[r].color : undefined}>
              {RECON_RESULT[r].label} {run.counts[r]}
            </Tag>
          ))}
          <Text type={run.unexplained ? 'danger' : 'secondary'}>未说明 {run.unexplained}</Text>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="渠道收款">{formatFen(run.totals.theirPaidFen)}</Descriptions.Item>
      <Descriptions.Item label="我方收款">{formatFen(run.totals.ourPaidFen)}</Descriptions.Item>
      <Descriptions.Item label="收款差额">{formatFen(run.totals.theirPaidFen - run.totals.ourPaidFen)}</Descriptions.Item>
      <Descriptions.Item label="渠道退款">{formatFen(run.totals.theirRefundedFen)}</Descriptions.Item>
      <Descriptions.Item label="我方退款">{formatFen(run.totals.ourRefundedFen)}</Descriptions.Item>
      <Descriptions.Item label="退款差额">{formatFen(run.totals.theirRefundedFen - run.totals.ourRefundedFen)}</Descriptions.Item>
    </Descriptions>
  );
}

export default function ReconciliationPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const [date, setDate] = useState(() => previousDay(shanghaiToday()));
  const [report, setReport] = useState<ReconDayReport | null>(null);
  const [range, setRange] = useState<ReconRangeReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [explaining, setExplaining] = useState<ReconItem | null>(null);
  const canWrite = Boolean(access.canReconcile);

  const loadRange = useCallback(() => {
    const to = shanghaiToday();
    getAdminReconciliationDays({ from: dayjs(to).subtract(29, 'day').format('YYYY-MM-DD'), to }).then((r) => setRange(present<ReconRangeReport>(r)));
  }, []);

  const load = useCallback(() => {
    setReport(null);
    getAdminReconciliationDaysByDate({ date }).then((r) => setReport(present<ReconDayReport>(r)));
  }, [date]);

  useEffect(load, [load]);
  useEffect(loadRange, [loadRange]);

  /** Runs a fetch or an import; the request handler has already shown the backend's message on failure. */
  const reconcile = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      setReport(present<ReconDayReport>(await call()));
      message.success(done);
      loadRange();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    } finally {
      setBusy(false);
    }
  };

  const columns = [
    { title: '类型', dataIndex: 'kind', width: 80, render: (k: string) => <EnumTag map={RECON_KIND} code={k} /> },
    { title: '商户单号', dataIndex: 'outNo', width: 230 },
    { title: '差异', dataIndex: 'result', width: 100, render: (r: string) => <EnumTag map={RECON_RESULT} code={r} /> },
    { title: '我方金额', dataIndex: 'ourFen', align: 'right' as const, width: 110, render: fenOrDash },
    { title: '渠道金额', dataIndex: 'theirFen', align: 'right' as const, width: 110, render: fenOrDash },
    { title: '我方状态', dataIndex: 'ourStatus', width: 100, render: (s: string | null) => s ?? '-' },
    { title: '渠道状态', dataIndex: 'theirStatus', width: 100, render: (s: string | null) => s ?? '-' },
    { title: '说明', dataIndex: 'detail', ellipsis: true },
    {
      title: '处理',
      key: 'explain',
      width: 220,
      render: (_: unknown, item: ReconItem) =>
        item.explained ? (
          <Space direction="vertical" size={0}>
            <Text>{item.explanation}</Text>
            <Text type="secondary">
              {item.explainedByName} {formatDateTime(item.explainedAt)}
            </Text>
          </Space>
        ) : canWrite ? (
          <a onClick={() => setExplaining(item)}>说明差异</a>
        ) : (
          <Text type="warning">未说明</Text>
        ),
    },
  ];

  return (
    <PageContainer>
      <Card
        title="对账"
        extra={
          <Space wrap>
            <DatePicker
              allowClear={false}
              value={dayjs(date)}
              disabledDate={(d) => !d.isBefore(dayjs(shanghaiToday()), 'day')}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            />
            {canWrite && (
              <>
                <Button type="primary" loading={busy} onClick={() => reconcile(() => postAdminReconciliationDaysByDateFetch({ date }), '已下载账单并完成对账')}>
                  下载账单并对账
                </Button>
                <Upload
                  accept=".csv,.txt"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    file.text().then((content) => reconcile(() => postAdminReconciliationDaysByDateImport({ date }, { content }), '已导入账单并完成对账'));
                    return false;
                  }}
                >
                  <Button loading={busy}>导入账单文件</Button>
                </Upload>
              </>
            )}
          </Space>
        }
      >
        {!report && <Text type="secondary">加载中…</Text>}
        {report && !report.run && <Empty description={`${date} 尚未对账`} />}
        {report?.run && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <RunSummary run={report.run} />
            <Table<ReconItem>
              size="small"
              rowKey="id"
              data-testid="recon-items"
              title={() => `差异明细（${report.items.length}）`}
              locale={{ emptyText: '没有差异：账单与我方记录完全一致' }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={report.items}
              columns={columns}
              scroll={{ x: 1200 }}
            />
          </Space>
        )}
      </Card>
      <Card
        title="近 30 天"
        style={{ marginTop: 16 }}
        extra={
          access.canReadSettlements && (
            <ExportButton
              kind="reconciliation"
              label="导出差异报告"
              params={{ from: `${dayjs(shanghaiToday()).subtract(29, 'day').format('YYYY-MM-DD')}T00:00:00+08:00`, to: `${shanghaiToday()}T00:00:00+08:00` }}
            />
          )
        }
      >
        <Table<ReconRun>
          size="small"
          rowKey="billDate"
          pagination={false}
          locale={{ emptyText: '近 30 天没有对账记录' }}
          dataSource={range?.list ?? []}
          onRow={(row) => ({ onClick: () => setDate(row.billDate), style: { cursor: 'pointer' } })}
          columns={[
            { title: '账单日期', dataIndex: 'billDate' },
            { title: '一致', render: (_, r) => r.counts.matched },
            { title: '差异', render: (_, r) => MISMATCHES.reduce((s, k) => s + r.counts[k], 0) },
            { title: '未说明', dataIndex: 'unexplained', render: (n: number) => (n ? <Text type="danger">{n}</Text> : 0) },
            { title: '渠道收款', align: 'right', render: (_, r) => formatFen(r.totals.theirPaidFen) },
            { title: '我方收款', align: 'right', render: (_, r) => formatFen(r.totals.ourPaidFen) },
          ]}
        />
      </Card>
      <ModalForm<{ note: string }>
        title={`说明差异 ${explaining?.outNo ?? ''}`}
        open={explaining !== null}
        modalProps={{ destroyOnHidden: true, onCancel: () => setExplaining(null) }}
        onFinish={async (values) => {
          if (!explaining) return true;
          try {
            await postAdminReconciliationItemsByIdExplain({ id: String(explaining.id) }, { note: values.note.trim() });
          } catch (e) {
            if (e instanceof ApiError) return false;
            throw e;
          }
          message.success('已记录说明');
          setExplaining(null);
          load();
          loadRange();
          return true;
        }}
      >
        <ProFormTextArea name="note" label="说明" placeholder="如：渠道次日入账，已与微信支付核实" rules={[{ required: true, whitespace: true, message: '请填写说明' }, { max: 500 }]} />
      </ModalForm>
    </PageContainer>
  );
}
