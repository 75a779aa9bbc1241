import { bearer, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { indexFields, KnowledgeService } from '../../src/modules/knowledge/knowledge.service';
import { KbArticle } from '../../src/modules/knowledge/kb-article.entity';
import { containsQuery, queryTerms, weightedTerms } from '../../src/modules/search/text-terms';

jest.setTimeout(240_000);

/**
 * Knowledge search ranks and pages in SQL (SQLite here, MariaDB with TEST_DB=mysql). These tests
 * pin the ranking (whole-query hit in the title, then a tag, then the summary, then anywhere;
 * then the index score; then newest first), paging, the index scope that follows an article's
 * status, and — against a plain JavaScript statement of the same rules over every article — that
 * the SQL gives exactly the same list and total for a spread of queries.
 */
describe('knowledge search: ranking and paging in SQL', () => {
  let t: TestApp;
  let support: string;
  let kb: KnowledgeService;

  beforeAll(async () => {
    t = await startTestApp();
    support = await staffToken(t, 'support');
    kb = await t.app.getApplicationContext().getAsync(KnowledgeService);
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown>, publish = true) => {
    const a = await kb.create({}, { audience: 'customer', tags: [], ...body } as never);
    return publish ? kb.setStatus({}, a.id, 'published') : a;
  };
  const help = (keyword: string, page = 1, pageSize = 50) => t.http().get('/api/app/help/articles').query({ keyword, page, pageSize });
  const ids = async (keyword: string) => expectOk(await help(keyword)).list.map((a: any) => a.id);

  it('ranks a hit in the title, then a tag, then the summary, then the body; one-term and longer queries alike', async () => {
    // (Without a summary the body's first words become it: these give their own.)
    const body = await create({ title: '服务说明一', summary: '说明', body: '关于甲乙丙丁的说明' });
    const summary = await create({ title: '服务说明二', summary: '甲乙丙丁摘要', body: '正文' });
    const tag = await create({ title: '服务说明三', tags: ['甲乙丙丁'], body: '正文' });
    const title = await create({ title: '甲乙丙丁须知', body: '正文' });
    expect(await ids('甲乙丙丁')).toEqual([title.id, tag.id, summary.id, body.id]);
    // Two characters: one index term, ranked from the index alone, same order.
    expect(await ids('甲乙')).toEqual([title.id, tag.id, summary.id, body.id]);
    // One character.
    expect(await ids('丙')).toEqual([title.id, tag.id, summary.id, body.id]);
  });

  it('puts a scattered match (every bigram, not the whole query) below a whole-query hit, and breaks ties newest first', async () => {
    // 戊己 / 己庚 / 庚辛 all in the title but never 戊己庚辛 in one piece: found (the index over-matches), ranked as a body hit.
    const scattered = await create({ title: '戊己路 己庚村 庚辛站', summary: '无', body: '无' });
    const inBody = await create({ title: '其他', summary: '其他', body: '这里有戊己庚辛' });
    const first = await create({ title: '戊己庚辛指南', body: '一' });
    const second = await create({ title: '戊己庚辛指南', body: '二' });
    const found = await ids('戊己庚辛');
    expect(found.slice(0, 2)).toEqual([second.id, first.id]);
    // Both tier 3; the scattered one has the title's weight on every term, so the higher score.
    expect(found.slice(2)).toEqual([scattered.id, inBody.id]);
  });

  it('pages with a stable order and the full total, one-term and multi-term, and past the end', async () => {
    const made: number[] = [];
    for (let i = 0; i < 23; i++) made.push((await create({ title: `翻页测试第${i}篇`, tags: i % 3 ? [] : ['翻页测试'], body: `内容${i}` })).id);
    for (const keyword of ['翻页', '翻页测试']) {
      const seen: number[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = expectOk(await help(keyword, page, 10));
        expect(res).toMatchObject({ total: 23, page, pageSize: 10 });
        seen.push(...res.list.map((a: any) => a.id));
      }
      expect(seen).toHaveLength(23);
      expect(new Set(seen)).toEqual(new Set(made));
      // All title hits of the same score (a term's weight is its weightiest field's, so the tag adds nothing): newest first.
      expect(seen).toEqual([...made].reverse());
      const past = expectOk(await help(keyword, 9, 10));
      expect(past).toMatchObject({ total: 23, list: [] });
    }
  });

  it('keeps the index scope with the status: drafts and archived articles leave the help center, republished ones return', async () => {
    const a = await create({ title: '壬癸事项', body: '正文' }, false);
    expect(await ids('壬癸')).toEqual([]);
    await kb.setStatus({}, a.id, 'published');
    expect(await ids('壬癸')).toEqual([a.id]);
    expect(await ids('壬癸事项')).toEqual([a.id]);
    await kb.setStatus({}, a.id, 'archived');
    expect(await ids('壬癸')).toEqual([]);
    // Staff still find it, by status and without one.
    const staff = (q: Record<string, unknown>) => t.http().get('/api/admin/knowledge/articles').query({ keyword: '壬癸', ...q }).set(bearer(support));
    expect(expectOk(await staff({ status: 'archived' })).list.map((x: any) => x.id)).toEqual([a.id]);
    expect(expectOk(await staff({})).list.map((x: any) => x.id)).toEqual([a.id]);
    expect(expectOk(await staff({ status: 'published' })).total).toBe(0);
  });

  it('applies the staff filters (category, FAQ) with a keyword', async () => {
    const cat = expectOk(await t.http().post('/api/admin/knowledge/categories').set(bearer(support)).send({ name: '搜索分类', audience: 'customer' }));
    const inCat = await create({ title: '子丑寅卯', categoryId: cat.id, body: '正文' });
    const faq = await create({ title: '子丑寅卯常见问题', isFaq: true, body: '正文' });
    const staff = (q: Record<string, unknown>) => t.http().get('/api/admin/knowledge/articles').query(q).set(bearer(support));
    for (const keyword of ['子丑', '子丑寅卯']) {
      expect(expectOk(await staff({ keyword, categoryId: cat.id })).list.map((x: any) => x.id)).toEqual([inCat.id]);
      expect(expectOk(await staff({ keyword, faq: true })).list.map((x: any) => x.id)).toEqual([faq.id]);
      expect(expectOk(await staff({ keyword })).total).toBe(2);
    }
  });

  it('gives exactly what the plain statement of the rules gives, for a spread of queries over generated articles', async () => {
    const words = ['挂号', '退款', '陪诊', '医保', '报告', '取药', 'CT', '2号楼', '夜间'];
    const places = ['中山医院', '华山医院', '六院', '中山路'];
    for (let i = 0; i < 40; i++) {
      const w = words[i % words.length];
      const o = words[(i * 5 + 2) % words.length];
      const p = places[i % places.length];
      await create({
        title: i % 4 === 0 ? `${p}${w}说明` : `${w}与${o}`,
        tags: i % 3 === 0 ? [o] : [],
        summary: i % 5 === 0 ? `${p}的${o}` : '',
        body: `${o}流程：先到${p}，再办${w}。编号${i}`,
      });
    }
    const all = (await t.dataSource.getRepository(KbArticle).find({ where: { audience: 'customer', status: 'published' } })) as KbArticle[];
    const reference = (query: string) => {
      const wanted = queryTerms(query);
      const hit = (text: string) => containsQuery(text, query);
      return all
        .map(a => {
          const terms = weightedTerms(indexFields(a));
          if (!wanted.length || !wanted.every(x => terms.has(x))) return null;
          const score = wanted.reduce((s, x) => s + (terms.get(x) ?? 0), 0);
          const tier = hit(a.title) ? 0 : a.tags.some(hit) ? 1 : hit(a.summary) ? 2 : 3;
          return { id: a.id, tier, score };
        })
        .filter((x): x is { id: number; tier: number; score: number } => x !== null)
        .sort((x, y) => x.tier - y.tier || y.score - x.score || y.id - x.id)
        .map(x => x.id);
    };
    // Both ways of finding a longer query's matches (the database picks one by term counts) must agree with the rules.
    for (const strategy of ['auto', 'rows', 'grouped'] as const) {
      kb.searchStrategy = strategy;
      for (const q of ['挂号', '医院', '中山', '中山医院', '中山 挂号', '退款说明', 'ct', 'CT与', '2号', '号楼', '院', '夜间 医保', '不存在的词', '山医院挂']) {
        const expected = reference(q);
        const res = expectOk(await help(q, 1, 100));
        expect({ strategy, q, total: res.total, ids: res.list.map((a: any) => a.id) }).toEqual({ strategy, q, total: expected.length, ids: expected.slice(0, 100) });
        // The second page of 5 is the reference's sixth to tenth.
        const p2 = expectOk(await help(q, 2, 5));
        expect({ strategy, q, ids: p2.list.map((a: any) => a.id) }).toEqual({ strategy, q, ids: expected.slice(5, 10) });
      }
    }
    kb.searchStrategy = 'auto';
  });
});
