import { ProForm, ProFormDigit } from '@ant-design/pro-components';
import type { WorkforceRules } from '@/services/workforce-models';
import { useSaveSettings } from '../use-save-settings';
import SettingsCard from './settings-card';

interface Props {
  value: WorkforceRules;
  canWrite: boolean;
  onSaved(value: WorkforceRules): void;
}

/** 陪诊师与派单: accept timeout, travel buffer, expiry warning and late-departure thresholds (bounds as the backend validates them). */
export default function WorkforceRulesCard({ value, canWrite, onSaved }: Props) {
  const { save, error } = useSaveSettings('workforce', onSaved);
  return (
    <SettingsCard title="陪诊师与派单" error={error}>
      <ProForm<WorkforceRules>
        key={JSON.stringify(value)}
        name="workforceRulesForm"
        layout="horizontal"
        labelCol={{ flex: '180px' }}
        initialValues={value}
        disabled={!canWrite}
        submitter={canWrite ? { searchConfig: { submitText: '保存派单设置' }, resetButtonProps: false } : false}
        onFinish={(v) =>
          save({
            acceptTimeoutMinutes: Number(v.acceptTimeoutMinutes),
            travelBufferMinutes: Number(v.travelBufferMinutes),
            expiryWarningDays: Number(v.expiryWarningDays),
            lateDepartMinutes: Number(v.lateDepartMinutes),
          })
        }
      >
        <ProFormDigit
          name="acceptTimeoutMinutes"
          label="接单时限"
          min={5}
          max={24 * 60}
          width="sm"
          fieldProps={{ precision: 0, suffix: '分钟' }}
          extra="派单后陪诊师在此时间内未确认，订单自动退回派单池并提醒调度"
          rules={[{ required: true, message: '请填写分钟数' }]}
        />
        <ProFormDigit
          name="travelBufferMinutes"
          label="路程缓冲"
          min={0}
          max={240}
          width="sm"
          fieldProps={{ precision: 0, suffix: '分钟' }}
          extra="同一陪诊师前后两单之间至少留出的时间"
          rules={[{ required: true, message: '请填写分钟数' }]}
        />
        <ProFormDigit
          name="expiryWarningDays"
          label="证书到期提醒"
          min={1}
          max={180}
          width="sm"
          fieldProps={{ precision: 0, suffix: '天' }}
          extra="证书到期前这么多天提醒陪诊师与审核人员；到期后不再派需要该证书的服务"
          rules={[{ required: true, message: '请填写天数' }]}
        />
        <ProFormDigit
          name="lateDepartMinutes"
          label="出发迟到判定"
          min={0}
          max={240}
          width="sm"
          fieldProps={{ precision: 0, suffix: '分钟' }}
          extra="开始前这么多分钟仍未出发，标记为出发迟到"
          rules={[{ required: true, message: '请填写分钟数' }]}
        />
      </ProForm>
    </SettingsCard>
  );
}
