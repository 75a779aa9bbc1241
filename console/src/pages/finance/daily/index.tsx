import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { getAdminFinanceDailySummary } from '@/services/generated';
import { formatFen } from '@/utils/money';
import { shanghaiToday } from '@/utils/time';
import ExportButton from '../components/export-button';
import { dailySeries, type DailyRow } from '../settlement-logic';
import { useLoad } from '../use-load';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Day = API.DailySummaryView;

const money = (key: keyof Day, title: string) => ({
  title,
  dataIndex: key,
  align: 'right' as const,
  render: (v: number) => formatFen(v),
});

/**
 * 财务日报: per Shanghai day, money in and out, the platform's and escorts' shares, payouts, and
 * the difference between the payment records and the ledger, which must be zero.
 */
export default function DailySummaryPage() {
  const today = dayjs(shanghaiToday());
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const { data, loading } = useLoad(() => getAdminFinanceDailySummary({ from, to }), [from, to]);
  const rows = (data?.days ?? []) as Day[];
  const chart = dailySeries(rows as DailyRow[]);

  return (
    <PageContainer
      extra={[
        <DatePicker.RangePicker key="range" value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />,
        <ExportButton key="payments" kind="payments" label="导出支付" params={{ from: `${from}T00:00:00+08:00`, to: range[1].add(1, 'day').format('YYYY-MM-DDT00:00:00+08:00') }} />,
        <ExportButton key="refunds" kind="refunds" label="导出退款" params={{ from: `${from}T00:00:00+08:00`, to: range[1].add(1, 'day').format('YYYY-MM-DDT00:00:00+08:00') }} />,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {chart.daysOff.length > 0 ? (
          <Alert type="error" showIcon message={`有 ${chart.daysOff.length} 天差额不为 0：${chart.daysOff.join('、')}`} description="支付或退款记录与账本入账不在同一天或未入账，请核查。" />
        ) : (
          data !== undefined && <Alert type="success" showIcon message="每天差额均为 0：收款 − 退款 = 平台收入 + 应付陪诊师 + 预收款变动" />
        )}
        <Card title="收入、退款与应付走势（元）" size="small">
          <ReactEChartsCore
            echarts={echarts}
            notMerge
            lazyUpdate
            style={{ height: 320 }}
            option={{
              grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              xAxis: { type: 'category', data: chart.dates },
              yAxis: { type: 'value' },
              series: chart.series.map((s) => ({ ...s, type: 'line', smooth: true, showSymbol: false })),
            }}
          />
        </Card>
        <Table<Day>
          rowKey="date"
          size="small"
          loading={loading}
          pagination={false}
          scroll={{ x: 1100, y: 480 }}
          dataSource={rows}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110, fixed: 'left' },
            money('receivedFen', '收款'),
            money('refundedFen', '退款'),
            money('platformRevenueFen', '平台收入'),
            money('escortPayableFen', '应付陪诊师'),
            money('unearnedChangeFen', '预收款变动'),
            money('paidOutFen', '已打款'),
            {
              title: '差额',
              dataIndex: 'differenceFen',
              align: 'right',
              render: (v: number) => <Typography.Text type={v === 0 ? 'success' : 'danger'}>{formatFen(v)}</Typography.Text>,
            },
          ]}
          summary={() =>
            data?.total ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  {(['receivedFen', 'refundedFen', 'platformRevenueFen', 'escortPayableFen', 'unearnedChangeFen', 'paidOutFen', 'differenceFen'] as const).map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 1} align="right">
                      {formatFen(data.total?.[k] ?? 0)}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Space>
    </PageContainer>
  );
}
