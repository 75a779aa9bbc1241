import { Alert, App, Checkbox, Descriptions, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { CANDIDATE_TIER } from '@/constants/workforce';
import { getAdminOrdersByIdCandidates, postAdminOrdersByIdAssign } from '@/services/generated';
import type { Candidate, Candidates } from '@/services/workforce-models';
import { ApiError, errorMessageOf } from '@/utils/api-error';
import { formatDateTime } from '@/utils/time';
import { assignCheck, defaultAssignReason, distanceText, scoreParts } from '../dispatch-format';

interface Props {
  /** The order to dispatch; null keeps the modal closed. */
  orderId: number | null;
  onClose(): void;
  onDone(message: string): void;
}

function ScoreBreakdown({ c }: { c: Candidate }) {
  return (
    <Space size={[4, 4]} wrap>
      {scoreParts(c.parts).map((p) => (
        <Tag key={p.part} color={p.points > 0 ? 'blue' : 'default'} data-testid={`score-${c.escortId}-${p.part}`}>
          {p.label} {p.points}/{p.max}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * 派单 / 改派: the ranked candidates for one order with each score's parts and every reason an
 * escort cannot take it; the dispatcher picks one, gives the reason the API requires, and confirms
 * the exception when only soft reasons (outside the shift, tight travel time) stand in the way.
 */
export default function AssignCandidatesModal({ orderId, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [data, setData] = useState<Candidates | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const load = useCallback(async () => {
    if (orderId === null) return;
    setLoading(true);
    setError(null);
    try {
      const result = await getAdminOrdersByIdCandidates<Candidates>({ id: String(orderId), limit: 20 }, { skipErrorHandler: true });
      setData(result);
      const top = result.candidates.find((c) => c.available && !c.current);
      setSelectedId(top?.escortId ?? null);
      setReason(defaultAssignReason(top, Boolean(result.order.escortId)));
      setConfirmed(false);
    } catch (e) {
      setError(errorMessageOf(e));
    } finally {
      setLoading(false);
    }
  }, [orderId]);

  useEffect(() => {
    setData(null);
    load();
  }, [load]);

  const selected = data?.candidates.find((c) => c.escortId === selectedId);
  const reassign = Boolean(data?.order.escortId);
  const check = assignCheck(selected, confirmed);
  const reasonOk = reason.trim().length >= 2;

  const pick = (c: Candidate) => {
    setSelectedId(c.escortId);
    setConfirmed(false);
    setReason(defaultAssignReason(c, reassign));
  };

  const submit = async () => {
    if (!check.ok || !selected || orderId === null) return;
    setSubmitting(true);
    try {
      await postAdminOrdersByIdAssign(
        { id: String(orderId) },
        { escortId: selected.escortId, reason: reason.trim(), force: check.force },
        { skipErrorHandler: true },
      );
      onDone(`${reassign ? '已改派' : '已派单'}给 ${selected.name}`);
    } catch (e) {
      // Someone else may have taken the time meanwhile: show why and the fresh ranking.
      message.error(errorMessageOf(e));
      if (e instanceof ApiError && (e.status === 409 || e.status === 422)) load();
    } finally {
      setSubmitting(false);
    }
  };

  const columns: ColumnsType<Candidate> = [
    { title: '排名', dataIndex: 'rank', width: 56 },
    {
      title: '陪诊师',
      dataIndex: 'name',
      width: 150,
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Space size={4}>
            <Typography.Text strong>{c.name}</Typography.Text>
            {c.current && <Tag color="purple">当前</Tag>}
          </Space>
          <Typography.Text type="secondary">
            {c.levelLabel} · {c.rating === null ? '暂无评分' : `${c.rating} 分（${c.ratingCount}）`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '可派',
      dataIndex: 'tier',
      width: 170,
      render: (_, c) => (
        <Space direction="vertical" size={2}>
          <Tag color={CANDIDATE_TIER[c.tier].color}>{CANDIDATE_TIER[c.tier].label}</Tag>
          {c.reasons.map((r) => (
            <Typography.Text key={r.code} type="danger" style={{ fontSize: 12 }}>
              {r.label}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: '得分',
      dataIndex: 'score',
      width: 70,
      render: (_, c) => <Typography.Text strong>{Math.round(c.score * 10) / 10}</Typography.Text>,
    },
    { title: '得分构成', key: 'parts', render: (_, c) => <ScoreBreakdown c={c} /> },
    {
      title: '距离 / 当日单量',
      key: 'facts',
      width: 120,
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <span>{distanceText(c.distanceMeters)}</span>
          <span>当日 {c.todayLoad} 单</span>
          {c.servedCustomerBefore && (
            <Tooltip title="服务过该客户">
              <Tag color="cyan">老客户</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Modal
      open={orderId !== null}
      title={data ? `${reassign ? '改派' : '派单'} ${data.order.orderNo}` : '派单'}
      width={1100}
      onCancel={onClose}
      onOk={submit}
      okText={reassign ? '确认改派' : '确认派单'}
      okButtonProps={{ disabled: !check.ok || !reasonOk, loading: submitting }}
      cancelText="返回"
      destroyOnHidden
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon message={`推荐加载失败：${error}`} style={{ marginBottom: 12 }} />}
      {data && (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="服务">{data.order.serviceName}</Descriptions.Item>
          <Descriptions.Item label="时间">
            {formatDateTime(data.order.startAt, 'MM-DD HH:mm')}–{formatDateTime(data.order.endAt, 'HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label="医院">{data.order.hospitalName || data.order.serviceAddress || '-'}</Descriptions.Item>
          <Descriptions.Item label="所需资质">{data.requirements.requiredQualifications.join('、') || '无'}</Descriptions.Item>
          <Descriptions.Item label="路程缓冲">{data.requirements.travelBufferMinutes} 分钟</Descriptions.Item>
          <Descriptions.Item label="候选">
            共 {data.counts.total} 人：可派 {data.counts.available}，可例外 {data.counts.overridable}，不可派 {data.counts.unavailable}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table<Candidate>
        rowKey="escortId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.candidates ?? []}
        pagination={false}
        scroll={{ y: 360 }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selectedId === null ? [] : [selectedId],
          onChange: (_keys, rows) => rows[0] && pick(rows[0]),
          getCheckboxProps: (c) => ({ disabled: c.current || (!c.available && !c.overridable), name: `candidate-${c.escortId}` }),
        }}
        onRow={(c) => ({ onClick: () => (c.current || (!c.available && !c.overridable) ? undefined : pick(c)) })}
        locale={{ emptyText: '本城市没有在岗的陪诊师' }}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        {selected && !selected.available && selected.overridable && (
          <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
            已与陪诊师确认，按例外派单（{selected.reasons.map((r) => r.label).join('、')}）
          </Checkbox>
        )}
        <Input.TextArea
          aria-label="派单原因"
          placeholder="派单 / 改派原因（必填，记入订单时间线）"
          value={reason}
          maxLength={200}
          autoSize={{ minRows: 2, maxRows: 3 }}
          onChange={(e) => setReason(e.target.value)}
        />
        {!check.ok && selected && <Typography.Text type="warning">{check.message}</Typography.Text>}
        {!reasonOk && <Typography.Text type="warning">请填写至少 2 个字的原因</Typography.Text>}
      </Space>
    </Modal>
  );
}
