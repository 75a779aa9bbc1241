import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminCities, getAdminHospitalNotices, postAdminHospitalNoticesByIdEnd } from '@/services/generated';
import HospitalNoticesPage from './index';

let mockAccess: Record<string, boolean> = {};

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
}));

jest.mock('@/services/generated', () => ({
  getAdminCities: jest.fn(),
  getAdminHospitalNotices: jest.fn(),
  getAdminHospitals: jest.fn(),
  getAdminHospitalsById: jest.fn(),
  postAdminHospitalsByIdNotices: jest.fn(),
  putAdminHospitalNoticesById: jest.fn(),
  postAdminHospitalNoticesByIdEnd: jest.fn(),
  deleteAdminHospitalNoticesById: jest.fn(),
}));

const notice = {
  id: 41,
  hospitalId: 1,
  hospitalName: '复旦大学附属中山医院',
  departmentId: 3,
  departmentName: '放射科',
  title: 'CT 机维修',
  content: '改至急诊楼 1 楼',
  level: 'warning',
  // 2026-06-01 08:00 and 2026-06-08 00:00 in Shanghai.
  startsAt: '2026-06-01T00:00:00.000Z',
  endsAt: '2026-06-07T16:00:00.000Z',
  status: 'active',
};
const board = jest.mocked(getAdminHospitalNotices);

async function renderPage(access: Record<string, boolean>) {
  mockAccess = { canReadHospitals: true, canReadCities: true, ...access };
  render(
    <App>
      <HospitalNoticesPage />
    </App>,
  );
  await screen.findByText('CT 机维修');
}

describe('notice board', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    board.mockResolvedValue({ list: [notice], total: 1, page: 1, pageSize: 20 } as never);
    jest.mocked(getAdminCities).mockResolvedValue([{ id: 1, code: '310100', name: '上海' }] as never);
  });

  it('opens on the active notices, with the window in Shanghai time', async () => {
    await renderPage({ canWriteHospitals: true });
    expect(board).toHaveBeenCalledWith(expect.objectContaining({ status: 'active', page: 1 }));
    expect(screen.getByText('2026-06-01 08:00 至 2026-06-08 00:00')).toBeInTheDocument();
    expect(screen.getByText('放射科')).toBeInTheDocument();
    expect(screen.getByText('警示')).toBeInTheDocument();
  });

  it('switches between upcoming, expired and all', async () => {
    await renderPage({ canWriteHospitals: true });
    fireEvent.click(screen.getByText('未开始'));
    await waitFor(() => expect(board).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'upcoming' })));
    fireEvent.click(screen.getByText('全部'));
    await waitFor(() => expect(board).toHaveBeenLastCalledWith(expect.not.objectContaining({ status: expect.anything() })));
  });

  it('ends a notice now after confirmation', async () => {
    jest.mocked(postAdminHospitalNoticesByIdEnd).mockResolvedValue({} as never);
    await renderPage({ canWriteHospitals: true });
    fireEvent.click(screen.getByText('立即结束'));
    fireEvent.click((await screen.findByText(/^确\s*定$/)).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminHospitalNoticesByIdEnd).toHaveBeenCalledWith({ id: '41' }));
  });

  it('is read-only without hospital:write', async () => {
    await renderPage({ canWriteHospitals: false });
    expect(screen.queryByText('发布公告')).toBeNull();
    expect(screen.queryByText('立即结束')).toBeNull();
  });
});
