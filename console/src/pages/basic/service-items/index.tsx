import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { ENABLED, PRICING_UNIT, SERVICE_CATEGORY, enumLabel, toValueEnum } from '@/constants/enums';
import { getAdminServiceItems } from '@/services/generated';
import type { Page, ServiceItem } from '@/services/models';
import { formatFen } from '@/utils/money';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';

export default function ServiceItemsPage() {
  const columns: ProColumns<ServiceItem>[] = [
    { title: '编码', dataIndex: 'code', width: 140, copyable: true },
    {
      title: '分类',
      dataIndex: 'categoryCode',
      width: 110,
      render: (_, row) => (
        <Tag color={(SERVICE_CATEGORY as Record<string, { color: string }>)[row.categoryCode]?.color}>
          {row.categoryName || enumLabel(SERVICE_CATEGORY, row.categoryCode)}
        </Tag>
      ),
    },
    { title: '名称', dataIndex: 'name' },
    {
      title: '基础价',
      dataIndex: 'basePriceFen',
      align: 'right',
      width: 140,
      render: (_, row) => `${formatFen(row.basePriceFen)} / ${enumLabel(PRICING_UNIT, row.pricingUnit)}`,
    },
    { title: '状态', dataIndex: 'enabled', width: 90, valueType: 'select', valueEnum: toValueEnum(ENABLED) },
  ];

  return (
    <PageContainer>
      <ProTable<ServiceItem>
        headerTitle="服务项目"
        rowKey="id"
        columns={columns}
        search={false}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminServiceItems<Page<ServiceItem>>(toPageQuery(params)))}
      />
    </PageContainer>
  );
}
