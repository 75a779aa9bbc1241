import { ProForm, ProFormDependency, ProFormDigit, ProFormList } from '@ant-design/pro-components';
import { Typography } from 'antd';
import type { CancellationRules } from '@/services/models';
import { describeTiers, duplicateHours, rowsToTiers, tiersToRows, type TierRow } from '../settings-form';
import { useSaveSettings } from '../use-save-settings';
import SettingsCard from './settings-card';

interface Props {
  value: CancellationRules;
  canWrite: boolean;
  onSaved(value: CancellationRules): void;
}

export default function CancellationRulesCard({ value, canWrite, onSaved }: Props) {
  const { save, error } = useSaveSettings('cancellation', onSaved);
  return (
    <SettingsCard title="取消规则" error={error}>
      <Typography.Paragraph type="secondary">
        已支付订单取消时，按距开始的时间找到适用的一档，违约金为已支付金额的百分比，其余退款。
      </Typography.Paragraph>
      <ProForm<{ tiers: TierRow[] }>
        // Remount after a save so the form shows what the backend stored (sorted, trimmed).
        key={JSON.stringify(value)}
        name="cancellationRulesForm"
        initialValues={{ tiers: tiersToRows(value.tiers) }}
        disabled={!canWrite}
        submitter={canWrite ? { searchConfig: { submitText: '保存取消规则' }, resetButtonProps: false } : false}
        onFinish={(values) => save({ tiers: rowsToTiers(values.tiers ?? []) })}
      >
        <ProFormList
          name="tiers"
          creatorButtonProps={canWrite ? { creatorButtonText: '添加一档' } : false}
          deleteIconProps={canWrite ? { tooltipText: '删除' } : false}
          copyIconProps={false}
          min={1}
          creatorRecord={{ hoursBefore: 0, penaltyPercent: 0 }}
          rules={[
            {
              validator: async (_, rows: TierRow[] | undefined) => {
                if (!rows || rows.length === 0) throw new Error('至少保留一档');
                const dupes = duplicateHours(rows);
                if (dupes.length) throw new Error(`「开始前小时数」重复：${dupes.join('、')}`);
              },
            },
          ]}
        >
          <ProForm.Group>
            <ProFormDigit
              name="hoursBefore"
              label="开始前（小时）≥"
              min={0}
              max={24 * 30}
              
              rules={[{ required: true, message: '请填写小时数' }]}
              width="xs"
            />
            <ProFormDigit
              name="penaltyPercent"
              label="违约金比例"
              min={0}
              max={100}
              fieldProps={{ step: 1, suffix: '%' }}
              rules={[{ required: true, message: '请填写比例' }]}
              width="xs"
            />
          </ProForm.Group>
        </ProFormList>
        <ProFormDependency name={['tiers']}>
          {({ tiers }: { tiers?: TierRow[] }) => {
            const rows = (tiers ?? []).filter((r) => r && r.hoursBefore !== undefined && r.penaltyPercent !== undefined);
            if (!rows.length || duplicateHours(rows).length) return null;
            return (
              <ul style={{ color: 'rgba(0,0,0,0.45)', paddingInlineStart: 20 }} data-testid="tier-summary">
                {describeTiers(rowsToTiers(rows)).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            );
          }}
        </ProFormDependency>
      </ProForm>
    </SettingsCard>
  );
}
