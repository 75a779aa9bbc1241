import { ArrowLeftOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { history, useAccess, useParams } from '@umijs/max';
import { App, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import AuthFileView from '@/components/auth-file-view';
import { GENDER, enumLabel } from '@/constants/enums';
import { APPLICATION_STATUS } from '@/constants/workforce';
import { useWorkforceRules } from '@/hooks/use-workforce-rules';
import {
  getAdminEscortApplicationsById,
  postAdminEscortApplicationsByIdApprove,
  postAdminEscortApplicationsByIdReject,
} from '@/services/generated';
import type { ApplicationDetail } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { formatDateTime } from '@/utils/time';
import { decisionColor, describeDecision } from '../review-history';
import CredentialTable from './components/credential-table';
import DecisionModal from './components/decision-modal';

/** One application: the ID card images and the credentials beside the form data, the decision, and the history. */
export default function ReviewDetailPage() {
  const { id } = useParams<{ id: string }>();
  const access = useAccess();
  const { message } = App.useApp();
  const rules = useWorkforceRules(Boolean(access.canReadSettings));
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<boolean | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await getAdminEscortApplicationsById<ApplicationDetail>({ id: String(id) }, { skipErrorHandler: true }));
      setError(null);
    } catch (e) {
      setError(errorMessageOf(e));
    }
  }, [id]);

  useEffect(() => {
    load();
  }, [load]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => history.push('/workforce/reviews')}>
      返回审核队列
    </Button>
  );

  if (error) return <Result status="warning" title="申请加载失败" subTitle={error} extra={back} />;
  if (!detail) return <Skeleton active paragraph={{ rows: 12 }} style={{ padding: 24 }} />;

  const pending = detail.status === 'pending';
  return (
    <PageContainer
      title={`入驻申请 · ${detail.realName}`}
      tags={<Tag color={APPLICATION_STATUS[detail.status].color}>{detail.statusLabel}</Tag>}
      extra={
        <Space>
          {back}
          {pending && (
            <>
              <Button danger onClick={() => setDeciding(false)}>
                驳回
              </Button>
              <Button type="primary" onClick={() => setDeciding(true)}>
                通过
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title="申请信息">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="姓名">{detail.realName}</Descriptions.Item>
              <Descriptions.Item label="身份证号">{detail.idCardMasked}</Descriptions.Item>
              <Descriptions.Item label="性别">{enumLabel(GENDER, detail.gender)}</Descriptions.Item>
              <Descriptions.Item label="出生年份">{detail.birthYear ?? '-'}</Descriptions.Item>
              <Descriptions.Item label="手机号">{detail.escort.phoneMasked}</Descriptions.Item>
              <Descriptions.Item label="城市">{detail.escort.cityName}</Descriptions.Item>
              <Descriptions.Item label="学历">{detail.educationLabel || '-'}</Descriptions.Item>
              <Descriptions.Item label="从业年限">{detail.experienceYears} 年</Descriptions.Item>
              <Descriptions.Item label="服务区域">{detail.serviceDistricts.join('、') || '-'}</Descriptions.Item>
              <Descriptions.Item label="技能标签">
                <Space size={[2, 2]} wrap>
                  {detail.skills.map((s) => (
                    <Tag key={s}>{s}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="个人简介">{detail.bio || '-'}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatDateTime(detail.submittedAt)}</Descriptions.Item>
              {!pending && (
                <Descriptions.Item label="审核结果">
                  {detail.decidedByName} {formatDateTime(detail.decidedAt, 'YYYY-MM-DD HH:mm')}
                  {detail.decisionReason ? `：${detail.decisionReason}` : ''}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="证件与证书照片" extra={<Typography.Text type="secondary">查看身份证会留下审计记录</Typography.Text>}>
            <Space wrap align="start">
              <AuthFileView url={detail.files.idFront} title="身份证人像面" width={260} height={180} />
              <AuthFileView url={detail.files.idBack} title="身份证国徽面" width={260} height={180} />
              <AuthFileView url={detail.files.photo} title="形象照" width={180} height={180} />
              {detail.credentials.map((c) => (
                <AuthFileView key={c.id} url={c.fileUrl} title={`${c.typeLabel} ${c.certificateNo}`} width={260} height={180} />
              ))}
            </Space>
          </Card>
          <Card title="资质证书（健康证、培训证书等）" style={{ marginTop: 16 }}>
            <CredentialTable rows={detail.credentials} warningDays={rules.expiryWarningDays} canReview onChanged={load} />
          </Card>
        </Col>
      </Row>
      <Card title="审核记录" style={{ marginTop: 16 }}>
        {detail.history.length === 0 ? (
          <Typography.Text type="secondary">尚无审核记录</Typography.Text>
        ) : (
          <Timeline
            items={detail.history.map((h) => ({
              color: decisionColor(h.decision),
              children: (
                <Space direction="vertical" size={0}>
                  <span>{describeDecision(h, detail.credentials)}</span>
                  <Typography.Text type="secondary">{formatDateTime(h.createdAt, 'YYYY-MM-DD HH:mm')}</Typography.Text>
                </Space>
              ),
            }))}
          />
        )}
      </Card>
      <DecisionModal
        subject={deciding === null ? null : `入驻申请 · ${detail.realName}`}
        approve={deciding ?? true}
        onClose={() => setDeciding(null)}
        decide={(reason) =>
          deciding
            ? postAdminEscortApplicationsByIdApprove({ id: String(detail.id) }, { reason })
            : postAdminEscortApplicationsByIdReject({ id: String(detail.id) }, { reason })
        }
        onDone={(text) => {
          setDeciding(null);
          message.success(`${text}，已通知陪诊师`);
          load();
        }}
      />
    </PageContainer>
  );
}
