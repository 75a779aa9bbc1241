import { PlusOutlined } from '@ant-design/icons';
import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess, useModel } from '@umijs/max';
import { App, Button, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { PRICE_RULE_KIND, PRICE_RULE_TYPE, RULE_ENABLED, toValueEnum } from '@/constants/enums';
import { useCities } from '@/hooks/use-reference-data';
import { getAdminPriceRules, postAdminPriceRulesByIdDisable, postAdminPriceRulesByIdEnable } from '@/services/generated';
import type { PriceRule } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { toPageQuery } from '@/utils/pro-table';
import { describeCategories, describeRuleCondition, formatRuleAmount } from '../catalog-format';
import PriceRuleForm from './components/price-rule-form';

type Colored = { color: string };

/** Surcharges and discounts; a city's rule replaces the all-cities rule with the same code there. */
export default function PriceRulesPage() {
  const access = useAccess();
  const { initialState } = useModel('@@initialState');
  const allCities = Boolean(initialState?.currentUser?.allCities);
  const { message, modal } = App.useApp();
  const canWrite = access.canWriteCatalog;
  const actionRef = useRef<ActionType>();
  const { data: cities } = useCities(access.canReadCities);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<PriceRule | null>(null);
  /** All-cities rules are admin-only; city staff see them but cannot change them. */
  const mayChange = (row: PriceRule) => canWrite && (row.cityId !== null || allCities);

  const setEnabled = (row: PriceRule, enabled: boolean) =>
    modal.confirm({
      title: `${enabled ? '启用' : '停用'}「${row.name}」？`,
      content: '只影响之后的报价，已下的订单价格不变。',
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          const params = { id: String(row.id) };
          await (enabled ? postAdminPriceRulesByIdEnable(params) : postAdminPriceRulesByIdDisable(params));
        } catch (e) {
          if (e instanceof ApiError) return;
          throw e;
        }
        message.success(enabled ? '已启用' : '已停用');
        actionRef.current?.reload();
      },
    });

  const cityFilter: Record<number, { text: string }> = { 0: { text: '全部城市通用' } };
  for (const c of cities) cityFilter[c.id] = { text: c.name };

  const columns: ProColumns<PriceRule>[] = [
    { title: '城市', dataIndex: 'cityId', valueType: 'select', valueEnum: cityFilter, hideInTable: true },
    { title: '编码', dataIndex: 'code', search: false, width: 120 },
    { title: '名称', dataIndex: 'name', search: false },
    {
      title: '类型',
      dataIndex: 'type',
      valueType: 'select',
      valueEnum: toValueEnum(PRICE_RULE_TYPE),
      width: 110,
      render: (_, row) => <Tag color={(PRICE_RULE_TYPE as Record<string, Colored>)[row.type]?.color}>{row.typeName}</Tag>,
    },
    {
      title: '金额',
      search: false,
      width: 120,
      render: (_, row) => (
        <Tag color={(PRICE_RULE_KIND as Record<string, Colored>)[row.kind]?.color}>{formatRuleAmount(row)}</Tag>
      ),
    },
    { title: '适用条件', search: false, render: (_, row) => describeRuleCondition(row) },
    { title: '适用类别', search: false, render: (_, row) => describeCategories(row.categoryCodes) },
    {
      title: '适用城市',
      search: false,
      width: 100,
      render: (_, row) => row.cityName ?? <Typography.Text type="secondary">全部城市</Typography.Text>,
    },
    { title: '顺序', dataIndex: 'sortOrder', search: false, width: 70 },
    { title: '状态', dataIndex: 'enabled', valueType: 'select', valueEnum: toValueEnum(RULE_ENABLED), width: 90 },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      hideInTable: !canWrite,
      render: (_, row) =>
        mayChange(row)
          ? [
              <a
                key="edit"
                onClick={() => {
                  setEditing(row);
                  setFormOpen(true);
                }}
              >
                编辑
              </a>,
              <a key="toggle" onClick={() => setEnabled(row, !row.enabled)}>
                {row.enabled ? '停用' : '启用'}
              </a>,
            ]
          : [<Typography.Text key="locked" type="secondary">仅管理员可改</Typography.Text>],
    },
  ];

  return (
    <PageContainer>
      <ProTable<PriceRule>
        headerTitle="价格规则"
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={false}
        request={async (params) => {
          const { page: _page, pageSize: _size, ...query } = toPageQuery(params);
          const data = await getAdminPriceRules<PriceRule[]>(query);
          return { data, total: data.length, success: true };
        }}
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
                  新建规则
                </Button>,
              ]
            : []
        }
      />
      {canWrite && (
        <PriceRuleForm
          rule={editing}
          open={formOpen}
          cities={cities}
          allCities={allCities}
          onOpenChange={setFormOpen}
          onSaved={() => actionRef.current?.reload()}
        />
      )}
    </PageContainer>
  );
}
