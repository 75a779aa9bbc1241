import {
  ModalForm,
  ProFormCheckbox,
  ProFormDependency,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
} from '@ant-design/pro-components';
import { App } from 'antd';
import { PRICE_AMOUNT_TYPE, PRICE_RULE_KIND, PRICE_RULE_TYPE, SERVICE_CATEGORY } from '@/constants/enums';
import { cityOptions } from '@/hooks/use-reference-data';
import { postAdminPriceRules, putAdminPriceRulesById } from '@/services/generated';
import type { City, PriceRule } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { YUAN_INPUT_PATTERN } from '@/utils/money';
import { HOSPITAL_GRADE_OPTIONS, PERCENT_INPUT_PATTERN } from '../../catalog-format';
import {
  EMPTY_RULE_VALUES,
  formValuesToNewRule,
  formValuesToRuleFields,
  ruleToFormValues,
  type PriceRuleFormValues,
} from '../price-rule-form-values';

const optionsOf = (map: Record<string, { label: string }>) =>
  Object.entries(map).map(([value, { label }]) => ({ label, value }));
const TIME_RULE = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '格式为 HH:mm，例如 20:00' };

interface Props {
  rule: PriceRule | null;
  open: boolean;
  cities: City[];
  /** Only all-city staff may create rules for every city. */
  allCities: boolean;
  onOpenChange(open: boolean): void;
  onSaved(): void;
}

/** Create a rule, or change one; its code, type and city stay once created. */
export default function PriceRuleForm({ rule, open, cities, allCities, onOpenChange, onSaved }: Props) {
  const { message } = App.useApp();
  const creating = rule === null;
  const cityChoices = [...(allCities ? [{ label: '全部城市', value: 0 }] : []), ...cityOptions(cities)];

  const onFinish = async (values: PriceRuleFormValues) => {
    try {
      if (creating) {
        await postAdminPriceRules(formValuesToNewRule(values));
        message.success('价格规则已创建');
      } else {
        await putAdminPriceRulesById({ id: String(rule.id) }, formValuesToRuleFields(rule.type, values));
        message.success('价格规则已更新');
      }
      onSaved();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  };

  return (
    <ModalForm<PriceRuleFormValues>
      name="priceRuleForm"
      title={creating ? '新建价格规则' : `编辑价格规则：${rule.name}`}
      open={open}
      onOpenChange={onOpenChange}
      width={560}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={creating ? { ...EMPTY_RULE_VALUES, cityId: allCities ? 0 : cities[0]?.id } : ruleToFormValues(rule)}
      onFinish={onFinish}
    >
      {creating && (
        <>
          <ProFormText
            name="code"
            label="规则编码"
            placeholder="例如 grade_3a"
            extra="同一编码的城市规则会替换全部城市的规则"
            rules={[
              { required: true, message: '请输入规则编码' },
              { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: '2–32 位小写字母、数字或 _，以字母开头' },
            ]}
          />
          <ProFormSelect name="type" label="规则类型" options={optionsOf(PRICE_RULE_TYPE)} rules={[{ required: true, message: '请选择规则类型' }]} />
          <ProFormSelect name="cityId" label="适用城市" options={cityChoices} rules={[{ required: true, message: '请选择城市' }]} />
        </>
      )}
      <ProFormText
        name="name"
        label="名称（显示在报价上）"
        rules={[
          { required: true, whitespace: true, message: '请输入名称' },
          { max: 32, message: '名称最多 32 个字' },
        ]}
      />
      <ProFormRadio.Group name="kind" label="方向" radioType="button" options={optionsOf(PRICE_RULE_KIND)} rules={[{ required: true }]} />
      <ProFormRadio.Group name="amountType" label="金额方式" radioType="button" options={optionsOf(PRICE_AMOUNT_TYPE)} rules={[{ required: true }]} />
      <ProFormDependency name={['amountType']}>
        {({ amountType }) =>
          amountType === 'fen' ? (
            <ProFormText
              name="amountText"
              label="每单金额（元）"
              rules={[
                { required: true, message: '请输入金额' },
                { pattern: YUAN_INPUT_PATTERN, message: '请输入金额，最多两位小数' },
              ]}
            />
          ) : (
            <ProFormText
              name="amountText"
              label="比例（%）"
              extra="加价按服务费计算，优惠按加价后的小计计算"
              fieldProps={{ suffix: '%' }}
              rules={[
                { required: true, message: '请输入比例' },
                { pattern: PERCENT_INPUT_PATTERN, message: '请输入百分比，最多两位小数，例如 10 或 12.5' },
              ]}
            />
          )
        }
      </ProFormDependency>
      <ProFormDependency name={['type']}>
        {({ type }) => {
          const ruleType = creating ? type : rule.type;
          if (ruleType === 'hospital_grade') {
            return (
              <ProFormSelect
                name="grades"
                label="医院等级"
                mode="tags"
                options={HOSPITAL_GRADE_OPTIONS}
                rules={[{ required: true, message: '至少选择一个医院等级' }]}
              />
            );
          }
          if (ruleType === 'night') {
            return (
              <>
                <ProFormText name="startTime" label="夜间开始（北京时间）" rules={[{ required: true, message: '请输入开始时间' }, TIME_RULE]} />
                <ProFormText name="endTime" label="夜间结束（北京时间，可跨零点）" rules={[{ required: true, message: '请输入结束时间' }, TIME_RULE]} />
              </>
            );
          }
          if (ruleType === 'same_day') {
            return (
              <>
                <ProFormCheckbox name="sameCalendarDay">服务开始与下单在同一天（北京时间）算加急</ProFormCheckbox>
                <ProFormDigit name="withinHours" label="或：开始前不足多少小时下单" min={1} max={72} fieldProps={{ precision: 0 }} />
              </>
            );
          }
          return null;
        }}
      </ProFormDependency>
      <ProFormSelect name="categoryCodes" label="适用类别" mode="multiple" options={optionsOf(SERVICE_CATEGORY)} placeholder="不选表示全部类别" />
      <ProFormDigit name="sortOrder" label="计算顺序" min={0} max={9999} fieldProps={{ precision: 0 }} extra="同一步骤中小的先计算" />
    </ModalForm>
  );
}
