import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import {
  getAdminCities,
  getAdminServiceItems,
  getAdminServiceItemsById,
  postAdminServiceItemsByIdDisable,
  putAdminServiceItemsById,
  putAdminServiceItemsByIdCityPricesByCityId,
} from '@/services/generated';
import ServiceItemsPage from './index';

let mockAccess: Record<string, boolean> = {};

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
}));

jest.mock('@/services/generated', () => ({
  getAdminServiceItems: jest.fn(),
  getAdminServiceItemsById: jest.fn(),
  getAdminCities: jest.fn(),
  postAdminServiceItems: jest.fn(),
  putAdminServiceItemsById: jest.fn(),
  postAdminServiceItemsByIdEnable: jest.fn(),
  postAdminServiceItemsByIdDisable: jest.fn(),
  putAdminServiceItemsByIdCityPricesByCityId: jest.fn(),
  postAdminServiceItemsByIdCityPricesByCityIdEnable: jest.fn(),
  postAdminServiceItemsByIdCityPricesByCityIdDisable: jest.fn(),
}));

const opd = {
  id: 1,
  code: 'OPD-HALF',
  categoryCode: 'outpatient',
  categoryName: '门诊陪诊',
  name: '门诊陪诊（半天）',
  description: '半天门诊全程陪同',
  includes: ['协助挂号'],
  requiredQualifications: ['basic_escort'],
  preparation: ['身份证'],
  minDurationMinutes: 120,
  maxDurationMinutes: 240,
  defaultDurationMinutes: 240,
  pricingUnit: 'half_day',
  unitLabel: '半天',
  basePriceFen: 19900,
  enabled: true,
  sortOrder: 10,
  cityPrices: [
    { id: 1, serviceItemId: 1, cityId: 1, cityName: '上海', unitPriceFen: 19900, enabled: true },
    { id: 2, serviceItemId: 1, cityId: 2, cityName: '北京', unitPriceFen: 21950, enabled: false },
  ],
  updatedAt: '2026-01-01T00:00:00Z',
};
const report = {
  ...opd,
  id: 2,
  code: 'ERR-REPORT',
  categoryCode: 'errand',
  categoryName: '同城代办',
  name: '代取报告',
  pricingUnit: 'visit',
  unitLabel: '次',
  basePriceFen: 5900,
  minDurationMinutes: 30,
  maxDurationMinutes: 1440,
  enabled: false,
  cityPrices: [],
};

const list = jest.mocked(getAdminServiceItems);

function rowOf(text: string): HTMLElement {
  return screen.getByText(text).closest('tr') as HTMLElement;
}

async function renderPage(access: Record<string, boolean>) {
  mockAccess = access;
  render(
    <App>
      <ServiceItemsPage />
    </App>,
  );
  await screen.findByText('代取报告');
}

describe('service items page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    list.mockResolvedValue({ list: [opd, report], total: 2, page: 1, pageSize: 20 } as never);
    jest.mocked(getAdminCities).mockResolvedValue([
      { id: 1, code: '310100', name: '上海' },
      { id: 2, code: '110100', name: '北京' },
    ]);
  });

  it('shows prices in yuan from fen, per city, with durations and status', async () => {
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    const row = within(rowOf('门诊陪诊（半天）'));
    expect(row.getByText('¥199.00 / 半天')).toBeInTheDocument();
    expect(row.getByText(/上海 ¥199.00/)).toBeInTheDocument();
    expect(row.getByText(/北京 ¥219.50（停售）/)).toBeInTheDocument();
    expect(row.getByText('2 小时 – 4 小时')).toBeInTheDocument();
    expect(row.getByText('门诊陪诊')).toBeInTheDocument();
    const errand = within(rowOf('代取报告'));
    expect(errand.getByText('未开通城市')).toBeInTheDocument();
    expect(errand.getByText('下架')).toBeInTheDocument();
    expect(errand.getByText('30 分钟 – 1 天')).toBeInTheDocument();
  });

  it('gives catalog:write create, edit and list/unlist', async () => {
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    expect(screen.getByText('新建服务项目')).toBeInTheDocument();
    expect(within(rowOf('门诊陪诊（半天）')).getByText('编辑')).toBeInTheDocument();
    expect(within(rowOf('代取报告')).getByText('上架')).toBeInTheDocument();
  });

  it('is read-only without catalog:write', async () => {
    await renderPage({ canReadCatalog: true, canWriteCatalog: false, canReadCities: true });
    expect(screen.queryByText('新建服务项目')).toBeNull();
    expect(screen.queryByText('编辑')).toBeNull();
    expect(within(rowOf('门诊陪诊（半天）')).getByText('城市价格')).toBeInTheDocument();
  });

  it('unlists an item after confirmation and reloads', async () => {
    jest.mocked(postAdminServiceItemsByIdDisable).mockResolvedValue({} as never);
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    fireEvent.click(within(rowOf('门诊陪诊（半天）')).getByText('下架'));
    fireEvent.click((await screen.findByText(/^确\s*定$/)).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminServiceItemsByIdDisable).toHaveBeenCalledWith({ id: '1' }));
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('saves an edited item with the price typed in yuan sent as fen', async () => {
    jest.mocked(putAdminServiceItemsById).mockResolvedValue(opd as never);
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    fireEvent.click(within(rowOf('门诊陪诊（半天）')).getByText('编辑'));
    const price = await screen.findByDisplayValue('199.00');
    fireEvent.change(price, { target: { value: '209.9' } });
    const drawer = price.closest('.ant-drawer') as HTMLElement;
    fireEvent.click(within(drawer).getByText(/^确\s*认$|^确\s*定$/).closest('button') as HTMLButtonElement);
    await waitFor(() =>
      expect(putAdminServiceItemsById).toHaveBeenCalledWith(
        { id: '1' },
        expect.objectContaining({ basePriceFen: 20990, includes: ['协助挂号'], minDurationMinutes: 120, pricingUnit: 'half_day' }),
      ),
    );
  });

  it('sets a city price from yuan text and refreshes the rows', async () => {
    jest.mocked(putAdminServiceItemsByIdCityPricesByCityId).mockResolvedValue({} as never);
    jest.mocked(getAdminServiceItemsById).mockResolvedValue({
      ...report,
      cityPrices: [{ id: 9, serviceItemId: 2, cityId: 2, cityName: '北京', unitPriceFen: 6990, enabled: true }],
    } as never);
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    fireEvent.click(within(rowOf('代取报告')).getByText('城市价格'));
    const beijing = await screen.findByLabelText('北京单价');
    expect(beijing).toHaveValue('59.00');
    fireEvent.change(beijing, { target: { value: '69.9' } });
    const dialogRow = beijing.closest('tr') as HTMLElement;
    fireEvent.click(within(dialogRow).getByText(/^开\s*通$/).closest('button') as HTMLButtonElement);
    await waitFor(() =>
      expect(putAdminServiceItemsByIdCityPricesByCityId).toHaveBeenCalledWith({ id: '2', cityId: '2' }, { unitPriceFen: 6990 }),
    );
    expect(await screen.findByText('¥69.90 / 次')).toBeInTheDocument();
  });

  it('will not send a price that is not yuan with at most two decimals', async () => {
    await renderPage({ canReadCatalog: true, canWriteCatalog: true, canReadCities: true });
    fireEvent.click(within(rowOf('门诊陪诊（半天）')).getByText('城市价格'));
    const shanghai = await screen.findByLabelText('上海单价');
    fireEvent.change(shanghai, { target: { value: '199.999' } });
    expect(within(shanghai.closest('tr') as HTMLElement).getByText(/保\s*存/).closest('button')).toBeDisabled();
  });
});
