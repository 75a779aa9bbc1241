import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { getAdminCities, getAdminPriceRules, postAdminPriceRulesByIdDisable } from '@/services/generated';
import PriceRulesPage from './index';

let mockAccess: Record<string, boolean> = {};
let mockAllCities = true;

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
  useModel: () => ({ initialState: { currentUser: { allCities: mockAllCities } } }),
}));

jest.mock('@/services/generated', () => ({
  getAdminPriceRules: jest.fn(),
  getAdminCities: jest.fn(),
  postAdminPriceRules: jest.fn(),
  putAdminPriceRulesById: jest.fn(),
  postAdminPriceRulesByIdEnable: jest.fn(),
  postAdminPriceRulesByIdDisable: jest.fn(),
}));

const base = {
  kind: 'surcharge',
  amountType: 'bp',
  amount: 1000,
  params: {},
  categoryCodes: [] as string[],
  cityId: null as number | null,
  cityName: null as string | null,
  enabled: true,
  sortOrder: 10,
  updatedAt: '2026-01-01T00:00:00Z',
};
const rules = [
  { ...base, id: 1, code: 'grade_3a', name: '三甲医院加价', type: 'hospital_grade', typeName: '医院等级', params: { grades: ['三甲'] }, categoryCodes: ['outpatient'] },
  { ...base, id: 2, code: 'night', name: '夜间服务加价', type: 'night', typeName: '夜间服务', amount: 2000, params: { startTime: '20:00', endTime: '07:00' } },
  { ...base, id: 3, code: 'first_order', name: '首单立减', type: 'first_order', typeName: '首单优惠', kind: 'discount', amountType: 'fen', amount: 2000 },
  { ...base, id: 4, code: 'member_sh', name: '上海会员价', type: 'member', typeName: '会员价', kind: 'discount', amount: 800, cityId: 1, cityName: '上海', enabled: false },
];

function rowOf(text: string): HTMLElement {
  return screen.getByText(text).closest('tr') as HTMLElement;
}

async function renderPage(access: Record<string, boolean>, allCities = true) {
  mockAccess = access;
  mockAllCities = allCities;
  render(
    <App>
      <PriceRulesPage />
    </App>,
  );
  await screen.findByText('首单立减');
}

describe('price rules page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminPriceRules).mockResolvedValue(rules as never);
    jest.mocked(getAdminCities).mockResolvedValue([{ id: 1, code: '310100', name: '上海' }]);
  });

  it('shows each rule’s amount, condition, categories and city in words', async () => {
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    const grade = within(rowOf('三甲医院加价'));
    expect(grade.getByText('+10%')).toBeInTheDocument();
    expect(grade.getByText('医院等级：三甲')).toBeInTheDocument();
    expect(grade.getByText('门诊陪诊')).toBeInTheDocument();
    expect(grade.getByText('全部城市')).toBeInTheDocument();
    expect(within(rowOf('夜间服务加价')).getByText('北京时间 20:00–07:00 的服务时段')).toBeInTheDocument();
    expect(within(rowOf('首单立减')).getByText('-¥20.00')).toBeInTheDocument();
    const member = within(rowOf('上海会员价'));
    expect(member.getByText('-8%')).toBeInTheDocument();
    expect(member.getByText('上海')).toBeInTheDocument();
    expect(member.getByText('启用')).toBeInTheDocument();
  });

  it('lets city staff change only their city’s rules', async () => {
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true }, false);
    expect(within(rowOf('三甲医院加价')).getByText('仅管理员可改')).toBeInTheDocument();
    expect(within(rowOf('上海会员价')).getByText('编辑')).toBeInTheDocument();
  });

  it('has no write controls without catalog:write', async () => {
    await renderPage({ canReadCatalog: true, canWriteCatalog: false, canReadCities: true });
    expect(screen.queryByText('新建规则')).toBeNull();
    expect(screen.queryByText('编辑')).toBeNull();
  });

  it('switches a rule off after confirmation', async () => {
    jest.mocked(postAdminPriceRulesByIdDisable).mockResolvedValue({} as never);
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    fireEvent.click(within(rowOf('夜间服务加价')).getByText('停用'));
    fireEvent.click((await screen.findByText(/^确\s*定$/)).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminPriceRulesByIdDisable).toHaveBeenCalledWith({ id: '2' }));
    await waitFor(() => expect(getAdminPriceRules).toHaveBeenCalledTimes(2));
  });
});
