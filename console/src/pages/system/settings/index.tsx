import { PageContainer } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { Alert, Button, Result, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { getAdminSettings } from '@/services/generated';
import type { SettingsGroups } from '@/services/models';
import { errorMessageOf } from '@/utils/api-error';
import BookingRulesCard from './components/booking-rules-card';
import CancellationRulesCard from './components/cancellation-rules-card';
import NotificationSettingsCard from './components/notification-settings-card';
import WorkforceRulesCard from './components/workforce-rules-card';

export default function SettingsPage() {
  const access = useAccess();
  const canWrite = Boolean(access.canWriteSettings);
  const [settings, setSettings] = useState<SettingsGroups | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setSettings(await getAdminSettings<SettingsGroups>({ skipErrorHandler: true }));
    } catch (e) {
      setError(errorMessageOf(e));
    }
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  const replace = <K extends keyof SettingsGroups>(key: K) => (value: SettingsGroups[K]) =>
    setSettings((s) => (s ? { ...s, [key]: value } : s));

  return (
    <PageContainer>
      {!canWrite && <Alert type="info" showIcon message="只读：修改业务设置需要「修改业务设置」权限" style={{ marginBottom: 16 }} />}
      {error && (
        <Result status="warning" title="业务设置加载失败" subTitle={error} extra={<Button onClick={load}>重试</Button>} />
      )}
      {!error && !settings && <Skeleton active paragraph={{ rows: 10 }} />}
      {settings && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <BookingRulesCard value={settings.booking} canWrite={canWrite} onSaved={replace('booking')} />
          <CancellationRulesCard value={settings.cancellation} canWrite={canWrite} onSaved={replace('cancellation')} />
          {settings.workforce && <WorkforceRulesCard value={settings.workforce} canWrite={canWrite} onSaved={replace('workforce')} />}
          <NotificationSettingsCard value={settings.notifications} canWrite={canWrite} onSaved={replace('notifications')} />
        </Space>
      )}
    </PageContainer>
  );
}
