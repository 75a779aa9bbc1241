import { DownloadOutlined } from '@ant-design/icons';
import { ProCard } from '@ant-design/pro-components';
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { Button, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { toCsv, type ChartSpec } from '../charts';
import { toXlsx, XLSX_TYPE } from '../xlsx';

// Only the chart types the dashboards draw are registered (keeps the echarts chunk small).
echarts.use([LineChart, BarChart, PieChart, HeatmapChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

function download(filename: string, content: string | Uint8Array, type = 'text/csv;charset=utf-8') {
  // Uint8Array is a valid BlobPart at runtime; TS 5.7 types its buffer as ArrayBufferLike.
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** One chart with its filters, refresh time, a 图表/表格 switch and its table exported as CSV or Excel. */
export default function ChartCard({ spec, filtersText, refreshedText, fileSuffix }: { spec: ChartSpec; filtersText: string; refreshedText: string; fileSuffix: string }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <div data-testid={`chart-${spec.key}`} data-view={view}>
      <ProCard
        title={spec.title}
        bordered
        headerBordered
        extra={
          <Space>
            <Segmented
              size="small"
              value={view}
              onChange={v => setView(v as 'chart' | 'table')}
              options={[
                { label: '图表', value: 'chart' },
                { label: '表格', value: 'table' },
              ]}
            />
            <Button size="small" icon={<DownloadOutlined />} onClick={() => download(`${spec.title}-${fileSuffix}.csv`, toCsv(spec.columns, spec.rows))}>
              导出 CSV
            </Button>
            <Button size="small" icon={<DownloadOutlined />} data-testid={`xlsx-${spec.key}`} onClick={() => download(`${spec.title}-${fileSuffix}.xlsx`, toXlsx(spec.columns, spec.rows, spec.title), XLSX_TYPE)}>
              导出 Excel
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
          筛选：{filtersText}　数据更新于 {refreshedText}
          {spec.note ? <><br />{spec.note}</> : null}
        </Typography.Paragraph>
        {view === 'chart' ? (
          <ReactEChartsCore echarts={echarts} option={spec.option} style={{ height: spec.height ?? 300 }} notMerge lazyUpdate />
        ) : (
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            columns={spec.columns.map(c => ({ key: c.key, dataIndex: c.key, title: c.title }))}
            dataSource={spec.rows}
            pagination={spec.rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
            scroll={{ x: true }}
          />
        )}
      </ProCard>
    </div>
  );
}
