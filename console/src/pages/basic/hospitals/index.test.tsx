import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import {
  getAdminCities,
  getAdminHospitals,
  getAdminHospitalsById,
  postAdminHospitalsByIdDisable,
  putAdminHospitalsByIdStepTemplatesByCategoryCode,
} from '@/services/generated';
import HospitalsPage from './index';

let mockAccess: Record<string, boolean> = {};

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
}));

jest.mock('@/services/generated', () => ({
  getAdminCities: jest.fn(),
  getAdminHospitals: jest.fn(),
  getAdminHospitalsById: jest.fn(),
  postAdminHospitals: jest.fn(),
  putAdminHospitalsById: jest.fn(),
  postAdminHospitalsByIdDisable: jest.fn(),
  postAdminHospitalsByIdEnable: jest.fn(),
  postAdminHospitalsByIdDepartments: jest.fn(),
  putAdminHospitalsByIdDepartmentsByDepartmentId: jest.fn(),
  deleteAdminHospitalsByIdDepartmentsByDepartmentId: jest.fn(),
  postAdminHospitalsByIdMeetingPoints: jest.fn(),
  putAdminHospitalsByIdMeetingPointsByPointId: jest.fn(),
  deleteAdminHospitalsByIdMeetingPointsByPointId: jest.fn(),
  putAdminHospitalsByIdStepTemplatesByCategoryCode: jest.fn(),
  deleteAdminHospitalsByIdStepTemplatesByCategoryCode: jest.fn(),
  postAdminHospitalsByIdNotices: jest.fn(),
  putAdminHospitalNoticesById: jest.fn(),
}));

const base = {
  cityId: 1,
  cityName: '上海',
  grade: '三甲',
  latitude: '31.196300',
  longitude: '121.453900',
  phone: '021-64041990',
  outpatientHours: '周一至周五',
  visitingHours: '每日 15:00-20:00',
  intro: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const hospitals = [
  { ...base, id: 1, name: '复旦大学附属中山医院', alias: '中山医院', address: '枫林路180号', enabled: true },
  { ...base, id: 2, name: '停用的医院', alias: '', address: '某路1号', enabled: false },
];
const detail = {
  ...hospitals[0],
  departments: [{ id: 11, hospitalId: 1, name: '心内科', building: '门诊楼', floor: '3F', room: '302', phone: '', notes: '' }],
  meetingPoints: [{ id: 21, hospitalId: 1, name: '门诊楼 2 号门', description: '东侧入口' }],
  stepTemplates: [
    { id: 31, hospitalId: 1, categoryCode: 'outpatient', categoryName: '门诊陪诊', steps: ['集合', '挂号', '候诊'], updatedAt: '2026-01-01T00:00:00Z' },
  ],
  notices: [
    {
      id: 41,
      hospitalId: 1,
      hospitalName: '复旦大学附属中山医院',
      departmentId: null,
      departmentName: null,
      title: 'CT 机维修',
      content: '改至急诊楼',
      level: 'warning',
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2026-01-08T00:00:00Z',
      status: 'active',
    },
  ],
};

const list = jest.mocked(getAdminHospitals);
const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

async function renderPage(access: Record<string, boolean>) {
  mockAccess = { canReadHospitals: true, canReadCities: true, ...access };
  render(
    <App>
      <HospitalsPage />
    </App>,
  );
  await screen.findByText('复旦大学附属中山医院');
}

describe('hospitals page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    list.mockResolvedValue({ list: hospitals, total: 2, page: 1, pageSize: 20 } as never);
    jest.mocked(getAdminCities).mockResolvedValue([{ id: 1, code: '310100', name: '上海' }] as never);
    jest.mocked(getAdminHospitalsById).mockResolvedValue(detail as never);
  });

  it('lists hospitals with alias, city and status', async () => {
    await renderPage({ canWriteHospitals: true });
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ page: 1, pageSize: 20 }));
    expect(within(rowOf('复旦大学附属中山医院')).getByText('中山医院')).toBeInTheDocument();
    expect(within(rowOf('停用的医院')).getByText('已停用')).toBeInTheDocument();
  });

  it('sends the keyword to the API search', async () => {
    await renderPage({ canWriteHospitals: true });
    fireEvent.change(screen.getByPlaceholderText('名称、别名、地址或科室'), { target: { value: ' 协和 ' } });
    fireEvent.click(screen.getByText(/^查\s*询$/).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ keyword: '协和', page: 1 })));
  });

  it('offers create, edit and disable only with hospital:write', async () => {
    await renderPage({ canWriteHospitals: false });
    expect(screen.queryByText('新建医院')).toBeNull();
    expect(within(rowOf('复旦大学附属中山医院')).queryByText('编辑')).toBeNull();
    expect(within(rowOf('复旦大学附属中山医院')).getByText('详情')).toBeInTheDocument();
  });

  it('disables a hospital after confirmation', async () => {
    jest.mocked(postAdminHospitalsByIdDisable).mockResolvedValue({} as never);
    await renderPage({ canWriteHospitals: true });
    fireEvent.click(within(rowOf('复旦大学附属中山医院')).getByText('停用'));
    fireEvent.click((await screen.findByText(/^确\s*定$/)).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminHospitalsByIdDisable).toHaveBeenCalledWith({ id: '1' }));
  });

  it('opens the detail drawer and saves a reordered step template', async () => {
    jest.mocked(putAdminHospitalsByIdStepTemplatesByCategoryCode).mockResolvedValue({} as never);
    await renderPage({ canWriteHospitals: true });
    fireEvent.click(within(rowOf('复旦大学附属中山医院')).getByText('详情'));
    await waitFor(() => expect(getAdminHospitalsById).toHaveBeenCalledWith({ id: '1' }));
    fireEvent.click(await screen.findByText('服务流程'));
    const third = await screen.findByDisplayValue('候诊');
    const row = third.closest('.ant-space-compact') as HTMLElement;
    fireEvent.click(within(row).getByLabelText('上移'));
    fireEvent.click(screen.getByText('保存门诊陪诊流程').closest('button') as HTMLButtonElement);
    await waitFor(() =>
      expect(putAdminHospitalsByIdStepTemplatesByCategoryCode).toHaveBeenCalledWith(
        { id: '1', categoryCode: 'outpatient' },
        { steps: ['集合', '候诊', '挂号'] },
      ),
    );
  });

  it('shows departments, meeting points and notices in the drawer', async () => {
    await renderPage({ canWriteHospitals: true });
    fireEvent.click(within(rowOf('复旦大学附属中山医院')).getByText('详情'));
    fireEvent.click(await screen.findByText('科室（1）'));
    expect(await screen.findByText('心内科')).toBeInTheDocument();
    expect(screen.getByText('门诊楼 · 3F · 302')).toBeInTheDocument();
    fireEvent.click(screen.getByText('集合点（1）'));
    expect(await screen.findByText('门诊楼 2 号门')).toBeInTheDocument();
    fireEvent.click(screen.getByText('公告（1）'));
    expect(await screen.findByText('CT 机维修')).toBeInTheDocument();
    expect(screen.getByText('生效中')).toBeInTheDocument();
  });
});
