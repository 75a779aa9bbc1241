import type { BoardRow } from '@/services/workforce-models';
import { BAR_COLORS, barLabelStyle, boardChartOption, boardLayout, clickedOrderId } from './board-chart';

const FROM = '2026-11-23T16:00:00.000Z';

function row(over: Partial<BoardRow>): BoardRow {
  return {
    escortId: 1,
    name: '李静',
    level: 'senior',
    levelLabel: '中级',
    liveStatus: 'idle',
    liveStatusLabel: '空闲',
    shifts: [],
    leaves: [],
    orders: [],
    ...over,
  };
}

const board = {
  from: FROM,
  escorts: [
    row({
      shifts: [{ start: '2026-11-24T00:00:00.000Z', end: '2026-11-24T09:00:00.000Z' }],
      orders: [
        { orderId: 7, orderNo: 'PZ7', status: 'accepted', serviceName: '门诊陪诊', hospitalName: '中山医院', startAt: '2026-11-24T01:00:00.000Z', endAt: '2026-11-24T03:00:00.000Z', late: false },
        { orderId: 8, orderNo: 'PZ8', status: 'dispatched', serviceName: '门诊陪诊', hospitalName: '华山医院', startAt: '2026-11-24T05:00:00.000Z', endAt: '2026-11-24T06:00:00.000Z', late: true },
      ],
    }),
    row({ escortId: 2, name: '王强', liveStatus: 'on_leave', liveStatusLabel: '请假', leaves: [{ start: FROM, end: '2026-11-24T16:00:00.000Z' }] }),
  ],
};

describe('day board layout', () => {
  it('gives each escort a row named with what they are doing now', () => {
    expect(boardLayout(board).rowLabels).toEqual(['李静（空闲）', '王强（请假）']);
  });

  it('places shifts, leave and orders in Shanghai minutes on their escort’s row', () => {
    const layout = boardLayout(board);
    expect(layout.shifts).toEqual([{ row: 0, start: 480, end: 1020, label: '排班', color: '#d9f7be' }]);
    expect(layout.leaves).toEqual([expect.objectContaining({ row: 1, start: 0, end: 1440, label: '请假' })]);
    expect(layout.orders.map((o) => [o.row, o.start, o.end, o.label, o.orderId])).toEqual([
      [0, 540, 660, 'PZ7', 7],
      [0, 780, 840, 'PZ8', 8],
    ]);
  });

  it('paints an escort late to set off red, others by status', () => {
    const [accepted, late] = boardLayout(board).orders;
    expect(accepted.color).toBe(BAR_COLORS.accepted);
    expect(late.color).toBe(BAR_COLORS.late);
  });

  it('shows the whole day when leave covers it, and hours as HH:00 on the axis', () => {
    const option = boardChartOption(boardLayout(board));
    expect([option.xAxis.min, option.xAxis.max]).toEqual([0, 1440]);
    expect(option.xAxis.axisLabel.formatter(540)).toBe('09:00');
    expect(option.series.map((s) => [s.id, s.data.length])).toEqual([
      ['shifts', 1],
      ['leaves', 1],
      ['orders', 2],
    ]);
  });

  it('knows which order a click on a bar meant, and ignores clicks on shading', () => {
    const layout = boardLayout(board);
    expect(clickedOrderId(layout, { seriesId: 'orders', dataIndex: 1 })).toBe(8);
    expect(clickedOrderId(layout, { seriesId: 'shifts', dataIndex: 0 })).toBeNull();
  });

  it('writes an order number in its bar when it fits, otherwise whole just after it', () => {
    expect(barLabelStyle('PZ7', 100, 80, 20)).toMatchObject({ x: 104, fill: '#fff' });
    expect(barLabelStyle('PZ2611240003987757', 100, 40, 20)).toMatchObject({ text: 'PZ2611240003987757', x: 144, fill: '#262626' });
  });

  it('labels every other hour on a long day', () => {
    expect(boardChartOption(boardLayout(board)).xAxis.interval).toBe(120);
    expect(boardChartOption({ ...boardLayout(board), hours: [8, 18] }).xAxis.interval).toBe(60);
  });
});
