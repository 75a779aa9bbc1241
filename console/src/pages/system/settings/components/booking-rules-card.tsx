import { ProForm, ProFormDigit, ProFormRadio, ProFormSelect } from '@ant-design/pro-components';
import { SLOT_MINUTES_OPTIONS } from '@/constants/settings';
import type { BookingRules } from '@/services/models';
import { timeOfDayOptions } from '../settings-form';
import { useSaveSettings } from '../use-save-settings';
import SettingsCard from './settings-card';

interface Props {
  value: BookingRules;
  canWrite: boolean;
  onSaved(value: BookingRules): void;
}

export default function BookingRulesCard({ value, canWrite, onSaved }: Props) {
  const { save, error } = useSaveSettings('booking', onSaved);
  const times = timeOfDayOptions(15, [value.serviceStartFrom, value.serviceStartUntil]);
  return (
    <SettingsCard title="预约规则" error={error}>
      <ProForm<BookingRules>
        // Remount after a save so the form shows what the backend stored (sorted, trimmed).
        key={JSON.stringify(value)}
        name="bookingRulesForm"
        layout="horizontal"
        labelCol={{ flex: '180px' }}
        initialValues={value}
        disabled={!canWrite}
        submitter={canWrite ? { searchConfig: { submitText: '保存预约规则' }, resetButtonProps: false } : false}
        onFinish={(values) =>
          save({
            maxDaysAhead: Number(values.maxDaysAhead),
            minLeadMinutes: Number(values.minLeadMinutes),
            serviceStartFrom: values.serviceStartFrom,
            serviceStartUntil: values.serviceStartUntil,
            slotMinutes: Number(values.slotMinutes),
            paymentWindowMinutes: Number(values.paymentWindowMinutes),
          })
        }
      >
        <ProFormDigit
          name="maxDaysAhead"
          label="最多提前预约天数"
          min={0}
          max={90}
          fieldProps={{ precision: 0, suffix: '天' }}
          extra="0 表示只能预约当天"
          rules={[{ required: true, message: '请填写天数' }]}
          width="sm"
        />
        <ProFormDigit
          name="minLeadMinutes"
          label="最短提前时间"
          min={0}
          max={7 * 24 * 60}
          fieldProps={{ precision: 0, suffix: '分钟' }}
          extra="预约开始时间至少晚于下单时间这么久"
          rules={[{ required: true, message: '请填写分钟数' }]}
          width="sm"
        />
        <ProFormSelect
          name="serviceStartFrom"
          label="最早开始时间"
          options={times}
          showSearch
          rules={[{ required: true, message: '请选择时间' }]}
          width="sm"
        />
        <ProFormSelect
          name="serviceStartUntil"
          label="最晚开始时间"
          options={times}
          showSearch
          dependencies={['serviceStartFrom']}
          rules={[
            { required: true, message: '请选择时间' },
            ({ getFieldValue }) => ({
              validator: (_, until: string) =>
                !until || !getFieldValue('serviceStartFrom') || getFieldValue('serviceStartFrom') <= until
                  ? Promise.resolve()
                  : Promise.reject(new Error('最晚开始时间不能早于最早开始时间')),
            }),
          ]}
          extra="北京时间；指服务的开始时间，不是结束时间"
          width="sm"
        />
        <ProFormRadio.Group
          name="slotMinutes"
          label="时间粒度"
          radioType="button"
          options={SLOT_MINUTES_OPTIONS.map((m) => ({ label: `${m} 分钟`, value: m }))}
          extra="开始时间和时长都按此对齐，也是陪诊师时间占用的单位"
          rules={[{ required: true, message: '请选择时间粒度' }]}
        />
        <ProFormDigit
          name="paymentWindowMinutes"
          label="支付时限"
          min={5}
          max={24 * 60}
          fieldProps={{ precision: 0, suffix: '分钟' }}
          extra="超时未支付的订单自动关闭并释放陪诊师时间"
          rules={[{ required: true, message: '请填写分钟数' }]}
          width="sm"
        />
      </ProForm>
    </SettingsCard>
  );
}
