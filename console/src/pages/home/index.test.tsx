import { render, screen } from '@testing-library/react';
import { getAdminDashboardToday } from '@/services/generated';
import HomePage from './index';

jest.mock('@/services/generated', () => ({ getAdminDashboardToday: jest.fn() }));

// The chart itself is echarts on a canvas; what matters here is what the page hands it.
jest.mock('./components/activity-chart', () => ({
  __esModule: true,
  default: ({ bars }: { bars: { label: string; value: number }[] }) => (
    <ul>
      {bars.map((b) => (
        <li key={b.label}>{`${b.label}=${b.value}`}</li>
      ))}
    </ul>
  ),
}));

describe('home dashboard', () => {
  it("shows today's counts as statistic cards and the activity chart", async () => {
    jest.mocked(getAdminDashboardToday).mockResolvedValue({
      date: '2026-11-23',
      customersTotal: 120,
      customersNewToday: 7,
      escortsTotal: 15,
      escortsActive: 11,
      hospitalsTotal: 42,
      serviceItemsTotal: 6,
      staffLoginsToday: 9,
      failedLoginsToday: 2,
      smsSentToday: 31,
      auditEventsToday: 18,
    });
    render(<HomePage />);

    expect(await screen.findByText('员工登录=9')).toBeInTheDocument();
    expect(screen.getByText('客户总数')).toBeInTheDocument();
    expect(screen.getByText('120')).toBeInTheDocument();
    expect(screen.getByText('今日新增')).toBeInTheDocument();
    expect(screen.getByText('42')).toBeInTheDocument();
    expect(screen.getByText('登录失败=2')).toBeInTheDocument();
    expect(screen.getByText('2026-11-23（北京时间）')).toBeInTheDocument();
  });

  it('offers a retry when the counts cannot be loaded', async () => {
    jest.mocked(getAdminDashboardToday).mockRejectedValue(new Error('offline'));
    render(<HomePage />);
    expect(await screen.findByText('看板数据加载失败')).toBeInTheDocument();
  });
});
