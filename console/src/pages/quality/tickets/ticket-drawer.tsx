import { App, Button, Card, Checkbox, Col, Descriptions, Drawer, Empty, Input, InputNumber, List, Modal, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  getAdminKnowledgeArticles,
  getAdminTicketsById,
  postAdminKnowledgeArticlesFromTicket,
  postAdminTicketsByIdClose,
  postAdminTicketsByIdMessages,
  postAdminTicketsByIdReopen,
  postAdminTicketsByIdResolve,
  postAdminTicketsByIdStart,
} from '@/services/generated';
import { ApiError } from '@/utils/api-error';
import { formatFen, yuanTextToFen } from '@/utils/money';
import { formatDateTime } from '@/utils/time';
import StyleTag from '../components/style-tag';
import { SLA_STATE, TICKET_BUTTON_LABEL, TICKET_PRIORITY, TICKET_STATUS, TICKET_TYPE, articleSnippet, canCompensate, slaText, ticketButtons } from '../quality-format';

type Ticket = API.TicketDetail;

const MESSAGE_KIND: Record<string, string> = { reply: '回复', note: '内部备注', event: '记录' };

/** The ticket thread with the knowledge base beside it. Everything people wrote is shown as text. */
export default function TicketDrawer({
  ticketId,
  onClose,
  onChanged,
  canWrite,
  canWriteKnowledge,
}: {
  ticketId: number | null;
  onClose: () => void;
  onChanged: () => void;
  canWrite: boolean;
  canWriteKnowledge: boolean;
}) {
  const { message } = App.useApp();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [draft, setDraft] = useState('');
  const [internal, setInternal] = useState(false);
  const [articleId, setArticleId] = useState<number | undefined>();
  const [keyword, setKeyword] = useState('');
  const [articles, setArticles] = useState<API.ArticleSummaryView[]>([]);
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const [compensation, setCompensation] = useState<number | null>(null);
  const [penalty, setPenalty] = useState<number | null>(null);

  const load = useCallback(async () => {
    if (!ticketId) return;
    setTicket((await getAdminTicketsById({ id: String(ticketId) })) as Ticket);
  }, [ticketId]);

  useEffect(() => {
    setTicket(null);
    setDraft('');
    load();
  }, [load]);

  const searchKb = async (kw: string) => {
    const page = await getAdminKnowledgeArticles({ keyword: kw, status: 'published', pageSize: 8 });
    setArticles((page.list as API.ArticleSummaryView[]) ?? []);
  };

  const act = async (request: () => Promise<unknown>, text: string) => {
    try {
      await request();
    } catch (e) {
      if (e instanceof ApiError) return false;
      throw e;
    }
    message.success(text);
    await load();
    onChanged();
    return true;
  };

  const send = () =>
    ticketId &&
    act(() => postAdminTicketsByIdMessages({ id: String(ticketId) }, { content: draft, internal, articleId }), internal ? '备注已保存' : '回复已发送').then((ok) => {
      if (ok) {
        setDraft('');
        setArticleId(undefined);
      }
    });

  const doAction = (button: string) => {
    if (!ticketId) return;
    if (button === 'resolve') return setResolving(true);
    if (button === 'start') return act(() => postAdminTicketsByIdStart({ id: String(ticketId) }), '已开始处理');
    if (button === 'close') return act(() => postAdminTicketsByIdClose({ id: String(ticketId) }, {}), '工单已关闭');
    return act(() => postAdminTicketsByIdReopen({ id: String(ticketId) }, {}), '工单已重新打开');
  };

  const resolve = async () => {
    if (!ticketId) return;
    const ok = await act(
      () =>
        postAdminTicketsByIdResolve(
          { id: String(ticketId) },
          {
            resolution,
            compensationFen: compensation ? yuanTextToFen(String(compensation)) : undefined,
            penaltyFen: penalty ? yuanTextToFen(String(penalty)) : undefined,
          },
        ),
      '工单已解决',
    );
    if (ok) setResolving(false);
  };

  return (
    <Drawer open={ticketId !== null} width={1100} title={ticket ? `${ticket.ticketNo}｜${ticket.title}` : '工单'} onClose={onClose} destroyOnHidden>
      {ticket && (
        <Row gutter={16}>
          <Col span={15}>
            <Space wrap style={{ marginBottom: 12 }}>
              <StyleTag map={TICKET_TYPE} code={ticket.type} />
              <StyleTag map={TICKET_PRIORITY} code={ticket.priority} />
              <StyleTag map={TICKET_STATUS} code={ticket.status} />
              <StyleTag map={SLA_STATE} code={ticket.slaState} />
              <span>{slaText(ticket.slaMinutesLeft)}</span>
              {ticketButtons((ticket.availableActions ?? []) as unknown as string[], canWrite).map((b) => (
                <Button key={b} size="small" type={b === 'resolve' ? 'primary' : 'default'} onClick={() => doAction(b)}>
                  {TICKET_BUTTON_LABEL[b]}
                </Button>
              ))}
              {canWriteKnowledge && (
                <Button size="small" onClick={() => act(() => postAdminKnowledgeArticlesFromTicket({ ticketId: ticket.id as number }), '已生成知识库草稿')}>
                  转为知识库文章
                </Button>
              )}
            </Space>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="订单">{ticket.orderNo || '—'}</Descriptions.Item>
              <Descriptions.Item label="陪诊师">{ticket.escortName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="客户">{ticket.customerPhoneMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="处理人">{ticket.assigneeName || '未指派'}</Descriptions.Item>
              <Descriptions.Item label="首次响应截止">{formatDateTime(ticket.slaDueAt as string)}</Descriptions.Item>
              <Descriptions.Item label="赔偿">{ticket.compensationFen ? formatFen(ticket.compensationFen) : '—'}</Descriptions.Item>
            </Descriptions>
            <Card size="small" title="问题描述" style={{ marginTop: 12 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-content">
                {ticket.content}
              </Typography.Paragraph>
            </Card>
            <List
              style={{ marginTop: 12 }}
              size="small"
              header="会话"
              dataSource={ticket.messages ?? []}
              renderItem={(m) => (
                <List.Item style={{ background: m.kind === 'note' ? '#fffbe6' : undefined }}>
                  <List.Item.Meta
                    title={
                      <Space>
                        <span>{m.authorName}</span>
                        <Tag>{MESSAGE_KIND[m.kind as string] ?? m.kind}</Tag>
                        <Typography.Text type="secondary">{formatDateTime(m.createdAt as string)}</Typography.Text>
                      </Space>
                    }
                    description={<span style={{ whiteSpace: 'pre-wrap' }}>{m.content}</span>}
                  />
                </List.Item>
              )}
            />
            {canWrite && ticket.status !== 'closed' && (
              <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
                <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} rows={4} placeholder="回复客户，或勾选「内部备注」" maxLength={4000} />
                <Space>
                  <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)}>
                    内部备注
                  </Checkbox>
                  <Button type="primary" disabled={!draft.trim()} onClick={send}>
                    发送
                  </Button>
                </Space>
              </Space>
            )}
          </Col>
          <Col span={9}>
            <Card size="small" title="知识库">
              <Input.Search value={keyword} onChange={(e) => setKeyword(e.target.value)} onSearch={searchKb} placeholder="搜索文章，如：退款" allowClear />
              {articles.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="输入关键字搜索" />
              ) : (
                <List
                  size="small"
                  dataSource={articles}
                  renderItem={(a) => (
                    <List.Item
                      actions={[
                        <a
                          key="insert"
                          onClick={() => {
                            setDraft((d) => (d ? `${d}\n${articleSnippet(a as any)}` : articleSnippet(a as any)));
                            setArticleId(a.id);
                          }}
                        >
                          插入
                        </a>,
                      ]}
                    >
                      <List.Item.Meta title={a.title} description={a.summary} />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
      <Modal open={resolving} title="解决工单" okText="确认解决" onCancel={() => setResolving(false)} onOk={resolve} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea value={resolution} onChange={(e) => setResolution(e.target.value)} rows={3} placeholder="处理结果（会发给客户）" />
          {ticket && canCompensate(ticket as any) && (
            <>
              <InputNumber style={{ width: '100%' }} min={0} precision={2} value={compensation} onChange={setCompensation} addonBefore="赔偿客户（元）" />
              <InputNumber style={{ width: '100%' }} min={0} precision={2} value={penalty} onChange={setPenalty} addonBefore="处罚陪诊师（元）" />
              <Typography.Text type="secondary">赔偿通过原支付渠道退款，超过审批阈值需财务审批；处罚在结算时扣除。</Typography.Text>
            </>
          )}
        </Space>
      </Modal>
    </Drawer>
  );
}
