import { Button, Descriptions, Drawer, List, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { HOSPITAL_ENABLED, NOTICE_LEVEL, NOTICE_STATUS, enumLabel } from '@/constants/enums';
import NoticeFormModal from '@/pages/basic/hospital-notices/components/notice-form-modal';
import { getAdminHospitalsById } from '@/services/generated';
import type { HospitalDetail, HospitalNotice } from '@/services/models';
import { formatDateTime } from '@/utils/time';
import DepartmentsTab from './departments-tab';
import MeetingPointsTab from './meeting-points-tab';
import StepTemplatesTab from './step-templates-tab';

interface Props {
  hospitalId: number | null;
  canWrite: boolean;
  onClose(): void;
  onEdit(detail: HospitalDetail): void;
}

/** A hospital with everything kept under it: departments, meeting points, step templates, notices. */
export default function HospitalDrawer({ hospitalId, canWrite, onClose, onEdit }: Props) {
  const [detail, setDetail] = useState<HospitalDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [editingNotice, setEditingNotice] = useState<HospitalNotice | null>(null);

  const load = useCallback(async () => {
    if (hospitalId === null) return;
    setLoading(true);
    try {
      setDetail(await getAdminHospitalsById<HospitalDetail>({ id: String(hospitalId) }));
    } catch {
      // The request layer showed the error; the drawer stays on what it had.
    } finally {
      setLoading(false);
    }
  }, [hospitalId]);

  useEffect(() => {
    setDetail(null);
    load();
  }, [load]);

  return (
    <Drawer
      open={hospitalId !== null}
      onClose={onClose}
      width={880}
      destroyOnHidden
      title={detail ? detail.name : '医院详情'}
      extra={
        canWrite && detail ? (
          <Button type="primary" onClick={() => onEdit(detail)}>
            编辑资料
          </Button>
        ) : null
      }
    >
      {!detail ? (
        <Spin spinning={loading} style={{ width: '100%', marginTop: 48 }} />
      ) : (
        <Tabs
          items={[
            {
              key: 'info',
              label: '基本信息',
              children: (
                <Descriptions column={2} bordered size="small">
                  <Descriptions.Item label="城市">{detail.cityName}</Descriptions.Item>
                  <Descriptions.Item label="等级">{detail.grade}</Descriptions.Item>
                  <Descriptions.Item label="别名">{detail.alias || '-'}</Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <Tag color={HOSPITAL_ENABLED[String(detail.enabled) as 'true' | 'false'].color}>
                      {enumLabel(HOSPITAL_ENABLED, String(detail.enabled))}
                    </Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label="地址" span={2}>
                    {detail.address}
                  </Descriptions.Item>
                  <Descriptions.Item label="坐标" span={2}>
                    {detail.latitude ? `${detail.latitude}, ${detail.longitude}` : '-'}
                  </Descriptions.Item>
                  <Descriptions.Item label="电话">{detail.phone}</Descriptions.Item>
                  <Descriptions.Item label="更新时间">{formatDateTime(detail.updatedAt)}</Descriptions.Item>
                  <Descriptions.Item label="门诊时间" span={2}>
                    {detail.outpatientHours || '-'}
                  </Descriptions.Item>
                  <Descriptions.Item label="探视时间" span={2}>
                    {detail.visitingHours || '-'}
                  </Descriptions.Item>
                  <Descriptions.Item label="简介" span={2}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{detail.intro || '-'}</Typography.Paragraph>
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'departments',
              label: `科室（${detail.departments.length}）`,
              children: <DepartmentsTab hospitalId={detail.id} departments={detail.departments} canWrite={canWrite} onChanged={load} />,
            },
            {
              key: 'meeting-points',
              label: `集合点（${detail.meetingPoints.length}）`,
              children: <MeetingPointsTab hospitalId={detail.id} meetingPoints={detail.meetingPoints} canWrite={canWrite} onChanged={load} />,
            },
            {
              key: 'steps',
              label: '服务流程',
              children: <StepTemplatesTab hospitalId={detail.id} templates={detail.stepTemplates} canWrite={canWrite} onChanged={load} />,
            },
            {
              key: 'notices',
              label: `公告（${detail.notices.filter((n) => n.status !== 'expired').length}）`,
              children: (
                <>
                  {canWrite && (
                    <Button
                      type="dashed"
                      style={{ marginBottom: 12 }}
                      onClick={() => {
                        setEditingNotice(null);
                        setNoticeOpen(true);
                      }}
                    >
                      发布公告
                    </Button>
                  )}
                  <List<HospitalNotice>
                    bordered
                    size="small"
                    dataSource={detail.notices}
                    locale={{ emptyText: '暂无公告' }}
                    renderItem={(n) => (
                      <List.Item
                        actions={
                          canWrite
                            ? [
                                <a
                                  key="edit"
                                  onClick={() => {
                                    setEditingNotice(n);
                                    setNoticeOpen(true);
                                  }}
                                >
                                  编辑
                                </a>,
                              ]
                            : []
                        }
                      >
                        <List.Item.Meta
                          title={
                            <Space>
                              <Tag color={NOTICE_STATUS[n.status].color}>{enumLabel(NOTICE_STATUS, n.status)}</Tag>
                              <Tag color={NOTICE_LEVEL[n.level]?.color}>{enumLabel(NOTICE_LEVEL, n.level)}</Tag>
                              {n.title}
                              {n.departmentName && <Typography.Text type="secondary">（{n.departmentName}）</Typography.Text>}
                            </Space>
                          }
                          description={`${formatDateTime(n.startsAt, 'YYYY-MM-DD HH:mm')} 至 ${formatDateTime(n.endsAt, 'YYYY-MM-DD HH:mm')}　${n.content}`}
                        />
                      </List.Item>
                    )}
                  />
                  {canWrite && (
                    <NoticeFormModal
                      notice={editingNotice}
                      hospital={{ id: detail.id, name: detail.name }}
                      open={noticeOpen}
                      onOpenChange={setNoticeOpen}
                      onSaved={load}
                    />
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
