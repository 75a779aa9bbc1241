import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import type { DispatchBoard } from '@/services/workforce-models';
import { boardChartOption, boardLayout, clickedOrderId } from '../board-chart';

// SVG, not canvas: the bars are elements a screen reader and a browser test can find by order number.
echarts.use([CustomChart, GridComponent, TooltipComponent, SVGRenderer]);

const ROW_HEIGHT = 44;

export default function BoardGantt({ board, onOpenOrder }: { board: DispatchBoard; onOpenOrder(orderId: number): void }) {
  const layout = useMemo(() => boardLayout(board), [board]);
  const option = useMemo(() => boardChartOption(layout), [layout]);
  return (
    <div data-testid="dispatch-gantt">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height: Math.max(160, layout.rowLabels.length * ROW_HEIGHT + 48) }}
        onEvents={{
          click: (e: { seriesId?: string; dataIndex?: number }) => {
            const id = clickedOrderId(layout, e);
            if (id !== null) onOpenOrder(id);
          },
        }}
      />
    </div>
  );
}
