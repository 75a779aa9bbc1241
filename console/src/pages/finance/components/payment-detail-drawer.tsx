/**
 * One payment and every callback the channel sent about it, raw headers and body included, so a
 * person can see why a callback was rejected without reading the database.
 */
import { Card, Descriptions, Drawer, Empty, Result, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { EVENT_RESULT, EVENT_VERIFIED, PAYMENT_CHANNEL, PAYMENT_EVENT_KIND, PAYMENT_PURPOSE, PAYMENT_STATUS } from '@/constants/finance';
import { getAdminPaymentsById } from '@/services/generated';
import { present, type AdminPaymentDetail, type PaymentEvent } from '../finance-types';
import { errorMessageOf } from '@/utils/api-error';
import { formatFen } from '@/utils/money';
import { formatDateTime } from '@/utils/time';
import { formatRawJson } from '../payment-query';
import EnumTag from './enum-tag';

const preStyle = { maxHeight: 320, overflow: 'auto', margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;

function EventCard({ event }: { event: PaymentEvent }) {
  return (
    <Card
      size="small"
      data-testid="payment-event"
      title={
        <Space wrap>
          <EnumTag map={PAYMENT_EVENT_KIND} code={event.kind} />
          <EnumTag map={EVENT_VERIFIED} code={event.verified} />
          <EnumTag map={EVENT_RESULT} code={event.result} />
          <Typography.Text type="secondary">{formatDateTime(event.receivedAt)}</Typography.Text>
        </Space>
      }
      extra={`#${event.id}`}
    >
      {event.reason && (
        <Typography.Paragraph>
          原因：<Typography.Text code>{event.reason}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Typography.Text strong>请求头</Typography.Text>
      <pre style={preStyle}>{formatRawJson(event.rawHeaders)}</pre>
      <Typography.Text strong>原始报文</Typography.Text>
      <pre style={preStyle}>{formatRawJson(event.rawBody)}</pre>
    </Card>
  );
}

export default function PaymentDetailDrawer({ paymentId, onClose }: { paymentId: number | null; onClose(): void }) {
  const [detail, setDetail] = useState<AdminPaymentDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Only the answer to the latest request counts when rows are clicked in quick succession.
  const latest = useRef(0);

  useEffect(() => {
    setDetail(null);
    setLoadError(null);
    if (paymentId === null) return;
    const ticket = ++latest.current;
    getAdminPaymentsById({ id: String(paymentId) }, { skipErrorHandler: true }).then(
      (payment) => ticket === latest.current && setDetail(present<AdminPaymentDetail>(payment)),
      (e) => ticket === latest.current && setLoadError(errorMessageOf(e)),
    );
  }, [paymentId]);

  const current = detail && detail.id === paymentId ? detail : null;

  return (
    <Drawer title={current ? `支付单 ${current.outTradeNo}` : '支付详情'} width={760} open={paymentId !== null} onClose={onClose} destroyOnHidden>
      {loadError && <Result status="warning" title="支付记录加载失败" subTitle={loadError} />}
      {!loadError && !current && <Skeleton active paragraph={{ rows: 8 }} />}
      {!loadError && current && (
        <>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="订单号">{current.orderNo}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <EnumTag map={PAYMENT_STATUS} code={current.status} />
            </Descriptions.Item>
            <Descriptions.Item label="金额">{formatFen(current.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="渠道">
              <EnumTag map={PAYMENT_CHANNEL} code={current.channel} />
            </Descriptions.Item>
            <Descriptions.Item label="用途">
              <EnumTag map={PAYMENT_PURPOSE} code={current.purpose} />
            </Descriptions.Item>
            <Descriptions.Item label="已退款">{formatFen(current.refundedFen)}</Descriptions.Item>
            <Descriptions.Item label="渠道交易号" span={2}>
              {current.channelTransactionId ?? '-'}
            </Descriptions.Item>
            <Descriptions.Item label="创建时间">{formatDateTime(current.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="支付时间">{formatDateTime(current.paidAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            渠道回调（{current.events.length}）
          </Typography.Title>
          {current.events.length === 0 ? (
            <Empty description="尚未收到回调" />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {current.events.map((event) => (
                <EventCard key={event.id} event={event} />
              ))}
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
