/**
 * The day board as an echarts option (custom series on a time axis of minutes since Shanghai
 * midnight): one category row per escort, shifts shaded, leave shaded red, orders as bars with
 * their number. Built here, as data, so the layout is tested without a browser.
 */
import { LIVE_STATUS } from '@/constants/workforce';
import type { BoardOrderBar, BoardRow, DispatchBoard, Span } from '@/services/workforce-models';
import { minuteOfDay, visibleHours } from './dispatch-format';

export const BAR_COLORS: Record<string, string> = {
  dispatched: '#1677ff',
  accepted: '#13c2c2',
  departed: '#2f54eb',
  in_service: '#722ed1',
  completed: '#8c8c8c',
  late: '#f5222d',
};

/** One drawn item: its row, start and end minute, and what to say about it. */
export interface BoardItem {
  row: number;
  start: number;
  end: number;
  label: string;
  color: string;
  orderId?: number;
}

export interface BoardLayout {
  hours: [number, number];
  rowLabels: string[];
  shifts: BoardItem[];
  leaves: BoardItem[];
  orders: BoardItem[];
}

function spanItem(row: number, span: Span, dayStart: string, label: string, color: string): BoardItem {
  return { row, start: minuteOfDay(span.start, dayStart), end: minuteOfDay(span.end, dayStart), label, color };
}

export function orderColor(o: Pick<BoardOrderBar, 'status' | 'late'>): string {
  if (o.late) return BAR_COLORS.late;
  return BAR_COLORS[o.status] ?? '#595959';
}

export function boardLayout(board: Pick<DispatchBoard, 'from' | 'escorts'>): BoardLayout {
  const dayStart = board.from;
  const all: Span[] = board.escorts.flatMap((r) => [...r.shifts, ...r.leaves, ...r.orders.map((o) => ({ start: o.startAt, end: o.endAt }))]);
  const layout: BoardLayout = { hours: visibleHours(all, dayStart), rowLabels: [], shifts: [], leaves: [], orders: [] };
  board.escorts.forEach((r: BoardRow, i) => {
    layout.rowLabels.push(`${r.name}（${LIVE_STATUS[r.liveStatus]?.label ?? r.liveStatusLabel}）`);
    r.shifts.forEach((s) => layout.shifts.push(spanItem(i, s, dayStart, '排班', '#d9f7be')));
    r.leaves.forEach((l) => layout.leaves.push(spanItem(i, l, dayStart, '请假', '#ffccc7')));
    r.orders.forEach((o) =>
      layout.orders.push({
        ...spanItem(i, { start: o.startAt, end: o.endAt }, dayStart, o.orderNo, orderColor(o)),
        orderId: o.orderId,
      }),
    );
  });
  return layout;
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Roughly how wide an order number is at 11 px (digits and Latin letters). */
const labelWidth = (text: string) => text.length * 6.6 + 8;

/**
 * The order number inside its bar in white when it fits, otherwise in dark text just after the
 * bar, never cut short: dispatchers read and search for whole order numbers.
 */
export function barLabelStyle(text: string, x: number, width: number, y: number) {
  const fits = labelWidth(text) <= width;
  return { text, x: fits ? x + 4 : x + width + 4, y, fill: fits ? '#fff' : '#262626', fontSize: 11, verticalAlign: 'middle' as const };
}

type Api = {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(range: [number, number]): [number, number];
};

/** A custom series drawing `items` as rects `heightShare` of a row high, with the label inside when asked. */
function series(id: string, items: BoardItem[], heightShare: number, withText: boolean, z: number) {
  return {
    id,
    type: 'custom',
    z,
    encode: { x: [1, 2], y: 0 },
    data: items.map((it) => [it.row, it.start, it.end]),
    renderItem: (params: { dataIndex: number }, api: Api) => {
      const it = items[params.dataIndex];
      const [x0, y] = api.coord([api.value(1), api.value(0)]);
      const [x1] = api.coord([api.value(2), api.value(0)]);
      const height = api.size([0, 1])[1] * heightShare;
      const shape = { x: x0, y: y - height / 2, width: Math.max(x1 - x0, 3), height };
      const children: unknown[] = [{ type: 'rect', shape, style: { fill: it.color } }];
      if (withText) children.push({ type: 'text', style: barLabelStyle(it.label, shape.x, shape.width, y) });
      return { type: 'group', children };
    },
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const it = items[p.dataIndex];
        return `${it.label}<br/>${clock(it.start)}–${clock(it.end)}`;
      },
    },
  };
}

export function boardChartOption(layout: BoardLayout) {
  const [from, to] = layout.hours;
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      position: 'top',
      min: from * 60,
      max: to * 60,
      // Hour labels every hour on a short day, every two hours on a long one, so they never run together.
      interval: to - from > 10 ? 120 : 60,
      axisLabel: { formatter: (m: number) => clock(m) },
      splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: layout.rowLabels,
      splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
      axisTick: { show: false },
    },
    series: [
      series('shifts', layout.shifts, 0.9, false, 1),
      series('leaves', layout.leaves, 0.9, false, 2),
      series('orders', layout.orders, 0.55, true, 3),
    ],
  };
}

/** Which order a click on the chart hit, if any. */
export function clickedOrderId(layout: BoardLayout, event: { seriesId?: string; dataIndex?: number }): number | null {
  if (event.seriesId !== 'orders' || event.dataIndex === undefined) return null;
  return layout.orders[event.dataIndex]?.orderId ?? null;
}
