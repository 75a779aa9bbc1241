import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { postAdminAuthLogin } from '@/services/generated';
import { ApiError } from '@/utils/api-error';
import { getAccessToken, getRefreshToken } from '@/utils/token-storage';
import LoginPage from './index';

const mockSetInitialState = jest.fn();
const mockReplace = jest.fn();
let mockSearch = '';

jest.mock('@umijs/max', () => ({
  history: { replace: (...args: unknown[]) => mockReplace(...args), push: jest.fn() },
  useModel: () => ({ initialState: {}, setInitialState: mockSetInitialState }),
  useSearchParams: () => [new URLSearchParams(mockSearch)],
}));

jest.mock('@/services/generated', () => ({ postAdminAuthLogin: jest.fn() }));

const login = jest.mocked(postAdminAuthLogin);

const profile = {
  id: 1,
  username: 'admin',
  displayName: '系统管理员',
  roles: ['admin'],
  permissions: ['dashboard:read'],
  cityIds: [],
  allCities: true,
};

// getByRole is slow on antd's styled DOM in jsdom; the button's text is enough here.
const loginButton = () => screen.getByText(/^登\s*录$/).closest('button') as HTMLButtonElement;

function submit(username: string, password: string) {
  fireEvent.change(screen.getByPlaceholderText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByPlaceholderText('密码'), { target: { value: password } });
  fireEvent.click(loginButton());
}

describe('login page', () => {
  beforeEach(() => {
    localStorage.clear();
    login.mockReset();
    mockReplace.mockReset();
    mockSetInitialState.mockReset();
    mockSearch = '';
  });

  it('signs in, stores the token pair and opens the page the user came from', async () => {
    mockSearch = 'redirect=%2Fsystem%2Fstaff';
    login.mockResolvedValue({
      accessToken: 'a1',
      refreshToken: 'r1',
      accessExpiresIn: 900,
      refreshExpiresIn: 604800,
      user: profile,
    } as never);
    render(<LoginPage />);
    submit(' admin ', 'Admin@12345');

    await waitFor(() => expect(mockReplace).toHaveBeenCalledWith('/system/staff'));
    expect(login).toHaveBeenCalledWith(
      { username: 'admin', password: 'Admin@12345' },
      expect.objectContaining({ skipErrorHandler: true, skipAuthRefresh: true }),
    );
    expect(getAccessToken()).toBe('a1');
    expect(getRefreshToken()).toBe('r1');
    expect(mockSetInitialState).toHaveBeenCalled();
  });

  it('shows the backend message when the account is locked', async () => {
    login.mockRejectedValue(
      new ApiError({ status: 423, errorCode: 'AUTH_ACCOUNT_LOCKED', errorMessage: '账号已锁定，请 15 分钟后再试' }),
    );
    render(<LoginPage />);
    submit('ops', 'wrong-password');

    expect(await screen.findByText('账号已锁定，请 15 分钟后再试')).toBeInTheDocument();
    expect(mockReplace).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
  });

  it('asks for both fields before calling the API', async () => {
    render(<LoginPage />);
    fireEvent.click(loginButton());
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(await screen.findByText('请输入密码')).toBeInTheDocument();
    expect(login).not.toHaveBeenCalled();
  });

  it('never follows a redirect to another site', async () => {
    mockSearch = 'redirect=%2F%2Fevil.example%2F';
    login.mockResolvedValue({ accessToken: 'a', refreshToken: 'r', user: profile } as never);
    render(<LoginPage />);
    submit('admin', 'Admin@12345');
    await waitFor(() => expect(mockReplace).toHaveBeenCalledWith('/'));
  });
});
