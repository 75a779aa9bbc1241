import { ProForm, ProFormCheckbox, ProFormDigit, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Table, Tag, Typography } from 'antd';
import { NOTIFICATION_CHANNEL, NOTIFICATION_EVENT, TEMPLATE_VARIABLES } from '@/constants/settings';
import type { NotificationSettings } from '@/services/models';
import { mergeTemplates, templateEvents } from '../settings-form';
import { useSaveSettings } from '../use-save-settings';
import SettingsCard from './settings-card';

interface Props {
  value: NotificationSettings;
  canWrite: boolean;
  onSaved(value: NotificationSettings): void;
}

const CHANNEL_OPTIONS = Object.entries(NOTIFICATION_CHANNEL).map(([value, entry]) => ({ label: entry.label, value }));
const CELL = { style: { marginBottom: 0 } };

export default function NotificationSettingsCard({ value, canWrite, onSaved }: Props) {
  const { save, error } = useSaveSettings('notifications', onSaved);
  const events = templateEvents(value.templates);
  return (
    <SettingsCard title="通知模板" error={error}>
      <ProForm<NotificationSettings>
        // Remount after a save so the form shows what the backend stored (sorted, trimmed).
        key={JSON.stringify(value)}
        name="notificationSettingsForm"
        initialValues={value}
        disabled={!canWrite}
        submitter={canWrite ? { searchConfig: { submitText: '保存通知模板' }, resetButtonProps: false } : false}
        onFinish={(values) =>
          save({
            reminderHoursBefore: Number(values.reminderHoursBefore),
            templates: mergeTemplates(value.templates, values.templates),
          })
        }
      >
        <ProFormDigit
          name="reminderHoursBefore"
          label="服务提醒提前"
          min={1}
          max={72}
          fieldProps={{ precision: 0, suffix: '小时' }}
          rules={[{ required: true, message: '请填写小时数' }]}
          width="sm"
        />
        <Typography.Paragraph type="secondary">
          可用变量：{TEMPLATE_VARIABLES.join(' ')}。员工只接收站内信；微信、短信发给客户和陪诊师。
        </Typography.Paragraph>
        <Table<string>
          size="small"
          rowKey={(event) => event}
          pagination={false}
          dataSource={events}
          scroll={{ x: 900 }}
          columns={[
            {
              title: '事件',
              width: 170,
              render: (_, event) => (
                <>
                  <div>{(NOTIFICATION_EVENT as Record<string, { label: string }>)[event]?.label ?? event}</div>
                  <Tag style={{ marginTop: 4 }}>{event}</Tag>
                </>
              ),
            },
            {
              title: '标题',
              width: 200,
              render: (_, event) => (
                <ProFormText
                  name={['templates', event, 'title']}
                  formItemProps={CELL}
                  fieldProps={{ maxLength: 64 }}
                  rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
                />
              ),
            },
            {
              title: '内容',
              render: (_, event) => (
                <ProFormTextArea
                  name={['templates', event, 'body']}
                  formItemProps={CELL}
                  // Fixed rows: fifteen auto-sizing textareas re-measure on every keystroke anywhere on the page.
                  fieldProps={{ maxLength: 500, rows: 3 }}
                  rules={[{ required: true, whitespace: true, message: '请填写内容' }]}
                />
              ),
            },
            {
              title: '渠道',
              width: 220,
              render: (_, event) => (
                <ProFormCheckbox.Group
                  name={['templates', event, 'channels']}
                  formItemProps={CELL}
                  options={CHANNEL_OPTIONS}
                  rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个渠道' }]}
                />
              ),
            },
          ]}
        />
      </ProForm>
    </SettingsCard>
  );
}
