import { bearer, expectError, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { customerLogin, escortLogin } from '../helpers/http';
import { KbArticleVersion } from '../../src/modules/knowledge/kb-article-version.entity';
import { XSS } from '../reviews/quality-fixtures';

jest.setTimeout(180_000);

/** Runs on SQLite and, with TEST_DB=mysql, on MariaDB: the Chinese search must behave the same on both. */
describe('knowledge base and help center', () => {
  let t: TestApp;
  let admin: string;
  let support: string;
  let customer: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await staffToken(t, 'admin');
    support = await staffToken(t, 'support');
    customer = (await customerLogin(t, '13800000001')).accessToken;
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown>, publish = true) => {
    const a = expectOk(await t.http().post('/api/admin/knowledge/articles').set(bearer(support)).send({ audience: 'customer', ...body }));
    return publish ? expectOk(await t.http().post(`/api/admin/knowledge/articles/${a.id}/publish`).set(bearer(support))) : a;
  };
  const help = (keyword: string) => t.http().get('/api/app/help/articles').query({ keyword, pageSize: 50 });

  it('finds Chinese substrings through the bigram index: 挂号 finds 如何在线挂号', async () => {
    const target = await create({ title: '如何在线挂号', body: '打开小程序，选择医院与科室后即可预约。', tags: ['预约'] });
    await create({ title: '退款多久到账', body: '退款原路返回，一般 1-3 个工作日到账。' });
    await create({ title: '支付方式', body: '支持微信支付。如需挂号费代缴，请在备注说明。' });
    const res = expectOk(await help('挂号'));
    // The title hit ranks above the body hit; the refund article has no 挂号 at all.
    expect(res.list[0]).toMatchObject({ id: target.id, title: '如何在线挂号' });
    expect(res.list.map((a: any) => a.title)).toContain('支付方式');
    expect(res.list.map((a: any) => a.title)).not.toContain('退款多久到账');
    expect(expectOk(await help('在线挂')).list.map((a: any) => a.id)).toEqual([target.id]);
    expect(expectOk(await help('多久到账')).list.map((a: any) => a.title)).toEqual(expect.arrayContaining(['退款多久到账', '如何取消订单，退款多久到账']));
    expect(expectOk(await help('号挂')).total).toBe(0);
    // The demo help center is searchable too.
    expect(expectOk(await help('隐私')).list[0].title).toBe('隐私政策');
  });

  it('shows customers only published customer articles; staff and escort material stays out', async () => {
    const draft = await create({ title: '草稿：挂号新流程', body: '内部评审中' }, false);
    const staffOnly = await create({ title: '挂号投诉处理口径', body: '仅客服可见', audience: 'staff' });
    const training = await create({ title: '陪诊师挂号培训', body: '培训内容', audience: 'escort' });
    const ids = expectOk(await help('挂号')).list.map((a: any) => a.id);
    expect(ids).not.toEqual(expect.arrayContaining([draft.id]));
    expect(ids).not.toContain(staffOnly.id);
    expect(ids).not.toContain(training.id);
    expectError(await t.http().get(`/api/app/help/articles/${draft.id}`), 404, 'NOT_FOUND');
    const staffSearch = expectOk(await t.http().get('/api/admin/knowledge/articles').query({ keyword: '挂号', pageSize: 50 }).set(bearer(support)));
    expect(staffSearch.list.map((a: any) => a.id)).toEqual(expect.arrayContaining([draft.id, staffOnly.id, training.id]));
    const escort = await escortLogin(t, '13900000001');
    const forEscort = expectOk(await t.http().get('/api/escort/knowledge/articles').query({ keyword: '挂号' }).set(bearer(escort.accessToken)));
    expect(forEscort.list.map((a: any) => a.id)).toEqual([training.id]);
  });

  it('renders Markdown safely: HTML in an article is text, links with scripts are dropped', async () => {
    const a = await create({ title: '安全测试', body: `# 标题\n\n${XSS}\n\n[点我](javascript:alert(1)) [帮助](/help)` });
    const read = expectOk(await t.http().get(`/api/app/help/articles/${a.id}`));
    expect(read.bodyHtml).toContain('<h1>标题</h1>');
    expect(read.bodyHtml).not.toMatch(/<img|<script|javascript:/i);
    expect(read.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(read.bodyHtml).toContain('<a href="/help" rel="noopener noreferrer nofollow">帮助</a>');
    expect(read.viewCount).toBe(1);
  });

  it('keeps every saved version, restores an old one as a new version, and re-indexes on save', async () => {
    const a = await create({ title: '取消订单规则', body: '开始前 24 小时取消免费。' });
    const saved = expectOk(await t.http().put(`/api/admin/knowledge/articles/${a.id}`).set(bearer(support)).send({ audience: 'customer', title: '如何取消订单', body: '开始前 2 小时取消收取 20% 违约金。' }));
    expect(saved).toMatchObject({ version: 2, status: 'published' });
    expect(saved.versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(expectOk(await help('违约金')).list.map((x: any) => x.id)).toContain(a.id);
    expect(expectOk(await help('取消免费')).list.map((x: any) => x.id)).not.toContain(a.id);
    const v1 = expectOk(await t.http().get(`/api/admin/knowledge/articles/${a.id}/versions/1`).set(bearer(support)));
    expect(v1).toMatchObject({ title: '取消订单规则' });
    const restored = expectOk(await t.http().post(`/api/admin/knowledge/articles/${a.id}/versions/1/restore`).set(bearer(support)));
    expect(restored).toMatchObject({ version: 3, title: '取消订单规则' });
    expect(await t.dataSource.getRepository(KbArticleVersion).count({ where: { articleId: a.id } })).toBe(3);
    expectOk(await t.http().post(`/api/admin/knowledge/articles/${a.id}/archive`).set(bearer(support)));
    expectError(await t.http().get(`/api/app/help/articles/${a.id}`), 404, 'NOT_FOUND');
  });

  it('counts one helpful vote per customer, which they may change', async () => {
    const a = await create({ title: '如何评价', body: '订单完成后在订单详情中评价。' });
    expectError(await t.http().post(`/api/app/help/articles/${a.id}/vote`).send({ helpful: true }), 401, 'AUTH_REQUIRED');
    expect(expectOk(await t.http().post(`/api/app/help/articles/${a.id}/vote`).set(bearer(customer)).send({ helpful: true }))).toMatchObject({ helpfulCount: 1, notHelpfulCount: 0 });
    expect(expectOk(await t.http().post(`/api/app/help/articles/${a.id}/vote`).set(bearer(customer)).send({ helpful: true }))).toMatchObject({ helpfulCount: 1 });
    expect(expectOk(await t.http().post(`/api/app/help/articles/${a.id}/vote`).set(bearer(customer)).send({ helpful: false }))).toMatchObject({ helpfulCount: 0, notHelpfulCount: 1 });
  });

  it('turns a ticket into a draft article in one step, and guards the editor by permission', async () => {
    const tk = expectOk(await t.http().post('/api/app/tickets').set(bearer(customer)).send({ type: 'app_problem', title: '发票怎么开', content: '服务完成后需要发票' }));
    expectOk(await t.http().post(`/api/admin/tickets/${tk.id}/messages`).set(bearer(support)).send({ content: '在订单详情点击「申请发票」即可。' }));
    const draft = expectOk(await t.http().post('/api/admin/knowledge/articles/from-ticket').set(bearer(support)).send({ ticketId: tk.id }));
    expect(draft).toMatchObject({ status: 'draft', title: '发票怎么开', sourceTicketId: tk.id, audience: 'customer' });
    expect(draft.body).toContain('申请发票');
    const finance = await staffToken(t, 'finance');
    expectError(await t.http().post('/api/admin/knowledge/articles').set(bearer(finance)).send({ audience: 'customer', title: 'x', body: 'y' }), 403, 'FORBIDDEN');
    const cat = expectOk(await t.http().post('/api/admin/knowledge/categories').set(bearer(admin)).send({ name: '员工手册', audience: 'staff' }));
    expectError(await t.http().post('/api/admin/knowledge/articles').set(bearer(support)).send({ audience: 'customer', categoryId: cat.id, title: 'x', body: 'y' }), 422, 'KB_CATEGORY_AUDIENCE_MISMATCH');
    const home = expectOk(await t.http().get('/api/app/help'));
    expect(home.faq.map((a: any) => a.title)).toEqual(expect.arrayContaining(['如何预约陪诊服务', '如何支付订单', '如何评价服务']));
    expect(home.categories.map((c: any) => c.name)).toEqual(['常见问题', '条款与隐私']);
  });
});
