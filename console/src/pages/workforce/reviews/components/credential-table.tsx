import { App, Button, Modal, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import AuthFileView from '@/components/auth-file-view';
import { CREDENTIAL_STATUS } from '@/constants/workforce';
import { postAdminEscortCredentialsByIdApprove, postAdminEscortCredentialsByIdReject } from '@/services/generated';
import type { Credential } from '@/services/workforce-models';
import { shanghaiToday } from '@/utils/time';
import { EXPIRY_COLOR, credentialExpiry } from '../../credential-expiry';
import DecisionModal from './decision-modal';

interface Props {
  rows: Credential[];
  warningDays: number;
  /** Reviewers decide pending credentials and open their files; others only read. */
  canReview: boolean;
  showEscort?: boolean;
  onChanged(): void;
}

export function ExpiryTag({ expiresOn, warningDays }: { expiresOn: string | null; warningDays: number }) {
  const e = credentialExpiry(expiresOn, shanghaiToday(), warningDays);
  return <Tag color={EXPIRY_COLOR[e.state]}>{e.text}</Tag>;
}

/** Credentials with their expiry warnings, the certificate image on demand, and approve / reject for pending ones. */
export default function CredentialTable({ rows, warningDays, canReview, showEscort, onChanged }: Props) {
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<Credential | null>(null);
  const [deciding, setDeciding] = useState<{ c: Credential; approve: boolean } | null>(null);

  const columns: ColumnsType<Credential> = [
    ...(showEscort ? [{ title: '陪诊师', dataIndex: 'escortName', width: 100 } as const] : []),
    { title: '证书', dataIndex: 'typeLabel', width: 150 },
    { title: '编号', dataIndex: 'certificateNo', width: 160 },
    { title: '发证日期', dataIndex: 'issuedOn', width: 110 },
    {
      title: '有效期',
      dataIndex: 'expiresOn',
      width: 150,
      render: (_, c) => <ExpiryTag expiresOn={c.expiresOn} warningDays={warningDays} />,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (_, c) => <Tag color={CREDENTIAL_STATUS[c.status]?.color}>{c.statusLabel}</Tag>,
    },
    {
      title: '审核',
      key: 'review',
      width: 140,
      render: (_, c) => (c.reviewedByName ? `${c.reviewedByName}${c.rejectReason ? `：${c.rejectReason}` : ''}` : '-'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, c) => (
        <Space size={0}>
          {canReview && c.fileUrl && (
            <Button type="link" size="small" onClick={() => setViewing(c)}>
              查看证书
            </Button>
          )}
          {canReview && c.status === 'pending' && (
            <>
              <Button type="link" size="small" onClick={() => setDeciding({ c, approve: true })}>
                通过
              </Button>
              <Button type="link" size="small" danger onClick={() => setDeciding({ c, approve: false })}>
                驳回
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<Credential>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '暂无证书' }}
      />
      <Modal open={viewing !== null} title={viewing ? `${viewing.typeLabel} ${viewing.certificateNo}` : ''} footer={null} onCancel={() => setViewing(null)} width={640} destroyOnHidden>
        {viewing && <AuthFileView url={viewing.fileUrl} title={viewing.typeLabel} width={580} height={400} />}
      </Modal>
      <DecisionModal
        subject={deciding ? `${deciding.c.typeLabel}${deciding.c.escortName ? ` · ${deciding.c.escortName}` : ''}` : null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        decide={(reason) =>
          deciding!.approve
            ? postAdminEscortCredentialsByIdApprove({ id: String(deciding!.c.id) }, { reason })
            : postAdminEscortCredentialsByIdReject({ id: String(deciding!.c.id) }, { reason })
        }
        onDone={(text) => {
          setDeciding(null);
          message.success(text);
          onChanged();
        }}
      />
    </>
  );
}
