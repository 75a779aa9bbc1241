import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { getAdminReviews, postAdminReviewsByIdRestore } from '@/services/generated';
import ReviewListPage from './index';

let mockAccess: Record<string, boolean> = {};
jest.mock('@umijs/max', () => ({ useAccess: () => mockAccess }));
jest.mock('@/services/generated', () => ({
  getAdminReviews: jest.fn(),
  postAdminReviewsByIdHide: jest.fn(),
  postAdminReviewsByIdReply: jest.fn(),
  postAdminReviewsByIdRestore: jest.fn(),
}));

const XSS = '<img src=x onerror=alert(1)><script>alert(1)</script>';
const review = {
  id: 9,
  orderId: 3,
  orderNo: 'PZ2511241400123456',
  serviceName: '门诊陪诊（半天）',
  overall: 1,
  attitude: 1,
  professionalism: 2,
  communication: 2,
  punctuality: 1,
  hospital: null,
  tags: ['迟到'],
  content: `陪诊师迟到 ${XSS}`,
  photos: [],
  anonymous: false,
  staffReply: null,
  staffReplyBy: '',
  escortReply: null,
  customerId: 1,
  customerPhoneMasked: '138****0001',
  escortId: 1,
  escortName: '李静',
  hospitalId: 1,
  hospitalName: '中山医院',
  cityId: 1,
  status: 'visible',
  hiddenReason: null,
  hiddenReasonLabel: null,
  hiddenNote: '',
  hiddenBy: '',
  followUpTicketId: 4,
  appends: [{ id: 1, content: `追加 ${XSS}`, photos: [], createdAt: '2026-11-24T06:00:00Z' }],
  createdAt: '2026-11-24T06:00:00Z',
};

function renderPage(access: Record<string, boolean>) {
  mockAccess = access;
  return render(
    <App>
      <ReviewListPage />
    </App>,
  );
}

describe('review list', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminReviews).mockResolvedValue({ list: [review], total: 1, page: 1, pageSize: 20 } as any);
  });

  it('lists reviews with stars and shows a review’s text, HTML included, as plain text', async () => {
    const { container } = renderPage({ canReadReviews: true, canModerateReviews: true });
    const row = (await screen.findByText(review.orderNo)).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('★☆☆☆☆');
    expect(row).toHaveTextContent('李静');
    fireEvent.click(within(row).getByText('查看'));
    const content = await screen.findByTestId('review-content');
    expect(content).toHaveTextContent(`陪诊师迟到 ${XSS}`);
    expect(screen.getByText(`追评：追加 ${XSS}`)).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText('#4')).toBeInTheDocument();
  });

  it('offers hide and reply to moderators, nothing to readers', async () => {
    renderPage({ canReadReviews: true, canModerateReviews: true });
    const row = (await screen.findByText(review.orderNo)).closest('tr') as HTMLElement;
    expect(within(row).getByText('隐藏')).toBeInTheDocument();
    expect(within(row).getByText('回复')).toBeInTheDocument();
  });

  it('restores a hidden review and reloads', async () => {
    jest.mocked(getAdminReviews).mockResolvedValue({ list: [{ ...review, status: 'hidden' }], total: 1, page: 1, pageSize: 20 } as any);
    jest.mocked(postAdminReviewsByIdRestore).mockResolvedValue({ ...review, status: 'visible' } as any);
    renderPage({ canReadReviews: true, canModerateReviews: true });
    const row = (await screen.findByText(review.orderNo)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByText('恢复'));
    await waitFor(() => expect(postAdminReviewsByIdRestore).toHaveBeenCalledWith({ id: '9' }));
    await waitFor(() => expect(getAdminReviews).toHaveBeenCalledTimes(2));
  });

  it('hides the moderation buttons from someone who may only read', async () => {
    renderPage({ canReadReviews: true });
    const row = (await screen.findByText(review.orderNo)).closest('tr') as HTMLElement;
    expect(within(row).queryByText('隐藏')).toBeNull();
  });
});
