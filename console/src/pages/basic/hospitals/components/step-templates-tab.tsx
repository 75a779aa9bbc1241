import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import StepListEditor from '@/components/step-list-editor';
import { cleanSteps, stepsProblem } from '@/components/step-list';
import { SERVICE_CATEGORY } from '@/constants/enums';
import { deleteAdminHospitalsByIdStepTemplatesByCategoryCode, putAdminHospitalsByIdStepTemplatesByCategoryCode } from '@/services/generated';
import type { StepTemplate } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { formatDateTime } from '@/utils/time';

interface Props {
  hospitalId: number;
  templates: StepTemplate[];
  canWrite: boolean;
  onChanged(): void;
}

type Drafts = Record<string, string[]>;

function draftsOf(templates: StepTemplate[]): Drafts {
  const drafts: Drafts = {};
  for (const code of Object.keys(SERVICE_CATEGORY)) drafts[code] = templates.find((t) => t.categoryCode === code)?.steps ?? [];
  return drafts;
}

/** One ordered step list per service category; saving replaces the whole list. */
export default function StepTemplatesTab({ hospitalId, templates, canWrite, onChanged }: Props) {
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(templates));
  useEffect(() => setDrafts(draftsOf(templates)), [templates]);

  const save = async (code: string) => {
    const problem = stepsProblem(drafts[code]);
    if (problem) {
      message.warning(problem);
      return;
    }
    try {
      await putAdminHospitalsByIdStepTemplatesByCategoryCode({ id: String(hospitalId), categoryCode: code }, { steps: cleanSteps(drafts[code]) });
    } catch (e) {
      if (e instanceof ApiError) return;
      throw e;
    }
    message.success('流程已保存');
    onChanged();
  };

  const remove = async (code: string) => {
    try {
      await deleteAdminHospitalsByIdStepTemplatesByCategoryCode({ id: String(hospitalId), categoryCode: code });
    } catch (e) {
      if (e instanceof ApiError) return;
      throw e;
    }
    message.success('流程已删除');
    onChanged();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {Object.entries(SERVICE_CATEGORY).map(([code, category]) => {
        const saved = templates.find((t) => t.categoryCode === code);
        return (
          <Card
            key={code}
            size="small"
            title={category.label}
            extra={
              saved ? (
                <Typography.Text type="secondary">更新于 {formatDateTime(saved.updatedAt, 'YYYY-MM-DD HH:mm')}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">未设置</Typography.Text>
              )
            }
          >
            <StepListEditor value={drafts[code] ?? []} disabled={!canWrite} onChange={(steps) => setDrafts((d) => ({ ...d, [code]: steps }))} />
            {canWrite && (
              <Space style={{ marginTop: 12 }}>
                <Button type="primary" onClick={() => save(code)}>
                  保存{category.label}流程
                </Button>
                {saved && (
                  <Popconfirm title={`删除${category.label}流程？`} onConfirm={() => remove(code)} okText="删除" cancelText="取消">
                    <Button danger>删除</Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </Card>
        );
      })}
    </Space>
  );
}
