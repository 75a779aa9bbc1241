import {
  DrawerForm,
  ProFormDependency,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App } from 'antd';
import { PRICING_UNIT, QUALIFICATION, SERVICE_CATEGORY } from '@/constants/enums';
import { postAdminServiceItems, putAdminServiceItemsById } from '@/services/generated';
import type { ServiceItem } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { YUAN_INPUT_PATTERN } from '@/utils/money';
import { durationOptions } from '../../catalog-format';
import {
  EMPTY_ITEM_VALUES,
  formValuesToItemFields,
  itemToFormValues,
  type ServiceItemFormValues,
} from '../service-item-form-values';

const optionsOf = (map: Record<string, { label: string }>) =>
  Object.entries(map).map(([value, { label }]) => ({ label, value }));

interface Props {
  /** The item being edited, or null to create one. */
  item: ServiceItem | null;
  open: boolean;
  onOpenChange(open: boolean): void;
  onSaved(): void;
}

/** Create an item, or edit one (its code stays). Lists are typed as tags; the price in yuan. */
export default function ServiceItemForm({ item, open, onOpenChange, onSaved }: Props) {
  const { message } = App.useApp();
  const creating = item === null;

  const onFinish = async (values: ServiceItemFormValues) => {
    const fields = formValuesToItemFields(values);
    try {
      if (creating) {
        await postAdminServiceItems({ ...fields, code: values.code.trim() });
        message.success('服务项目已创建');
      } else {
        await putAdminServiceItemsById({ id: String(item.id) }, fields);
        message.success('服务项目已更新');
      }
      onSaved();
      return true;
    } catch (e) {
      // The request layer showed the message (编码已被使用 …); the drawer stays open to fix it.
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  };

  return (
    <DrawerForm<ServiceItemFormValues>
      name="serviceItemForm"
      title={creating ? '新建服务项目' : `编辑服务项目：${item.name}`}
      open={open}
      onOpenChange={onOpenChange}
      width={560}
      drawerProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={creating ? EMPTY_ITEM_VALUES : itemToFormValues(item)}
      onFinish={onFinish}
    >
      {creating && (
        <ProFormText
          name="code"
          label="项目编码"
          placeholder="例如 OPD-HALF"
          extra="创建后不可修改，订单会记录它"
          rules={[
            { required: true, message: '请输入项目编码' },
            { pattern: /^[A-Z][A-Z0-9_-]{1,31}$/, message: '2–32 位大写字母、数字、- 或 _，以字母开头' },
          ]}
        />
      )}
      <ProFormSelect name="categoryCode" label="服务类别" options={optionsOf(SERVICE_CATEGORY)} rules={[{ required: true, message: '请选择服务类别' }]} />
      <ProFormText
        name="name"
        label="名称"
        rules={[
          { required: true, whitespace: true, message: '请输入名称' },
          { max: 64, message: '名称最多 64 个字' },
        ]}
      />
      <ProFormTextArea name="description" label="服务说明" fieldProps={{ rows: 3, maxLength: 2000, showCount: true }} />
      <ProFormSelect name="includes" label="服务包含" mode="tags" placeholder="输入后回车，例如：协助挂号" />
      <ProFormSelect name="preparation" label="客户需准备" mode="tags" placeholder="输入后回车，例如：身份证复印件" />
      <ProFormSelect name="requiredQualifications" label="陪诊师资质要求" mode="multiple" options={optionsOf(QUALIFICATION)} />
      <ProFormSelect name="pricingUnit" label="计价单位" options={optionsOf(PRICING_UNIT)} rules={[{ required: true, message: '请选择计价单位' }]} />
      <ProFormText
        name="basePriceYuan"
        label="默认单价（元）"
        extra="新开城市时的建议价；各城市的售价在“城市价格”中设置"
        rules={[
          { required: true, message: '请输入默认单价' },
          { pattern: YUAN_INPUT_PATTERN, message: '请输入金额，最多两位小数，例如 199 或 199.50' },
        ]}
      />
      <ProFormSelect name="minDurationMinutes" label="最短时长" options={durationOptions()} showSearch rules={[{ required: true, message: '请选择最短时长' }]} />
      <ProFormDependency name={['minDurationMinutes']}>
        {({ minDurationMinutes }) => (
          <ProFormSelect
            name="maxDurationMinutes"
            label="最长时长"
            options={durationOptions(minDurationMinutes)}
            showSearch
            rules={[{ required: true, message: '请选择最长时长' }]}
          />
        )}
      </ProFormDependency>
      <ProFormDependency name={['minDurationMinutes', 'maxDurationMinutes']}>
        {({ minDurationMinutes, maxDurationMinutes }) => (
          <ProFormSelect
            name="defaultDurationMinutes"
            label="默认时长"
            options={durationOptions(minDurationMinutes, maxDurationMinutes)}
            showSearch
            rules={[{ required: true, message: '请选择默认时长' }]}
          />
        )}
      </ProFormDependency>
      <ProFormDigit name="sortOrder" label="排序" min={0} max={9999} fieldProps={{ precision: 0 }} extra="小的排在前面" />
    </DrawerForm>
  );
}
