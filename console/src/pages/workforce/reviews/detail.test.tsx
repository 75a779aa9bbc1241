import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminEscortApplicationsById, postAdminEscortApplicationsByIdApprove } from '@/services/generated';
import { application } from '../test-fixtures';
import { saveTokens } from '@/utils/token-storage';
import ReviewDetailPage from './detail';

jest.mock('@umijs/max', () => ({
  useAccess: () => ({ canReviewEscorts: true, canReadSettings: false }),
  useParams: () => ({ id: '4' }),
  history: { push: jest.fn() },
}));

jest.mock('@/services/generated', () => ({
  getAdminEscortApplicationsById: jest.fn(),
  postAdminEscortApplicationsByIdApprove: jest.fn(),
  postAdminEscortApplicationsByIdReject: jest.fn(),
  postAdminEscortCredentialsByIdApprove: jest.fn(),
  postAdminEscortCredentialsByIdReject: jest.fn(),
  getAdminSettings: jest.fn(),
}));


describe('the application review screen', () => {
  const fetchMock = jest.fn();
  beforeAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { value: jest.fn(() => 'blob:x'), writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: jest.fn(), writable: true });
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  beforeEach(() => {
    jest.clearAllMocks();
    saveTokens({ accessToken: 'staff-token', refreshToken: 'r' });
    fetchMock.mockResolvedValue({ ok: true, status: 200, blob: async () => new Blob(['x'], { type: 'image/png' }), headers: new Headers() });
    jest.mocked(getAdminEscortApplicationsById).mockResolvedValue(application as never);
    jest.mocked(postAdminEscortApplicationsByIdApprove).mockResolvedValue({ ...application, status: 'approved' } as never);
  });

  it('shows the form data beside the ID images, fetched with the staff token', async () => {
    render(
      <App>
        <ReviewDetailPage />
      </App>,
    );
    await screen.findByText('310***********0021');
    expect(screen.getByText('做过三年护工')).toBeInTheDocument();
    expect(screen.getByText('健康证')).toBeInTheDocument();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/admin/escort-files/11', { headers: { Authorization: 'Bearer staff-token' }, cache: 'no-store' }));
    expect(fetchMock).toHaveBeenCalledWith('/api/admin/escort-files/12', expect.anything());
    expect(await screen.findAllByAltText('身份证人像面')).toHaveLength(1);
  });

  it('approves the application', async () => {
    render(
      <App>
        <ReviewDetailPage />
      </App>,
    );
    await screen.findByText('310***********0021');
    fireEvent.click(screen.getByText('通 过').closest('button') as HTMLButtonElement);
    fireEvent.click((await screen.findByText('确认通过')).closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminEscortApplicationsByIdApprove).toHaveBeenCalledWith({ id: '4' }, { reason: '' }));
  });
});
