import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { history, useAccess } from '@umijs/max';
import { Alert, Button, Card, Segmented, Space, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { GENDER, enumLabel, toValueEnum } from '@/constants/enums';
import { APPLICATION_STATUS, CREDENTIAL_STATUS } from '@/constants/workforce';
import { cityValueEnum, useCities } from '@/hooks/use-reference-data';
import { useWorkforceRules } from '@/hooks/use-workforce-rules';
import { getAdminEscortApplications, getAdminEscortCredentials } from '@/services/generated';
import type { Page } from '@/services/models';
import type { Application, Credential } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime, shanghaiToday } from '@/utils/time';
import { expiringSoon } from '../credential-expiry';
import CredentialTable from './components/credential-table';

function ApplicationsTab() {
  const access = useAccess();
  const { data: cities } = useCities(access.canReadCities);
  const columns: ProColumns<Application>[] = [
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: toValueEnum(APPLICATION_STATUS), initialValue: 'pending', width: 90 },
    { title: '城市', dataIndex: 'cityId', valueType: 'select', valueEnum: cityValueEnum(cities), width: 90 },
    { title: '提交时间', dataIndex: 'submittedAt', search: false, width: 150, render: (_, r) => formatDateTime(r.submittedAt, 'YYYY-MM-DD HH:mm') },
    { title: '姓名', dataIndex: 'realName', search: false, width: 90 },
    { title: '性别', dataIndex: 'gender', search: false, width: 60, render: (_, r) => enumLabel(GENDER, r.gender) },
    { title: '出生年份', dataIndex: 'birthYear', search: false, width: 90 },
    { title: '学历', dataIndex: 'educationLabel', search: false, width: 100 },
    { title: '从业年限', dataIndex: 'experienceYears', search: false, width: 90, render: (_, r) => `${r.experienceYears} 年` },
    {
      title: '技能',
      dataIndex: 'skills',
      search: false,
      render: (_, r) => (
        <Space size={[2, 2]} wrap>
          {r.skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    { title: '审核人', dataIndex: 'decidedByName', search: false, width: 90, render: (_, r) => r.decidedByName || '-' },
    {
      title: '操作',
      valueType: 'option',
      width: 80,
      render: (_, r) => [
        <Button key="open" type="link" size="small" onClick={() => history.push(`/workforce/reviews/${r.id}`)}>
          {r.status === 'pending' ? '审核' : '查看'}
        </Button>,
      ],
    },
  ];
  return (
    <ProTable<Application>
      rowKey="id"
      columns={columns}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 20 }}
      onRow={(r) => ({ onDoubleClick: () => history.push(`/workforce/reviews/${r.id}`) })}
      request={(params) => toProTableResult(getAdminEscortApplications<Page<Application>>(toPageQuery(params)))}
      headerTitle="入驻申请（待审核的先到先审）"
    />
  );
}

function CredentialsTab({ warningDays }: { warningDays: number }) {
  const [status, setStatus] = useState<string>('pending');
  const [rows, setRows] = useState<Credential[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      // 即将到期 reads the approved ones and keeps those inside the warning window.
      const query = (status === 'expiring' ? 'approved' : status) as 'pending' | 'approved' | 'rejected' | 'expired';
      const page = await getAdminEscortCredentials<Page<Credential>>({ status: query, page: 1, pageSize: 100 }, { skipErrorHandler: true });
      setRows(status === 'expiring' ? expiringSoon(page.list, shanghaiToday(), warningDays) : page.list);
      setError(null);
    } catch (e) {
      setError(errorMessageOf(e));
    } finally {
      setLoading(false);
    }
  }, [status, warningDays]);
  useEffect(() => {
    load();
  }, [load]);
  return (
    <Card loading={loading && rows.length === 0}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { label: CREDENTIAL_STATUS.pending.label, value: 'pending' },
            { label: `即将到期（${warningDays} 天内）`, value: 'expiring' },
            { label: CREDENTIAL_STATUS.expired.label, value: 'expired' },
            { label: CREDENTIAL_STATUS.approved.label, value: 'approved' },
            { label: CREDENTIAL_STATUS.rejected.label, value: 'rejected' },
          ]}
        />
        {error && <Alert type="error" showIcon message={error} />}
        <CredentialTable rows={rows} warningDays={warningDays} canReview showEscort onChanged={load} />
      </Space>
    </Card>
  );
}

/** 资质审核: the queue of applications and of credentials, and credentials about to lapse. */
export default function ReviewsPage() {
  const access = useAccess();
  const rules = useWorkforceRules(Boolean(access.canReadSettings));
  return (
    <PageContainer>
      <Tabs
        items={[
          { key: 'applications', label: '入驻申请', children: <ApplicationsTab /> },
          { key: 'credentials', label: '证书审核与到期', children: <CredentialsTab warningDays={rules.expiryWarningDays} /> },
        ]}
        destroyInactiveTabPane
      />
    </PageContainer>
  );
}
