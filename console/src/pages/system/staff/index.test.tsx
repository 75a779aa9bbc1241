import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  getAdminCities,
  getAdminRoles,
  getAdminStaffUsers,
  postAdminStaffUsersByIdDisable,
  putAdminStaffUsersById,
} from '@/services/generated';
import { App } from 'antd';
import StaffPage from './index';

let mockAccess: Record<string, boolean> = {};

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
}));

jest.mock('@/services/generated', () => ({
  getAdminStaffUsers: jest.fn(),
  getAdminCities: jest.fn(),
  getAdminRoles: jest.fn(),
  postAdminStaffUsers: jest.fn(),
  putAdminStaffUsersById: jest.fn(),
  postAdminStaffUsersByIdDisable: jest.fn(),
  postAdminStaffUsersByIdEnable: jest.fn(),
  postAdminStaffUsersByIdUnlock: jest.fn(),
  postAdminStaffUsersByIdResetPassword: jest.fn(),
}));

const HOUR = 3600 * 1000;
const staff = [
  {
    id: 1,
    username: 'admin',
    displayName: '系统管理员',
    roles: ['admin'],
    cityIds: [],
    status: 'active',
    lockedUntil: null,
    lastLoginAt: '2026-01-01T02:00:00.000Z',
    createdAt: '2025-12-01T00:00:00.000Z',
  },
  {
    id: 2,
    username: 'ops_sh',
    displayName: '王运营',
    roles: ['ops'],
    cityIds: [1],
    status: 'active',
    lockedUntil: new Date(Date.now() + HOUR).toISOString(),
    lastLoginAt: null,
    createdAt: '2025-12-02T00:00:00.000Z',
  },
  {
    id: 3,
    username: 'finance_bj',
    displayName: '李财务',
    roles: ['finance', 'support'],
    cityIds: [2],
    status: 'disabled',
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: '2025-12-03T00:00:00.000Z',
  },
];

const list = jest.mocked(getAdminStaffUsers);
const disable = jest.mocked(postAdminStaffUsersByIdDisable);
const update = jest.mocked(putAdminStaffUsersById);

function rowOf(username: string): HTMLElement {
  return screen.getByText(username).closest('tr') as HTMLElement;
}

async function renderPage(access: Record<string, boolean>) {
  mockAccess = access;
  render(
    <App>
      <StaffPage />
    </App>,
  );
  await screen.findByText('ops_sh');
}

describe('staff page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    list.mockResolvedValue({ list: staff, total: 3, page: 1, pageSize: 20 } as never);
    jest.mocked(getAdminCities).mockResolvedValue([
      { id: 1, code: 'sh', name: '上海' },
      { id: 2, code: 'bj', name: '北京' },
    ]);
    jest.mocked(getAdminRoles).mockResolvedValue([
      { code: 'admin', name: '管理员', permissions: [] },
      { code: 'ops', name: '运营', permissions: [] },
      { code: 'finance', name: '财务', permissions: [] },
      { code: 'support', name: '客服', permissions: [] },
    ]);
  });

  it('lists staff with role labels, cities, status and the lock', async () => {
    await renderPage({ canReadStaff: true, canWriteStaff: true, canReadCities: true });
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ page: 1, pageSize: 20 }));
    expect(within(rowOf('admin')).getByText('全部城市')).toBeInTheDocument();
    expect(within(rowOf('ops_sh')).getByText('运营')).toBeInTheDocument();
    await waitFor(() => expect(within(rowOf('ops_sh')).getByText('上海')).toBeInTheDocument());
    expect(within(rowOf('ops_sh')).getByText(/已锁定至/)).toBeInTheDocument();
    expect(within(rowOf('finance_bj')).getByText('已停用')).toBeInTheDocument();
    expect(within(rowOf('finance_bj')).getByText('客服')).toBeInTheDocument();
  });

  it('offers create, edit, disable, unlock and reset password to staff:write', async () => {
    await renderPage({ canReadStaff: true, canWriteStaff: true, canReadCities: true });
    expect(screen.getByText('新建员工')).toBeInTheDocument();
    const ops = within(rowOf('ops_sh'));
    expect(ops.getByText('编辑')).toBeInTheDocument();
    expect(ops.getByText('停用')).toBeInTheDocument();
    expect(ops.getByText('解锁')).toBeInTheDocument();
    expect(ops.getByText('重置密码')).toBeInTheDocument();
    expect(within(rowOf('finance_bj')).getByText('启用')).toBeInTheDocument();
    expect(within(rowOf('admin')).queryByText('解锁')).toBeNull();
  });

  it('shows a read-only list to staff:read without staff:write', async () => {
    await renderPage({ canReadStaff: true, canWriteStaff: false, canReadCities: true });
    expect(screen.queryByText('新建员工')).toBeNull();
    expect(screen.queryByText('编辑')).toBeNull();
    expect(screen.queryByText('重置密码')).toBeNull();
    expect(getAdminRoles).not.toHaveBeenCalled();
  });

  it('disables an account after confirmation and reloads the list', async () => {
    disable.mockResolvedValue({ ...staff[1], status: 'disabled' } as never);
    await renderPage({ canReadStaff: true, canWriteStaff: true, canReadCities: true });
    fireEvent.click(within(rowOf('ops_sh')).getByText('停用'));
    const confirm = await screen.findByText(/^确\s*定$/);
    fireEvent.click(confirm.closest('button') as HTMLButtonElement);
    await waitFor(() => expect(disable).toHaveBeenCalledWith({ id: '2' }));
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('saves edited roles and cities through the update endpoint', async () => {
    update.mockResolvedValue(staff[1] as never);
    await renderPage({ canReadStaff: true, canWriteStaff: true, canReadCities: true });
    fireEvent.click(within(rowOf('ops_sh')).getByText('编辑'));
    const name = await screen.findByDisplayValue('王运营');
    fireEvent.change(name, { target: { value: '王小运' } });
    const dialog = name.closest('.ant-modal') as HTMLElement;
    fireEvent.click(within(dialog).getByText(/^确\s*定$/).closest('button') as HTMLButtonElement);
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith({ id: '2' }, { displayName: '王小运', roles: ['ops'], cityIds: [1] }),
    );
  });
});
