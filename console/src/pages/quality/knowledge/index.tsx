import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { App, Button, Checkbox, Col, Drawer, Input, Row, Select, Space, Tabs, Timeline } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  getAdminKnowledgeArticles,
  getAdminKnowledgeArticlesById,
  getAdminKnowledgeCategories,
  postAdminKnowledgeArticles,
  postAdminKnowledgeArticlesByIdArchive,
  postAdminKnowledgeArticlesByIdPublish,
  postAdminKnowledgeArticlesByIdUnpublish,
  postAdminKnowledgeArticlesByIdVersionsByVersionRestore,
  putAdminKnowledgeArticlesById,
} from '@/services/generated';
import { ApiError } from '@/utils/api-error';
import { Markdown } from '@/utils/markdown';
import { toPageQuery, toProTableResult } from '@/utils/pro-table';
import { formatDateTime } from '@/utils/time';
import StyleTag from '../components/style-tag';
import { KB_AUDIENCE, KB_STATUS } from '../quality-format';

type Article = API.ArticleSummaryView;
type Draft = { id?: number; audience: string; categoryId: number | null; title: string; body: string; tags: string; isFaq: boolean };
const EMPTY: Draft = { audience: 'customer', categoryId: null, title: '', body: '', tags: '', isFaq: false };
const valueEnumOf = (map: Record<string, { label: string }>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, { text: v.label }]));

/** Knowledge base: search, the Markdown editor with a safe live preview, publishing and versions. */
export default function KnowledgePage() {
  const access = useAccess();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();
  const canWrite = Boolean(access.canWriteKnowledge);
  const [categories, setCategories] = useState<API.KbCategoryView[]>([]);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [detail, setDetail] = useState<API.ArticleDetail | null>(null);

  useEffect(() => {
    getAdminKnowledgeCategories().then((c) => setCategories((c as API.KbCategoryView[]) ?? []), () => undefined);
  }, []);

  const open = async (id?: number) => {
    if (!id) {
      setDetail(null);
      setEditing({ ...EMPTY });
      return;
    }
    const d = (await getAdminKnowledgeArticlesById({ id: String(id) })) as API.ArticleDetail;
    setDetail(d);
    setEditing({ id, audience: d.audience as string, categoryId: d.categoryId ?? null, title: d.title as string, body: d.body as string, tags: (d.tags ?? []).join(' '), isFaq: Boolean(d.isFaq) });
  };

  const run = async (request: () => Promise<unknown>, text: string) => {
    try {
      const after = (await request()) as API.ArticleDetail;
      message.success(text);
      actionRef.current?.reload();
      if (after?.id) await open(after.id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  };

  const save = () => {
    if (!editing) return;
    const body = {
      audience: editing.audience as any,
      categoryId: editing.categoryId,
      title: editing.title,
      body: editing.body,
      tags: editing.tags.split(/[\s,，]+/).filter(Boolean),
      isFaq: editing.isFaq,
    };
    return run(() => (editing.id ? putAdminKnowledgeArticlesById({ id: String(editing.id) }, body) : postAdminKnowledgeArticles(body)), '已保存');
  };

  const columns: ProColumns<Article>[] = [
    { title: '关键字', dataIndex: 'keyword', hideInTable: true },
    { title: '标题', dataIndex: 'title', search: false, render: (_, a) => <a onClick={() => open(a.id as number)}>{a.title}</a> },
    { title: '读者', dataIndex: 'audience', width: 110, valueType: 'select', valueEnum: valueEnumOf(KB_AUDIENCE), render: (_, a) => <StyleTag map={KB_AUDIENCE} code={a.audience} /> },
    { title: '分类', dataIndex: 'categoryName', width: 110, search: false },
    { title: '状态', dataIndex: 'status', width: 90, valueType: 'select', valueEnum: valueEnumOf(KB_STATUS), render: (_, a) => <StyleTag map={KB_STATUS} code={a.status} /> },
    { title: '版本', dataIndex: 'version', width: 60, search: false },
    { title: '浏览', dataIndex: 'viewCount', width: 70, search: false },
    { title: '有帮助 / 没帮助', dataIndex: 'helpfulCount', width: 120, search: false, render: (_, a) => `${a.helpfulCount} / ${a.notHelpfulCount}` },
    { title: '更新', dataIndex: 'updatedAt', width: 170, search: false, render: (_, a) => formatDateTime(a.updatedAt as string) },
  ];

  return (
    <PageContainer>
      <ProTable<Article>
        headerTitle="知识库"
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        pagination={{ defaultPageSize: 20 }}
        request={(params) => toProTableResult(getAdminKnowledgeArticles(toPageQuery(params)) as any)}
        toolBarRender={() =>
          canWrite
            ? [
                <Button key="new" type="primary" onClick={() => open()}>
                  新建文章
                </Button>,
              ]
            : []
        }
      />
      <Drawer open={Boolean(editing)} width={1100} title={editing?.id ? `编辑文章 #${editing.id}` : '新建文章'} onClose={() => setEditing(null)} destroyOnHidden>
        {editing && (
          <Row gutter={16}>
            <Col span={12}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input value={editing.title} onChange={(e) => setEditing({ ...editing, title: e.target.value })} placeholder="标题" maxLength={100} disabled={!canWrite} />
                <Space wrap>
                  <Select
                    style={{ width: 140 }}
                    value={editing.audience}
                    onChange={(audience) => setEditing({ ...editing, audience, categoryId: null })}
                    options={Object.entries(KB_AUDIENCE).map(([value, s]) => ({ value, label: s.label }))}
                    disabled={!canWrite}
                  />
                  <Select
                    style={{ width: 160 }}
                    allowClear
                    placeholder="分类"
                    value={editing.categoryId ?? undefined}
                    onChange={(categoryId) => setEditing({ ...editing, categoryId: categoryId ?? null })}
                    options={categories.filter((c) => c.audience === editing.audience).map((c) => ({ value: c.id, label: c.name }))}
                    disabled={!canWrite}
                  />
                  <Checkbox checked={editing.isFaq} onChange={(e) => setEditing({ ...editing, isFaq: e.target.checked })} disabled={!canWrite}>
                    常见问题
                  </Checkbox>
                </Space>
                <Input value={editing.tags} onChange={(e) => setEditing({ ...editing, tags: e.target.value })} placeholder="标签（空格分隔）" disabled={!canWrite} />
                <Input.TextArea value={editing.body} onChange={(e) => setEditing({ ...editing, body: e.target.value })} rows={18} placeholder="正文（Markdown）" disabled={!canWrite} data-testid="kb-body" />
                {canWrite && (
                  <Space wrap>
                    <Button type="primary" onClick={save} disabled={!editing.title.trim() || !editing.body.trim()}>
                      保存
                    </Button>
                    {detail && detail.status !== 'published' && <Button onClick={() => run(() => postAdminKnowledgeArticlesByIdPublish({ id: String(detail.id) }), '已发布')}>发布</Button>}
                    {detail && detail.status === 'published' && <Button onClick={() => run(() => postAdminKnowledgeArticlesByIdUnpublish({ id: String(detail.id) }), '已撤回为草稿')}>撤回</Button>}
                    {detail && detail.status !== 'archived' && <Button danger onClick={() => run(() => postAdminKnowledgeArticlesByIdArchive({ id: String(detail.id) }), '已下线')}>下线</Button>}
                  </Space>
                )}
              </Space>
            </Col>
            <Col span={12}>
              <Tabs
                items={[
                  { key: 'preview', label: '预览', children: <div data-testid="kb-preview"><h2>{editing.title}</h2><Markdown source={editing.body} /></div> },
                  {
                    key: 'versions',
                    label: `版本（${detail?.versions?.length ?? 0}）`,
                    children: (
                      <Timeline
                        items={(detail?.versions ?? []).map((v) => ({
                          children: (
                            <Space>
                              <span>v{v.version} {v.title}</span>
                              <span>{v.savedBy}</span>
                              <span>{formatDateTime(v.createdAt as string)}</span>
                              {canWrite && detail && v.version !== detail.version && (
                                <a onClick={() => run(() => postAdminKnowledgeArticlesByIdVersionsByVersionRestore({ id: String(detail.id), version: String(v.version) }), `已恢复 v${v.version}`)}>恢复</a>
                              )}
                            </Space>
                          ),
                        }))}
                      />
                    ),
                  },
                ]}
              />
            </Col>
          </Row>
        )}
      </Drawer>
    </PageContainer>
  );
}
