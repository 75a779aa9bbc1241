import { PlusOutlined } from '@ant-design/icons';
import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ENABLED, SERVICE_CATEGORY, enumLabel, toValueEnum } from '@/constants/enums';
import { useCities } from '@/hooks/use-reference-data';
import { getAdminServiceItems, postAdminServiceItemsByIdDisable, postAdminServiceItemsByIdEnable } from '@/services/generated';
import type { Page, ServiceItem } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { formatFen } from '@/utils/money';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDuration } from '../catalog-format';
import CityPricesModal from './components/city-prices-modal';
import ServiceItemForm from './components/service-item-form';

type Colored = { color: string };

/** The catalog: items with their price per city; ops create, edit, price and list/unlist them. */
export default function ServiceItemsPage() {
  const access = useAccess();
  const { message, modal } = App.useApp();
  const canWrite = access.canWriteCatalog;
  const actionRef = useRef<ActionType>();
  const { data: cities } = useCities(access.canReadCities);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<ServiceItem | null>(null);
  const [pricing, setPricing] = useState<ServiceItem | null>(null);

  const setEnabled = (row: ServiceItem, enabled: boolean) =>
    modal.confirm({
      title: `${enabled ? '上架' : '下架'}「${row.name}」？`,
      content: enabled ? undefined : '下架后客户无法再预订此项目，已有订单不受影响。',
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          const params = { id: String(row.id) };
          await (enabled ? postAdminServiceItemsByIdEnable(params) : postAdminServiceItemsByIdDisable(params));
        } catch (e) {
          if (e instanceof ApiError) return;
          throw e;
        }
        message.success(enabled ? '已上架' : '已下架');
        actionRef.current?.reload();
      },
    });

  const columns: ProColumns<ServiceItem>[] = [
    { title: '关键字', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称或编码' } },
    { title: '编码', dataIndex: 'code', width: 120, search: false, copyable: true },
    {
      title: '类别',
      dataIndex: 'categoryCode',
      width: 110,
      valueType: 'select',
      valueEnum: toValueEnum(SERVICE_CATEGORY),
      render: (_, row) => (
        <Tag color={(SERVICE_CATEGORY as Record<string, Colored>)[row.categoryCode]?.color}>
          {row.categoryName || enumLabel(SERVICE_CATEGORY, row.categoryCode)}
        </Tag>
      ),
    },
    { title: '名称', dataIndex: 'name', search: false, width: 170 },
    {
      title: '默认单价',
      dataIndex: 'basePriceFen',
      search: false,
      align: 'right',
      width: 130,
      render: (_, row) => `${formatFen(row.basePriceFen)} / ${row.unitLabel}`,
    },
    {
      title: '城市售价',
      dataIndex: 'cityPrices',
      search: false,
      render: (_, row) =>
        row.cityPrices.length === 0 ? (
          <Typography.Text type="secondary">未开通城市</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {row.cityPrices.map((p) => (
              <Tag key={p.cityId} color={p.enabled ? 'blue' : 'default'}>
                {p.cityName} {formatFen(p.unitPriceFen)}
                {p.enabled ? '' : '（停售）'}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: '时长',
      search: false,
      width: 170,
      render: (_, row) => `${formatDuration(row.minDurationMinutes)} – ${formatDuration(row.maxDurationMinutes)}`,
    },
    { title: '状态', dataIndex: 'enabled', width: 90, valueType: 'select', valueEnum: toValueEnum(ENABLED) },
    {
      title: '操作',
      valueType: 'option',
      width: 190,
      render: (_, row) => [
        canWrite ? (
          <a
            key="edit"
            onClick={() => {
              setEditing(row);
              setFormOpen(true);
            }}
          >
            编辑
          </a>
        ) : null,
        <a key="prices" onClick={() => setPricing(row)}>
          城市价格
        </a>,
        canWrite ? (
          <a key="toggle" onClick={() => setEnabled(row, !row.enabled)}>
            {row.enabled ? '下架' : '上架'}
          </a>
        ) : null,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<ServiceItem>
        headerTitle="服务项目"
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={(params) => toProTableResult(getAdminServiceItems<Page<ServiceItem>>(toPageQuery(params)))}
        toolBarRender={() =>
          canWrite
            ? [
                <Button
                  key="create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    setEditing(null);
                    setFormOpen(true);
                  }}
                >
                  新建服务项目
                </Button>,
              ]
            : []
        }
      />
      {canWrite && (
        <ServiceItemForm item={editing} open={formOpen} onOpenChange={setFormOpen} onSaved={() => actionRef.current?.reload()} />
      )}
      <CityPricesModal
        item={pricing}
        cities={cities}
        canWrite={canWrite}
        onClose={() => setPricing(null)}
        onChanged={() => actionRef.current?.reload()}
      />
    </PageContainer>
  );
}
