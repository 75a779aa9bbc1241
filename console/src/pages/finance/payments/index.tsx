import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Typography } from 'antd';
import { useState } from 'react';
import { toValueEnum } from '@/constants/enums';
import { PAYMENT_CHANNEL, PAYMENT_PURPOSE, PAYMENT_STATUS } from '@/constants/finance';
import { getAdminPayments } from '@/services/generated';
import { present, type AdminPayment } from '../finance-types';
import type { Page } from '@/services/models';
import { formatFen } from '@/utils/money';
import { toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import EnumTag from '../components/enum-tag';
import PaymentDetailDrawer from '../components/payment-detail-drawer';
import { toPaymentQuery, type PaymentTableParams } from '../payment-query';

export default function PaymentListPage() {
  const [openId, setOpenId] = useState<number | null>(null);

  const columns: ProColumns<AdminPayment>[] = [
    { title: '订单号', dataIndex: 'orderNo', width: 180, fixed: 'left', fieldProps: { placeholder: '完整订单号' } },
    { title: '支付单号', dataIndex: 'outTradeNo', search: false, width: 200 },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: toValueEnum(PAYMENT_STATUS),
      width: 100,
      render: (_, row) => <EnumTag map={PAYMENT_STATUS} code={row.status} />,
    },
    { title: '金额', dataIndex: 'amountFen', search: false, align: 'right', width: 110, render: (_, row) => formatFen(row.amountFen) },
    { title: '用途', dataIndex: 'purpose', search: false, width: 90, render: (_, row) => <EnumTag map={PAYMENT_PURPOSE} code={row.purpose} /> },
    { title: '已退款', dataIndex: 'refundedFen', search: false, align: 'right', width: 100, render: (_, row) => (row.refundedFen ? formatFen(row.refundedFen) : '-') },
    { title: '渠道', dataIndex: 'channel', search: false, width: 90, render: (_, row) => <EnumTag map={PAYMENT_CHANNEL} code={row.channel} /> },
    {
      title: '渠道交易号',
      dataIndex: 'channelTransactionId',
      width: 240,
      ellipsis: true,
      fieldProps: { placeholder: '微信支付交易单号' },
      render: (_, row) => row.channelTransactionId ?? '-',
    },
    { title: '创建时间', dataIndex: 'createdAt', search: false, width: 170, render: (_, row) => formatDateTime(row.createdAt) },
    { title: '支付时间', dataIndex: 'paidAt', search: false, width: 170, render: (_, row) => formatDateTime(row.paidAt) },
    // Filter only: the picked days are Beijing days (payment-query.ts turns them into UTC).
    {
      title: '创建日期',
      dataIndex: 'createdDays',
      valueType: 'dateRange',
      hideInTable: true,
      fieldProps: { placeholder: ['开始日期', '结束日期'] },
    },
  ];

  return (
    <PageContainer>
      <ProTable<AdminPayment, PaymentTableParams>
        headerTitle="支付记录"
        rowKey="id"
        scroll={{ x: 1300 }}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminPayments(toPaymentQuery(params)).then((page) => present<Page<AdminPayment>>(page)))}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        toolBarRender={() => [
          <Typography.Text key="hint" type="secondary">
            点击查看渠道回调原文；时间均为北京时间
          </Typography.Text>,
        ]}
      />
      <PaymentDetailDrawer paymentId={openId} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
