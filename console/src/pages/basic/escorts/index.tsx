import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { Tag } from 'antd';
import { ESCORT_LEVEL, ESCORT_STATUS, GENDER, enumLabel, toValueEnum } from '@/constants/enums';
import { cityValueEnum, useCities } from '@/hooks/use-reference-data';
import { getAdminEscorts } from '@/services/generated';
import type { Page, Escort } from '@/services/models';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';

export default function EscortsPage() {
  const access = useAccess();
  const { data: cities } = useCities(access.canReadCities);

  const columns: ProColumns<Escort>[] = [
    { title: '关键字', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '姓名' } },
    { title: '城市', dataIndex: 'cityId', valueType: 'select', valueEnum: cityValueEnum(cities), render: (_, row) => row.cityName, width: 100 },
    { title: '姓名', dataIndex: 'name', search: false },
    { title: '性别', dataIndex: 'gender', search: false, width: 70, render: (_, row) => enumLabel(GENDER, row.gender) },
    { title: '手机号', dataIndex: 'phoneMasked', search: false, width: 140 },
    {
      title: '等级',
      dataIndex: 'level',
      search: false,
      width: 90,
      render: (_, row) => (
        <Tag color={(ESCORT_LEVEL as Record<string, { color: string }>)[row.level]?.color}>{enumLabel(ESCORT_LEVEL, row.level)}</Tag>
      ),
    },
    { title: '状态', dataIndex: 'status', search: false, width: 100, valueType: 'select', valueEnum: toValueEnum(ESCORT_STATUS) },
  ];

  return (
    <PageContainer>
      <ProTable<Escort>
        headerTitle="陪诊师"
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminEscorts<Page<Escort>>(toPageQuery(params)))}
      />
    </PageContainer>
  );
}
