/**
 * 资金流水 of one order: its payments, refunds and ledger entries, oldest first. Each entry shows
 * the sum of its lines, which is ¥0.00 when it balances; anything else is flagged for a person.
 */
import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { PAYMENT_PURPOSE, PAYMENT_STATUS, POSTPAY_STATE, REFUND_STATUS } from '@/constants/finance';
import { getAdminOrdersByIdMoney } from '@/services/generated';
import { present, type AdminPayment, type AdminRefund, type LedgerEntry, type OrderMoney, type Postpay } from '@/pages/finance/finance-types';
import { errorMessageOf } from '@/utils/api-error';
import { formatFen } from '@/utils/money';
import { formatDateTime } from '@/utils/time';
import EnumTag from '@/pages/finance/components/enum-tag';
import { byTimeThenId, entryBalances, entryLinesSumFen } from '@/pages/finance/ledger';

const { Title, Text } = Typography;

function EntryCard({ entry }: { entry: LedgerEntry }) {
  const balanced = entryBalances(entry);
  return (
    <Card
      size="small"
      data-testid="ledger-entry"
      title={
        <Space>
          <Text code>{entry.sourceType}</Text>
          <Text type="secondary">#{entry.sourceId}</Text>
          <Text type="secondary">{formatDateTime(entry.createdAt)}</Text>
        </Space>
      }
      extra={
        <Space data-testid="entry-sum">
          合计 {formatFen(entryLinesSumFen(entry))}
          {balanced ? <Tag color="green">已平衡</Tag> : <Tag color="red">不平衡</Tag>}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey={(_, index) => String(index)}
        pagination={false}
        dataSource={entry.lines}
        columns={[
          { title: '科目', dataIndex: 'account' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
        ]}
      />
    </Card>
  );
}

/** 补差款: confirmed extra charges less what the customer paid after the service (derived by the backend). */
function PostpayBalance({ postpay }: { postpay: Postpay }) {
  return (
    <Card size="small" data-testid="postpay-balance" title="补差款（代垫费用）" extra={<EnumTag map={POSTPAY_STATE} code={postpay.state} />}>
      <Space size="large" wrap>
        <Text>已确认费用 {formatFen(postpay.chargedFen)}</Text>
        <Text>已支付 {formatFen(postpay.paidFen)}</Text>
        <Text strong type={postpay.dueFen > 0 ? 'danger' : undefined}>
          待支付 {formatFen(postpay.dueFen)}
        </Text>
        {postpay.awaitingConfirmationFen > 0 && <Text type="warning">待客户确认 {formatFen(postpay.awaitingConfirmationFen)}</Text>}
      </Space>
    </Card>
  );
}

export default function OrderMoneySection({ orderId }: { orderId: number }) {
  const [money, setMoney] = useState<OrderMoney | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setMoney(null);
    setLoadError(null);
    getAdminOrdersByIdMoney({ id: String(orderId) }, { skipErrorHandler: true }).then(
      (answer) => ticket === latest.current && setMoney(present<OrderMoney>(answer)),
      (e) => ticket === latest.current && setLoadError(errorMessageOf(e)),
    );
  }, [orderId]);

  return (
    <section style={{ marginTop: 24 }} data-testid="order-money">
      <Title level={5}>资金流水</Title>
      {loadError && <Alert type="warning" showIcon message={`资金流水加载失败：${loadError}`} />}
      {!loadError && !money && <Text type="secondary">加载中…</Text>}
      {money && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <PostpayBalance postpay={money.postpay} />
          <Table<AdminPayment>
            size="small"
            rowKey="id"
            pagination={false}
            title={() => '支付'}
            locale={{ emptyText: '无支付记录' }}
            dataSource={byTimeThenId(money.payments)}
            columns={[
              { title: '支付单号', dataIndex: 'outTradeNo' },
              { title: '用途', dataIndex: 'purpose', render: (p: string) => <EnumTag map={PAYMENT_PURPOSE} code={p} /> },
              { title: '状态', dataIndex: 'status', render: (s: string) => <EnumTag map={PAYMENT_STATUS} code={s} /> },
              { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
              { title: '支付时间', dataIndex: 'paidAt', render: (at: string | null) => formatDateTime(at) },
            ]}
          />
          <Table<AdminRefund>
            size="small"
            rowKey="id"
            pagination={false}
            title={() => '退款'}
            locale={{ emptyText: '无退款' }}
            dataSource={byTimeThenId(money.refunds)}
            columns={[
              { title: '退款单号', dataIndex: 'outRefundNo' },
              { title: '状态', dataIndex: 'status', render: (s: string) => <EnumTag map={REFUND_STATUS} code={s} /> },
              { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
              { title: '原因', dataIndex: 'reason', ellipsis: true },
              { title: '申请时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
            ]}
          />
          <Text strong>记账分录</Text>
          {money.ledgerEntries.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无记账分录" />
          ) : (
            byTimeThenId(money.ledgerEntries).map((entry) => <EntryCard key={entry.id} entry={entry} />)
          )}
        </Space>
      )}
    </section>
  );
}
