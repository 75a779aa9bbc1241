import { ArrowLeftOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { history, useAccess, useParams } from '@umijs/max';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Input, Modal, Result, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import AuthFileView from '@/components/auth-file-view';
import { ESCORT_LEVEL, ESCORT_STATUS, GENDER, enumLabel } from '@/constants/enums';
import { useWorkforceRules } from '@/hooks/use-workforce-rules';
import CredentialTable from '@/pages/workforce/reviews/components/credential-table';
import { decisionColor, describeDecision } from '@/pages/workforce/review-history';
import EscortWeekDrawer from '@/pages/workforce/schedules/components/escort-week-drawer';
import {
  getAdminEscortLiveStatus,
  getAdminEscortsById,
  getAdminEscortsByIdReviewHistory,
  postAdminEscortsByIdReactivate,
  postAdminEscortsByIdSuspend,
} from '@/services/generated';
import type { CollidingOrder, EscortDetail, LiveStatusRow, ReviewDecision } from '@/services/workforce-models';
import { ApiError, errorMessageOf } from '@/utils/api-error';
import { formatBp } from '@/utils/basis-points';
import { formatDateTime } from '@/utils/time';
import EscortFormModal from './components/escort-form-modal';
import { LiveStatusBadge } from './index';

/** 停用 / 恢复: suspension never strands orders — with assigned ones the operator sends them back to the pool. */
function StatusModal({
  escort,
  suspend,
  onClose,
  onDone,
}: {
  escort: EscortDetail;
  suspend: boolean | null;
  onClose(): void;
  onDone(text: string): void;
}) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [returnToPool, setReturnToPool] = useState(false);
  const [blocking, setBlocking] = useState<CollidingOrder[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setReturnToPool(false);
    setBlocking([]);
  }, [suspend]);
  const submit = async () => {
    if (reason.trim().length < 2) {
      message.warning('请填写至少 2 个字的原因');
      return;
    }
    setBusy(true);
    try {
      if (suspend) await postAdminEscortsByIdSuspend({ id: String(escort.id) }, { reason: reason.trim(), returnToPool }, { skipErrorHandler: true });
      else await postAdminEscortsByIdReactivate({ id: String(escort.id) }, { reason: reason.trim() }, { skipErrorHandler: true });
      onDone(suspend ? '已停用' : '已恢复');
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { orders?: CollidingOrder[] } | undefined) : undefined;
      if (details?.orders) setBlocking(details.orders);
      message.error(errorMessageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={suspend !== null}
      title={suspend ? `停用 ${escort.name}` : `恢复 ${escort.name}`}
      onCancel={onClose}
      onOk={submit}
      okText={suspend ? '确认停用' : '确认恢复'}
      okButtonProps={{ danger: Boolean(suspend), loading: busy }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea aria-label="原因" placeholder="原因（必填）" value={reason} maxLength={255} onChange={(e) => setReason(e.target.value)} />
        {suspend && (
          <Checkbox checked={returnToPool} onChange={(e) => setReturnToPool(e.target.checked)}>
            有已派订单时一并退回派单池（否则停用会被拒绝）
          </Checkbox>
        )}
        {blocking.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={`有 ${blocking.length} 个未完成订单`}
            description={blocking.map((o) => `${o.orderNo}（${formatDateTime(o.startAt, 'MM-DD HH:mm')}，${o.statusLabel}）`).join('、')}
          />
        )}
      </Space>
    </Modal>
  );
}

/** 陪诊师详情: profile, live status, credentials with expiry warnings, the week, suspend / reactivate, review history. */
export default function EscortDetailPage() {
  const { id } = useParams<{ id: string }>();
  const access = useAccess();
  const { message } = App.useApp();
  const rules = useWorkforceRules(Boolean(access.canReadSettings));
  const [escort, setEscort] = useState<EscortDetail | null>(null);
  const [live, setLive] = useState<LiveStatusRow | null>(null);
  const [history_, setHistory] = useState<ReviewDecision[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [statusDialog, setStatusDialog] = useState<boolean | null>(null);
  const [weekOpen, setWeekOpen] = useState(false);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      const e = await getAdminEscortsById<EscortDetail>({ id: String(id) }, { skipErrorHandler: true });
      setEscort(e);
      setError(null);
      getAdminEscortLiveStatus<LiveStatusRow[]>({ escortIds: String(e.id) }, { skipErrorHandler: true })
        .then((rows) => setLive(rows[0] ?? null))
        .catch(() => setLive(null));
      if (access.canReviewEscorts) {
        getAdminEscortsByIdReviewHistory<ReviewDecision[]>({ id: String(e.id) }, { skipErrorHandler: true })
          .then(setHistory)
          .catch(() => setHistory([]));
      }
    } catch (e) {
      setError(errorMessageOf(e));
    }
  }, [id, access.canReviewEscorts]);

  useEffect(() => {
    load();
  }, [load]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => history.push('/workforce/escorts')}>
      返回列表
    </Button>
  );
  if (error) return <Result status="warning" title="陪诊师加载失败" subTitle={error} extra={back} />;
  if (!escort) return <Skeleton active paragraph={{ rows: 12 }} style={{ padding: 24 }} />;

  const canSuspend = access.canWriteEscorts && access.canDispatchOrders && escort.status !== 'suspended';
  const canReactivate = access.canWriteEscorts && escort.status === 'suspended';
  return (
    <PageContainer
      title={escort.name}
      tags={
        <Space>
          <Tag color={ESCORT_STATUS[escort.status]?.color}>{escort.statusLabel}</Tag>
          <LiveStatusBadge status={live?.liveStatus} />
        </Space>
      }
      extra={
        <Space>
          {back}
          {access.canWriteEscorts && <Button onClick={() => setEditing(true)}>编辑档案</Button>}
          <Button onClick={() => setWeekOpen(true)}>排班</Button>
          {canSuspend && (
            <Button danger onClick={() => setStatusDialog(true)}>
              停用
            </Button>
          )}
          {canReactivate && (
            <Button type="primary" onClick={() => setStatusDialog(false)}>
              恢复
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title="档案">
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="城市">{escort.cityName}</Descriptions.Item>
              <Descriptions.Item label="手机号">{escort.phoneMasked}</Descriptions.Item>
              <Descriptions.Item label="性别">{enumLabel(GENDER, escort.gender)}</Descriptions.Item>
              <Descriptions.Item label="年龄">{escort.age ?? '-'}</Descriptions.Item>
              <Descriptions.Item label="等级">
                <Tag color={(ESCORT_LEVEL as Record<string, { color: string }>)[escort.level]?.color}>{escort.levelLabel}</Tag>
                分成 {formatBp(escort.commissionBp)}
              </Descriptions.Item>
              <Descriptions.Item label="身份证号">{escort.idCardMasked ?? '-'}</Descriptions.Item>
              <Descriptions.Item label="学历">{escort.educationLabel || '-'}</Descriptions.Item>
              <Descriptions.Item label="从业年限">{escort.experienceYears} 年</Descriptions.Item>
              <Descriptions.Item label="服务区域" span={2}>
                {escort.serviceDistricts.join('、') || '-'}
              </Descriptions.Item>
              <Descriptions.Item label="技能标签" span={2}>
                <Space size={[2, 2]} wrap>
                  {escort.skills.map((s) => (
                    <Tag key={s}>{s}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="出发地" span={2}>
                {escort.baseAddress || '-'}
                {escort.baseLatitude ? `（${escort.baseLatitude}, ${escort.baseLongitude}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="简介" span={2}>
                {escort.bio || '-'}
              </Descriptions.Item>
              <Descriptions.Item label="服务单数">{escort.ordersServed}</Descriptions.Item>
              <Descriptions.Item label="评分">{escort.rating === null ? '暂无' : `${escort.rating}（${escort.ratingCount} 条）`}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="形象照">
            {access.canReviewEscorts ? (
              <AuthFileView url={escort.photoUrl} title="形象照" width={240} height={240} />
            ) : (
              <Typography.Text type="secondary">查看照片需要审核权限</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card title="资质证书" style={{ marginTop: 16 }}>
        <CredentialTable rows={escort.credentials} warningDays={rules.expiryWarningDays} canReview={Boolean(access.canReviewEscorts)} onChanged={load} />
      </Card>
      {access.canReviewEscorts && (
        <Card title="审核记录" style={{ marginTop: 16 }}>
          {history_.length === 0 ? (
            <Typography.Text type="secondary">尚无审核记录</Typography.Text>
          ) : (
            <Timeline
              items={history_.map((h) => ({
                color: decisionColor(h.decision),
                children: `${describeDecision(h, escort.credentials)}（${formatDateTime(h.createdAt, 'YYYY-MM-DD HH:mm')}）`,
              }))}
            />
          )}
        </Card>
      )}
      <StatusModal
        escort={escort}
        suspend={statusDialog}
        onClose={() => setStatusDialog(null)}
        onDone={(text) => {
          setStatusDialog(null);
          message.success(text);
          load();
        }}
      />
      <EscortFormModal
        escort={editing ? escort : null}
        onClose={() => setEditing(false)}
        onSaved={(text) => {
          setEditing(false);
          message.success(text);
          load();
        }}
      />
      <EscortWeekDrawer escort={weekOpen ? { id: escort.id, name: escort.name } : null} canWrite={Boolean(access.canWriteSchedules)} onClose={() => setWeekOpen(false)} />
    </PageContainer>
  );
}
