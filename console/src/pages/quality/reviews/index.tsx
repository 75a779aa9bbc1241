import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Checkbox, Descriptions, Drawer, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { getAdminReviews, postAdminReviewsByIdHide, postAdminReviewsByIdReply, postAdminReviewsByIdRestore } from '@/services/generated';
import { ApiError } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import StyleTag from '../components/style-tag';
import { HIDE_REASONS, REVIEW_STATUS, reviewButtons, stars } from '../quality-format';

type Review = API.StaffReviewView;

/** Review text is always rendered as a React text node: whatever a customer typed stays text. */
function ReviewText({ review }: { review: Review }) {
  return (
    <div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }} data-testid="review-content">
        {review.content}
      </Typography.Paragraph>
      {(review.appends ?? []).map((a) => (
        <Typography.Paragraph key={a.id} type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
          追评：{a.content}
        </Typography.Paragraph>
      ))}
    </div>
  );
}

export default function ReviewListPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();
  const [detail, setDetail] = useState<Review | null>(null);
  const [hiding, setHiding] = useState<Review | null>(null);
  const [replying, setReplying] = useState<Review | null>(null);
  const [reason, setReason] = useState<string>('abuse');
  const [note, setNote] = useState('');
  const [penalize, setPenalize] = useState(false);
  const [reply, setReply] = useState('');
  const canModerate = Boolean(access.canModerateReviews);

  const run = async (request: () => Promise<Review>, text: string) => {
    try {
      const after = await request();
      message.success(text);
      setHiding(null);
      setReplying(null);
      if (detail) setDetail(after);
      actionRef.current?.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  };

  const columns: ProColumns<Review>[] = [
    { title: '订单号', dataIndex: 'orderNo', width: 180, search: true },
    { title: '总体', dataIndex: 'overall', width: 110, search: false, render: (_, r) => <span title={`${r.overall} 星`}>{stars(r.overall)}</span> },
    { title: '陪诊师', dataIndex: 'escortName', width: 90, search: false },
    { title: '医院', dataIndex: 'hospitalName', width: 160, ellipsis: true, search: false },
    { title: '评价内容', dataIndex: 'content', search: false, ellipsis: true, render: (_, r) => <Typography.Text ellipsis>{r.content}</Typography.Text> },
    { title: '客户', dataIndex: 'customerPhoneMasked', width: 120, search: false, render: (_, r) => (r.anonymous ? <Tag>匿名</Tag> : r.customerPhoneMasked) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      valueType: 'select',
      valueEnum: { visible: { text: '显示中' }, hidden: { text: '已隐藏' } },
      render: (_, r) => <StyleTag map={REVIEW_STATUS} code={r.status} />,
    },
    {
      title: '评分',
      dataIndex: 'maxOverall',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { 2: { text: '差评（≤2 星）' }, 3: { text: '中差评（≤3 星）' } },
    },
    { title: '时间', dataIndex: 'createdAt', width: 170, search: false, render: (_, r) => formatDateTime(r.createdAt as string) },
    {
      title: '操作',
      valueType: 'option',
      width: 150,
      render: (_, r) => [
        <a key="view" onClick={() => setDetail(r)}>
          查看
        </a>,
        ...reviewButtons(r.status as string, canModerate).map((b) =>
          b === 'hide' ? (
            <a key="hide" onClick={() => setHiding(r)}>
              隐藏
            </a>
          ) : b === 'restore' ? (
            <a key="restore" onClick={() => run(() => postAdminReviewsByIdRestore({ id: String(r.id) }), '已恢复显示')}>
              恢复
            </a>
          ) : (
            <a
              key="reply"
              onClick={() => {
                setReply(r.staffReply ?? '');
                setReplying(r);
              }}
            >
              回复
            </a>
          ),
        ),
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<Review>
        headerTitle="评价管理"
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        scroll={{ x: 1200 }}
        pagination={{ defaultPageSize: 20 }}
        request={(params) => toProTableResult(getAdminReviews(toPageQuery(params)) as any)}
      />
      <Drawer open={Boolean(detail)} width={560} title="评价详情" onClose={() => setDetail(null)} destroyOnHidden>
        {detail && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="订单">{detail.orderNo}</Descriptions.Item>
              <Descriptions.Item label="服务">{detail.serviceName}</Descriptions.Item>
              <Descriptions.Item label="陪诊师">{detail.escortName}</Descriptions.Item>
              <Descriptions.Item label="评分">
                总体 {stars(detail.overall)}｜态度 {detail.attitude}｜专业 {detail.professionalism}｜沟通 {detail.communication}｜守时 {detail.punctuality}
              </Descriptions.Item>
              {detail.hospital && (
                <Descriptions.Item label="医院">
                  {detail.hospitalName}：整洁 {detail.hospital.cleanliness}｜医护态度 {detail.hospital.staffAttitude}｜指引 {detail.hospital.signage}
                </Descriptions.Item>
              )}
              <Descriptions.Item label="标签">{(detail.tags ?? []).map((t) => <Tag key={t}>{t}</Tag>)}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <StyleTag map={REVIEW_STATUS} code={detail.status} />
                {detail.hiddenReasonLabel && `${detail.hiddenReasonLabel}${detail.hiddenNote ? `：${detail.hiddenNote}` : ''}`}
              </Descriptions.Item>
              {detail.followUpTicketId && <Descriptions.Item label="回访工单">#{detail.followUpTicketId}</Descriptions.Item>}
            </Descriptions>
            <ReviewText review={detail} />
            {detail.escortReply && <Typography.Paragraph>陪诊师回复：{detail.escortReply}</Typography.Paragraph>}
            {detail.staffReply && <Typography.Paragraph>平台回复：{detail.staffReply}</Typography.Paragraph>}
          </Space>
        )}
      </Drawer>
      <Modal
        open={Boolean(hiding)}
        title="隐藏评价"
        okText="确认隐藏"
        onCancel={() => setHiding(null)}
        onOk={() => hiding && run(() => postAdminReviewsByIdHide({ id: String(hiding.id) }, { reason: reason as any, note, penalizeCustomer: penalize }), '评价已隐藏')}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select value={reason} onChange={setReason} style={{ width: '100%' }} options={Object.entries(HIDE_REASONS).map(([value, label]) => ({ value, label }))} />
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder="说明（选填）" maxLength={255} />
          <Checkbox checked={penalize} onChange={(e) => setPenalize(e.target.checked)}>
            按「恶意评价」扣除客户信用分
          </Checkbox>
        </Space>
      </Modal>
      <Modal
        open={Boolean(replying)}
        title="平台回复"
        okText="发布回复"
        onCancel={() => setReplying(null)}
        onOk={() => replying && run(() => postAdminReviewsByIdReply({ id: String(replying.id) }, { content: reply }), '回复已发布')}
        destroyOnHidden
      >
        <Input.TextArea value={reply} onChange={(e) => setReply(e.target.value)} rows={4} maxLength={500} placeholder="回复内容" />
      </Modal>
    </PageContainer>
  );
}
