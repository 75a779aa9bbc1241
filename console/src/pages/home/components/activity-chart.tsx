import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';

// Only what this chart draws is registered, which keeps the echarts chunk small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ActivityBar {
  label: string;
  value: number;
}

export default function ActivityChart({ bars }: { bars: ActivityBar[] }) {
  const option = {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: bars.map((b) => b.label), inverse: true },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => b.value),
        barMaxWidth: 22,
        itemStyle: { color: '#1677ff', borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right' },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 240 }} notMerge lazyUpdate />;
}
