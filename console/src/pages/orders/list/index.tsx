import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess, useSearchParams } from '@umijs/max';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { toValueEnum } from '@/constants/enums';
import { ORDER_STATUS } from '@/constants/orders';
import { cityValueEnum, useCities } from '@/hooks/use-reference-data';
import { getAdminOrders } from '@/services/generated';
import type { Page, StaffOrderRow } from '@/services/models';
import { formatFen } from '@/utils/money';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import OrderDetailDrawer from '../components/order-detail-drawer';
import { EscortName, placeOf } from '../components/order-detail-sections';
import OrderStatusTag from '../components/order-status-tag';

const PHONE = /^1[3-9]\d{9}$/;

/** `?orderId=12` (from a notification) opens that order's drawer. */
function linkedOrderId(value: string | null): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export default function OrderListPage() {
  const access = useAccess();
  const actionRef = useRef<ActionType>();
  const { data: cities } = useCities(access.canReadCities);
  const [searchParams, setSearchParams] = useSearchParams();
  const linkedId = linkedOrderId(searchParams.get('orderId'));
  const [openId, setOpenId] = useState<number | null>(linkedId);

  useEffect(() => {
    if (linkedId !== null) setOpenId(linkedId);
  }, [linkedId]);

  const closeDrawer = () => {
    setOpenId(null);
    if (searchParams.has('orderId')) {
      const next = new URLSearchParams(searchParams);
      next.delete('orderId');
      setSearchParams(next, { replace: true });
    }
  };

  const columns: ProColumns<StaffOrderRow>[] = [
    { title: '订单号', dataIndex: 'orderNo', width: 180, fixed: 'left', fieldProps: { placeholder: '完整订单号' } },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: toValueEnum(ORDER_STATUS),
      width: 90,
      render: (_, row) => <OrderStatusTag status={row.status} />,
    },
    { title: '服务', dataIndex: 'serviceName', search: false, width: 150, ellipsis: true },
    { title: '医院/科室', dataIndex: 'hospitalName', search: false, width: 220, ellipsis: true, render: (_, row) => placeOf(row) },
    { title: '就诊人', dataIndex: 'patientName', search: false, width: 90, render: (_, row) => row.patientName || '-' },
    { title: '客户手机', dataIndex: 'customerPhoneMasked', search: false, width: 130 },
    {
      title: '开始时间',
      dataIndex: 'startAt',
      search: false,
      width: 150,
      render: (_, row) => formatDateTime(row.startAt, 'YYYY-MM-DD HH:mm'),
    },
    {
      title: '陪诊师',
      dataIndex: 'escortName',
      search: false,
      width: 100,
      render: (_, row) => <EscortName order={row} />,
    },
    {
      title: '金额',
      dataIndex: 'totalFen',
      search: false,
      align: 'right',
      width: 110,
      render: (_, row) => formatFen(row.totalFen),
    },
    // Filters only.
    { title: '城市', dataIndex: 'cityId', hideInTable: true, valueType: 'select', valueEnum: cityValueEnum(cities) },
    {
      title: '服务日期',
      dataIndex: 'date',
      hideInTable: true,
      valueType: 'date',
      // The picked calendar day is the Shanghai day the API filters on.
      search: { transform: (value: string | dayjs.Dayjs) => ({ date: dayjs(value).format('YYYY-MM-DD') }) },
    },
    {
      title: '客户手机',
      dataIndex: 'customerPhone',
      hideInTable: true,
      fieldProps: { placeholder: '完整 11 位手机号', maxLength: 11 },
      formItemProps: { rules: [{ pattern: PHONE, message: '请输入 11 位手机号' }] },
    },
    { title: '陪诊师 ID', dataIndex: 'escortId', hideInTable: true, valueType: 'digit', fieldProps: { precision: 0, min: 1 } },
    { title: '医院 ID', dataIndex: 'hospitalId', hideInTable: true, valueType: 'digit', fieldProps: { precision: 0, min: 1 } },
    { title: '服务项目 ID', dataIndex: 'serviceItemId', hideInTable: true, valueType: 'digit', fieldProps: { precision: 0, min: 1 } },
  ];

  return (
    <PageContainer>
      <ProTable<StaffOrderRow>
        headerTitle="订单列表"
        rowKey="id"
        actionRef={actionRef}
        scroll={{ x: 1250 }}
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminOrders<Page<StaffOrderRow>>(toPageQuery(params)))}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        toolBarRender={() => [
          <Typography.Text key="hint" type="secondary">
            点击订单查看详情；时间均为北京时间
          </Typography.Text>,
        ]}
      />
      <OrderDetailDrawer orderId={openId} onClose={closeDrawer} onChanged={() => actionRef.current?.reload()} />
    </PageContainer>
  );
}
