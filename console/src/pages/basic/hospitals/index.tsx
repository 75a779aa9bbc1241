import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { cityValueEnum, useCities } from '@/hooks/use-reference-data';
import { getAdminHospitals } from '@/services/generated';
import type { Page, Hospital } from '@/services/models';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';

export default function HospitalsPage() {
  const access = useAccess();
  const { data: cities } = useCities(access.canReadCities);

  const columns: ProColumns<Hospital>[] = [
    { title: '关键字', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '医院名称' } },
    { title: '城市', dataIndex: 'cityId', valueType: 'select', valueEnum: cityValueEnum(cities), render: (_, row) => row.cityName, width: 100 },
    { title: '医院', dataIndex: 'name', search: false },
    { title: '等级', dataIndex: 'grade', search: false, width: 90 },
    { title: '地址', dataIndex: 'address', search: false, ellipsis: true },
    { title: '电话', dataIndex: 'phone', search: false, width: 150 },
  ];

  return (
    <PageContainer>
      <ProTable<Hospital>
        headerTitle="医院"
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminHospitals<Page<Hospital>>(toPageQuery(params)))}
      />
    </PageContainer>
  );
}
