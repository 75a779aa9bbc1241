import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminKnowledgeArticles, getAdminTicketsById, postAdminTicketsByIdMessages } from '@/services/generated';
import TicketDrawer from './ticket-drawer';

jest.mock('@/services/generated', () => ({
  getAdminKnowledgeArticles: jest.fn(),
  getAdminTicketsById: jest.fn(),
  postAdminKnowledgeArticlesFromTicket: jest.fn(),
  postAdminTicketsByIdClose: jest.fn(),
  postAdminTicketsByIdMessages: jest.fn(),
  postAdminTicketsByIdReopen: jest.fn(),
  postAdminTicketsByIdResolve: jest.fn(),
  postAdminTicketsByIdStart: jest.fn(),
}));

const XSS = '<img src=x onerror=alert(1)><script>alert(1)</script>';
const ticket = {
  id: 5,
  ticketNo: 'TK25112414000042',
  type: 'service_complaint',
  priority: 'high',
  status: 'open',
  title: '陪诊师迟到',
  content: `迟到半小时 ${XSS}`,
  photos: [],
  openerType: 'customer',
  customerId: 1,
  customerPhoneMasked: '138****0001',
  orderId: 3,
  orderNo: 'PZ2511241400123456',
  escortId: 1,
  escortName: '李静',
  assigneeName: '',
  slaDueAt: '2026-11-24T10:00:00Z',
  slaState: 'overdue',
  slaMinutesLeft: -40,
  compensationFen: 0,
  messages: [{ id: 1, kind: 'note', authorType: 'staff', authorName: '客服专员', content: `内部 ${XSS}`, photos: [], articleId: null, createdAt: '2026-11-24T06:00:00Z' }],
  penalty: null,
  availableActions: ['start', 'resolve'],
  createdAt: '2026-11-24T06:00:00Z',
};

function renderDrawer(canWrite = true) {
  return render(
    <App>
      <TicketDrawer ticketId={5} onClose={() => undefined} onChanged={() => undefined} canWrite={canWrite} canWriteKnowledge />
    </App>,
  );
}

jest.setTimeout(180_000);

describe('ticket drawer', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminTicketsById).mockResolvedValue(ticket as any);
  });

  it('shows the SLA, the actions the ticket allows and the thread, HTML as plain text', async () => {
    renderDrawer();
    expect(await screen.findByTestId('ticket-content')).toHaveTextContent(`迟到半小时 ${XSS}`);
    expect(screen.getByText('已超时')).toBeInTheDocument();
    expect(screen.getByText('超时 40 分')).toBeInTheDocument();
    // getByText, not getByRole: role queries over this drawer's DOM take tens of seconds in jsdom.
    expect(screen.getByText('开始处理').closest('button')).not.toBeNull();
    expect(screen.getByText('解 决').closest('button')).not.toBeNull();
    expect(screen.getByText(`内部 ${XSS}`)).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('searches the knowledge base beside the ticket and inserts an article into the reply', async () => {
    jest.mocked(getAdminKnowledgeArticles).mockResolvedValue({ list: [{ id: 7, title: '如何取消订单', summary: '开始前 24 小时免费取消' }], total: 1, page: 1, pageSize: 8 } as any);
    jest.mocked(postAdminTicketsByIdMessages).mockResolvedValue({ id: 2 } as any);
    renderDrawer();
    await screen.findByTestId('ticket-content');
    const search = screen.getByPlaceholderText('搜索文章，如：退款');
    fireEvent.change(search, { target: { value: '取消' } });
    fireEvent.click(document.querySelector('.ant-input-search-button') as HTMLElement);
    await waitFor(() => expect(getAdminKnowledgeArticles).toHaveBeenCalledWith(expect.objectContaining({ keyword: '取消', status: 'published' })));
    fireEvent.click(await screen.findByText('插入', undefined, { timeout: 10_000 }));
    const box = screen.getByPlaceholderText('回复客户，或勾选「内部备注」') as HTMLTextAreaElement;
    expect(box.value).toBe('【如何取消订单】开始前 24 小时免费取消（帮助中心文章 #7）');
    fireEvent.click(screen.getByText('发 送').closest('button') as HTMLElement);
    await waitFor(() =>
      expect(postAdminTicketsByIdMessages).toHaveBeenCalledWith({ id: '5' }, { content: box.value, internal: false, articleId: 7 }),
    );
  });

  it('offers no actions or reply box to a reader', async () => {
    renderDrawer(false);
    await screen.findByTestId('ticket-content');
    expect(screen.queryByText('开始处理')).toBeNull();
    expect(screen.queryByPlaceholderText('回复客户，或勾选「内部备注」')).toBeNull();
  });
});
