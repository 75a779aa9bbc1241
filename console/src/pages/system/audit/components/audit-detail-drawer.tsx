import { Descriptions, Drawer, Empty, Tag, Typography } from 'antd';
import { ACTOR_TYPE, enumLabel } from '@/constants/enums';
import type { AuditLog } from '@/services/models';
import { formatDateTime } from '@/utils/time';

function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />;
  return (
    <pre
      style={{
        margin: 0,
        padding: 12,
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        maxHeight: 360,
        overflow: 'auto',
        fontSize: 12,
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Before/after snapshots of one audit row (already masked by the backend). */
export default function AuditDetailDrawer({ log, onClose }: { log: AuditLog | null; onClose(): void }) {
  return (
    <Drawer title="审计详情" width={640} open={log !== null} onClose={onClose} destroyOnHidden>
      {log && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="时间">{formatDateTime(log.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="操作人">
              <Tag>{enumLabel(ACTOR_TYPE, log.actorType)}</Tag>
              {log.actorName ?? '-'}
              {log.actorId !== null && log.actorId !== undefined ? `（ID ${log.actorId}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="动作">
              <Typography.Text code>{log.action}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="对象">
              {log.targetType}
              {log.targetId ? ` #${log.targetId}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="IP">{log.ip ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="请求 ID">
              {log.requestId ? <Typography.Text copyable>{log.requestId}</Typography.Text> : '-'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            变更前
          </Typography.Title>
          <JsonBlock value={log.before} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            变更后
          </Typography.Title>
          <JsonBlock value={log.after} />
        </>
      )}
    </Drawer>
  );
}
