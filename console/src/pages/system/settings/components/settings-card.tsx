import { ProCard } from '@ant-design/pro-components';
import { Alert } from 'antd';
import type { ReactNode } from 'react';

/** A settings group's card with the backend's refusal (validation message) shown above the form. */
export default function SettingsCard({ title, error, children }: { title: string; error: string | null; children: ReactNode }) {
  return (
    <ProCard title={title} bordered headerBordered>
      {error && <Alert type="error" showIcon message="保存失败" description={error} style={{ marginBottom: 16 }} />}
      {children}
    </ProCard>
  );
}
