import { openScratch } from '../../scripts/lib/schema-tools';

const dialect = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

/** The KnowledgeSearch migration fills the new columns for articles written before it. */
describe(`the KnowledgeSearch migration on ${dialect}`, () => {
  it('gives existing articles their index scope and normalised search columns', async () => {
    const { ds, close } = await openScratch(dialect, 'escort_kbmig_test');
    try {
      const name = (ds.migrations.find(m => /^KnowledgeSearch/.test(m.name ?? '')) as { name: string }).name;
      while ((await ds.query('SELECT name FROM migrations')).some((r: { name: string }) => r.name === name)) await ds.undoLastMigration({ transaction: 'each' });
      await ds.query(
        "INSERT INTO kb_articles (id, audience, status, title, summary, body, tags, updated_by) VALUES (1, 'customer', 'published', 'ＣＴ 检查，如何预约', '摘要：MRI', '## 正文\n\n**B 超**室在 2 楼', ?, '')",
        [JSON.stringify(['B超', '预约 须知'])]
      );
      await ds.query("INSERT INTO text_index (doc_type, doc_id, term, weight) VALUES ('kb_article', 1, '预约', 10), ('kb_article', 1, 'ct', 10), ('hospital', 1, '预约', 10)");
      await ds.runMigrations({ transaction: 'each' });
      const [a] = await ds.query('SELECT search_title, search_tags, search_summary, search_body FROM kb_articles WHERE id = 1');
      expect(a).toEqual({ search_title: 'ct检查 如何预约', search_tags: 'b超 预约须知', search_summary: '摘要 mri', search_body: '正文b超室在2楼' });
      const scopes = await ds.query('SELECT doc_type, scope FROM text_index ORDER BY id');
      expect(scopes).toEqual([
        { doc_type: 'kb_article', scope: 'customer:published' },
        { doc_type: 'kb_article', scope: 'customer:published' },
        { doc_type: 'hospital', scope: '' },
      ]);
    } finally {
      await close();
    }
  });
});
